import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type QueryBatch, queryBatchPhase, tickOfTime } from '../../engine';
import type { useSim } from '../../store/simStore';
import { offsetsText, PHASE_TEXT, secs, sinkText, windowText } from './format';
import './QueryProgress.css';
import { useViewSim } from '../viewSim';

const selectProgress = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  seek: s.seek,
});

/**
 * One row per micro-batch, in the shape of Spark's StreamingQueryProgress: batch id, trigger time,
 * offset ranges per partition, input rows, processing time, the watermark used and the new one,
 * state rows, rows dropped as late, what the sink received. A row opens its batch below; "Go to"
 * moves every view to the moment the batch committed (or was killed).
 */
export function QueryProgress() {
  const { sim, seek } = useViewSim(useShallow(selectProgress));
  const [open, setOpen] = useState<string | null>(null);
  const q = sim.query();
  if (!q) return null;
  const now = sim.timeMs;
  const tickMs = sim.scenario.spec.tickMs;
  const batches = q.batches.filter((b) => b.triggerMs <= now);
  const keyOf = (b: QueryBatch) => `${b.batchId}.${b.runIndex}`;
  const shown = batches.find((b) => keyOf(b) === open) ?? null;
  // The driver is down between a crash and the next run's start (which may already be computed
  // when the learner has stepped back).
  const stoppedRun = q.runs.find(
    (r, i) =>
      r.stopReason === 'driverCrash' &&
      r.stoppedMs !== null &&
      r.stoppedMs <= now &&
      (q.runs[i + 1]?.startMs ?? Number.POSITIVE_INFINITY) > now,
  );
  return (
    <div className="qprogress">
      <p className="muted qprogress__status" aria-live="polite">
        {statusLine(
          q.error && q.error.atMs <= now ? q.error : null,
          stoppedRun ? stoppedRun.stoppedMs : null,
          batches.at(-1) ?? null,
          now,
        )}
      </p>
      {batches.length === 0 ? (
        <p className="muted">
          No micro-batch yet: the query starts at {secs(sim.scenario.spec.query!.startAtMs)}.
        </p>
      ) : (
        <div className="qprogress__scroll">
          <table className="wtable qprogress__table">
            <caption className="sr-only">Micro-batches up to {secs(now)}</caption>
            <thead>
              <tr>
                <th scope="col">batch</th>
                <th scope="col">trigger</th>
                <th scope="col">offsets per partition</th>
                <th scope="col">rows</th>
                <th scope="col">processing</th>
                <th scope="col">watermark used → new</th>
                <th scope="col">state rows</th>
                <th scope="col">late, dropped</th>
                <th scope="col">sink</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => {
                const phase = queryBatchPhase(b, now);
                const key = keyOf(b);
                return (
                  <tr key={key} className={`qprogress__row is-${phase}${key === open ? ' is-open' : ''}`}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={key === open}
                        onClick={() => setOpen(key === open ? null : key)}
                      >
                        {b.batchId}
                        {b.reRun ? ' (re-run)' : ''}
                      </button>
                    </th>
                    <td>{secs(b.triggerMs)}</td>
                    <td className="mono">
                      {b.inputs.flatMap((i) =>
                        i.ranges.map((r) => (
                          <span key={`${i.input}-${r.partition}`} className="qprogress__range">
                            {offsetsText([r])}
                          </span>
                        )),
                      )}
                    </td>
                    <td>{b.noData ? 'no data' : b.numInputRows}</td>
                    <td>{phase === 'committed' ? secs(b.commitMs - b.triggerMs) : PHASE_TEXT[phase]}</td>
                    <td>
                      {secs(b.watermarkMs)} →{' '}
                      {phase === 'committed' && b.nextWatermarkMs !== null ? secs(b.nextWatermarkMs) : '…'}
                    </td>
                    <td>{phase === 'committed' ? b.state.numRowsTotal : '…'}</td>
                    <td>{b.dropped.length > 0 ? b.dropped.length : ''}</td>
                    <td>{b.sink !== null && now >= b.sinkMs ? sinkText(b) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown && <BatchDetail batch={shown} nowMs={now} onGo={(ms) => seek(tickOfTime(ms, tickMs))} />}
    </div>
  );
}

function statusLine(
  error: { errorClass: string; message: string } | null,
  downSinceMs: number | null,
  last: QueryBatch | null,
  now: number,
): string {
  if (error) return `The query failed: ${error.errorClass}: ${error.message}`;
  if (downSinceMs !== null)
    return `The driver is down since ${secs(downSinceMs)}; the query restarts from its checkpoint.`;
  if (!last) return 'Waiting for the first trigger.';
  const phase = queryBatchPhase(last, now);
  if (phase === 'committed') return `Batch ${last.batchId} committed; waiting for the next trigger.`;
  return `Batch ${last.batchId}: ${PHASE_TEXT[phase]}.`;
}

function BatchDetail({
  batch: b,
  nowMs,
  onGo,
}: {
  batch: QueryBatch;
  nowMs: number;
  onGo: (ms: number) => void;
}) {
  const phase = queryBatchPhase(b, nowMs);
  const end = b.killed ? b.killed.atMs : b.commitMs;
  return (
    <section className="qprogress__detail" aria-label={`Batch ${b.batchId}`}>
      <h3>
        Batch {b.batchId}
        {b.reRun ? ', run again after a restart' : ''} — {PHASE_TEXT[phase]}
      </h3>
      <ul className="plain qprogress__facts">
        <li>
          {`Triggered at ${secs(b.triggerMs)}; offsets/${b.batchId} ${
            b.reRun
              ? 'read back from the checkpoint (written before the crash)'
              : b.offsetsWrittenMs === null
                ? 'never written (the driver died first)'
                : `written at ${secs(b.offsetsWrittenMs)}`
          }; sink at ${secs(b.sinkMs)}; commits/${b.batchId} ${b.killed ? 'never written' : `at ${secs(b.commitMs)}`}.`}
        </li>
        {b.inputs.map((i) => (
          <li key={i.input}>
            {i.source === 'kafka' ? 'Kafka topic' : 'Producers'} <b>{i.input}</b>: {offsetsText(i.ranges)} —{' '}
            {i.numInputRows} rows.
          </li>
        ))}
        <li>
          Watermark used {secs(b.watermarkMs)} (late rows judged by the previous batch’s,{' '}
          {secs(b.lateWatermarkMs)}).
        </li>
        {b.killed && (
          <li className="qprogress__killed">
            The driver died at {secs(b.killed.atMs)}{' '}
            {b.killed.phase === 'beforeOffsets'
              ? 'before writing offsets/N: after the restart this batch is planned afresh.'
              : b.killed.phase === 'midBatch'
                ? 'while the batch ran: after the restart it runs again with exactly these offsets.'
                : 'after the sink wrote but before commits/N: the re-run writes again — only an exactly-once sink ignores it.'}
          </li>
        )}
        {b.executorLoss && (
          <li>
            An executor was lost at {secs(b.executorLoss.atMs)}: its tasks ran again,{' '}
            {secs(b.executorLoss.extraMs)} longer.
          </li>
        )}
        {b.fallingBehind && (
          <li>
            Falling behind: the batch took longer than the trigger interval, so the next one starts at once.
          </li>
        )}
      </ul>
      {b.dropped.length > 0 && (
        <p>
          Dropped as late ({b.dropped.length}):{' '}
          {b.dropped
            .slice(0, 12)
            .map((d) => `tuple #${d.id}${d.window ? ` in ${windowText(d.window)}` : ''}`)
            .join(', ')}
          {b.dropped.length > 12 ? ', …' : ''} — each window ended at or before {secs(b.lateWatermarkMs)}.
        </p>
      )}
      {phase === 'committed' && b.output.length > 0 && (
        <p>
          Output ({b.output.length}):{' '}
          {b.output
            .slice(0, 10)
            .map(
              (r) => `${r.key ?? 'all'}${r.window ? ` ${windowText(r.window)}` : ''} = ${r.text ?? r.value}`,
            )
            .join('; ')}
          {b.output.length > 10 ? '; …' : ''}
        </p>
      )}
      <button type="button" className="button" onClick={() => onGo(end)}>
        Go to {b.killed ? 'the crash' : 'its commit'} ({secs(end)})
      </button>
    </section>
  );
}
