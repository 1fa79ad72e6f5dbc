/** The streaming run's plain data: what it reads, and what its batches, failures and checkpoints were. */
import type { RecordAccess } from './functions';
import type { Value } from './values';

/** What the streaming application reads from the simulated world. */
export interface StreamSource extends RecordAccess {
  /** Partitions of the Kafka topic (0 without a log delivery model). */
  readonly kafkaPartitions: number;
  /** The partition's high watermark at `timeMs` (what seekToEnd returns then). */
  latestOffset(partition: number, timeMs: number): number;
  /** The tuple stored at `offset` (below the high watermark). */
  recordAt(partition: number, offset: number): number;
  /** Ids of tuples that reached the application in [fromMs, toMs), in arrival order. */
  arrivals(fromMs: number, toMs: number): number[];
  arrivalTime(id: number): number;
  producerOf(id: number): string;
  readonly producerIds: readonly string[];
}

export interface OutputResult {
  readonly node: number;
  /** print / foreachRDD: the lines the driver printed. */
  readonly lines: readonly string[];
  /** sink: the elements written. */
  readonly written: readonly Value[] | null;
}

export interface Batch {
  readonly index: number;
  readonly timeMs: number;
  /** Output operations that had an RDD at this time (Spark submits one job per output). */
  readonly jobs: number;
  /** Records read by input streams while generating this batch. */
  readonly inputRecords: number;
  /** Per input partition computed for this batch: its record count (the tasks of the first stage). */
  readonly taskSizes: readonly number[];
  /** When its jobs start and finish; null when it has no jobs, or never gets a core. */
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly outputs: readonly OutputResult[];
  /** The first job failure (an exception inside a task), if any. */
  readonly failure: string | null;
  /** Backpressure: the rate limit (records/s) in force when the batch was generated; null: none. */
  readonly rateLimit: number | null;
  /** When the batch was generated: its time, or the restart time for a re-run. */
  readonly generatedAtMs: number;
  /** 1, or 2 for a batch re-run after a driver failure. */
  readonly attempt: number;
  /** Why a re-run batch runs: it was pending in the checkpoint, or fell in the driver's down time. */
  readonly recovery: 'pending' | 'downtime' | null;
  /** When a driver failure killed it (running or queued); null if it was not killed. */
  killedAtMs: number | null;
}

/** An executor loss: the batch that recomputed the lost partitions, and how far back it had to go. */
export interface ExecutorLoss {
  readonly atMs: number;
  readonly batchTimeMs: number;
  /** Batches of lineage recomputed (1: only this batch's own partitions). */
  readonly lineageBatches: number;
  readonly recomputedRecords: number;
  /** The data checkpoint the lineage starts from; null: from the first batch. */
  readonly fromCheckpointMs: number | null;
  readonly extraMs: number;
}

/** What a driver failure did and how the application recovered. */
export interface Recovery {
  readonly crashMs: number;
  /** Whether the driver is back (the fields below are filled in then). */
  recovered: boolean;
  /** When the new driver's timer restarts (the next batch time after it comes back). */
  readonly restartMs: number;
  /** The metadata checkpoint it recovered from; null without a checkpoint directory (a fresh start). */
  checkpointMs: number | null;
  pendingTimes: readonly number[];
  downTimes: readonly number[];
  /** Batches the failure killed: running (output lost for now) or still queued. */
  readonly killed: readonly number[];
  /** The latest data checkpoint of each stateful DStream at or before the metadata checkpoint. */
  stateRestoredFrom: readonly { readonly node: number; readonly timeMs: number | null }[];
}

/** What a metadata checkpoint (checkpoint-<time>) holds, as Spark's Checkpoint class does. */
export interface MetadataCheckpoint {
  readonly timeMs: number;
  /** When this version of the file was written: at the batch's generation, or rewritten at its completion. */
  readonly writtenAtMs: number;
  readonly written: 'generated' | 'completed';
  readonly master: string;
  readonly batchIntervalMs: number;
  readonly checkpointDir: string;
  /** The DStream graph: every operation, with its Spark class. */
  readonly graph: readonly { readonly id: string; readonly op: string; readonly dstream: string }[];
  /** Batches generated but not yet completed when this version was written: re-run after a driver failure. */
  readonly pendingTimes: readonly number[];
  /** The Kafka offset ranges of the batches it remembers (DirectKafkaInputDStreamCheckpointData). */
  readonly offsets: readonly {
    readonly stream: string;
    readonly batchTimeMs: number;
    readonly ranges: readonly {
      readonly partition: number;
      readonly fromOffset: number;
      readonly untilOffset: number;
    }[];
  }[];
}

/** A data checkpoint: an RDD written to the checkpoint directory, cutting its lineage. */
export interface DataCheckpoint {
  readonly node: number;
  /** The batch time of the RDD. */
  readonly timeMs: number;
  readonly writtenAtMs: number;
  readonly records: readonly Value[];
  readonly partitions: number;
}

export type BatchStatus = 'queued' | 'processing' | 'done' | 'noJobs' | 'stalled' | 'killed';

export function batchStatus(b: Batch, nowMs: number): BatchStatus {
  if (b.killedAtMs !== null && nowMs >= b.killedAtMs) return 'killed';
  if (b.jobs === 0) return 'noJobs';
  if (b.startMs === null) return 'stalled';
  if (nowMs < b.startMs) return 'queued';
  if (b.endMs !== null && nowMs < b.endMs) return 'processing';
  return 'done';
}
