/**
 * User functions in a DStream pipeline: the bridge between the pipeline's values and the
 * user-function language (engine/lang). The language (its parser above all) is installed when
 * it has loaded, so the first page does not carry it; a pipeline with code that is defined
 * before then reports that the language is loading, and is defined again once it is installed.
 * Only types are imported from the language here.
 */
import type { Expect, UserFn } from '../lang/fn';
import type { Language } from '../lang/index';
import type { Opt, RValue } from '../lang/runtime';
import { LangError } from '../lang/syntax';
import { L, type LType, parseTypeName, scalaTypeName } from '../lang/types';
import type { RecordAccess } from './functions';
import { scalaType, T, type Value, type ValueType } from './values';

let installed: Language | null = null;

/** Installs the language (the app does so once its chunk has loaded; tests and the CLI at once). */
export function installUserLanguage(language: Language): void {
  installed = language;
}

export function userLanguage(): Language | null {
  return installed;
}

/** Thrown while defining a pipeline with code before the language has loaded. */
export class LanguageLoading extends Error {}

export function compileUser(source: string, expect: Expect): UserFn {
  if (!installed) throw new LanguageLoading('The function language is still loading.');
  return installed.compileFunction(source, expect);
}

/** A pipeline type as the language sees it. */
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

/** A language type as a pipeline type; a State or a record inside a value cannot be one. */
export function toValueType(t: LType | null): ValueType | null {
  if (t === null) return null;
  switch (t.t) {
    case 'record':
    case 'state':
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
      return T.tuple(t.items.map((x) => toValueType(x)!));
    case 'list':
      return T.list(toValueType(t.of));
    case 'option':
      return T.option(toValueType(t.of));
  }
}

/** How a pipeline element reaches the function: a record as [key, value], the rest as it is. */
export function inbound(t: ValueType, r: RecordAccess): (v: Value) => RValue {
  if (t.kind === 'record') return (v) => [r.key(v as number), r.value(v as number)];
  return (v) => v as RValue;
}

/** What the function gave, as a pipeline element (Unit, the only undefined, as 0: it prints `()`). */
export function outbound(v: RValue): Value {
  return v === undefined ? 0 : (v as Value);
}

export const isNone = (v: RValue): boolean => !(v as Opt).defined;
export const optionValue = (v: RValue): Value => outbound((v as Extract<Opt, { defined: true }>).value);

/** The state type a scenario names (`stateType: "(Long, Long)"`), as the language's type. */
export function stateTypeOf(text: string | undefined): LType | null {
  if (text === undefined) return null;
  return parseTypeName(text);
}

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

export { LangError, type LType, type UserFn };
