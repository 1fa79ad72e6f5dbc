/**
 * A binary min-heap of tuple ids ordered by (time[id], id), stored in a plain array so that a world
 * snapshot can copy it with `slice()`.
 */
export interface TimeColumn {
  get(id: number): number;
}

function less(time: TimeColumn, a: number, b: number): boolean {
  const ta = time.get(a);
  const tb = time.get(b);
  return ta < tb || (ta === tb && a < b);
}

export function heapPush(heap: number[], time: TimeColumn, id: number): void {
  let i = heap.length;
  heap.push(id);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!less(time, id, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = id;
}

export function heapPop(heap: number[], time: TimeColumn): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  const n = heap.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(time, heap[r]!, heap[l]!) ? r : l;
    if (!less(time, heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}

export function heapPeekTime(heap: readonly number[], time: TimeColumn): number {
  return heap.length === 0 ? Number.POSITIVE_INFINITY : time.get(heap[0]!);
}
