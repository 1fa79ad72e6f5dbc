import { Int32Column } from '../columns';
import { TraceCode } from '../trace';
import type { WorldState } from '../world';

/**
 * What each consumer (direct messaging, queue) or consumer group (Kafka log) has got, counted at the
 * frontier as the trace grows and kept per tick, so that `deliveryOutcome` reads a few numbers at the
 * cursor instead of scanning the whole trace every frame (issue 19). The counts are those of the
 * scan they replace: distinct tuples processed (or delivered, acknowledged), extra processings, and
 * for a group the records still stored that it never processed and that are now behind its committed
 * offset or the log start offset.
 */
export class OutcomeCounters {
  /** Per consumer or group, at the end of each tick. */
  readonly received: Int32Column[];
  readonly duplicates: Int32Column[];
  /** Per group (log model only). */
  readonly lost: Int32Column[];
  private readonly kind: number;
  /** Per consumer or group, how often each tuple was processed (indexed by tuple id). */
  private seen: Int32Array[];
  private readonly distinct: number[];
  private readonly total: number[];
  /** Log model: where each tuple is stored (partition, offset), partition −1 if nowhere. */
  private storedPartition: Int32Array = new Int32Array(0);
  private storedOffset: Int32Array = new Int32Array(0);
  /** Tuple ids the per-tuple arrays cover. */
  private capacity = 0;
  /** Log model, per group and partition: counts by offset of stored records the group never processed. */
  private readonly unseen: OffsetCounts[][];

  constructor(
    readonly model: 'direct' | 'queue' | 'log',
    consumers: number,
    partitions: number,
    ticks: number,
  ) {
    this.kind =
      model === 'log'
        ? TraceCode.processed
        : model === 'queue'
          ? TraceCode.acknowledged
          : TraceCode.delivered;
    const columns = () => Array.from({ length: consumers }, () => new Int32Column(ticks));
    this.received = columns();
    this.duplicates = columns();
    this.lost = model === 'log' ? columns() : [];
    this.seen = Array.from({ length: consumers }, () => new Int32Array(0));
    this.distinct = new Array(consumers).fill(0);
    this.total = new Array(consumers).fill(0);
    this.unseen =
      model === 'log'
        ? Array.from({ length: consumers }, () =>
            Array.from({ length: partitions }, () => new OffsetCounts()),
          )
        : [];
  }

  /**
   * Counts one trace entry as it is appended (a, b: its first two numbers, see `traceFields`), so
   * that nothing reads the trace back (issue 19). Entries come in trace order; tuple ids must be
   * below the last `reserve`.
   */
  entry(code: number, tupleId: number, a: number, b: number): void {
    if (code === this.kind) this.processed(a, tupleId);
    else if (this.model !== 'log') return;
    else if (code === TraceCode.appended) this.appended(tupleId, a, b);
    else if (code === TraceCode.truncated) this.truncated(tupleId, b);
  }

  /** Records the counts at the end of a tick. */
  endTick(state: WorldState): void {
    const n = this.received.length;
    for (let i = 0; i < n; i++) {
      this.received[i]!.push(this.distinct[i]!);
      this.duplicates[i]!.push(this.total[i]! - this.distinct[i]!);
    }
    if (this.model === 'log' && state.delivery) {
      const { groups, cluster } = state.delivery;
      for (let g = 0; g < n; g++) {
        const committed = groups[g]!.committed;
        let lost = 0;
        for (const p of cluster.partitions) {
          const bound = Math.max(committed[p.partition] ?? 0, p.logStartOffset);
          lost += this.unseen[g]![p.partition]!.below(bound);
        }
        this.lost[g]!.push(lost);
      }
    }
  }

  private processed(consumer: number, tupleId: number): void {
    const seen = this.seen[consumer];
    if (!seen || tupleId < 0) return;
    this.total[consumer]!++;
    if (seen[tupleId]!++ > 0) return;
    this.distinct[consumer]!++;
    const p = this.model === 'log' ? this.storedPartition[tupleId]! : -1;
    if (p >= 0) this.unseen[consumer]![p]?.add(this.storedOffset[tupleId]!, -1);
  }

  private appended(tupleId: number, partition: number, offset: number): void {
    if (tupleId < 0) return;
    this.unstore(tupleId);
    this.storedPartition[tupleId] = partition;
    this.storedOffset[tupleId] = offset;
    this.count(tupleId, 1);
  }

  private truncated(tupleId: number, offset: number): void {
    if (tupleId >= 0 && this.storedPartition[tupleId]! >= 0 && this.storedOffset[tupleId] === offset)
      this.unstore(tupleId);
  }

  private unstore(tupleId: number): void {
    if (this.storedPartition[tupleId]! < 0) return;
    this.count(tupleId, -1);
    this.storedPartition[tupleId] = -1;
  }

  /** Adds `delta` at the tuple's stored place for every group that has not processed it. */
  private count(tupleId: number, delta: number): void {
    const p = this.storedPartition[tupleId]!;
    const offset = this.storedOffset[tupleId]!;
    for (let g = 0; g < this.unseen.length; g++)
      if (this.seen[g]![tupleId] === 0) this.unseen[g]![p]?.add(offset, delta);
  }

  /** Makes the per-tuple arrays cover ids below `tuples`. */
  reserve(tuples: number): void {
    if (this.capacity >= tuples) return;
    this.capacity = Math.max(1024, tuples, 2 * this.capacity);
    this.seen = this.seen.map((s) => grow(s, this.capacity, 0));
    if (this.model === 'log') {
      this.storedPartition = grow(this.storedPartition, this.capacity, -1);
      this.storedOffset = grow(this.storedOffset, this.capacity, 0);
    }
  }
}

function grow(a: Int32Array, size: number, fill: number): Int32Array {
  if (a.length >= size) return a;
  const next = new Int32Array(size);
  if (fill !== 0) next.fill(fill, a.length);
  next.set(a);
  return next;
}

/** Counts by offset with prefix sums in O(log n) (a Fenwick tree that grows by rebuilding). */
class OffsetCounts {
  private counts = new Int32Array(0);
  private tree = new Int32Array(1);

  add(offset: number, delta: number): void {
    if (offset < 0) return;
    if (offset >= this.counts.length) this.resize(Math.max(1024, 2 * (offset + 1)));
    this.counts[offset]! += delta;
    for (let i = offset + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Sum of the counts at offsets below `bound`. */
  below(bound: number): number {
    let sum = 0;
    for (let i = Math.min(bound, this.counts.length); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  private resize(size: number): void {
    const counts = new Int32Array(size);
    counts.set(this.counts);
    const tree = new Int32Array(size + 1);
    for (let i = 1; i <= size; i++) {
      tree[i]! += counts[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= size) tree[parent]! += tree[i]!;
    }
    this.counts = counts;
    this.tree = tree;
  }
}
