import { MAPPING_FNS, UPDATE_FNS } from '../../../engine';
import { Select } from './fields';
import { functionChoice, OWN, OWN_OPTION, OwnFunctionField } from './OwnFunctionField';
import type { OpEditorProps } from './opEditor';

/** The editors of the stateful operations: the update or mapping function, and the StateSpec timeout. */
export function StateFields({ id, op, has, label, onChange }: OpEditorProps) {
  return (
    <>
      {(op.op === 'updateStateByKey' || op.op === 'mapWithState') && (
        <Select
          id={`${id}-sfn`}
          label="function"
          aria={label(op.op === 'updateStateByKey' ? 'update function' : 'mapping function')}
          value={op.code !== undefined ? OWN : (op.fn ?? '')}
          options={[
            ...(op.op === 'updateStateByKey' ? UPDATE_FNS : MAPPING_FNS).map(
              (f) => [f.name, f.label] as const,
            ),
            OWN_OPTION,
          ]}
          onChange={(v) => {
            const change = functionChoice(op, v, null);
            if (change) onChange(change);
          }}
        />
      )}
      {(op.op === 'updateStateByKey' || op.op === 'mapWithState') && (
        <OwnFunctionField id={id} op={op} label={label} onChange={onChange} />
      )}
      {has('timeoutMs') && (
        <label className="field" htmlFor={`${id}-timeout`}>
          <span>timeout (s)</span>
          <input
            id={`${id}-timeout`}
            type="number"
            min={0}
            step={1}
            placeholder="none"
            value={op.timeoutMs === undefined ? '' : op.timeoutMs / 1000}
            aria-label={label('StateSpec timeout in seconds (empty: none)')}
            onChange={(e) => {
              const v = e.target.value.trim();
              const n = Number(v);
              if (v === '') onChange({ timeoutMs: undefined });
              else if (Number.isFinite(n) && n > 0) onChange({ timeoutMs: Math.round(n * 1000) });
            }}
          />
        </label>
      )}
    </>
  );
}
