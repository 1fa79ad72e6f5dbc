import { useId } from 'react';
import type { StreamOpSpec, ValueType } from '../../../engine';
import { fieldsOf } from '../../../scenarios/streamingSchema';
import { FunctionFields } from './FunctionFields';
import { Select } from './fields';
import { GuaranteeField, PrintCountField } from './OutputFields';
import type { OpEditorProps } from './opEditor';
import { SourceFields } from './SourceFields';
import { StateFields } from './StateFields';
import { WindowFields } from './WindowFields';

/** One operation of the program: its Scala signature, what it reads, its editors, its remove button. */
export function OpRow({
  op,
  index,
  earlier,
  inputType,
  failing,
  batchIntervalMs,
  onChange,
  onRemove,
}: {
  op: StreamOpSpec;
  index: number;
  earlier: readonly StreamOpSpec[];
  inputType: ValueType | null;
  failing: boolean;
  batchIntervalMs: number;
  onChange: (change: Partial<StreamOpSpec>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { required, optional } = fieldsOf(op.op);
  const fields = [...required, ...optional];
  const has = (f: keyof StreamOpSpec) => fields.includes(f);
  const label = (what: string) => `${op.id}: ${what}`;
  const editor: OpEditorProps = { id, op, has, label, onChange };
  return (
    <li className={`op${failing ? ' op--failing' : ''}`}>
      <div className="op__head">
        <code className="op__sig">
          {op.op === 'print' || op.op === 'sink' || op.op === 'foreachRDD' ? '' : `${op.id} = `}
          {op.input
            ? `${op.input}.${op.op}`
            : op.op === 'kafkaDirectStream'
              ? 'KafkaUtils.createDirectStream'
              : op.op === 'receiverStream'
                ? 'ssc.receiverStream'
                : 'new ArrivalsInputDStream'}
        </code>
        <button type="button" className="icon-button" aria-label={`Remove ${op.id}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <div className="op__fields">
        {has('input') && (
          <Select
            id={`${id}-input`}
            label="of"
            aria={label('input DStream')}
            value={op.input ?? ''}
            options={earlier.map((o) => [o.id, o.id])}
            onChange={(v) => onChange({ input: v })}
          />
        )}
        {has('other') && (
          <Select
            id={`${id}-other`}
            label="with"
            aria={label('other DStream')}
            value={op.other ?? ''}
            options={earlier.filter((o) => o.id !== op.input).map((o) => [o.id, o.id])}
            onChange={(v) => onChange({ other: v })}
          />
        )}
        <StateFields {...editor} />
        <GuaranteeField {...editor} />
        <FunctionFields {...editor} inputType={inputType} />
        <WindowFields {...editor} batchIntervalMs={batchIntervalMs} />
        <PrintCountField {...editor} />
        <SourceFields {...editor} />
      </div>
      {index === 0 && op.op === 'kafkaDirectStream' && (
        <p className="op__hint">
          One RDD partition per Kafka partition; each batch reads from the last position to the latest offset.
        </p>
      )}
    </li>
  );
}
