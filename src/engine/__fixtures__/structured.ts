/** A small world for Structured Streaming tests: rows on a Kafka topic (or arriving directly). */
import type { StructuredSource } from '../structured/sources';
import type { StructuredSpec } from '../structured/spec';

export interface FakeRow {
  readonly key: string;
  readonly value: number;
  readonly eventTimeMs: number;
  readonly arrivalMs: number;
  readonly partition: number;
  /** Which producer sent it (for inputs read from the producers). */
  readonly producer?: string;
}

export function fakeSource(rows: readonly FakeRow[], partitions: number): StructuredSource {
  const order = rows.map((_, id) => id).sort((a, b) => rows[a]!.arrivalMs - rows[b]!.arrivalMs || a - b);
  const logs = Array.from({ length: partitions }, (_, p) => order.filter((id) => rows[id]!.partition === p));
  const count = (list: readonly number[], t: number) => list.filter((id) => rows[id]!.arrivalMs <= t).length;
  return {
    kafkaPartitions: partitions,
    latestOffset: (p, t) => count(logs[p]!, t),
    recordAt: (p, o) => logs[p]![o]!,
    arrivals: (fromMs, toMs) =>
      order.filter((id) => rows[id]!.arrivalMs >= fromMs && rows[id]!.arrivalMs < toMs),
    arrivalTime: (id) => rows[id]!.arrivalMs,
    eventTime: (id) => rows[id]!.eventTimeMs,
    key: (id) => rows[id]!.key,
    value: (id) => rows[id]!.value,
    producerOf: (id) => rows[id]!.producer ?? 'p',
  };
}

export const s = (seconds: number) => seconds * 1000;

/** A keyed count in 10 s tumbling windows over a Kafka topic, 10 s watermark delay, 5 s trigger, file sink. */
export const baseQuery: StructuredSpec = {
  startAtMs: 0,
  inputs: [
    {
      id: 'readings',
      source: 'kafka',
      producers: [],
      startingOffsets: 'earliest',
      maxOffsetsPerTrigger: null,
      delayMs: s(10),
    },
  ],
  policy: 'min',
  minValue: null,
  operator: {
    kind: 'windowAggregation',
    window: { kind: 'tumbling', sizeMs: s(10) },
    aggregate: 'count',
    keyed: true,
  },
  outputMode: 'append',
  trigger: { kind: 'processingTime', intervalMs: s(5) },
  sink: { kind: 'file', path: '/out' },
  checkpointLocation: '/chk',
  noDataBatches: true,
  allowMultiple: true,
  cores: 2,
  perRowMs: 1,
  batchOverheadMs: 200,
  planMs: 50,
  commitMs: 50,
  faults: [],
};
