import type { EventRecord, Window } from './windows';

/**
 * The perfect watermark at processing time `atMs`: the smallest event time of any tuple that has
 * not arrived yet (an oracle — no real system knows it). Tuples created later have event times
 * after `atMs`, so it is at most `atMs`. A real watermark above it makes tuples late; below it, it
 * only delays results.
 */
export function perfectWatermark(records: readonly EventRecord[], atMs: number): number {
  let min = atMs;
  for (const r of records) if (r.arrivalMs > atMs && r.eventTimeMs < min) min = r.eventTimeMs;
  return min;
}

/**
 * `perfectWatermark` for many instants over the same records (a plot samples hundreds per frame):
 * a suffix minimum of event time in arrival order, then a binary search per instant. Records in
 * arrival order, as `eventRecords` gives them; otherwise it falls back to the scan.
 */
export function perfectWatermarkIndex(records: readonly EventRecord[]): (atMs: number) => number {
  const n = records.length;
  for (let i = 1; i < n; i++)
    if (records[i]!.arrivalMs < records[i - 1]!.arrivalMs) return (atMs) => perfectWatermark(records, atMs);
  const arrival = new Float64Array(n);
  // suffixMin[i]: the smallest event time of records i..n-1 (Infinity past the end).
  const suffixMin = new Float64Array(n + 1);
  suffixMin[n] = Number.POSITIVE_INFINITY;
  for (let i = n - 1; i >= 0; i--) {
    arrival[i] = records[i]!.arrivalMs;
    suffixMin[i] = Math.min(records[i]!.eventTimeMs, suffixMin[i + 1]!);
  }
  return (atMs) => {
    // The first record that arrives after atMs.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arrival[mid]! > atMs) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(atMs, suffixMin[lo]!);
  };
}

/** Processing-time tumbling windows: a tuple counts in the window of its arrival; each closes at its end. */
export function processingTimeWindows(
  records: readonly EventRecord[],
  sizeMs: number,
  untilMs: number,
): { window: Window; ids: number[] }[] {
  const out = new Map<number, number[]>();
  for (const r of records) {
    if (r.arrivalMs >= untilMs) continue;
    const start = Math.floor(r.arrivalMs / sizeMs) * sizeMs;
    const list = out.get(start) ?? [];
    list.push(r.id);
    out.set(start, list);
  }
  return [...out.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, ids]) => ({ window: { startMs: start, endMs: start + sizeMs }, ids }));
}
