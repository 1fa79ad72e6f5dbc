/** The words the timeline says about batches: each status, and one sentence for screen readers. */
import type { BatchStatus, StreamingRun } from '../../engine';

export const statusText: Record<BatchStatus, string> = {
  done: 'done',
  processing: 'processing',
  queued: 'queued',
  noJobs: 'no jobs',
  stalled: 'no free core',
  killed: 'killed',
};

/** One sentence on the newest batch at the cursor, for screen readers. */
export function timelineSummary(run: StreamingRun, nowMs: number): string {
  const s = (ms: number) => `${ms / 1000} s`;
  const batches = run.batches.filter((b) => b.generatedAtMs <= nowMs);
  const last = batches.at(-1);
  if (!last) return 'No batch has been generated yet.';
  const state =
    last.killedAtMs !== null && last.killedAtMs <= nowMs
      ? 'killed by the driver failure'
      : last.endMs !== null && last.endMs <= nowMs
        ? 'done'
        : last.startMs !== null && last.startMs <= nowMs
          ? 'running'
          : last.jobs === 0
            ? 'with no jobs'
            : 'queued';
  const queued = batches.filter(
    (b) =>
      b.jobs > 0 &&
      (b.startMs === null || b.startMs > nowMs) &&
      (b.killedAtMs === null || b.killedAtMs > nowMs),
  ).length;
  return `Batch at ${s(last.timeMs)}${last.attempt > 1 ? ' (re-run)' : ''}: ${last.inputRecords} record${last.inputRecords === 1 ? '' : 's'} read, ${last.jobs} job${last.jobs === 1 ? '' : 's'}, ${state}. ${batches.length} batch${batches.length === 1 ? '' : 'es'} so far${queued > 0 ? `, ${queued} waiting to run` : ''}.`;
}
