import { emptyHeap, heapPeekTime, heapPop, heapPush, heapSize, type TimeHeap } from './heap';

/**
 * Tuples on the network, by arrival time: the order `stepWorld` takes them in is (time, id), as a
 * binary heap of every tuple in flight gave it, but the work is bucketed by the tick a tuple
 * arrives in (issue 19). Sending appends to its arrival tick's bucket; when a tick opens, its bucket
 * is sorted once (a counting sort, as times are whole milliseconds) and read front to back. A heap
 * of ~15,000 tuples in flight cost 14 levels of comparisons per arrival and was the engine's
 * hottest code.
 *
 * Tick k holds the times in ((k−1)·tickMs, k·tickMs] (see time.ts); a tuple sent during the open
 * tick that also arrives within it (a delay shorter than what is left of the tick) goes to a
 * small heap that is merged with the sorted bucket.
 */
export interface ArrivalQueue {
  readonly tickMs: number;
  /**
   * Per tick after the open one, what arrives in it, in the order it was sent: a ring whose slot
   * k mod length holds tick k's bucket, for ticks in (openTick, openTick + length] (it grows when a
   * tuple arrives further ahead). Cheaper per send than a Map.
   */
  ring: (Bucket | undefined)[];
  /** Emptied buckets kept for reuse (their arrays keep their capacity). */
  readonly spare: Bucket[];
  /** Entries in all buckets, the open tick's unread part and `soon`. */
  size: number;
  /** The tick being processed (−1 before the first). */
  openTick: number;
  /** The open tick's bucket sorted by (time, id), read from `pos`. */
  times: Float64Array;
  ids: Int32Array;
  pos: number;
  end: number;
  /** Sent during the open tick and arriving in it. */
  readonly soon: TimeHeap;
  /** Scratch for the counting sort. */
  counts: Int32Array;
}

/**
 * Arrays with a count of the entries in use, so a bucket taken from `spare` keeps its capacity
 * (issue 19: emptied by `length = 0`, the arrays gave back their storage, and regrowing them was
 * most of the engine's garbage). Entries from `n` on are stale.
 */
interface Bucket {
  tick: number;
  readonly times: number[];
  readonly ids: number[];
  n: number;
  /** Whether ids were pushed in increasing order (true unless a backfilled tuple was sent late). */
  ascending: boolean;
}

const EMPTY_TIMES = new Float64Array(0);
const EMPTY_IDS = new Int32Array(0);

export function emptyArrivalQueue(tickMs: number): ArrivalQueue {
  return {
    tickMs,
    ring: new Array(64).fill(undefined),
    spare: [],
    size: 0,
    openTick: -1,
    times: EMPTY_TIMES,
    ids: EMPTY_IDS,
    pos: 0,
    end: 0,
    soon: emptyHeap(),
    counts: EMPTY_IDS,
  };
}

/** The tick whose interval holds `timeMs`: the least k with timeMs ≤ k·tickMs (0 for times ≤ 0). */
export function arrivalTick(timeMs: number, tickMs: number): number {
  if (timeMs <= 0) return 0;
  let k = Math.ceil(timeMs / tickMs);
  // Division can round either way for fractional steps: settle on the comparison stepWorld makes.
  while (k > 0 && timeMs <= (k - 1) * tickMs) k--;
  while (timeMs > k * tickMs) k++;
  return k;
}

export function queuePush(q: ArrivalQueue, timeMs: number, id: number): void {
  q.size++;
  const k = arrivalTick(timeMs, q.tickMs);
  if (k <= q.openTick) {
    heapPush(q.soon, timeMs, id);
    return;
  }
  if (k - q.openTick >= q.ring.length) growRing(q, k - q.openTick);
  const slot = k & (q.ring.length - 1);
  let bucket = q.ring[slot];
  if (bucket === undefined) {
    bucket = q.spare.pop() ?? { tick: k, times: [], ids: [], n: 0, ascending: true };
    bucket.tick = k;
    bucket.ascending = true;
    q.ring[slot] = bucket;
  } else if (id < bucket.ids[bucket.n - 1]!) bucket.ascending = false;
  const n = bucket.n;
  if (n < bucket.ids.length) {
    bucket.times[n] = timeMs;
    bucket.ids[n] = id;
  } else {
    bucket.times.push(timeMs);
    bucket.ids.push(id);
  }
  bucket.n = n + 1;
}

/**
 * Opens `tick`: its bucket becomes the sorted run read by `queuePeekTime`/`queuePop`. The previous
 * tick must have been read to its end (stepWorld reads every arrival up to the tick's end).
 */
export function queueOpenTick(q: ArrivalQueue, tick: number): void {
  q.openTick = tick;
  const slot = tick & (q.ring.length - 1);
  const bucket = q.ring[slot];
  if (bucket === undefined || bucket.tick !== tick) {
    q.pos = q.end = 0;
    return;
  }
  q.ring[slot] = undefined;
  sortBucket(q, bucket);
  bucket.n = 0;
  if (q.spare.length < MAX_SPARE) q.spare.push(bucket);
}

/** A ring of a power-of-two length above `span` ticks, with every bucket in its new slot. */
function growRing(q: ArrivalQueue, span: number): void {
  let length = q.ring.length;
  while (length <= span) length *= 2;
  const ring: (Bucket | undefined)[] = new Array(length).fill(undefined);
  for (const bucket of q.ring) if (bucket) ring[bucket.tick & (length - 1)] = bucket;
  q.ring = ring;
}

