import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayoutTuple } from './layout';
import { packTuples, unpackTuples } from './packed';

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
});
