import { useShallow } from 'zustand/react/shallow';
import {
  batchStatus,
  type CallReason,
  type DStreamNode,
  formatValue,
  MAPPING_FNS,
  type StateStep,
  type StreamingRun,
  UPDATE_FNS,
  type Value,
  type ValueType,
  valueKey,
} from '../../engine';
import type { useSim } from '../../store/simStore';
import { floatNoiseCleaner } from '../format/floatNoise';
import { LiveSummary } from '../LiveSummary';
import './StateInspector.css';
import { useViewSim } from '../viewSim';

const selectState = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${ms / 1000} s`;

const reasonText: Record<CallReason, string> = {
  newValues: 'new values',
  noNewValues: 'no new values',
  record: 'record',
  timeout: 'timing out',
};

/** The latest batch by `nowMs` whose jobs have finished (its state is what the sink saw). */
function shownBatchTime(run: StreamingRun, nowMs: number): number | null {
  for (let i = run.batches.length - 1; i >= 0; i--) {
    const b = run.batches[i]!;
    if (b.generatedAtMs <= nowMs && batchStatus(b, nowMs) === 'done') return b.timeMs;
  }
  return null;
}

/**
 * The keyed state of each stateful DStream at the latest finished batch: for which keys its function
 * was called and why, and the state table with added, updated, removed and timed-out keys marked.
 * Several stateful DStreams on the same input sit side by side.
 */
export function StateInspector() {
  const { sim } = useViewSim(useShallow(selectState));
  const run = sim.streaming();
  if (!run || run.error) return null;
  const stateful = run.nodes.filter((n) => n.spec.op === 'updateStateByKey' || n.spec.op === 'mapWithState');
  if (stateful.length === 0) return <p>This pipeline keeps no state.</p>;
  const t = shownBatchTime(run, sim.timeMs);
  if (t === null) return <p>No batch has finished yet: there is no state to show.</p>;
  const summary = `State after the batch at ${secs(t)}: ${stateful
    .map((node) => {
      const keys = run.stateAt(node.index, t)?.state.size ?? 0;
      return `${node.spec.id} holds ${keys} key${keys === 1 ? '' : 's'}`;
    })
    .join('; ')}.`;
  return (
    <div className="state-grid">
      <LiveSummary text={summary} />
      {stateful.map((node) => (
        <StateColumn key={node.index} run={run} node={node} timeMs={t} />
      ))}
    </div>
  );
}

function StateColumn({ run, node, timeMs }: { run: StreamingRun; node: DStreamNode; timeMs: number }) {
  const step = run.stateAt(node.index, timeMs);
  const isUpdate = node.spec.op === 'updateStateByKey';
  const fn = (isUpdate ? UPDATE_FNS : MAPPING_FNS).find((f) => f.name === node.spec.fn);
  const checkpointed = run.isCheckpointTime(node, timeMs);
  const parentType = run.nodes[node.parents[0]!]?.type;
  const keyType = parentType?.kind === 'pair' ? parentType.key : null;
  return (
    <section className="state-col" aria-labelledby={`state-${node.index}`}>
      <h3 id={`state-${node.index}`}>
        <code>
          {node.spec.id} = {node.spec.input}.{node.spec.op}
        </code>
      </h3>
      <p className="muted">
        {node.spec.code !== undefined ? <code>{node.spec.code}</code> : fn?.label}
        {node.spec.timeoutMs !== undefined ? `, timeout ${secs(node.spec.timeoutMs)}` : ''}.{' '}
        {isUpdate
          ? 'Its function runs once per key that has state or new values — in every batch, even when a key got nothing.'
          : 'Its function runs once per record, only for keys in the batch; idle keys time out only when the state is checkpointed.'}
      </p>
      {!step ? (
        <p>Not computed at {secs(timeMs)}.</p>
      ) : (
        <StepView step={step} node={node} keyType={keyType} timeMs={timeMs} checkpointed={checkpointed} />
      )}
    </section>
  );
}

function StepView({
  step,
  node,
  keyType,
  timeMs,
  checkpointed,
}: {
  step: StateStep;
  node: DStreamNode;
  keyType: ValueType | null;
  timeMs: number;
  checkpointed: boolean;
}) {
  const show = (k: Value) => formatValue(k, keyType);
  const stateType = node.stateType ?? null;
  // A running sum of doubles carries rounding noise: shown without it, with a note (issue 20).
  const noise = floatNoiseCleaner();
  const showState = (v: Value | null | undefined) =>
    v === null || v === undefined ? '' : noise.clean(formatValue(v, stateType));
  const mark = (id: string) =>
    step.added.includes(id) ? 'added' : step.updated.includes(id) ? 'updated' : 'unchanged';
  const gone = [
    ...step.removed.map((id) => ({ id, kind: 'removed' as const })),
    ...step.timedOut.map((id) => ({ id, kind: 'timed out' as const })),
  ];
  const callKeys = step.calls.map((c) => `${show(c.key)} (${reasonText[c.reason]})`);
  return (
    <>
      <p>
        Batch at <strong>{secs(timeMs)}</strong>
        {checkpointed ? ' — its state RDD is checkpointed in this batch' : ''}:{' '}
        {step.calls.length === 0
          ? 'the function was not called.'
          : `called ${step.calls.length} time${step.calls.length === 1 ? '' : 's'}: ${callKeys.join(', ')}.`}
      </p>
      <table className="wtable state-table">
        <caption className="sr-only">State after the batch at {secs(timeMs)}</caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">state</th>
            <th scope="col">this batch</th>
          </tr>
        </thead>
        <tbody>
          {[...step.state.entries()].map(([id, e]) => {
            const m = mark(id);
            return (
              <tr key={id} className={`state-row state-row--${m}`}>
                <th scope="row">{show(e.key)}</th>
                <td>{showState(e.value)}</td>
                <td>{m === 'unchanged' ? '—' : m}</td>
              </tr>
            );
          })}
          {gone.map((g) => {
            const call = step.calls.find((c) => valueKey(c.key) === g.id);
            return (
              <tr key={`${g.id}-gone`} className="state-row state-row--removed">
                <th scope="row">{call ? show(call.key) : g.id.slice(1)}</th>
                <td>
                  <s>{showState(call?.before)}</s>
                </td>
                <td>{g.kind}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FloatNote note={noise.note()} />
    </>
  );
}

function FloatNote({ note }: { note: string | null }) {
  return note ? <p className="muted">{note}</p> : null;
}
