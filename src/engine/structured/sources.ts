/**
 * How a Structured Streaming query reads its inputs: offsets per partition (exclusive ends, "1 +
 * (available offset)" as KafkaSourceOffset counts them), the latest available at a moment, and the
 * `maxOffsetsPerTrigger` limit.
 */
import type { EventRecord } from '../eventtime/windows';
import type { StartingOffsets, StructuredInputSpec } from './spec';
import type { InputProgress } from './types';

/** What the query reads from the simulated world. */
export interface StructuredSource {
  /** Partitions of the scenario's Kafka topic (0 without one). */
  readonly kafkaPartitions: number;
  /** A partition's high watermark at `timeMs`. */
  latestOffset(partition: number, timeMs: number): number;
  recordAt(partition: number, offset: number): number;
  /** Ids of tuples that reached the stream processor in [fromMs, toMs), in arrival order. */
  arrivals(fromMs: number, toMs: number): number[];
  arrivalTime(id: number): number;
  eventTime(id: number): number;
  key(id: number): string;
  value(id: number): number;
  producerOf(id: number): string;
}

/** One input, as offsets over partitions. */
export interface InputReader {
  readonly spec: StructuredInputSpec;
  readonly partitions: number;
  /** The offsets available at `timeMs` (what latestOffset returns then). */
  latest(timeMs: number): number[];
  record(partition: number, offset: number): number;
}

export function inputReader(spec: StructuredInputSpec, source: StructuredSource): InputReader {
  if (spec.source === 'kafka')
    return {
      spec,
      partitions: source.kafkaPartitions,
      latest: (t) => Array.from({ length: source.kafkaPartitions }, (_, p) => source.latestOffset(p, t)),
      record: (p, o) => source.recordAt(p, o),
    };
  // Producers read directly: one partition whose offsets count the input's arrivals (as a
  // MemoryStream numbers the rows added to it).
  const wanted = new Set(spec.producers);
  const ids: number[] = [];
  let scannedToMs = Number.NEGATIVE_INFINITY;
  let pending: number[] = [];
  const extend = (t: number) => {
    if (t < scannedToMs) return;
    const seen = [...pending, ...source.arrivals(scannedToMs, t + 1)];
    pending = [];
    for (const id of seen) {
      if (wanted.size > 0 && !wanted.has(source.producerOf(id))) continue;
      if (source.arrivalTime(id) <= t) ids.push(id);
      else pending.push(id);
    }
    scannedToMs = t + 1;
  };
  const countAt = (t: number) => {
    extend(t);
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (source.arrivalTime(ids[mid]!) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { spec, partitions: 1, latest: (t) => [countAt(t)], record: (_p, o) => ids[o]! };
}

/**
 * Where an input starts the first time the query runs (KafkaMicroBatchStream.
 * getOrCreateInitialPartitionOffsets; -2 earliest, -1 latest in the JSON form).
 */
export function startingOffsets(reader: InputReader, start: StartingOffsets, atMs: number): number[] {
  const latest = reader.latest(atMs);
  if (start === 'earliest') return latest.map(() => 0);
  if (start === 'latest') return latest;
  return latest.map((l, p) => {
    const o = start[String(p)];
    if (o === undefined || o === -1) return l;
    if (o === -2) return 0;
    return o;
  });
}

/**
 * maxOffsetsPerTrigger, split across partitions in proportion to what each has waiting
 * (KafkaMicroBatchStream.rateLimit): `prorate = limit × size / total`, rounded up below 1 ("Don't
 * completely starve small topicpartitions") and down otherwise, capped at the partition's end.
 */
export function rateLimit(limit: number | null, from: readonly number[], until: readonly number[]): number[] {
  if (limit === null) return [...until];
  const sizes = until.map((end, p) => Math.max(0, end - from[p]!));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < 1) return [...until];
  return until.map((end, p) => {
    const size = sizes[p]!;
    if (size <= 0) return end;
    const prorate = limit * (size / total);
    const prorateLong = prorate < 1 ? Math.ceil(prorate) : Math.floor(prorate);
    return Math.min(end, from[p]! + prorateLong);
  });
}

/**
 * The rows of a batch's offset ranges, input by input and partition by partition, with the progress
 * per input and one task per partition (its rows × the cost of a row).
 */
export function readRanges(
  readers: readonly InputReader[],
  source: StructuredSource,
  from: readonly (readonly number[])[],
  until: readonly (readonly number[])[],
  perRowMs: number,
): { records: EventRecord[]; inputs: InputProgress[]; taskMs: number[] } {
  const records: EventRecord[] = [];
  const inputs: InputProgress[] = [];
  const taskMs: number[] = [];
  readers.forEach((r, i) => {
    const ranges = from[i]!.map((f, p) => ({ partition: p, fromOffset: f, untilOffset: until[i]![p]! }));
    for (const range of ranges) {
      for (let o = range.fromOffset; o < range.untilOffset; o++) {
        const id = r.record(range.partition, o);
        records.push({
          id,
          key: source.key(id),
          value: source.value(id),
          eventTimeMs: source.eventTime(id),
          arrivalMs: source.arrivalTime(id),
          input: i,
        });
      }
      taskMs.push((range.untilOffset - range.fromOffset) * perRowMs);
    }
    inputs.push({
      input: r.spec.id,
      source: r.spec.source,
      ranges,
      numInputRows: ranges.reduce((n, x) => n + x.untilOffset - x.fromOffset, 0),
    });
  });
  return { records, inputs, taskMs };
}
