import type { Value, ValueType } from './values';
import { formatDouble, isNumeric, T } from './values';

/** How functions read the tuple behind a `record` element. */
export interface RecordAccess {
  key(id: number): string;
  /** The tuple's numeric value (NaN for a hand-written non-numeric value). */
  value(id: number): number;
  /** The tuple's payload as one line of text. */
  text(id: number): string;
}

type Arg = number | string | undefined;

interface FnBase {
  readonly name: string;
  /** Shown in the pipeline builder. */
  readonly label: string;
  /** What the function needs, in words, for the error when the stream's type does not fit. */
  readonly needs: string;
  readonly accepts: (t: ValueType) => boolean;
  readonly arg?: {
    readonly kind: 'number' | 'string';
    readonly label: string;
    readonly initial: number | string;
  };
  /** The lambda as Scala and Python write it, given the argument. */
  readonly scala: (arg: Arg, input: ValueType) => string;
  readonly python: (arg: Arg, input: ValueType) => string;
}

export interface MapFn extends FnBase {
  readonly result: (t: ValueType) => ValueType;
  readonly apply: (v: Value, t: ValueType, r: RecordAccess, arg: Arg) => Value;
}
export interface FlatMapFn extends FnBase {
  readonly result: (t: ValueType) => ValueType;
  readonly apply: (v: Value, t: ValueType, r: RecordAccess, arg: Arg) => Value[];
}
export interface FilterFn extends FnBase {
  readonly apply: (v: Value, t: ValueType, r: RecordAccess, arg: Arg) => boolean;
}
export interface TransformFn extends FnBase {
  /** The whole RDD's elements in, the new RDD's elements out (partitioning is done by the caller). */
  readonly apply: (values: Value[], t: ValueType) => Value[];
  /** Whether the result is spread over partitions by range (sorts) or by hash (distinct). */
  readonly partitioning: 'range' | 'hash';
}
export interface ForeachFn extends FnBase {
  readonly apply: (count: number) => string;
}

const isRecord = (t: ValueType) => t.kind === 'record';
const isString = (t: ValueType) => t.kind === 'string';
const isPair = (t: ValueType) => t.kind === 'pair';
const numericValue = (t: ValueType) =>
  isNumeric(t) || t.kind === 'record' || (t.kind === 'pair' && isNumeric(t.value));
const stringKey = (t: ValueType) => t.kind === 'record' || (t.kind === 'pair' && t.key.kind === 'string');
const pairKey = (t: ValueType): ValueType => (t.kind === 'pair' ? t.key : T.string);
const pairValue = (t: ValueType): ValueType => (t.kind === 'pair' ? t.value : T.double);
const quote = (s: Arg) => JSON.stringify(String(s ?? ''));
const num = (a: Arg, t?: 'double') =>
  t === 'double' ? formatDouble(Number(a ?? 0)) : String(Number(a ?? 0));

export const MAP_FNS: readonly MapFn[] = [
  {
    name: 'toPair',
    label: 'record → (key, value)',
    needs: 'records',
    accepts: isRecord,
    result: () => T.pair(T.string, T.double),
    apply: (v, _t, r) => [r.key(v as number), r.value(v as number)],
    scala: () => 'r => (r.key, r.value)',
    python: () => 'lambda r: (r[0], r[1])',
  },
  {
    name: 'keyOne',
    label: 'record → (key, 1)',
    needs: 'records',
    accepts: isRecord,
    result: () => T.pair(T.string, T.long),
    apply: (v, _t, r) => [r.key(v as number), 1],
    scala: () => 'r => (r.key, 1L)',
    python: () => 'lambda r: (r[0], 1)',
  },
  {
    name: 'key',
    label: 'record → key',
    needs: 'records',
    accepts: isRecord,
    result: () => T.string,
    apply: (v, _t, r) => r.key(v as number),
    scala: () => '_.key',
    python: () => 'lambda r: r[0]',
  },
  {
    name: 'value',
    label: 'record → value',
    needs: 'records',
    accepts: isRecord,
    result: () => T.double,
    apply: (v, _t, r) => r.value(v as number),
    scala: () => '_.value',
    python: () => 'lambda r: r[1]',
  },
  {
    name: 'line',
    label: 'record → text line',
    needs: 'records',
    accepts: isRecord,
    result: () => T.string,
    apply: (v, _t, r) => r.text(v as number),
    scala: () => '_.value.toString',
    python: () => 'lambda r: str(r[1])',
  },
  {
    name: 'wordOne',
    label: 'word → (word, 1)',
    needs: 'text (String)',
    accepts: isString,
    result: () => T.pair(T.string, T.long),
    apply: (v) => [v, 1],
    scala: () => 'w => (w, 1L)',
    python: () => 'lambda w: (w, 1)',
  },
  {
    name: 'keyOnly',
    label: '(k, v) → k',
    needs: 'key–value pairs',
    accepts: isPair,
    result: pairKey,
    apply: (v) => (v as readonly [Value, Value])[0],
    scala: () => '_._1',
    python: () => 'lambda kv: kv[0]',
  },
  {
    name: 'valueOnly',
    label: '(k, v) → v',
    needs: 'key–value pairs',
    accepts: isPair,
    result: pairValue,
    apply: (v) => (v as readonly [Value, Value])[1],
    scala: () => '_._2',
    python: () => 'lambda kv: kv[1]',
  },
  {
    name: 'roundValue',
    label: '(k, v) → (k, round(v))',
    needs: 'pairs with a numeric value',
    accepts: (t) => t.kind === 'pair' && isNumeric(t.value),
    result: (t) => T.pair(pairKey(t), T.long),
    apply: (v) => {
      const [k, x] = v as readonly [Value, number];
      // Scala's math.round rounds half up (floor(x + 0.5)); Python's round() rounds half to even.
      return [k, Math.floor(x + 0.5)];
    },
    scala: () => '{ case (k, v) => (k, math.round(v)) }',
    python: () => 'lambda kv: (kv[0], int(kv[1] + 0.5))',
  },
];

