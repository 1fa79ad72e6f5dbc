import { useId, useState } from 'react';
import {
  type DStreamNode,
  FN_LISTS,
  type FnOp,
  type StreamingSpec,
  type StreamOpKind,
  type StreamOpSpec,
} from '../../../engine';
import { STREAM_OPS } from '../../../scenarios/streamingSchema';
import { FN_OPS } from './opSpec';

const ADDABLE = STREAM_OPS.filter((o) => !o.endsWith('Stream'));

/** The "add an operation" form: it proposes a sensible default for the chosen operation. */
export function AddOperation({
  spec,
  nodes,
  onAdd,
}: {
  spec: StreamingSpec;
  nodes: readonly DStreamNode[];
  onAdd: (op: StreamOpSpec) => void;
}) {
  const id = useId();
  const streams = spec.pipeline.filter((o) => o.op !== 'print' && o.op !== 'sink' && o.op !== 'foreachRDD');
  const [kind, setKind] = useState<StreamOpKind>('window');
  const [input, setInput] = useState<string>('');
  const parent = input || streams[streams.length - 1]?.id || '';
  const submit = () => {
    const taken = new Set(spec.pipeline.map((o) => o.id));
    let n = 1;
    while (taken.has(`${kind}${n}`)) n++;
    const name = `${kind}${n}`;
    const type = nodes.find((x) => x.spec.id === parent)?.type;
    const B = spec.batchIntervalMs;
    const op: StreamOpSpec = { id: name, op: kind, input: parent };
    const fnFor = (k: FnOp) => FN_LISTS[k].find((f) => !type || f.accepts(type)) ?? FN_LISTS[k][0]!;
    let extra: Partial<StreamOpSpec> = {};
    if (FN_OPS.includes(kind)) {
      const f = fnFor(kind as FnOp);
      extra = { fn: f.name, ...(f.arg ? { arg: f.arg.initial } : {}) };
    }
    if (kind === 'union') extra = { other: streams.find((o) => o.id !== parent)?.id ?? parent };
    if (kind === 'reduceByKey') extra = { reduce: 'sum' };
    if (kind === 'reduceByKeyAndWindow')
      extra = { reduce: 'sum', windowMs: 3 * B, slideMs: 2 * B, inverse: false };
    if (
      kind === 'window' ||
      kind === 'countByWindow' ||
      kind === 'countByValueAndWindow' ||
      kind === 'groupByKeyAndWindow'
    )
      extra = { windowMs: 3 * B, slideMs: 2 * B };
    if (kind === 'print') extra = { num: 10 };
    if (kind === 'updateStateByKey' || kind === 'mapWithState') extra = { fn: 'runningSum' };
    if (kind === 'sink') extra = { guarantee: 'atLeastOnce' };
    onAdd({ ...op, ...extra });
  };
  return (
    <form
      className="builder__add"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field" htmlFor={`${id}-op`}>
        <span>Add</span>
        <select
          id={`${id}-op`}
          aria-label="Operation to add"
          value={kind}
          onChange={(e) => setKind(e.target.value as StreamOpKind)}
        >
          {ADDABLE.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-in`}>
        <span>of</span>
        <select
          id={`${id}-in`}
          aria-label="Apply it to"
          value={parent}
          onChange={(e) => setInput(e.target.value)}
        >
          {streams.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Add operation
      </button>
    </form>
  );
}
