import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { QueryChange, StructuredFaultSpec, StructuredSpec } from '../../engine';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';
import { RestartAfterField } from '../../viz/RestartAfterField';

const selectControls = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  editQuery: s.editQuery,
});

/**
 * Restarts a learner can try: what Spark accepts from the same checkpoint ("Recovery Semantics after
 * Changes in a Streaming Query") and what it refuses.
 */
const RESTARTS: readonly {
  readonly id: string;
  readonly label: string;
  readonly change: (q: StructuredSpec) => QueryChange;
}[] = [
  { id: 'same', label: 'nothing changed', change: () => ({}) },
  { id: 'rate', label: 'maxOffsetsPerTrigger 10 (allowed)', change: () => ({ maxOffsetsPerTrigger: 10 }) },
  {
    id: 'delay',
    label: 'watermark delay + 5 s (allowed)',
    change: (q) => ({ delaysMs: q.inputs.map((i) => i.delayMs + 5000) }),
  },
  {
    id: 'trigger',
    label: 'trigger every 2 s (allowed)',
    change: () => ({ trigger: { kind: 'processingTime', intervalMs: 2000 } }),
  },
  {
    id: 'keys',
    label: 'group without the key (refused)',
    change: (q) =>
      q.operator.kind === 'windowAggregation'
        ? { operator: { ...q.operator, keyed: !q.operator.keyed } }
        : { operator: { kind: 'dropDuplicates' } },
  },
  { id: 'inputs', label: 'a second input (refused)', change: (q) => ({ inputs: q.inputs.length + 1 }) },
];

/** Failures of the query: crash the driver, lose an executor or restart with a change at the moment shown. */
export function QueryControls() {
  const { sim, editQuery } = useSim(useShallow(selectControls));
  const id = useId();
  const [restartS, setRestartS] = useState(3);
  const [restart, setRestart] = useState('rate');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const spec = sim.scenario.spec.query;
  if (!spec) return null;
  const atMs = Math.max(spec.startAtMs, Math.round(sim.timeMs));
  const add = (fault: StructuredFaultSpec) =>
    setProblems(editQuery({ ...spec, faults: [...spec.faults, fault] }));
  return (
    <div className="recovery__bar">
      <button
        type="button"
        className="button button--danger"
        onClick={() => add({ kind: 'driverCrash', atMs, restartAfterMs: restartS * 1000 })}
      >
        Crash the driver now
      </button>
      <RestartAfterField id={`${id}-restart`} seconds={restartS} onChange={setRestartS} />
      <button type="button" className="button" onClick={() => add({ kind: 'executorLoss', atMs })}>
        Lose an executor now
      </button>
      <label className="field" htmlFor={`${id}-change`}>
        <span>restart with</span>
        <select id={`${id}-change`} value={restart} onChange={(e) => setRestart(e.target.value)}>
          {RESTARTS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        onClick={() =>
          add({ kind: 'restart', atMs, change: RESTARTS.find((r) => r.id === restart)!.change(spec) })
        }
      >
        Restart now
      </button>
      {spec.faults.length > 0 && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setProblems(editQuery({ ...spec, faults: [] }))}
        >
          Remove failures
        </button>
      )}
      <FormProblems problems={problems} />
    </div>
  );
}
