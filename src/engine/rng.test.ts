import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdfGuide, Lcg, mixSeed, sampleCdf, sampleGuided, sourceFor } from './rng';

describe('Lcg', () => {
  it("draws exactly the numbers d3-random's randomLcg draws for the same parts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer(), fc.nat({ max: 2 ** 53 - 1 }), fc.constant(0)), {
          minLength: 1,
          maxLength: 5,
        }),
        (parts) => {
          // d3 takes a seed in [0, 1) as a fraction of 2^32: the mixed bits passed that way.
          const d3 = randomLcg(mixSeed(...parts) / 0x100000000);
          const mine = new Lcg(...parts);
          const source = sourceFor(...parts);
          for (let i = 0; i < 50; i++) {
            const expected = d3();
            expect(mine.next()).toBe(expected);
            expect(source()).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('sampleGuided', () => {
  const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 100, noNaN: true })), {
    minLength: 1,
    maxLength: 300,
  });
  /** A cumulative distribution built the way scenario.ts builds a producer's (last entry forced to 1). */
  const cdfOf = (w: number[]) => {
    const sum = w.reduce((a, b) => a + b, 0) || 1;
    let acc = 0;
    const cdf = Float64Array.from(w, (x) => (acc += x / sum));
    cdf[cdf.length - 1] = 1;
    return cdf;
  };

  it('finds the index the binary search finds, for any u, including the guide’s own boundaries', () => {
    fc.assert(
      fc.property(
        weights,
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (w, us) => {
          const cdf = cdfOf(w);
          const guide = cdfGuide(cdf);
          const boundaries = Array.from(guide, (_, j) => j / guide.length);
          const justBelow = boundaries.map((b) => Math.max(0, b - Number.EPSILON));
          for (const u of [...us, ...boundaries, ...justBelow, ...cdf.filter((c) => c < 1)]) {
            expect(sampleGuided(cdf, guide, u)).toBe(sampleCdf(cdf, u));
          }
        },
      ),
    );
  });
});