/** Emptied buckets kept (about the ticks a tuple is in flight: each is reused, capacity and all). */
const MAX_SPARE = 128;

/** A bucket whose times span fewer whole milliseconds than this is counting-sorted. */
const COUNTING_SPAN = 4096;

function sortBucket(q: ArrivalQueue, bucket: Bucket): void {
  const n = bucket.n;
  const times = q.times.length >= n ? q.times : new Float64Array(Math.max(n, 2 * q.times.length));
  const ids = q.ids.length >= n ? q.ids : new Int32Array(times.length);
  let integral = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = bucket.times[i]!;
    if (!Number.isInteger(t)) {
      integral = false;
      break;
    }
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (integral && max - min < COUNTING_SPAN) {
    // Whole milliseconds a tick apart: a stable counting sort by time keeps ties in push order,
    // which is id order unless a backfilled tuple was sent after later ones; then each run of
    // equal times is put in id order (issue 19: a comparison sort of the whole bucket was 3 % of
    // a run with one producer offline for a second).
    const counts = q.counts.length >= max - min + 2 ? q.counts : new Int32Array(max - min + 2);
    counts.fill(0, 0, max - min + 2);
    for (let i = 0; i < n; i++) counts[bucket.times[i]! - min + 1]!++;
    for (let t = 1; t < max - min + 2; t++) counts[t]! += counts[t - 1]!;
    for (let i = 0; i < n; i++) {
      const at = counts[bucket.times[i]! - min]!++;
      times[at] = bucket.times[i]!;
      ids[at] = bucket.ids[i]!;
    }
    q.counts = counts;
    if (!bucket.ascending) sortTies(times, ids, n);
  } else {
    // Fractional times, or times too far apart to count: sorted by (time, id).
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => bucket.times[a]! - bucket.times[b]! || bucket.ids[a]! - bucket.ids[b]!);
    for (let i = 0; i < n; i++) {
      times[i] = bucket.times[order[i]!]!;
      ids[i] = bucket.ids[order[i]!]!;
    }
  }
  q.times = times;
  q.ids = ids;
  q.pos = 0;
  q.end = n;
}

/** Sorts each run of equal times in `times[0, n)` by id (the runs' ids are usually in order already). */
function sortTies(times: Float64Array, ids: Int32Array, n: number): void {
  for (let from = 0; from < n; ) {
    let to = from + 1;
    let sorted = true;
    for (; to < n && times[to] === times[from]; to++) if (ids[to]! < ids[to - 1]!) sorted = false;
    if (!sorted) ids.subarray(from, to).sort();
    from = to;
  }
}

/** The earliest arrival time in the open tick; +∞ when nothing more arrives in it. */
export function queuePeekTime(q: ArrivalQueue): number {
  const run = q.pos < q.end ? q.times[q.pos]! : Number.POSITIVE_INFINITY;
  const soon = heapPeekTime(q.soon);
  return soon < run ? soon : run;
}

/** Removes and returns the id with the smallest (time, id) in the open tick; there must be one. */
export function queuePop(q: ArrivalQueue): number {
  q.size--;
  if (heapSize(q.soon) > 0) {
    const soonTime = q.soon.times[0]!;
    const soonFirst =
      q.pos >= q.end ||
      soonTime < q.times[q.pos]! ||
      (soonTime === q.times[q.pos]! && q.soon.ids[0]! < q.ids[q.pos]!);
    if (soonFirst) return heapPop(q.soon);
  }
  return q.ids[q.pos++]!;
}

/** Every id in the queue, in no particular order. */
export function queueIds(q: ArrivalQueue): number[] {
  const out: number[] = [];
  for (let i = q.pos; i < q.end; i++) out.push(q.ids[i]!);
  out.push(...q.soon.ids);
  for (const bucket of q.ring) if (bucket) for (let j = 0; j < bucket.n; j++) out.push(bucket.ids[j]!);
  return out;
}

/**
 * The queue between ticks packed for a keyframe: the ids only (4 bytes an entry), as every entry's
 * time is its tuple's arrival time, which `unpackQueue` reads back from the tuple table (issue 19:
 * keyframes that also copied the times were a third of a million-tuple run's memory). Between
 * ticks the open tick has been read to its end, so the buckets hold everything; their inner order
 * does not matter (a bucket is sorted when its tick opens).
 */
export function packQueue(q: ArrivalQueue): Int32Array {
  const ids = new Int32Array(q.size);
  let i = 0;
  for (let j = q.pos; j < q.end; j++) ids[i++] = q.ids[j]!;
  for (let j = 0; j < q.soon.ids.length; j++) ids[i++] = q.soon.ids[j]!;
  for (const bucket of q.ring) {
    if (!bucket) continue;
    for (let j = 0; j < bucket.n; j++) ids[i++] = bucket.ids[j]!;
  }
  return ids;
}

/**
 * A queue from a packed one, between ticks (the next tick to open is `tick + 1`), with each id's
 * time from `timeOf` (the tuples' arrival times).
 */
export function unpackQueue(
  ids: Int32Array,
  timeOf: ArrayLike<number>,
  tickMs: number,
  tick: number,
): ArrivalQueue {
  const q = emptyArrivalQueue(tickMs);
  q.openTick = tick;
  for (let i = 0; i < ids.length; i++) queuePush(q, timeOf[ids[i]!]!, ids[i]!);
  return q;
}
