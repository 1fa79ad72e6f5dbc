import { javaStringHash } from '../broker/sticky';

/**
 * Elements of a DStream's RDDs. A `record` element is the id of the tuple it carries (a Kafka
 * ConsumerRecord or a producer's tuple); everything a function derives from it is a plain value:
 * text, an integer (Scala Int/Long), a floating-point number (Scala Double), a Boolean, a
 * key–value pair or longer tuple, a sequence (an array; its static type tells it from a tuple) or
 * an Option (what a user's function may give).
 */
export type Value = string | number | boolean | Pair | readonly Value[] | OptionValue;
export type Pair = readonly [Value, Value];
export type OptionValue = { readonly defined: true; readonly value: Value } | { readonly defined: false };

export type ValueType =
  | { readonly kind: 'record' }
  | { readonly kind: 'string' }
  | { readonly kind: 'long' }
  | { readonly kind: 'double' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'pair'; readonly key: ValueType; readonly value: ValueType }
  /** A tuple of 3 or more items (two items are a pair). */
  | { readonly kind: 'tuple'; readonly items: readonly ValueType[] }
  /**
   * A sequence. `buffer`: groupByKey's Iterable, an ArrayBuffer at run time, which prints as
   * `ArrayBuffer(1, 2)` (streaming/.../dstream/PairDStreamFunctions.scala, groupByKey's
   * createCombiner `(v: V) => ArrayBuffer[V](v)`).
   */
  | { readonly kind: 'list'; readonly of: ValueType | null; readonly buffer?: boolean }
  | { readonly kind: 'option'; readonly of: ValueType | null };

export const T = {
  record: { kind: 'record' } as ValueType,
  string: { kind: 'string' } as ValueType,
  long: { kind: 'long' } as ValueType,
  double: { kind: 'double' } as ValueType,
  boolean: { kind: 'boolean' } as ValueType,
  unit: { kind: 'unit' } as ValueType,
  pair: (key: ValueType, value: ValueType): ValueType => ({ kind: 'pair', key, value }),
  tuple: (items: readonly ValueType[]): ValueType =>
    items.length === 2 ? T.pair(items[0]!, items[1]!) : { kind: 'tuple', items },
  list: (of: ValueType | null, buffer = false): ValueType =>
    buffer ? { kind: 'list', of, buffer } : { kind: 'list', of },
  option: (of: ValueType | null): ValueType => ({ kind: 'option', of }),
};

const isOption = (v: Value): v is OptionValue => typeof v === 'object' && !Array.isArray(v);

export function isNumeric(t: ValueType): boolean {
  return t.kind === 'long' || t.kind === 'double';
}

export function sameType(a: ValueType | null, b: ValueType | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pair' && b.kind === 'pair') return sameType(a.key, b.key) && sameType(a.value, b.value);
  if (a.kind === 'tuple' && b.kind === 'tuple')
    return a.items.length === b.items.length && a.items.every((x, i) => sameType(x, b.items[i]!));
  if ((a.kind === 'list' || a.kind === 'option') && (b.kind === 'list' || b.kind === 'option'))
    return sameType(a.of, b.of);
  return true;
}

/** The type as Scala writes it: `DStream[(String, Long)]`. */
export function scalaType(t: ValueType | null, recordType = 'ConsumerRecord[String, Double]'): string {
  if (t === null) return 'Nothing';
  switch (t.kind) {
    case 'record':
      return recordType;
    case 'string':
      return 'String';
    case 'long':
      return 'Long';
    case 'double':
      return 'Double';
    case 'boolean':
      return 'Boolean';
    case 'unit':
      return 'Unit';
    case 'pair':
      return `(${scalaType(t.key, recordType)}, ${scalaType(t.value, recordType)})`;
    case 'tuple':
      return `(${t.items.map((x) => scalaType(x, recordType)).join(', ')})`;
    case 'list':
      return `${t.buffer ? 'Iterable' : 'Seq'}[${scalaType(t.of, recordType)}]`;
    case 'option':
      return `Option[${scalaType(t.of, recordType)}]`;
  }
}

/** A value as Scala's toString prints it (Double keeps its `.0`), for `print()`. */
export function formatValue(v: Value, type: ValueType | null, recordText?: (id: number) => string): string {
  if (type === null) return String(v);
  const go = (x: Value, t: ValueType | null) => formatValue(x, t, recordText);
  switch (type.kind) {
    case 'record':
      return recordText ? recordText(v as number) : `record #${v}`;
    case 'pair':
      return Array.isArray(v) ? `(${go(v[0], type.key)},${go(v[1], type.value)})` : String(v);
    case 'tuple':
      // Scala's TupleN.toString: items joined by commas, no spaces.
      return Array.isArray(v) ? `(${v.map((x, i) => go(x, type.items[i] ?? null)).join(',')})` : String(v);
    case 'list':
      // Scala's List/ArrayBuffer toString: `List(a, b)`, `ArrayBuffer(a, b)`.
      return Array.isArray(v)
        ? `${type.buffer ? 'ArrayBuffer' : 'List'}(${v.map((x) => go(x, type.of)).join(', ')})`
        : String(v);
    case 'option':
      return isOption(v) ? (v.defined ? `Some(${go(v.value, type.of)})` : 'None') : String(v);
    case 'unit':
      return '()';
    case 'double':
      return typeof v === 'number' ? formatDouble(v) : String(v);
    default:
      return String(v);
  }
}

/** java.lang.Double.toString for the magnitudes a lesson uses. */
export function formatDouble(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) {
    const [m, e] = x.toExponential().split('e') as [string, string];
    return `${m.includes('.') ? m : `${m}.0`}E${Number(e)}`;
  }
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** A string that is equal for equal values: the grouping key of shuffles. */
export function valueKey(v: Value): string {
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (isOption(v)) return v.defined ? `S${valueKey(v.value)}` : 'N';
  return `(${v.map(valueKey).join(',')})`;
}

/**
 * Java's hashCode of a key, as Spark's HashPartitioner sees it: String.hashCode, Integer/Long
 * hashCode for integers, Double.hashCode otherwise. Pairs use 31·h(key) + h(value), longer tuples
 * and sequences 31-fold hashes — a simplification: Scala's tuples use MurmurHash3, so such keys
 * may land on other partitions.
 */
export function javaHash(v: Value): number {
  if (typeof v === 'string') return javaStringHash(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v | 0;
    if (Number.isInteger(v) && Number.isSafeInteger(v)) {
      const hi = Math.floor(v / 4294967296);
      return (hi ^ (v >>> 0)) | 0;
    }
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, v);
    return (view.getInt32(0) ^ view.getInt32(4)) | 0;
  }
  // java.lang.Boolean.hashCode: 1231 for true, 1237 for false.
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (isOption(v)) return v.defined ? javaHash(v.value) : 0;
  let h = 0;
  for (const x of v) h = (Math.imul(31, h) + javaHash(x)) | 0;
  return v.length === 2 ? (Math.imul(31, javaHash(v[0]!)) + javaHash(v[1]!)) | 0 : h;
}

/** HashPartitioner.getPartition: Utils.nonNegativeMod(key.hashCode, numPartitions). */
export function hashPartition(key: Value, numPartitions: number): number {
  const raw = javaHash(key) % numPartitions;
  return raw + (raw < 0 ? numPartitions : 0);
}
