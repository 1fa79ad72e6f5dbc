/**
 * A binary min-heap of tuple ids ordered by (time, id). Times are stored beside the ids, not looked
 * up in the million-entry tuple columns: comparisons then stay in cache (this heap was the engine's
 * hottest code). Plain arrays, so a world snapshot copies it with `slice()`.
 */
export interface TimeHeap {
  readonly times: number[];
  readonly ids: number[];
}

export function emptyHeap(): TimeHeap {
  return { times: [], ids: [] };
}

/** A heap packed into typed arrays for keyframes: 12 bytes an entry, invisible to the GC's marking. */
export interface PackedHeap {
  readonly times: Float64Array;
  readonly ids: Int32Array;
}

export function packHeap(h: TimeHeap): PackedHeap {
  return { times: Float64Array.from(h.times), ids: Int32Array.from(h.ids) };
}

export function unpackHeap(p: PackedHeap): TimeHeap {
  return { times: Array.from(p.times), ids: Array.from(p.ids) };
}

export function heapSize(h: TimeHeap | PackedHeap): number {
  return h.ids.length;
}

export function heapPush(h: TimeHeap, time: number, id: number): void {
  const { times, ids } = h;
  let i = ids.length;
  times.push(time);
  ids.push(id);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = times[parent]!;
    if (pt < time || (pt === time && ids[parent]! < id)) break;
    times[i] = pt;
    ids[i] = ids[parent]!;
    i = parent;
  }
  times[i] = time;
  ids[i] = id;
}

/** Removes and returns the id with the smallest (time, id). The heap must not be empty. */
export function heapPop(h: TimeHeap): number {
  const { times, ids } = h;
  const top = ids[0]!;
  const lastTime = times.pop()!;
  const lastId = ids.pop()!;
  const n = ids.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n) {
      const tr = times[r]!;
      const tl = times[l]!;
      if (tr < tl || (tr === tl && ids[r]! < ids[l]!)) c = r;
    }
    const tc = times[c]!;
    if (tc > lastTime || (tc === lastTime && ids[c]! > lastId)) break;
    times[i] = tc;
    ids[i] = ids[c]!;
    i = c;
  }
  times[i] = lastTime;
  ids[i] = lastId;
  return top;
}

export function heapPeekTime(h: TimeHeap): number {
  return h.ids.length === 0 ? Number.POSITIVE_INFINITY : h.times[0]!;
}
