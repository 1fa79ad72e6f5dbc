/**
 * The scenarios `npm run bench` measures, on their own (no work on import) so that the browser bench
 * (e2e/whatIf.spec.ts) runs the very same run.
 */
import type { ProducerSpec, ScenarioSpec } from '../engine/types';

function producer(i: number, ratePerSec: number, durationMs: number): ProducerSpec {
  const delays: ProducerSpec['delay'][] = [
    { kind: 'constant', ms: 50 },
    { kind: 'uniform', minMs: 10, maxMs: 300 },
    { kind: 'exponential', meanMs: 120 },
  ];
  return {
    id: `p${i}`,
    label: `p${i}`,
    ratePerSec,
    arrivals: i % 2 === 0 ? 'poisson' : 'fixed',
    startMs: 0,
    stopMs: durationMs,
    keys: Array.from({ length: 100 }, (_, k) => `k${k}`),
    keyDistribution: i % 3 === 0 ? { kind: 'zipf', exponent: 1.2 } : { kind: 'uniform' },
    value: { min: 0, max: 100, decimals: 1 },
    payload: { kind: 'structured', keyColumn: 'key', valueColumn: 'value', unit: '' },
    delay: delays[i % 3]!,
    jitter: { probability: 0.05, maxMs: 500 },
    offline: i === 3 ? [{ fromMs: 2000, toMs: 3000 }] : [],
    dropProbability: 0,
    keyed: true,
  };
}

/** 10 producers × 10,000 events/s × 10 s = 1,000,000 tuples. */
export function benchScenario(): ScenarioSpec {
  const durationMs = 10_000;
  return {
    version: 1,
    name: 'bench: one million tuples',
    description: '',
    durationMs,
    tickMs: 10,
    seed: 42,
    lateness: { boundMs: 200 },
    producers: Array.from({ length: 10 }, (_, i) => producer(i, 10_000, durationMs)),
    tuples: [],
  };
}

/** 200,000 tuples through a 3-broker Kafka log (6 partitions, RF 2, acks=all) to a group of 3 consumers. */
export function kafkaBenchScenario(): ScenarioSpec {
  const base = benchScenario();
  const durationMs = 10_000;
  return {
    ...base,
    name: 'bench: Kafka log',
    producers: base.producers.slice(0, 4).map((p) => ({ ...p, ratePerSec: 5_000, stopMs: durationMs })),
    delivery: {
      model: 'log',
      brokers: 3,
      partitions: 6,
      replicationFactor: 2,
      minInsyncReplicas: 1,
      replicaLagTimeMaxMs: 30000,
      replicaFetchDelayMs: 20,
      acks: 'all',
      unkeyedPartitioner: 'sticky',
      stickyBatchRecords: 16,
      retention: { ms: null, records: null, segmentRecords: 1000 },
      groups: [
        {
          id: 'bench',
          assignor: 'range',
          autoOffsetReset: 'earliest',
          commitMode: 'auto',
          autoCommitIntervalMs: 1000,
          sessionTimeoutMs: 10000,
          maxPollRecords: 5000,
          pollIntervalMs: 10,
          processingMsPerRecord: 0,
          members: [
            { id: 'c1', joinAtMs: 0 },
            { id: 'c2', joinAtMs: 0 },
            { id: 'c3', joinAtMs: 0 },
          ],
        },
      ],
      faults: [],
    },
  };
}

/**
 * 200,000 tuples through the same Kafka log into a Spark Streaming application: the direct stream
 * every 1 s, (key, 1) pairs, a per-batch reduceByKey, and a 3 s window sliding every 1 s with an
 * inverse function (ReducedWindowedDStream), both written to sinks.
 */
export function microBatchBenchScenario(): ScenarioSpec {
  const kafka = kafkaBenchScenario();
  return {
    ...kafka,
    name: 'bench: Kafka → DStream → windowed reduce',
    delivery: { ...kafka.delivery!, groups: [] },
    streaming: {
      batchIntervalMs: 1000,
      startAtMs: 0,
      checkpointDir: '/bench',
      cores: 4,
      perRecordMs: 0.01,
      jobOverheadMs: 10,
      backpressure: { enabled: false, initialRate: 0 },
      receiverMaxRate: 0,
      pipeline: [
        { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest', maxRatePerPartition: 0 },
        { id: 'pairs', op: 'map', input: 'stream', fn: 'keyOne' },
        { id: 'counts', op: 'reduceByKey', input: 'pairs', reduce: 'sum' },
        {
          id: 'windowed',
          op: 'reduceByKeyAndWindow',
          input: 'pairs',
          reduce: 'sum',
          windowMs: 3000,
          slideMs: 1000,
          inverse: true,
        },
        { id: 'countsOut', op: 'sink', input: 'counts' },
        { id: 'windowedOut', op: 'sink', input: 'windowed' },
      ],
    },
  };
}

/**
 * The same 200,000 tuples through the Kafka log into a Structured Streaming query: a keyed count in
 * 2 s tumbling windows with a 1 s watermark delay, a 1 s processing-time trigger, append mode, a file
 * sink and its checkpoint (offsets, commits, state versions) written every batch.
 */
export function structuredBenchScenario(): ScenarioSpec {
  const kafka = kafkaBenchScenario();
  return {
    ...kafka,
    name: 'bench: Kafka → Structured Streaming windowed count',
    delivery: { ...kafka.delivery!, groups: [] },
    query: {
      startAtMs: 0,
      inputs: [
        {
          id: 'events',
          source: 'kafka',
          producers: [],
          startingOffsets: 'earliest',
          maxOffsetsPerTrigger: null,
          delayMs: 1000,
        },
      ],
      policy: 'min',
      minValue: null,
      operator: {
        kind: 'windowAggregation',
        window: { kind: 'tumbling', sizeMs: 2000 },
        aggregate: 'count',
        keyed: true,
      },
      outputMode: 'append',
      trigger: { kind: 'processingTime', intervalMs: 1000 },
      sink: { kind: 'file', path: '/bench-out' },
      checkpointLocation: '/bench-checkpoint',
      noDataBatches: true,
      allowMultiple: true,
      cores: 4,
      perRowMs: 0.001,
      batchOverheadMs: 10,
      planMs: 5,
      commitMs: 5,
      faults: [],
    },
  };
}
