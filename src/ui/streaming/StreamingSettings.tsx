import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StreamingSpec } from '../../engine';
import { RATE_SCALES } from '../../scenarios/edits';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';

const selectSettings = (s: ReturnType<typeof useSim.getState>) => ({
  spec: s.sim.scenario.spec.streaming,
  editStreaming: s.editStreaming,
  rateScale: s.rateScale,
  setRateScale: s.setRateScale,
});

const INTERVALS = [500, 1000, 2000, 3000, 5000];

/** The StreamingContext's settings: batch interval, cores, cost per record, backpressure, checkpoint directory. */
export function StreamingSettings() {
  const { spec, editStreaming, rateScale, setRateScale } = useSim(useShallow(selectSettings));
  const [problems, setProblems] = useState<readonly string[]>([]);
  const id = useId();
  if (!spec) return null;
  const edit = (change: Partial<StreamingSpec>) => setProblems(editStreaming({ ...spec, ...change }));
  const num = (value: string, apply: (n: number) => void) => {
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) apply(n);
  };
  return (
    <fieldset className="settings">
      <legend>Streaming context</legend>
      <label className="field" htmlFor={`${id}-interval`}>
        <span>Batch interval</span>
        <select
          id={`${id}-interval`}
          value={spec.batchIntervalMs}
          onChange={(e) => edit({ batchIntervalMs: Number(e.target.value) })}
        >
          {[...new Set([...INTERVALS, spec.batchIntervalMs])]
            .sort((a, b) => a - b)
            .map((ms) => (
              <option key={ms} value={ms}>
                {ms / 1000} s
              </option>
            ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-rate`}>
        <span>Producer rate</span>
        <select id={`${id}-rate`} value={rateScale} onChange={(e) => setRateScale(Number(e.target.value))}>
          {RATE_SCALES.map((x) => (
            <option key={x} value={x}>
              ×{x}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-cost`}>
        <span>Cost per record (ms)</span>
        <input
          id={`${id}-cost`}
          type="number"
          min={0}
          step={1}
          value={spec.perRecordMs}
          onChange={(e) => num(e.target.value, (n) => edit({ perRecordMs: n }))}
        />
      </label>
      <label className="field" htmlFor={`${id}-cores`}>
        <span>Cores</span>
        <input
          id={`${id}-cores`}
          type="number"
          min={1}
          max={64}
          step={1}
          value={spec.cores}
          onChange={(e) => num(e.target.value, (n) => edit({ cores: n }))}
        />
      </label>
      <label className="field field--check" htmlFor={`${id}-bp`}>
        <input
          id={`${id}-bp`}
          type="checkbox"
          checked={spec.backpressure.enabled}
          onChange={(e) => edit({ backpressure: { ...spec.backpressure, enabled: e.target.checked } })}
        />
        <span>Backpressure</span>
      </label>
      <label className="field" htmlFor={`${id}-ckpt`}>
        <span>Checkpoint directory</span>
        <input
          id={`${id}-ckpt`}
          type="text"
          placeholder="not set"
          value={spec.checkpointDir ?? ''}
          onChange={(e) => edit({ checkpointDir: e.target.value.trim() === '' ? null : e.target.value })}
        />
      </label>
      <FormProblems problems={problems} />
    </fieldset>
  );
}
