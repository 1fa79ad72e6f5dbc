import type { StreamingSpec } from '../types';
import type { DStreamNode } from './context';
import { maxMessagesPerPartition } from './rates';
import type { InputSplit } from './rdd';
import type { StreamSource } from './types';
import type { Value } from './values';

interface Block {
  readonly blockId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly ids: number[];
}

/** Mutable reading position of one input stream. */
export interface InputState {
  readonly node: DStreamNode;
  /** Kafka: the next offset to read per partition (null until the first batch). */
  offsets: number[] | null;
  /** Receiver: records received but not yet admitted by its rate limiter. */
  pending: number[];
  lastAdmitMs: number;
  /** Receiver and producer streams: what was allocated to each batch time. */
  allocated: Map<number, { partitions: number[][]; splits: InputSplit[] }>;
  readUpToMs: number;
  /** Receiver: records lost to failures — held in memory without a write-ahead log, or missed while down. */
  lost: { id: number; reason: 'memory' | 'down' }[];
  /** Receiver: records it will never get (lost to a driver failure). */
  skip: Set<number>;
}

export interface ReadResult {
  readonly partitions: Value[][];
  readonly splits: InputSplit[];
  readonly partitionSizes: number[];
}

const EMPTY: ReadResult = { partitions: [], splits: [], partitionSizes: [] };

/** The receiver's stream id in Spark (input streams are numbered from 0 as they are created). */
function inputStreamId(node: DStreamNode, spec: StreamingSpec): number {
  return spec.pipeline.slice(0, node.index).filter((o) => o.op.endsWith('Stream')).length;
}

/**
 * Reads an input stream. `allocate` runs at every batch time for receiver and producer streams
 * (ReceiverTracker.allocateBlocksToBatch); `compute` builds the batch's RDD when something needs
 * it — for Kafka that is when the offsets are read, up to the high watermark *at that moment*.
 */
export function readInput(
  input: InputState,
  source: StreamSource,
  spec: StreamingSpec,
  batchTimeMs: number,
  rate: number | null,
  mode: 'allocate' | 'compute',
  nowMs = batchTimeMs,
): ReadResult {
  const op = input.node.spec;
  const wanted = op.producers && op.producers.length > 0 ? new Set(op.producers) : null;
  const take = (from: number, to: number) =>
    source.arrivals(from, to).filter((id) => wanted === null || wanted.has(source.producerOf(id)));

  if (op.op === 'kafkaDirectStream') {
    if (mode === 'allocate') return EMPTY;
    const n = source.kafkaPartitions;
    if (input.offsets === null) {
      input.offsets = [];
      for (let p = 0; p < n; p++)
        input.offsets.push(op.startingOffsets === 'earliest' ? 0 : source.latestOffset(p, spec.startAtMs));
    }
    const current = input.offsets;
    const latest = current.map((from, p) => Math.max(from, source.latestOffset(p, nowMs)));
    const limits = maxMessagesPerPartition(
      latest.map((l, p) => l - current[p]!),
      spec.batchIntervalMs,
      op.maxRatePerPartition ?? 0,
      rate,
    );
    const partitions: Value[][] = [];
    const splits: InputSplit[] = [];
    for (let p = 0; p < n; p++) {
      const from = current[p]!;
      const until = limits ? Math.min(latest[p]!, from + limits[p]!) : latest[p]!;
      const ids: number[] = [];
      for (let o = from; o < until; o++) ids.push(source.recordAt(p, o));
      partitions.push(ids);
      splits.push({ kind: 'kafka', partition: p, fromOffset: from, untilOffset: until });
      current[p] = until;
    }
    return { partitions, splits, partitionSizes: partitions.map((x) => x.length) };
  }

  if (mode === 'allocate') {
    const from = Math.max(input.readUpToMs, spec.startAtMs);
    const arrived = batchTimeMs > from ? take(from, batchTimeMs) : [];
    input.readUpToMs = batchTimeMs;
    if (op.op === 'producerStream') {
      const producers = op.producers && op.producers.length > 0 ? op.producers : source.producerIds;
      const partitions = producers.map((p) => arrived.filter((id) => source.producerOf(id) === p));
      input.allocated.set(batchTimeMs, {
        partitions,
        splits: producers.map((producer) => ({ kind: 'producer', producer })),
      });
      return EMPTY;
    }
    // Receiver: the rate limiter admits records no faster than the limit; the rest wait at the source.
    // While it is down after a failure it receives nothing: those records are missed.
    const failures = (spec.faults ?? []).flatMap((f) => (f.kind === 'receiverFailure' ? [f] : []));
    const down = (t: number) => failures.some((f) => t >= f.atMs && t < f.atMs + f.downMs);
    for (const id of arrived) {
      if (input.skip.has(id)) continue;
      if (down(source.arrivalTime(id))) input.lost.push({ id, reason: 'down' });
      else input.pending.push(id);
    }
    const max = spec.receiverMaxRate > 0 ? spec.receiverMaxRate : Number.POSITIVE_INFINITY;
    const limit = rate !== null ? Math.min(rate, max) : max;
    const gapMs = Number.isFinite(limit) ? 1000 / limit : 0;
    const bi = op.blockIntervalMs ?? 200;
    const streamId = inputStreamId(input.node, spec);
    const blocks: Block[] = [];
    let admitted = 0;
    // A failure in this interval loses the blocks received before it and not yet allocated to a
    // batch, unless they went to the write-ahead log too.
    const failure = failures.find((f) => f.atMs > from && f.atMs <= batchTimeMs);
    for (const id of input.pending) {
      const at = Math.max(source.arrivalTime(id), input.lastAdmitMs + gapMs);
      if (at >= batchTimeMs) break;
      input.lastAdmitMs = at;
      admitted++;
      if (failure && at < failure.atMs && !op.writeAheadLog) {
        input.lost.push({ id, reason: 'memory' });
        continue;
      }
      const start = Math.floor(at / bi) * bi;
      const last = blocks[blocks.length - 1];
      if (last && last.startMs === start) last.ids.push(id);
      else
        blocks.push({ blockId: `input-${streamId}-${start}`, startMs: start, endMs: start + bi, ids: [id] });
    }
    input.pending.splice(0, admitted);
    input.allocated.set(batchTimeMs, {
      partitions: blocks.map((b) => b.ids),
      splits: blocks.map((b) => ({ kind: 'block', blockId: b.blockId, startMs: b.startMs, endMs: b.endMs })),
    });
    return EMPTY;
  }

  const got = input.allocated.get(batchTimeMs);
  if (!got) return EMPTY;
  return {
    partitions: got.partitions,
    splits: got.splits,
    partitionSizes: got.partitions.map((x) => x.length),
  };
}
