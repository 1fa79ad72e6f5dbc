/** What a running Structured Streaming query did: its batches, checkpoint files, sink writes and runs. */
import type { JsonValue } from '../types';
import type { DroppedRow, OutputRow, StateRow } from './operators';
import type { CrashPhase } from './spec';

export interface PartitionRange {
  readonly partition: number;
  readonly fromOffset: number;
  readonly untilOffset: number;
}

/** One input of one batch, as SourceProgress reports it (startOffset, endOffset, numInputRows). */
export interface InputProgress {
  readonly input: string;
  readonly source: 'kafka' | 'producers';
  readonly ranges: readonly PartitionRange[];
  readonly numInputRows: number;
}

/** StateOperatorProgress, with the rows behind the counts. */
export interface StateProgress {
  readonly operatorName: string;
  /** The store version this batch writes (batchId + 1: HDFSBackedStateStore's newVersion = version + 1). */
  readonly version: number;
  readonly numRowsTotal: number;
  readonly numRowsUpdated: number;
  readonly numRowsRemoved: number;
  readonly numRowsDroppedByWatermark: number;
  /** An estimate of the in-memory map's size. */
  readonly memoryUsedBytes: number;
  readonly added: readonly StateRow[];
  readonly updated: readonly StateRow[];
  readonly removed: readonly StateRow[];
  /** The whole store after the batch. */
  readonly rows: readonly StateRow[];
}

/** What happened to the batch's output at the sink. */
export type SinkOutcome =
  /** Written for the first time. */
  | 'written'
  /** Written again after a restart: the rows appear twice (console, Kafka, a non-idempotent foreachBatch). */
  | 'duplicated'
  /** Written again over the first write, keyed by batch id: no duplicates. */
  | 'replaced'
  /** The file sink's _spark_metadata already holds this batch: skipped (FileStreamSink.addBatch). */
  | 'skipped';

/** One micro-batch attempt, in the shape of StreamingQueryProgress. */
export interface QueryBatch {
  readonly batchId: number;
  /** Which run of the query ran it (0 before the first restart). */
  readonly runIndex: number;
  /** A batch found in offsets/N without commits/N at a restart, run again with the same offsets. */
  readonly reRun: boolean;
  readonly triggerMs: number;
  /** offsets/N written; null if the driver died before. */
  readonly offsetsWrittenMs: number | null;
  /** When the sink received the output (the end of processing). */
  readonly sinkMs: number;
  /** commits/N written: the batch is done. */
  readonly commitMs: number;
  readonly batchTimestampMs: number;
  readonly inputs: readonly InputProgress[];
  /** Ids of the tuples read, input by input and partition by partition. */
  readonly records: readonly number[];
  readonly numInputRows: number;
  /** The watermark the batch used (batchWatermarkMs, what the progress reports as eventTime.watermark). */
  readonly watermarkMs: number;
  /** The watermark late rows were judged by (the previous batch's, since Spark 3.4). */
  readonly lateWatermarkMs: number;
  /** The watermark after the batch (commits/N's nextBatchWatermarkMs); null if it never committed. */
  readonly nextWatermarkMs: number | null;
  readonly eventTime: { readonly minMs: number; readonly maxMs: number; readonly avgMs: number } | null;
  readonly noData: boolean;
  readonly dropped: readonly DroppedRow[];
  readonly duplicatesDropped: number;
  /** Rows the filter removed before the stateful operator. */
  readonly filteredOut: number;
  readonly output: readonly OutputRow[];
  readonly state: StateProgress;
  /** What the sink did with the output; null when the driver died before the sink. */
  readonly sink: SinkOutcome | null;
  /** The driver died during this batch: when, and in which phase. */
  readonly killed: { readonly atMs: number; readonly phase: CrashPhase } | null;
  readonly executorLoss: { readonly atMs: number; readonly extraMs: number } | null;
  /** ProcessingTimeExecutor: "Current batch is falling behind" (it took longer than the interval). */
  readonly fallingBehind: boolean;
}

/** A file of the checkpoint location, or of the file sink's _spark_metadata. */
export interface CheckpointFile {
  readonly path: string;
  readonly writtenAtMs: number;
  readonly content: JsonValue;
}

/** One write of a batch's output to the sink. */
export interface SinkWrite {
  readonly batchId: number;
  readonly runIndex: number;
  readonly atMs: number;
  readonly rows: readonly OutputRow[];
  readonly outcome: SinkOutcome;
}

/** One run of the query, from start() (or a restart) until it stopped. */
export interface QueryRun {
  readonly index: number;
  readonly runId: string;
  readonly startMs: number;
  stoppedMs: number | null;
  stopReason: 'driverCrash' | 'restart' | 'finished' | 'failed' | null;
}

/** An error that stopped the query, as Spark reports it. */
export interface QueryError {
  readonly atMs: number;
  readonly errorClass: string;
  readonly message: string;
}
