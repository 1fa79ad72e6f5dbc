import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACKED_MARK_STATUSES, PACKED_MARK_STRIDE, PackedMarkFlag } from '../../engine';
import { countCategories } from './categories';
import { drawAt, type LayoutTuple } from './layout';
import { countPackedCategories, newestPacked, packedCount, unpackTuples } from './packed';

/** Tuples packed as `Simulation.packMarks` packs marks (`null` times as NaN). */
function packTuples(tuples: readonly LayoutTuple[]): Float64Array {
  const out = new Float64Array(tuples.length * PACKED_MARK_STRIDE);
  tuples.forEach((t, i) => {
    const o = i * PACKED_MARK_STRIDE;
    out[o] = t.id;
    out[o + 1] = t.producerIndex;
    out[o + 2] = PACKED_MARK_STATUSES.indexOf(t.status);
    out[o + 3] = t.eventTimeMs;
    out[o + 4] = t.arrivalTimeMs ?? Number.NaN;
    out[o + 5] = t.sentTimeMs ?? Number.NaN;
    out[o + 6] =
      (t.late ? PackedMarkFlag.late : 0) |
      (t.outOfOrder ? PackedMarkFlag.outOfOrder : 0) |
      (t.backfilled ? PackedMarkFlag.backfilled : 0);
  });
  return out;
}

const time = fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null });
const tuple: fc.Arbitrary<LayoutTuple> = fc.record({
  id: fc.nat(),
  producerIndex: fc.nat({ max: 64 }),
  status: fc.constantFrom('arrived', 'inFlight', 'buffered', 'dropped'),
  eventTimeMs: fc.integer({ min: 0, max: 10_000_000 }),
  arrivalTimeMs: time,
  sentTimeMs: time,
  late: fc.boolean(),
  outOfOrder: fc.boolean(),
  backfilled: fc.boolean(),
});

describe('packed tuples for the lanes worker', () => {
  it('unpack(pack(tuples)) gives back what the layout reads', () => {
    fc.assert(
      fc.property(fc.array(tuple, { maxLength: 50 }), (tuples) => {
        expect(unpackTuples(packTuples(tuples))).toEqual(tuples);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts categories and finds the newest mark as the unpacked tuples say', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(tuple, { maxLength: 50, selector: (t) => t.id }),
        fc.nat({ max: 10_000_000 }),
        (tuples, nowMs) => {
          const packed = packTuples(tuples);
          expect(packedCount(packed)).toBe(tuples.length);
          const counts = countCategories([]);
          countPackedCategories(packed, counts);
          expect(counts).toEqual(countCategories(tuples));
          // The mark drawn rightmost: latest place, then highest id.
          let best: LayoutTuple | undefined;
          for (const t of tuples) {
            const at = drawAt(t, nowMs);
            const bestAt = best ? drawAt(best, nowMs) : Number.NEGATIVE_INFINITY;
            if (at > bestAt || (at === bestAt && best && t.id > best.id)) best = t;
          }
          expect(newestPacked(packed, nowMs)).toBe(best?.id);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
