import { fnCatalogue } from './functions';
import { hashPartition, type Value, type ValueType, valueKey } from './values';

/** Where an input partition's records came from. */
export type InputSplit =
  | {
      readonly kind: 'kafka';
      readonly partition: number;
      readonly fromOffset: number;
      readonly untilOffset: number;
    }
  | { readonly kind: 'block'; readonly blockId: string; readonly startMs: number; readonly endMs: number }
  | { readonly kind: 'producer'; readonly producer: string };

/** One RDD of a DStream: the elements of each of its partitions. */
export interface Rdd {
  readonly node: number;
  /** The batch time it belongs to. */
  readonly timeMs: number;
  /** The batch whose job generation computed it (later than `timeMs` when computed lazily by a window). */
  readonly computedAtMs: number;
  readonly partitions: readonly (readonly Value[])[];
  /** Input streams: one split per partition. */
  readonly splits?: readonly InputSplit[];
  /** Windowed streams: the parent batch times the window covered. */
  readonly covers?: readonly number[];
  /** countByWindow: the reduced (1, count) pairs kept before `.map(_._2)`. */
  readonly pairs?: readonly (readonly [Value, number])[];
}

export type Reduce = 'sum' | 'max' | 'min';

export const reducers: Readonly<Record<Reduce, (a: number, b: number) => number>> = {
  sum: (a, b) => a + b,
  max: (a, b) => (b > a ? b : a),
  min: (a, b) => (b < a ? b : a),
};

/**
 * Shuffles pairs into `numPartitions` by Spark's HashPartitioner. Within a partition, keys keep
 * the order in which they first appear (Spark's order depends on its hash maps; ours is stable).
 */
export function shufflePairs<T>(
  pairs: readonly (readonly [Value, T])[],
  numPartitions: number,
): Map<string, [Value, T[]]>[] {
  const out: Map<string, [Value, T[]]>[] = [];
  for (let i = 0; i < numPartitions; i++) out.push(new Map());
  // A string, number or boolean key found again goes straight to its entry: a Map compares such
  // keys as valueKey does (SameValueZero), so only new keys pay for hashing and valueKey (issue 19).
  const primitive = new Map<Value, [Value, T[]]>();
  for (const [k, v] of pairs) {
    const simple = typeof k !== 'object';
    if (simple) {
      const hit = primitive.get(k);
      if (hit) {
        hit[1].push(v);
        continue;
      }
    }
    const part = out[numPartitions === 1 ? 0 : hashPartition(k, numPartitions)]!;
    const id = valueKey(k);
    let entry = part.get(id);
    if (entry) entry[1].push(v);
    else {
      entry = [k, [v]];
      part.set(id, entry);
    }
    if (simple) primitive.set(k, entry);
  }
  return out;
}

/** reduceByKey(func, numPartitions). */
export function reduceValues<V extends Value>(
  pairs: readonly (readonly [Value, V])[],
  reduce: Reduce | ((a: V, b: V) => V),
  numPartitions: number,
): [Value, V][][] {
  const f = (typeof reduce === 'function' ? reduce : reducers[reduce]) as (a: V, b: V) => V;
  return shufflePairs(pairs, numPartitions).map((part) =>
    [...part.values()].map(([k, vs]) => {
      let acc = vs[0]!;
      for (let i = 1; i < vs.length; i++) acc = f(acc, vs[i]!);
      return [k, acc] as [Value, V];
    }),
  );
}

/** transform(rdd => …) with the catalogue's RDD functions; the result keeps the partition count. */
export function transformRdd(
  partitions: readonly (readonly Value[])[],
  fn: string,
  type: ValueType,
): Value[][] {
  const f = fnCatalogue.transform(fn);
  if (!f) throw new Error(`unknown transform function ${fn}`);
  const n = Math.max(1, partitions.length);
  const all = f.apply(partitions.flat(), type);
  if (f.partitioning === 'hash') {
    // distinct(): map to (x, null), reduceByKey, keys — one copy of each value, hash-partitioned.
    return shufflePairs(
      all.map((v) => [v, null] as const),
      n,
    ).map((part) => [...part.values()].map(([k]) => k));
  }
  // Sorting range-partitions: contiguous runs of the sorted order, about equal in size.
  const out: Value[][] = [];
  for (let i = 0; i < n; i++)
    out.push(all.slice(Math.floor((i * all.length) / n), Math.floor(((i + 1) * all.length) / n)));
  return out;
}
