import type { StructuredSpec } from './structured/spec';

/**
 * The scenario as the engine sees it: plain, fully-defaulted data.
 * `src/scenarios` turns untrusted JSON into this shape (validation, defaults, messages);
 * the engine trusts it and throws developer errors with context if an invariant is broken.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** How a producer picks the key of each tuple. */
export type KeyDistribution =
  | { readonly kind: 'uniform' }
  /** P(key i) ∝ 1 / i^exponent, i = 1 for the first key. */
  | { readonly kind: 'zipf'; readonly exponent: number }
  /** `share` of all tuples carry `key`; the rest are spread uniformly over the other keys. */
  | { readonly kind: 'hotKey'; readonly key: string; readonly share: number };

/** Network delay between the moment a tuple is sent and the moment it arrives. */
export type DelayModel =
  | { readonly kind: 'constant'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'exponential'; readonly meanMs: number };

export type PayloadSpec =
  /** A row with typed columns, like a table in a relational database. */
  | {
      readonly kind: 'structured';
      readonly keyColumn: string;
      readonly valueColumn: string;
      readonly unit: string;
    }
  /** A JSON document whose optional fields come and go from tuple to tuple. */
  | { readonly kind: 'semiStructured' }
  /** A line of free text; `templates` may use {key}, {value} and {time}. */
  | { readonly kind: 'unstructured'; readonly templates: readonly string[] };

export interface ValueSpec {
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
}

export interface OfflinePeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface ProducerSpec {
  readonly id: string;
  readonly label: string;
  /** Events per second of event time. 0 means the producer only carries explicit tuples. */
  readonly ratePerSec: number;
  /** `fixed`: evenly spaced events; `poisson`: a Poisson process with the same mean rate. */
  readonly arrivals: 'fixed' | 'poisson';
  readonly startMs: number;
  /** Exclusive end of event generation; defaults to the scenario's duration. */
  readonly stopMs: number;
  readonly keys: readonly string[];
  readonly keyDistribution: KeyDistribution;
  readonly value: ValueSpec;
  readonly payload: PayloadSpec;
  readonly delay: DelayModel;
  /** Out-of-order jitter: with `probability`, a tuple is held back a further uniform(0, maxMs]. */
  readonly jitter: { readonly probability: number; readonly maxMs: number };
  /** While offline the producer buffers; on reconnect (at `toMs`) it sends the backlog (backfill). */
  readonly offline: readonly OfflinePeriod[];
  /** Probability that the network loses a tuple (a scenario that says so may lose data). */
  readonly dropProbability: number;
  /** Whether records carry the tuple's key to the broker (false: null-key records, sticky partitioning). */
  readonly keyed: boolean;
}

/** A tuple written into the scenario by hand, e.g. to reproduce a slide's example exactly. */
export interface ExplicitTupleSpec {
  readonly producer: string;
  readonly key: string;
  readonly value: JsonValue;
  readonly eventTime: number;
  readonly arrivalTime: number;
}

/** Kafka's log-based delivery: a topic on a cluster, consumer groups, scripted faults. */
export interface LogDeliverySpec {
  readonly model: 'log';
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly replicaLagTimeMaxMs: number;
  readonly replicaFetchDelayMs: number;
  readonly acks: 0 | 1 | 'all';
  /** How records without a key pick a partition: Kafka's sticky partitioner, or round-robin. */
  readonly unkeyedPartitioner: 'sticky' | 'roundRobin';
  /** Sticky partitioner: records sent to a partition before switching (stands in for batch.size). */
  readonly stickyBatchRecords: number;
  readonly groups: readonly ConsumerGroupSpec[];
  readonly faults: readonly FaultSpec[];
  /** Log retention by time and by size (in records), deleting whole segments. */
  readonly retention: {
    readonly ms: number | null;
    readonly records: number | null;
    readonly segmentRecords: number;
  };
}

export interface ConsumerGroupSpec {
  readonly id: string;
  readonly assignor: 'range' | 'roundrobin' | 'cooperative-sticky';
  readonly autoOffsetReset: 'earliest' | 'latest';
  readonly commitMode: 'auto' | 'afterProcessing' | 'beforeProcessing';
  readonly autoCommitIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly maxPollRecords: number;
  readonly pollIntervalMs: number;
  readonly processingMsPerRecord: number;
  readonly members: readonly {
    readonly id: string;
    readonly instanceId?: string;
    readonly joinAtMs: number;
  }[];
}

export type FaultSpec =
  | { readonly atMs: number; readonly kind: 'crashBroker' | 'restartBroker'; readonly broker: number }
  | {
      readonly atMs: number;
      readonly kind: 'crashConsumer' | 'restartConsumer' | 'addConsumer' | 'removeConsumer';
      readonly group: string;
      readonly member: string;
    };

