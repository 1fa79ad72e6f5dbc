import { javaStringHash } from '../broker/sticky';

/**
 * Elements of a DStream's RDDs. A `record` element is the id of the tuple it carries (a Kafka
 * ConsumerRecord or a producer's tuple); everything a function derives from it is a plain value:
 * text, an integer (Scala Int/Long), a floating-point number (Scala Double) or a key–value pair.
 */
export type Value = string | number | Pair;
export type Pair = readonly [Value, Value];

export type ValueType =
  | { readonly kind: 'record' }
  | { readonly kind: 'string' }
  | { readonly kind: 'long' }
  | { readonly kind: 'double' }
  | { readonly kind: 'pair'; readonly key: ValueType; readonly value: ValueType };

export const T = {
  record: { kind: 'record' } as ValueType,
  string: { kind: 'string' } as ValueType,
  long: { kind: 'long' } as ValueType,
  double: { kind: 'double' } as ValueType,
  pair: (key: ValueType, value: ValueType): ValueType => ({ kind: 'pair', key, value }),
};

export function isNumeric(t: ValueType): boolean {
  return t.kind === 'long' || t.kind === 'double';
}

export function sameType(a: ValueType, b: ValueType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pair' && b.kind === 'pair') return sameType(a.key, b.key) && sameType(a.value, b.value);
  return true;
}

/** The type as Scala writes it: `DStream[(String, Long)]`. */
export function scalaType(t: ValueType, recordType = 'ConsumerRecord[String, Double]'): string {
  switch (t.kind) {
    case 'record':
      return recordType;
    case 'string':
      return 'String';
    case 'long':
      return 'Long';
    case 'double':
      return 'Double';
    case 'pair':
      return `(${scalaType(t.key, recordType)}, ${scalaType(t.value, recordType)})`;
  }
}

/** A value as Scala's toString prints it (Double keeps its `.0`), for `print()`. */
export function formatValue(v: Value, type: ValueType, recordText?: (id: number) => string): string {
  if (type.kind === 'record') return recordText ? recordText(v as number) : `record #${v}`;
  if (type.kind === 'pair' && Array.isArray(v))
    return `(${formatValue(v[0], type.key, recordText)},${formatValue(v[1], type.value, recordText)})`;
  if (type.kind === 'double' && typeof v === 'number') return formatDouble(v);
  return String(v);
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
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  return `(${valueKey(v[0])},${valueKey(v[1])})`;
}

/**
 * Java's hashCode of a key, as Spark's HashPartitioner sees it: String.hashCode, Integer/Long
 * hashCode for integers, Double.hashCode otherwise. Pairs use 31·h(key) + h(value) — a
 * simplification: Scala's Tuple2 uses MurmurHash3, so pair keys may land on other partitions.
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
  return (Math.imul(31, javaHash(v[0])) + javaHash(v[1])) | 0;
}

/** HashPartitioner.getPartition: Utils.nonNegativeMod(key.hashCode, numPartitions). */
export function hashPartition(key: Value, numPartitions: number): number {
  const raw = javaHash(key) % numPartitions;
  return raw + (raw < 0 ? numPartitions : 0);
}
