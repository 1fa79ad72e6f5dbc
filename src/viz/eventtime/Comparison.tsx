import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type Emission, type EventTimeSpec, nominalSizeMs } from '../../engine';
import { analysisOf, recordsOf } from '../../store/eventTime';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { fmt } from './EventTimePlot';
import { type ComparedRow, compareResults, meanLatencyMs, processingTimeEmissions } from './results';
import { useComputedAnalysis } from './useComputedAnalysis';
import './Comparison.css';
import { useViewSim } from '../viewSim';

/** flinkKafka: Flink reading the same topic, one watermark per partition (with withIdleness: flinkIdle). */
type Mode = 'delay' | 'engine' | 'processing' | 'flinkKafka' | 'flinkIdle';

/** The idle timeout the comparison gives Flink's withIdleness. */
const IDLENESS_MS = 5000;

const selectCompare = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The same tuples under a second setting, side by side, with every difference marked. */
export function EventTimeComparison() {
  const { sim } = useViewSim(useShallow(selectCompare));
  const id = useId();
  const [mode, setMode] = useState<Mode>('delay');
  const a = analysisOf(sim);
  const base = a?.spec;
  const currentDelay = base ? (base.engine === 'spark' ? base.spark.delayMs : base.flink.boundMs) : 0;
  const [delayS, setDelayS] = useState<number>(Math.max(0, currentDelay / 1000 + 3));
  const other = base && mode !== 'processing' ? otherSpec(base, mode, currentDelay, delayS) : null;
  // The other setting's analysis: on a large run computed in slices, after the view has shown.
  const otherAnalysis = useComputedAnalysis(sim, other, a?.records.length ?? 0);
  if (!a || !base) return null;
  const nowMs = sim.timeMs;
  let label: string;
  /** Null while the other setting's analysis is being computed. */
  let b: { emissions: readonly Emission[]; dropped: number } | null;
  if (mode === 'processing') {
    const size = nominalSizeMs(base.window);
    label = `processing-time windows of ${size / 1000} s`;
    b = {
      emissions: processingTimeEmissions(
        recordsOf(sim),
        size,
        base.aggregate,
        base.keyed,
        sim.scenario.spec.durationMs,
      ),
      dropped: 0,
    };
  } else {
    label =
      mode === 'flinkKafka'
        ? 'Flink reading the same topic, one watermark per partition'
        : mode === 'flinkIdle'
          ? `Flink reading the same topic, idle partitions marked after ${IDLENESS_MS / 1000} s (withIdleness)`
          : mode === 'engine'
            ? `${base.engine === 'spark' ? 'Flink' : 'Spark'}’s rules`
            : `a watermark ${delayS} s behind (instead of ${currentDelay / 1000} s)`;
    b = otherAnalysis
      ? {
          emissions: otherAnalysis.emissions,
          dropped: otherAnalysis.late.filter((l) => l.atMs <= nowMs).length,
        }
      : null;
  }
  const rows = b ? compareResults(a.emissions, b.emissions, nowMs) : [];
  const droppedA = a.late.filter((l) => l.atMs <= nowMs).length;
  const latA = meanLatencyMs(a, nowMs);
  const latB = b ? meanLatencyMs(b, nowMs) : null;
  const differing = rows.filter((r) => r.differs).length;
  const byTime = rows.filter((r) => r.difference === 'time').length;
  const how =
    differing === 0
      ? ''
      : byTime === 0
        ? ''
        : byTime === differing
          ? ', all only in when they came out'
          : `, ${byTime} of them only in when they came out`;
  const summaryText = b
    ? `Against ${label}: ${differing} of ${rows.length} window results differ${how}. Dropped: ${droppedA} here, ${b.dropped} there. Mean wait from window end to first result: ${latA === null ? '—' : secs(latA)} here, ${latB === null ? '—' : secs(latB)} there.`
    : `Running the query against ${label} over the ${a.records.length} tuples…`;
  return (
    <div className="etcompare">
      <div className="etcompare__bar">
        <label className="field" htmlFor={`${id}-mode`}>
          <span>Compare with</span>
          <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="delay">another watermark delay</option>
            {base.window.kind !== 'eventTime' && (
              <option value="engine">{base.engine === 'spark' ? 'Flink' : 'Spark'}’s rules</option>
            )}
            <option value="processing">processing-time windows</option>
            {sim.scenario.spec.delivery?.model === 'log' && base.window.kind !== 'eventTime' && (
              <>
                <option value="flinkKafka">Flink on the same topic, per partition</option>
                <option value="flinkIdle">Flink on the same topic, with withIdleness</option>
              </>
            )}
          </select>
        </label>
        {mode === 'delay' && (
          <label className="field" htmlFor={`${id}-delay`}>
            <span>delay (s)</span>
            <input
              id={`${id}-delay`}
              type="number"
              min={0}
              step={0.5}
              value={delayS}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= 0) setDelayS(n);
              }}
            />
          </label>
        )}
      </div>
      <p className="etcompare__summary">{summaryText}</p>
      <LiveSummary text={summaryText} />
      {b && (
        <table className="wtable wtable--compare">
          <caption className="sr-only">Window results compared with {label}</caption>
          <thead>
            <tr>
              <th scope="col">Window</th>
              {base.keyed && <th scope="col">Key</th>}
              <th scope="col">This setting</th>
              <th scope="col">{label}</th>
              <th scope="col">What differs</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(-30).map((r) => (
              <tr
                key={`${r.window.startMs}-${r.window.endMs}-${r.key}`}
                className={r.differs ? 'is-different' : ''}
              >
                <th scope="row">
                  [{secs(r.window.startMs)}, {secs(r.window.endMs)})
                  {r.differs ? <span className="sr-only"> (differs)</span> : null}
                </th>
                {base.keyed && <td>{r.key}</td>}
                <td>{r.a ? `${fmt(r.a.value)} at ${secs(r.a.atMs)}` : 'not yet'}</td>
                <td>{r.b ? `${fmt(r.b.value)} at ${secs(r.b.atMs)}` : 'not yet'}</td>
                <td>{DIFFERENCE[r.difference]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const DIFFERENCE: Record<ComparedRow['difference'], string> = {
  none: '—',
  value: 'the value',
  time: 'only the time',
  onlyA: 'only here so far',
  onlyB: 'only there so far',
};

/** The setting compared with `base` in `mode` (any mode but processing-time windows). */
function otherSpec(
  base: EventTimeSpec,
  mode: Exclude<Mode, 'processing'>,
  currentDelay: number,
  delayS: number,
): EventTimeSpec {
  if (mode === 'flinkKafka' || mode === 'flinkIdle')
    return {
      ...base,
      engine: 'flink',
      inputs: 'perPartition',
      flink: { ...base.flink, boundMs: currentDelay, idlenessMs: mode === 'flinkIdle' ? IDLENESS_MS : null },
    };
  if (mode === 'engine') return { ...base, engine: base.engine === 'spark' ? 'flink' : 'spark' };
  return base.engine === 'spark'
    ? { ...base, spark: { ...base.spark, delayMs: Math.round(delayS * 1000) } }
    : { ...base, flink: { ...base.flink, boundMs: Math.round(delayS * 1000) } };
}