/**
 * Delivery without a log. `direct`: producers push each message to every consumer online at that
 * moment; an offline consumer misses it for good. `queue`: a broker holds each message until one
 * consumer acknowledges it, then deletes it; nothing can be read again.
 */
export interface MessagingSpec {
  readonly model: 'direct' | 'queue';
  readonly consumers: readonly { readonly id: string }[];
  /** Queue: time a consumer takes per message before acknowledging it. */
  readonly processingMsPerRecord: number;
  readonly faults: readonly {
    readonly atMs: number;
    readonly kind: 'crashConsumer' | 'restartConsumer';
    readonly consumer: string;
  }[];
}

export interface ScenarioSpec {
  readonly version: 1;
  readonly name: string;
  readonly description: string;
  readonly durationMs: number;
  readonly tickMs: number;
  readonly seed: number;
  /**
   * A simplified lateness rule used before watermarks are introduced: a tuple is late when its
   * event time is more than `boundMs` behind the newest event time seen so far.
   */
  readonly lateness: { readonly boundMs: number };
  readonly producers: readonly ProducerSpec[];
  readonly tuples: readonly ExplicitTupleSpec[];
  /** Where arriving tuples go. Absent: straight to the stream processor. */
  readonly delivery?: LogDeliverySpec;
  /** Or: direct messaging or a queue broker (not together with `delivery`). */
  readonly messaging?: MessagingSpec;
  /** A Spark Streaming application reading the run's data. */
  readonly streaming?: StreamingSpec;
  /** An event-time windowed aggregation with watermarks (Spark or Flink rules). */
  readonly eventTime?: EventTimeSpec;
  /** A Spark Structured Streaming query running on the micro-batch engine. */
  readonly query?: StructuredSpec;
}

/** The operations a Streamscope DStream pipeline can use, named as in Spark's DStream API. */
export type StreamOpKind =
  | 'kafkaDirectStream'
  | 'receiverStream'
  | 'producerStream'
  | 'map'
  | 'flatMap'
  | 'filter'
  | 'reduceByKey'
  | 'countByValue'
  | 'union'
  | 'transform'
  | 'window'
  | 'reduceByKeyAndWindow'
  | 'countByWindow'
  | 'countByValueAndWindow'
  | 'updateStateByKey'
  | 'mapWithState'
  | 'groupByKey'
  | 'groupByKeyAndWindow'
  | 'print'
  | 'foreachRDD'
  | 'sink';

/**
 * One line of a DStream program: `id = input.op(…)`. Which fields apply depends on `op`;
 * the scenario layer fills defaults and checks them, the engine reports Spark's own errors.
 */
export interface StreamOpSpec {
  /** The variable the result is assigned to in the generated code. */
  readonly id: string;
  readonly op: StreamOpKind;
  /** The DStream this operation is applied to (not for input streams). */
  readonly input?: string;
  /** `union`: the other DStream. */
  readonly other?: string;
  /** map / flatMap / filter / transform / foreachRDD: the function, by catalogue name. */
  readonly fn?: string;
  /**
   * map / flatMap / filter / reduceByKey / reduceByKeyAndWindow / updateStateByKey / mapWithState:
   * the function as the learner wrote it (`(k, v) => (k, v * 2)`), instead of `fn` or `reduce`.
   */
  readonly code?: string;
  /** updateStateByKey / mapWithState with `code`: the state's type as Scala writes it (default: the values'). */
  readonly stateType?: string;
  /** DStream.checkpoint(interval): how often its RDDs are written to the checkpoint directory. */
  readonly checkpointMs?: number;
  /** The function's parameter, when it has one (a threshold, a key). */
  readonly arg?: number | string;
  readonly reduce?: 'sum' | 'max' | 'min';
  readonly windowMs?: number;
  readonly slideMs?: number;
  /** reduceByKeyAndWindow: incremental with an inverse function (needs a checkpoint directory). */
  readonly inverse?: boolean;
  /** reduceByKeyAndWindow with inverse: drop keys whose value fell to zero (filterFunc). */
  readonly filterZero?: boolean;
  /** print: how many elements (Spark's default is 10). */
  readonly num?: number;
  /** Kafka direct stream: spark.streaming.kafka.maxRatePerPartition (records/s; 0 = no cap). */
  readonly maxRatePerPartition?: number;
  /** Kafka direct stream: auto.offset.reset for the first batch. */
  readonly startingOffsets?: 'earliest' | 'latest';
  /** Receiver stream: spark.streaming.blockInterval. */
  readonly blockIntervalMs?: number;
  /** Receiver stream: spark.streaming.receiver.writeAheadLog.enable. */
  readonly writeAheadLog?: boolean;
  /** Input streams: only these producers' tuples (all when absent). */
  readonly producers?: readonly string[];
  /** sink: the delivery guarantee it gives its output when batches are re-run after a failure. */
  readonly guarantee?: SinkGuarantee;
  /** mapWithState: StateSpec.timeout (idle keys time out, at checkpointed batches only). */
  readonly timeoutMs?: number;
  /**
   * mapWithState: StateSpec.initialState; updateStateByKey: its initialRDD — as (key, state) pairs
   * (a state of a tuple type is a JSON array).
   */
  readonly initialState?: readonly (readonly [string, StateJson])[];
}

