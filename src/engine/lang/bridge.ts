/**
 * The pipeline's types as the language sees them, and back. Part of the language's chunk, so
 * the first page carries none of it.
 */
import { scalaType, T, type Value, type ValueType } from '../microbatch/values';
import { LangError } from './syntax';
import { L, type LType, scalaTypeName } from './types';

/** A pipeline type as the language sees it (a record is a ConsumerRecord with key and value). */
export function toLType(t: ValueType | null): LType | null {
  if (t === null) return null;
  switch (t.kind) {
    case 'record':
      return L.record;
    case 'string':
      return L.string;
    case 'long':
      return L.long;
    case 'double':
      return L.double;
    case 'boolean':
      return L.boolean;
    case 'unit':
      return L.unit;
    case 'pair':
      return L.tuple(toLType(t.key)!, toLType(t.value)!);
    case 'tuple':
      return L.tuple(...t.items.map((x) => toLType(x)!));
    case 'list':
      return L.list(toLType(t.of));
    case 'option':
      return L.option(toLType(t.of));
  }
}

/** A language type as a pipeline type; a State, or a record inside a value, cannot be one. */
export function toValueType(t: LType | null, what = 'the result'): ValueType {
  if (t === null) throw new LangError(`${what} has no known element type (Nothing)`);
  switch (t.t) {
    case 'record':
    case 'state':
    case 'groupState':
      throw new LangError(
        `a ${scalaTypeName(t)} cannot be kept in a DStream here (ConsumerRecord is not serializable); take its key or value.`,
      );
    case 'long':
      return T.long;
    case 'double':
      return T.double;
    case 'string':
      return T.string;
    case 'boolean':
      return T.boolean;
    case 'unit':
      return T.unit;
    case 'tuple':
      return T.tuple(t.items.map((x) => toValueType(x, what)));
    case 'list':
      return T.list(t.of === null ? null : toValueType(t.of, what));
    case 'option':
      return T.option(t.of === null ? null : toValueType(t.of, what));
  }
}

// A state value from a scenario file (updateStateByKey's initialRDD, StateSpec.initialState).
/**
 * A state value from a scenario file, checked against the state's type: whole numbers for Long,
 * numbers for Double, text, true/false, arrays for tuples and sequences.
 */
export function stateFromJson(json: unknown, t: ValueType): Value {
  const fail = (): never => {
    throw new LangError(`${JSON.stringify(json)} is not a ${scalaType(t)}`);
  };
  switch (t.kind) {
    case 'long':
      return typeof json === 'number' && Number.isSafeInteger(json) ? json : fail();
    case 'double':
      return typeof json === 'number' && Number.isFinite(json) ? json : fail();
    case 'string':
      return typeof json === 'string' ? json : fail();
    case 'boolean':
      return typeof json === 'boolean' ? json : fail();
    case 'pair':
      if (!Array.isArray(json) || json.length !== 2) return fail();
      return [stateFromJson(json[0], t.key), stateFromJson(json[1], t.value)];
    case 'tuple':
      if (!Array.isArray(json) || json.length !== t.items.length) return fail();
      return json.map((x, i) => stateFromJson(x, t.items[i]!));
    case 'list':
      if (!Array.isArray(json) || (t.of === null && json.length > 0)) return fail();
      return json.map((x) => stateFromJson(x, t.of!));
    default:
      return fail();
  }
}

export const isLangError = (e: unknown): e is LangError => e instanceof LangError;

export { scalaType };
