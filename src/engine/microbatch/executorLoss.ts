/** Executor loss: the batch it hits recomputes the lost partitions from their lineage. */
import { lineageLength } from './checkpoints';
import type { RunState } from './runState';

/**
 * The cost of recomputing what an executor held: the cached RDD partitions of this batch and, for
 * each stateful DStream, its lineage back to the last data checkpoint (or the first batch).
 */
export function recompute(
  run: RunState,
  atMs: number,
  batchTimeMs: number,
  cores: number,
  ownRecords: number,
): number {
  const B = run.spec.batchIntervalMs;
  let batches = 1;
  let fromCheckpointMs: number | null = null;
  for (const n of run.nodes) {
    if (n.checkpointIntervalMs === null) continue;
    batches = Math.max(batches, lineageLength(run, n, batchTimeMs) + 1);
    const last = [...run.dataCheckpoints]
      .reverse()
      .find((c) => c.node === n.index && c.timeMs <= batchTimeMs);
    fromCheckpointMs = last?.timeMs ?? null;
  }
  const times = new Set<number>();
  for (let k = 0; k < batches; k++) times.add(batchTimeMs - k * B);
  times.delete(batchTimeMs);
  const records =
    ownRecords +
    run.batches.filter((b) => b.attempt === 1 && times.has(b.timeMs)).reduce((a, b) => a + b.inputRecords, 0);
  // Lost partitions are spread over the remaining cores (one executor fewer is not modelled).
  const extraMs = Math.round((records * run.spec.perRecordMs) / Math.max(1, cores) + run.spec.jobOverheadMs);
  run.executorLosses.push({
    atMs,
    batchTimeMs,
    lineageBatches: batches,
    recomputedRecords: records,
    fromCheckpointMs,
    extraMs,
  });
  return extraMs;
}
