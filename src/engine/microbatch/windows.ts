import { SparkError } from './context';
import { type Reduce, reducers, shufflePairs } from './rdd';
import type { Value } from './values';

/**
 * The parent batch times a window at `timeMs` covers: DStream.slice(t − window + parentSlide, t),
 * keeping times after zeroTime (the first windows are partial).
 */
export function windowTimes(
  zeroTimeMs: number,
  timeMs: number,
  windowMs: number,
  parentSlideMs: number,
): number[] {
  return sliceTimes(zeroTimeMs, timeMs - windowMs + parentSlideMs, timeMs, parentSlideMs);
}

/** DStream.slice(from, to): from, from + slide, …, to — only times after zeroTime have RDDs. */
export function sliceTimes(zeroTimeMs: number, fromMs: number, toMs: number, slideMs: number): number[] {
  const out: number[] = [];
  for (let t = fromMs; t <= toMs; t += slideMs) if (t > zeroTimeMs) out.push(t);
  return out;
}

export interface ReducedWindowInput {
  readonly zeroTimeMs: number;
  readonly timeMs: number;
  readonly windowMs: number;
  readonly slideMs: number;
  readonly parentSlideMs: number;
  /** The previous window's result (at timeMs − slide); empty when there is none. */
  readonly previous: readonly (readonly [Value, number])[];
  /** The parent's batch at a time, reduced by key (the "reducedStream"); null when it has none. */
  readonly reducedAt: (timeMs: number) => readonly (readonly [Value, number])[] | null;
  readonly reduce: Reduce;
  readonly numPartitions: number;
  readonly filterNonZero: boolean;
}

/**
 * ReducedWindowedDStream.compute: the new window = previous window − the batches that slid out
 * ("old", inverse-reduced) + the batches that slid in ("new"). Keys are never dropped when their
 * value falls to zero, unless a filter function is given. The inverse of a sum is a subtraction.
 */
export function reducedWindow(w: ReducedWindowInput): [Value, number][][] {
  const ps = w.parentSlideMs;
  const currentBegin = w.timeMs - w.windowMs + ps;
  const previousBegin = currentBegin - w.slideMs;
  const previousEnd = w.timeMs - w.slideMs;
  const oldTimes = sliceTimes(w.zeroTimeMs, previousBegin, currentBegin - ps, ps);
  const newTimes = sliceTimes(w.zeroTimeMs, previousEnd + ps, w.timeMs, ps);
  const oldRdds = oldTimes.map((t) => w.reducedAt(t)).filter((x) => x !== null);
  const newRdds = newTimes.map((t) => w.reducedAt(t)).filter((x) => x !== null);
  // CoGroupedRDD over [previous, old…, new…]: per key, one list of values per RDD.
  const tagged: (readonly [Value, readonly [number, number]])[] = [];
  for (const [k, v] of w.previous) tagged.push([k, [0, v]]);
  oldRdds.forEach((rdd, i) => {
    for (const [k, v] of rdd) tagged.push([k, [1 + i, v]]);
  });
  newRdds.forEach((rdd, i) => {
    for (const [k, v] of rdd) tagged.push([k, [1 + oldRdds.length + i, v]]);
  });
  const f = reducers[w.reduce];
  const inv = (a: number, b: number) => a - b;
  const reduceAll = (xs: number[]) => xs.reduce(f);
  return shufflePairs(tagged, w.numPartitions).map((part) => {
    const out: [Value, number][] = [];
    for (const [k, values] of part.values()) {
      const previous = values.filter(([i]) => i === 0).map(([, v]) => v);
      const oldValues = values.filter(([i]) => i >= 1 && i <= oldRdds.length).map(([, v]) => v);
      const newValues = values.filter(([i]) => i > oldRdds.length).map(([, v]) => v);
      let value: number;
      if (previous.length === 0) {
        if (newValues.length === 0)
          throw new SparkError(
            'java.lang.Exception',
            'Neither previous window has value for key, nor new values found. Are you sure your key class hashes consistently?',
            'define',
            null,
          );
        value = reduceAll(newValues);
      } else {
        value = previous[0]!;
        if (oldValues.length > 0) value = inv(value, reduceAll(oldValues));
        if (newValues.length > 0) value = f(value, reduceAll(newValues));
      }
      if (!w.filterNonZero || value !== 0) out.push([k, value]);
    }
    return out;
  });
}
