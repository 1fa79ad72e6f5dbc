import { randomLcg, randomPoisson } from 'd3-random';

/**
 * Randomness comes from d3-random's LCG. A generator is derived per (seed, stream, tick) rather than
 * kept in the world: the numbers drawn for a tick then depend only on the scenario and the seed, so
 * replaying a tick after a seek draws exactly the same values and no generator state needs saving.
 *
 * LCG outputs for neighbouring seeds are strongly correlated, so the parts are first mixed with
 * MurmurHash3's 32-bit finaliser.
 */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // fold in the high bits of large parts too (ticks and seeds fit in 2^53)
    h ^= Math.floor(part / 0x100000000) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export type Source = () => number;

export function sourceFor(...parts: readonly number[]): Source {
  // randomLcg treats a seed in [0, 1) as a fraction of 2^32: pass the mixed bits that way.
  return randomLcg(mixSeed(...parts) / 0x100000000);
}

export function poissonCount(source: Source, lambda: number): number {
  return lambda <= 0 ? 0 : randomPoisson.source(source)(lambda)();
}

/** Samples an index from a cumulative distribution (last entry 1) by binary search. */
export function sampleCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
