import { PACKED_MARK_STATUSES, PACKED_MARK_STRIDE, PackedMarkFlag } from '../../engine';
import type { LayoutTuple, MarkCategory } from './layout';

/**
 * The dense lanes' tuples travel as one flat buffer of numbers in the engine's packed-mark format
 * (`Simulation.packMarks`): cheap to transfer to a worker (no structured clone of thousands of
 * objects). These read it back.
 */

/** A packed time: NaN for one not known yet. */
const time = (x: number) => (Number.isNaN(x) ? null : x);

/** The tuple at `o` (a multiple of the stride) of a packed buffer. */
function tupleAt(buffer: Float64Array, o: number): LayoutTuple {
  const flags = buffer[o + 6] ?? 0;
  return {
    id: buffer[o] ?? 0,
    producerIndex: buffer[o + 1] ?? 0,
    status: PACKED_MARK_STATUSES[buffer[o + 2] ?? 0] ?? 'arrived',
    eventTimeMs: buffer[o + 3] ?? 0,
    arrivalTimeMs: time(buffer[o + 4] ?? Number.NaN),
    sentTimeMs: time(buffer[o + 5] ?? Number.NaN),
    late: (flags & PackedMarkFlag.late) !== 0,
    outOfOrder: (flags & PackedMarkFlag.outOfOrder) !== 0,
    backfilled: (flags & PackedMarkFlag.backfilled) !== 0,
  };
}

export function unpackTuples(buffer: Float64Array): LayoutTuple[] {
  const out: LayoutTuple[] = [];
  for (let o = 0; o + PACKED_MARK_STRIDE <= buffer.length; o += PACKED_MARK_STRIDE)
    out.push(tupleAt(buffer, o));
  return out;
}

/** How many tuples a packed buffer holds. */
export function packedCount(buffer: Float64Array): number {
  return Math.floor(buffer.length / PACKED_MARK_STRIDE);
}

/** `countCategories` of a packed buffer, without unpacking it. */
export function countPackedCategories(buffer: Float64Array, counts: Record<MarkCategory, number>): void {
  for (let o = 0; o + PACKED_MARK_STRIDE <= buffer.length; o += PACKED_MARK_STRIDE) {
    const status = PACKED_MARK_STATUSES[buffer[o + 2]!];
    const flags = buffer[o + 6]!;
    const category: MarkCategory =
      status === 'arrived'
        ? flags & PackedMarkFlag.late
          ? 'late'
          : flags & PackedMarkFlag.outOfOrder
            ? 'outOfOrder'
            : 'onTime'
        : (status ?? 'onTime');
    counts[category]++;
  }
}

/** `newest` of a packed buffer: the id of the tuple drawn rightmost (latest place, then highest id). */
export function newestPacked(buffer: Float64Array, nowMs: number): number | undefined {
  let best: number | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (let o = 0; o + PACKED_MARK_STRIDE <= buffer.length; o += PACKED_MARK_STRIDE) {
    const id = buffer[o]!;
    const status = buffer[o + 2]!;
    // drawAt, read from the buffer: arrived where it arrived, buffered at its event time, else at
    // min(now, send time).
    const at =
      status === 0
        ? Number.isNaN(buffer[o + 4]!)
          ? nowMs
          : buffer[o + 4]!
        : status === 2
          ? buffer[o + 3]!
          : Math.min(nowMs, Number.isNaN(buffer[o + 5]!) ? buffer[o + 3]! : buffer[o + 5]!);
    if (at > bestAt || (at === bestAt && best !== undefined && id > best)) {
      best = id;
      bestAt = at;
    }
  }
  return best;
}
