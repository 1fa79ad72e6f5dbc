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
