import { useShallow } from 'zustand/react/shallow';
import { analysisOf } from '../../store/eventTime';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { fmt } from './EventTimePlot';
import { windowRows } from './results';
import './WindowResults.css';
import { useViewSim } from '../viewSim';

const selectResults = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One row per window (and key): each result it emitted, when, and how long after the window ended. */
export function WindowResults() {
  const { sim } = useViewSim(useShallow(selectResults));
  const analysis = analysisOf(sim);
  if (!analysis) return null;
  const nowMs = sim.timeMs;
  const rows = windowRows(analysis.emissions, nowMs);
  const spec = analysis.spec;
  const modeNote =
    spec.engine === 'spark'
      ? {
          append:
            'Append mode: each window is emitted once, final, when the watermark passes its end; then its state is dropped.',
          update:
            'Update mode: every window that changed in a micro-batch is emitted again; state is dropped silently once the watermark passes the window’s end.',
          complete:
            'Complete mode: the whole result table is emitted after every micro-batch; nothing is ever dropped, so late tuples still count and state grows without bound.',
        }[spec.spark.outputMode]
      : 'Flink: a window fires once when the watermark reaches its end − 1 ms, and again for each late tuple within the allowed lateness.';
  const newest = analysis.emissions.filter((e) => e.atMs <= nowMs).at(-1);
  const summary = newest
    ? `${rows.length} window result${rows.length === 1 ? '' : 's'} so far. Newest: window [${secs(newest.window.startMs)}, ${secs(newest.window.endMs)})${newest.key === null ? '' : ` for key ${newest.key}`} ${newest.kind === 'first' ? 'fired' : 'fired again'} at ${secs(newest.atMs)} with ${newest.value} (${newest.count} tuple${newest.count === 1 ? '' : 's'}).`
    : 'No window has produced a result yet.';
  return (
    <div className="wresults">
      <LiveSummary text={summary} />
      <p className="muted">
        {modeNote} Neither engine retracts a result here: a later result for the same window replaces the
        earlier one downstream.
      </p>
      {rows.length === 0 ? (
        <p>No window has produced a result yet.</p>
      ) : (
        <table className="wtable">
          <caption className="sr-only">Window results up to {secs(nowMs)}</caption>
          <thead>
            <tr>
              <th scope="col">Window</th>
              {spec.keyed && <th scope="col">Key</th>}
              <th scope="col">Results ({spec.aggregate}), when emitted</th>
              <th scope="col">First result after window end</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(-40).map((r) => (
              <tr key={`${r.window.startMs}-${r.window.endMs}-${r.key}`}>
                <th scope="row">
                  [{secs(r.window.startMs)}, {secs(r.window.endMs)})
                </th>
                {spec.keyed && <td>{r.key}</td>}
                <td>
                  {r.emissions.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a window may emit twice at the same moment (two late tuples)
                    <span key={`${e.atMs}-${i}`} className={`emission emission--${e.kind}`}>
                      <strong>{fmt(e.value)}</strong> at {secs(e.atMs)}
                      {e.kind === 'update' ? ' (update)' : e.kind === 'late' ? ' (late firing)' : ''}
                    </span>
                  ))}
                </td>
                <td>{secs(r.emissions[0]!.atMs - r.window.endMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
