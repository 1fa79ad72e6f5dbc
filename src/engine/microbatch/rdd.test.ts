import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shufflePairs } from './rdd';
import { hashPartition, type Value, valueKey } from './values';

/** The shuffle without the shortcut for repeated simple keys: every key through hashPartition and valueKey. */
function reference<T>(pairs: readonly (readonly [Value, T])[], numPartitions: number) {
  const out: Map<string, [Value, T[]]>[] = Array.from({ length: numPartitions }, () => new Map());
  for (const [k, v] of pairs) {
    const part = out[numPartitions === 1 ? 0 : hashPartition(k, numPartitions)]!;
    const id = valueKey(k);
    const entry = part.get(id);
    if (entry) entry[1].push(v);
    else part.set(id, [k, [v]]);
  }
  return out;
}

const key: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value>(1, '1', 0, -0, Number.NaN, true, 'true', 'a', '', 2.5),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 3 }),
  fc.tuple(fc.constantFrom<Value>('a', 1), fc.constantFrom<Value>('b', 2)),
);

describe('shufflePairs', () => {
  it('groups values per key and partition exactly as hashing every key does (1 and "1", 0 and −0, NaN, pairs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer()), { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (pairs, n) => {
          const got = shufflePairs(pairs, n).map((m) => [...m.entries()]);
          const want = reference(pairs, n).map((m) => [...m.entries()]);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
