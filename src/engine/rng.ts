import { randomPoisson } from 'd3-random';

/**
 * Randomness comes from d3-random's LCG (`Lcg`, the same generator). A generator is derived per (seed, stream, tick) rather than
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

/** A source drawing `Lcg(...parts)`'s numbers, for callers that take a function. */
export function sourceFor(...parts: readonly number[]): Source {
  const lcg = new Lcg(...parts);
  return () => lcg.next();
}

const TWO_TO_MINUS_32 = 1 / 0x100000000;

/**
 * d3-random's `randomLcg` as an object (issue 19): the same generator drawing the same numbers
 * (`state = 0x19660D·state + 0x3C6EF35F mod 2^32`, returned as state / 2^32; see d3-random's
 * src/lcg.js), seeded with `mixSeed(...parts) / 2^32` as d3 takes a seed in [0, 1), whose `next`
 * the engine's hottest loop can inline, where a call through the closure d3 returns was 8 % of a
 * run (rng.test.ts checks the streams are d3's).
 */
export class Lcg {
  private state: number;
  constructor(...parts: readonly number[]) {
    // randomLcg's seed is mixSeed(...)/2^32, a fraction it turns back into mixSeed(...) | 0.
    this.state = mixSeed(...parts) | 0;
  }
  next(): number {
    this.state = (Math.imul(0x19660d, this.state) + 0x3c6ef35f) | 0;
    // Times 2^−32 (exact, as d3's eps·state is): a multiplication where a division cost 7 % of a run.
    return (this.state >>> 0) * TWO_TO_MINUS_32;
  }
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

/**
 * A guide table for `sampleCdf` (issue 19: its binary search was ~5 % of a run): entry j holds
 * `sampleCdf(cdf, j / m)`, for m a power of two, the first index any u in [j/m, (j+1)/m) can give.
 */
export function cdfGuide(cdf: Float64Array): Int32Array {
  let m = 16;
  while (m < 2 * cdf.length && m < 4096) m *= 2;
  const guide = new Int32Array(m);
  for (let j = 0; j < m; j++) guide[j] = sampleCdf(cdf, j / m);
  return guide;
}

/**
 * `sampleCdf(cdf, u)` from the guide's start: the least index whose cumulative value is above u
 * (the last index if none), found by a short forward scan — the same index the binary search finds.
 */
export function sampleGuided(cdf: Float64Array, guide: Int32Array, u: number): number {
  let i = guide[Math.floor(u * guide.length)]!;
  const last = cdf.length - 1;
  while (i < last && u >= cdf[i]!) i++;
  return i;
}