/** A state value in a scenario file: a number, text, true/false, or an array for a tuple or sequence. */
export type StateJson = number | string | boolean | readonly StateJson[];

export type SinkGuarantee = 'atMostOnce' | 'atLeastOnce' | 'idempotent' | 'transactional';

/** A failure of the streaming application, scripted or injected from the UI. */
export type StreamingFaultSpec =
  /** The driver dies and restarts `restartAfterMs` later, recovering from its checkpoint. */
  | { readonly atMs: number; readonly kind: 'driverCrash'; readonly restartAfterMs: number }
  /** An executor dies: the partitions it held are recomputed from lineage (or the last data checkpoint). */
  | { readonly atMs: number; readonly kind: 'executorLoss' }
  /** Receivers fail for `downMs`: what they held in memory is lost without a write-ahead log. */
  | { readonly atMs: number; readonly kind: 'receiverFailure'; readonly downMs: number };

/** A Spark Streaming application: the context's settings and its DStream program. */
export interface StreamingSpec {
  readonly batchIntervalMs: number;
  /** When `ssc.start()` runs; the first batch is the next multiple of the batch interval. */
  readonly startAtMs: number;
  /** `ssc.checkpoint(dir)`; null when never called. */
  readonly checkpointDir: string | null;
  /** Executor cores (local[n]); each receiver holds one for good. */
  readonly cores: number;
  /** Processing cost of one input record. */
  readonly perRecordMs: number;
  /** Fixed cost of every job (scheduling, task launch, output). */
  readonly jobOverheadMs: number;
  /** spark.streaming.backpressure.enabled, with its initialRate (0: none). */
  readonly backpressure: { readonly enabled: boolean; readonly initialRate: number };
  /** spark.streaming.receiver.maxRate (records/s per receiver; 0 = no limit). */
  readonly receiverMaxRate: number;
  readonly pipeline: readonly StreamOpSpec[];
  readonly faults?: readonly StreamingFaultSpec[];
}

/** An event-time windowed aggregation over the tuples that reach the stream processor. */
export interface EventTimeSpec {
  readonly window: /** offsetMs: Flink's window offset, Spark's window() startTime (either sign, |offset| < slide). */
    | { readonly kind: 'tumbling'; readonly sizeMs: number; readonly offsetMs?: number }
    | {
        readonly kind: 'sliding';
        readonly sizeMs: number;
        readonly slideMs: number;
        readonly offsetMs?: number;
      }
    | { readonly kind: 'session'; readonly gapMs: number }
    | { readonly kind: 'eventTime' };
  readonly aggregate: 'count' | 'sum' | 'min' | 'max' | 'avg';
  readonly keyed: boolean;
  /** Whose watermark rules apply. */
  readonly engine: 'spark' | 'flink';
  /**
   * One watermarked input, one per producer, or (Flink reading Kafka) one per Kafka partition — the
   * watermark then combines them by the minimum.
   */
  readonly inputs: 'single' | 'perProducer' | 'perPartition';
  readonly spark: {
    readonly delayMs: number;
    readonly triggerMs: number;
    readonly outputMode: 'append' | 'update' | 'complete';
    readonly noDataBatches: boolean;
    readonly policy: 'min' | 'max';
    /** spark.sql.streaming.statefulOperator.allowMultiple (Spark ≥ 3.4: true). */
    readonly allowMultiple: boolean;
  };
  readonly flink: {
    readonly boundMs: number;
    readonly autoWatermarkIntervalMs: number;
    readonly allowedLatenessMs: number;
    /** sideOutputLateData: late tuples go to a side output instead of vanishing. */
    readonly sideOutput: boolean;
    /** WatermarkStrategy.withIdleness (ms); null: no idleness detection. */
    readonly idlenessMs?: number | null;
    /** EventTimeTrigger (the default), or wrapped in PurgingTrigger: a firing clears the window. */
    readonly trigger?: 'eventTime' | 'purging';
    /** Watermarks carried by the input (at processing time atMs), instead of the bounded generator. */
    readonly watermarks?: readonly { readonly atMs: number; readonly watermarkMs: number }[] | null;
  };
}
