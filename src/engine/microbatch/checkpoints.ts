/** The checkpoint directory: metadata checkpoints of the driver, data checkpoints of stateful DStreams. */
import type { DStreamNode } from './context';
import type { Rdd } from './rdd';
import { batchAt, type RunState, rddAt } from './runState';
import type { MetadataCheckpoint } from './types';
import type { Value } from './values';

/**
 * The metadata checkpoint JobGenerator writes when it generates the batch at `timeMs` (every batch,
 * once a checkpoint directory is set); null without one or before that batch.
 */
export function metadataCheckpointAt(run: RunState, timeMs: number): MetadataCheckpoint | null {
  const dir = run.spec.checkpointDir;
  const batch = batchAt(run, timeMs);
  if (dir === null || !batch) return null;
  const pendingTimes = run.batches
    .filter((b) => b.timeMs <= timeMs && b.jobs > 0 && (b.endMs === null || b.endMs > timeMs))
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
