import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StructuredFaultSpec } from '../../engine';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';

const selectControls = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  editQuery: s.editQuery,
});

/** Failures of the query: crash the driver or lose an executor at the moment shown; take them back. */
export function QueryControls() {
  const { sim, editQuery } = useSim(useShallow(selectControls));
  const id = useId();
  const [restartS, setRestartS] = useState(3);
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
      <label className="field" htmlFor={`${id}-restart`}>
        <span>back after</span>
        <select id={`${id}-restart`} value={restartS} onChange={(e) => setRestartS(Number(e.target.value))}>
          {[1, 2, 3, 5, 8].map((s) => (
            <option key={s} value={s}>
              {s} s
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => add({ kind: 'executorLoss', atMs })}>
        Lose an executor now
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
