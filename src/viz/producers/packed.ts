import type { LayoutTuple } from './layout';

/** Numbers per tuple in a packed buffer. */
const STRIDE = 7;
const STATUSES: readonly LayoutTuple['status'][] = ['arrived', 'inFlight', 'buffered', 'dropped'];
const LATE = 1;
const OUT_OF_ORDER = 2;
const BACKFILLED = 4;

/**
 * Tuples as one flat buffer of numbers, cheap to transfer to a worker (no structured clone of
 * thousands of objects). `null` times become NaN.
 */
export function packTuples(tuples: readonly LayoutTuple[]): Float64Array {
  const out = new Float64Array(tuples.length * STRIDE);
  tuples.forEach((t, i) => {
    const o = i * STRIDE;
    out[o] = t.id;
    out[o + 1] = t.producerIndex;
    out[o + 2] = STATUSES.indexOf(t.status);
    out[o + 3] = t.eventTimeMs;
    out[o + 4] = t.arrivalTimeMs ?? Number.NaN;
    out[o + 5] = t.sentTimeMs ?? Number.NaN;
    out[o + 6] = (t.late ? LATE : 0) | (t.outOfOrder ? OUT_OF_ORDER : 0) | (t.backfilled ? BACKFILLED : 0);
  });
  return out;
}

export function unpackTuples(buffer: Float64Array): LayoutTuple[] {
  const out: LayoutTuple[] = [];
  const time = (x: number) => (Number.isNaN(x) ? null : x);
  for (let o = 0; o + STRIDE <= buffer.length; o += STRIDE) {
    const flags = buffer[o + 6] ?? 0;
    out.push({
      id: buffer[o] ?? 0,
      producerIndex: buffer[o + 1] ?? 0,
      status: STATUSES[buffer[o + 2] ?? 0] ?? 'arrived',
      eventTimeMs: buffer[o + 3] ?? 0,
      arrivalTimeMs: time(buffer[o + 4] ?? Number.NaN),
      sentTimeMs: time(buffer[o + 5] ?? Number.NaN),
      late: (flags & LATE) !== 0,
      outOfOrder: (flags & OUT_OF_ORDER) !== 0,
      backfilled: (flags & BACKFILLED) !== 0,
    });
  }
  return out;
}