export const FLATMAP_FNS: readonly FlatMapFn[] = [
  {
    name: 'words',
    label: 'line → words',
    needs: 'text (String)',
    accepts: isString,
    result: () => T.string,
    apply: (v) => (v as string).split(' '),
    scala: () => '_.split(" ")',
    python: () => 'lambda line: line.split(" ")',
  },
];

function numberOf(v: Value, t: ValueType, r: RecordAccess): number {
  if (t.kind === 'record') return r.value(v as number);
  if (t.kind === 'pair') return (v as readonly [Value, number])[1];
  return v as number;
}

export const FILTER_FNS: readonly FilterFn[] = [
  {
    name: 'valueAbove',
    label: 'value > threshold',
    needs: 'records, numbers or pairs with a numeric value',
    accepts: numericValue,
    arg: { kind: 'number', label: 'threshold', initial: 20 },
    apply: (v, t, r, arg) => numberOf(v, t, r) > Number(arg),
    scala: (a, t) =>
      t.kind === 'record'
        ? `_.value > ${num(a, 'double')}`
        : t.kind === 'pair'
          ? `_._2 > ${num(a, 'double')}`
          : `_ > ${num(a, 'double')}`,
    python: (a, t) =>
      t.kind === 'record' || t.kind === 'pair' ? `lambda r: r[1] > ${num(a)}` : `lambda x: x > ${num(a)}`,
  },
  {
    name: 'keyIs',
    label: 'key = …',
    needs: 'records or pairs with a String key',
    accepts: stringKey,
    arg: { kind: 'string', label: 'key', initial: 'kitchen' },
    apply: (v, t, r, arg) =>
      (t.kind === 'record' ? r.key(v as number) : (v as readonly [Value, Value])[0]) === String(arg),
    scala: (a, t) => (t.kind === 'record' ? `_.key == ${quote(a)}` : `_._1 == ${quote(a)}`),
    python: (a) => `lambda r: r[0] == ${quote(a)}`,
  },
  {
    name: 'longWords',
    label: 'length > n',
    needs: 'text (String)',
    accepts: isString,
    arg: { kind: 'number', label: 'n', initial: 3 },
    apply: (v, _t, _r, arg) => (v as string).length > Number(arg),
    scala: (a) => `_.length > ${num(a)}`,
    python: (a) => `lambda w: len(w) > ${num(a)}`,
  },
];

const compareValues = (a: Value, b: Value): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) return compareValues(a[0], b[0]) || compareValues(a[1], b[1]);
  return 0;
};

export const TRANSFORM_FNS: readonly TransformFn[] = [
  {
    name: 'sortByKey',
    label: 'rdd.sortByKey()',
    needs: 'key–value pairs',
    accepts: isPair,
    partitioning: 'range',
    apply: (values) =>
      values.slice().sort((a, b) => compareValues((a as readonly Value[])[0]!, (b as readonly Value[])[0]!)),
    scala: () => 'rdd => rdd.sortByKey()',
    python: () => 'lambda rdd: rdd.sortByKey()',
  },
  {
    name: 'sortByValueDesc',
    label: 'rdd.sortBy(value, descending)',
    needs: 'pairs with a numeric value',
    accepts: (t) => t.kind === 'pair' && isNumeric(t.value),
    partitioning: 'range',
    apply: (values) =>
      values.slice().sort((a, b) => (b as readonly number[])[1]! - (a as readonly number[])[1]!),
    scala: () => 'rdd => rdd.sortBy(_._2, ascending = false)',
    python: () => 'lambda rdd: rdd.sortBy(lambda kv: kv[1], ascending=False)',
  },
  {
    name: 'distinct',
    label: 'rdd.distinct()',
    // ConsumerRecord does not override equals: distinct would compare object identity.
    needs: 'values with equality (not ConsumerRecords)',
    accepts: (t) => t.kind !== 'record',
    partitioning: 'hash',
    apply: (values) => values,
    scala: () => 'rdd => rdd.distinct()',
    python: () => 'lambda rdd: rdd.distinct()',
  },
];

export const FOREACH_FNS: readonly ForeachFn[] = [
  {
    name: 'count',
    label: 'log rdd.count()',
    needs: 'any DStream',
    accepts: () => true,
    apply: (count) => `count = ${count}`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Scala string interpolation, not JS.
    scala: () => '(rdd, time) => println(s"$time: count = ${rdd.count()}")',
    python: () => 'lambda time, rdd: print(f"{time}: count = {rdd.count()}")',
  },
];

const byName = <F extends FnBase>(list: readonly F[], name: string | undefined) =>
  list.find((f) => f.name === name);

export const fnCatalogue = {
  map: (name?: string) => byName(MAP_FNS, name),
  flatMap: (name?: string) => byName(FLATMAP_FNS, name),
  filter: (name?: string) => byName(FILTER_FNS, name),
  transform: (name?: string) => byName(TRANSFORM_FNS, name),
  foreachRDD: (name?: string) => byName(FOREACH_FNS, name),
};

export type FnOp = keyof typeof fnCatalogue;

export const FN_LISTS: Readonly<Record<FnOp, readonly FnBase[]>> = {
  map: MAP_FNS,
  flatMap: FLATMAP_FNS,
  filter: FILTER_FNS,
  transform: TRANSFORM_FNS,
  foreachRDD: FOREACH_FNS,
};

export { compareValues };
