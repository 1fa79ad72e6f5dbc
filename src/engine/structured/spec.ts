/**
 * A Spark Structured Streaming query, as a scenario describes it: its inputs (a Kafka topic or the
 * producers, each with its own `withWatermark` delay), one stateful operator, the trigger, the output
 * mode, the sink, the cluster it runs on and the failures it meets.
 */
import type { Aggregate, WindowSpec } from '../eventtime/windows';

/**
 * Where an input starts reading the first time the query runs (the Kafka source's `startingOffsets`;
 * "For streaming queries, this only applies when a new query is started, and that resuming will
 * always pick up from where the query left off" — Spark's Kafka integration guide). Explicit offsets
 * are per partition; -2 means earliest and -1 latest, as in the guide's JSON form.
 */
export type StartingOffsets = 'earliest' | 'latest' | { readonly [partition: string]: number };

export interface StructuredInputSpec {
  /** A name for the input (the Kafka topic, or the producers' group). */
  readonly id: string;
  /** `kafka`: the scenario's topic, read as Spark's Kafka source does; `producers`: straight from them. */
  readonly source: 'kafka' | 'producers';
  /** For `producers`: which producers feed this input (empty: all). */
  readonly producers: readonly string[];
  readonly startingOffsets: StartingOffsets;
  /** maxOffsetsPerTrigger (null: no limit). */
  readonly maxOffsetsPerTrigger: number | null;
  /** withWatermark("eventTime", delay) on this input. */
  readonly delayMs: number;
  /** Two withWatermark calls on this input: the first and the second delay (delayMs is the larger). */
  readonly firstDelayMs?: number;
  readonly redefineDelayMs?: number;
}

/**
 * Trigger.ProcessingTime(interval), Trigger.AvailableNow(), or none set (the default,
 * ProcessingTime(0): "micro-batches will be generated as soon as the previous micro-batch has
 * completed processing" — Structured Streaming guide, Triggers).
 */
export type TriggerSpec =
  | { readonly kind: 'processingTime'; readonly intervalMs: number }
  | { readonly kind: 'availableNow' }
  | { readonly kind: 'default' };

/** The state functions a learner can give flatMapGroupsWithState (a catalogue, like mapWithState's). */
export type GroupStateFn = 'sessionCount' | 'runningSum';

export type StatefulOperatorSpec =
  | {
      readonly kind: 'windowAggregation';
      readonly window: WindowSpec;
      readonly aggregate: Aggregate;
      readonly keyed: boolean;
    }
  /** dropDuplicates("key", "eventTime") with a watermark. */
  | { readonly kind: 'dropDuplicates' }
  | {
      readonly kind: 'flatMapGroupsWithState';
      readonly fn: GroupStateFn;
      readonly timeout: 'none' | 'processingTime' | 'eventTime';
      /** The timeout duration (processing time) or the gap after the newest event time (event time). */
      readonly timeoutMs: number;
      /**
       * The learner's function instead of `fn`: (key, values, state) => Seq[U], with the group's
       * values and its GroupState; it sets its own timeouts (timeoutMs is then unused).
       */
      readonly code?: string;
      /** The state's type, as Scala writes it (default: Double, the values' type). */
      readonly stateType?: string;
    };

export type StructuredOutputMode = 'append' | 'update' | 'complete';

/**
 * Sinks and their guarantees, as the guide's Output Sinks table gives them: file (exactly once),
 * Kafka (at least once), foreachBatch (depends on the writer: exactly once when it writes keyed by
 * batch id), console (not fault tolerant).
 */
export type SinkSpec =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'console' }
  | { readonly kind: 'foreachBatch'; readonly idempotent: boolean }
  | { readonly kind: 'kafka'; readonly topic: string };

/** What a restart may change (the rest of the query stays as it was). */
export interface QueryChange {
  readonly maxOffsetsPerTrigger?: number | null;
  readonly trigger?: TriggerSpec;
  readonly delaysMs?: readonly number[];
  readonly sink?: SinkSpec;
  readonly operator?: StatefulOperatorSpec;
  readonly outputMode?: StructuredOutputMode;
  readonly inputs?: number;
}

/** Where in a micro-batch a scripted driver crash lands. */
export type CrashPhase = 'beforeOffsets' | 'midBatch' | 'afterSink';

export type StructuredFaultSpec =
  /** The driver dies at `atMs` (or in a phase of a batch) and the query restarts `restartAfterMs` later. */
  | {
      readonly kind: 'driverCrash';
      readonly atMs?: number;
      readonly atBatch?: { readonly batchId: number; readonly phase: CrashPhase };
      readonly restartAfterMs: number;
    }
  /** An executor dies: the tasks it ran are run again elsewhere, and the batch takes longer. */
  | { readonly kind: 'executorLoss'; readonly atMs: number }
  /** The query is stopped at `atMs` and started again at once with changed settings. */
  | { readonly kind: 'restart'; readonly atMs: number; readonly change: QueryChange };

export interface StructuredSpec {
  /** When `start()` runs. */
  readonly startAtMs: number;
  readonly inputs: readonly StructuredInputSpec[];
  /** spark.sql.streaming.multipleWatermarkPolicy. */
  readonly policy: 'min' | 'max';
  /** A filter before the stateful operator: keep rows whose value is at least this (null: none). */
  readonly minValue: number | null;
  /**
   * A map before the filter (select with an expression): the key cut to its first `chars` characters
   * (`substring(key, 1, n)`, so "temp-a" and "temp-b" group as "temp"), or the value multiplied by
   * `factor`. Absent or null: the rows as read.
   */
  readonly map?:
    | { readonly kind: 'keyPrefix'; readonly chars: number }
    | { readonly kind: 'scaleValue'; readonly factor: number }
    | null;
  readonly operator: StatefulOperatorSpec;
  readonly outputMode: StructuredOutputMode;
  readonly trigger: TriggerSpec;
  readonly sink: SinkSpec;
  readonly checkpointLocation: string;
  /** spark.sql.streaming.noDataMicroBatches.enabled (true by default). */
  readonly noDataBatches: boolean;
  /** spark.sql.streaming.statefulOperator.allowMultiple (Spark ≥ 3.4: true). */
  readonly allowMultiple: boolean;
  /** The cluster: executor cores and the cost of a row, as for Spark Streaming. */
  readonly cores: number;
  readonly perRowMs: number;
  /** Fixed cost of every batch's job (scheduling, task launch). */
  readonly batchOverheadMs: number;
  /** Planning a batch: reading the latest offsets and writing offsets/N. */
  readonly planMs: number;
  /** Writing commits/N after the sink. */
  readonly commitMs: number;
  readonly faults: readonly StructuredFaultSpec[];
}
