import { useShallow } from 'zustand/react/shallow';
import { queryBatchPhase, type StateRow } from '../../engine';
import type { useSim } from '../../store/simStore';
import { secs, windowText } from './format';
import './StateStore.css';
import { useViewSim } from '../viewSim';

const selectState = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const rowKey = (r: StateRow) =>
  `${r.key ?? ''}|${r.window?.startMs ?? ''}|${r.window?.endMs ?? ''}|${r.text ?? r.value}`;

/**
 * The state store after the last committed batch: its version (batch id + 1), its rows, the rows that
 * batch added or updated, and the rows it evicted — with the watermark that evicted them.
 */
export function StateStore() {
  const { sim } = useViewSim(useShallow(selectState));
  const q = sim.query();
  if (!q) return null;
  const now = sim.timeMs;
  const last = q.batches.filter((b) => queryBatchPhase(b, now) === 'committed').at(-1);
  if (!last) return <p className="muted">Empty: no batch has committed yet (version 0).</p>;
  const st = last.state;
  const added = new Set(st.added.map(rowKey));
  const updated = new Set(st.updated.map(rowKey));
  const op = sim.scenario.spec.query!.operator;
  // A learner's flatMapGroupsWithState keeps no window (the catalogue's keep their first and last event).
  const windowed = st.rows.some((r) => r.window !== null);
  const valueName =
    op.kind === 'windowAggregation' ? op.aggregate : op.kind === 'dropDuplicates' ? 'event time' : 'state';
  return (
    <div className="qstate">
      <p className="qstate__summary">
        Version <b>{st.version}</b> (written by batch {last.batchId}) of operator{' '}
        <code>{st.operatorName}</code>: {st.numRowsTotal} rows, {st.numRowsUpdated} added or updated,{' '}
        {st.numRowsRemoved} evicted, {st.numRowsDroppedByWatermark} rows dropped by the watermark, about{' '}
        {(st.memoryUsedBytes / 1024).toFixed(1)} KiB held.
      </p>
      {st.rows.length === 0 ? (
        <p className="muted">No rows held.</p>
      ) : (
        <table className="wtable">
          <caption className="sr-only">State store rows, version {st.version}</caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              {windowed && (
                <th scope="col">{op.kind === 'flatMapGroupsWithState' ? 'events seen' : 'window'}</th>
              )}
              <th scope="col">{valueName}</th>
              {op.kind === 'flatMapGroupsWithState' && <th scope="col">times out</th>}
              <th scope="col">in this batch</th>
            </tr>
          </thead>
          <tbody>
            {st.rows.map((r) => {
              const mark = added.has(rowKey(r)) ? 'added' : updated.has(rowKey(r)) ? 'updated' : '';
              return (
                <tr key={rowKey(r)} className={mark ? `is-${mark}` : undefined}>
                  <td>{r.key ?? 'all'}</td>
                  {windowed && <td className="mono">{r.window ? windowText(r.window) : ''}</td>}
                  <td>{op.kind === 'dropDuplicates' ? secs(r.value) : (r.text ?? r.value)}</td>
                  {op.kind === 'flatMapGroupsWithState' && (
                    <td>{r.timeoutAtMs === null ? '' : secs(r.timeoutAtMs)}</td>
                  )}
                  <td>{mark}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {st.removed.length > 0 && (
        <div className="qstate__evicted">
          <h3>Evicted by batch {last.batchId}</h3>
          <ul className="plain">
            {st.removed.map((r) => (
              <li key={rowKey(r)}>
                <s>
                  {r.key ?? 'all'} {r.window ? windowText(r.window) : ''} = {r.text ?? r.value}
                </s>{' '}
                — {evictionWhy(r, last.watermarkMs, op.kind)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function evictionWhy(r: StateRow, watermarkMs: number, kind: string): string {
  if (kind === 'flatMapGroupsWithState') return `timed out at ${secs(r.timeoutAtMs ?? 0)}`;
  if (kind === 'dropDuplicates')
    return `its event time ${secs(r.value)} is at or below the watermark ${secs(watermarkMs)}`;
  return `the window ends at ${secs(r.window!.endMs)}, at or before the watermark ${secs(watermarkMs)}: no row can change it any more`;
}
