/** The checkpoint directory: metadata checkpoints of the driver, data checkpoints of stateful DStreams. */
import type { DStreamNode } from './context';
import type { Rdd } from './rdd';
import { batchAt, type RunState, rddAt } from './runState';
import type { Batch, MetadataCheckpoint } from './types';
import type { Value } from './values';

/** Whether a batch's jobs ran to their end by `atMs` (a batch killed before its end never completes). */
function completedBy(b: Batch, atMs: number): boolean {
  return (
    b.jobs > 0 && b.endMs !== null && b.endMs <= atMs && (b.killedAtMs === null || b.killedAtMs >= b.endMs)
  );
}

/**
 * The metadata checkpoint file checkpoint-<timeMs> as it stands at `nowMs` (default: when it was
 * first written); null without a checkpoint directory or before that batch. JobGenerator writes it
 * when it generates the batch (generateJobs → DoCheckpoint(time, clearCheckpointDataLater = false))
 * and writes the same file again when the batch completes (clearMetadata → DoCheckpoint(time, true)).
 * Each time Checkpoint.pendingTimes is the scheduler's pending batches then: JobScheduler.
 * handleJobCompletion removes the finished batch before onBatchCompletion, so the second write no
 * longer lists it. A batch without jobs never completes in the scheduler, so it is written once.
 */
export function metadataCheckpointAt(
  run: RunState,
  timeMs: number,
  nowMs = timeMs,
): MetadataCheckpoint | null {
  const dir = run.spec.checkpointDir;
  let batch: Batch | undefined;
  for (const b of run.batches) if (b.timeMs === timeMs && b.generatedAtMs <= nowMs) batch = b;
  batch ??= nowMs === timeMs ? batchAt(run, timeMs) : undefined;
  if (dir === null || !batch) return null;
  const completed = completedBy(batch, nowMs);
  // A re-run batch is generated at the restart (JobGenerator.restart writes no checkpoint for it then).
  const writtenAtMs = completed ? batch.endMs! : batch.generatedAtMs;
  // The new driver's scheduler knows nothing of batches the old one was running when it died.
  const pendingTimes = run.batches
    .filter(
      (b) =>
        b.generatedAtMs <= writtenAtMs &&
        b.jobs > 0 &&
        !completedBy(b, writtenAtMs) &&
        (b.killedAtMs === null || b.killedAtMs >= writtenAtMs),
    )
    .map((b) => b.timeMs);
  const remembered = run.batches.filter((b) => b.timeMs <= timeMs).slice(-3);
  const offsets = run.nodes
    .filter((n) => n.spec.op === 'kafkaDirectStream')
    .flatMap((n) =>
      remembered.flatMap((b) => {
        const rdd = rddAt(run, n.index, b.timeMs);
        if (!rdd || rdd.computedAtMs > timeMs || !rdd.splits) return [];
        return [
          {
            stream: n.spec.id,
            batchTimeMs: b.timeMs,
            ranges: rdd.splits.flatMap((s) =>
              s.kind === 'kafka'
                ? [{ partition: s.partition, fromOffset: s.fromOffset, untilOffset: s.untilOffset }]
                : [],
            ),
          },
        ];
      }),
    );
  return {
    timeMs,
    writtenAtMs,
    written: completed ? 'completed' : 'generated',
    master: `local[${run.spec.cores}]`,
    batchIntervalMs: run.spec.batchIntervalMs,
    checkpointDir: dir,
    graph: run.nodes.map((n) => ({ id: n.spec.id, op: n.spec.op, dstream: n.classes[0]! })),
    pendingTimes,
    offsets,
  };
}

/** Whether a DStream that must checkpoint checkpoints its RDD at `timeMs` (DStream.getOrCompute). */
export function isCheckpointTime(run: RunState, node: DStreamNode, timeMs: number): boolean {
  return node.checkpointIntervalMs !== null && (timeMs - run.zeroTimeMs) % node.checkpointIntervalMs === 0;
}

/**
 * How many of the DStream's own RDDs its RDD at `timeMs` depends on since the last checkpoint cut
 * its lineage (0 when this one is checkpointed).
 */
export function lineageLength(run: RunState, node: DStreamNode, timeMs: number): number {
  if (node.checkpointIntervalMs === null) return 0;
  const since = (timeMs - run.zeroTimeMs) % node.checkpointIntervalMs;
  const last = timeMs - since;
  return last > run.zeroTimeMs ? since / node.slideMs : (timeMs - run.zeroTimeMs) / node.slideMs - 1;
}

/** Writes the RDD to the checkpoint directory when it is the DStream's checkpoint time. */
export function checkpointed(run: RunState, node: DStreamNode, rdd: Rdd | null): Rdd | null {
  if (rdd && isCheckpointTime(run, node, rdd.timeMs)) {
    run.dataCheckpoints.push({
      node: node.index,
      timeMs: rdd.timeMs,
      writtenAtMs: rdd.computedAtMs,
      records: rdd.partitions.flat() as Value[],
      partitions: rdd.partitions.length,
    });
  }
  return rdd;
}
