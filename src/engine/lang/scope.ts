/** What the compiler and the member tables share: compiled code, scopes, and equality. */
import type { Budget, RValue } from './runtime';
import { type Expr, show } from './syntax';
import { type LType, scalaTypeName } from './types';

/** A compiled expression: its type, and how to evaluate it in an environment of slots. */
export interface Code {
  readonly type: LType;
  readonly run: (env: RValue[], budget: Budget) => RValue;
}

/** Where a name lives: a slot in the environment, with its type. */
export interface Scope {
  readonly names: ReadonlyMap<string, { readonly slot: number; readonly type: LType }>;
  /** Next free slot. */
  readonly size: number;
}

export function extend(scope: Scope, names: readonly string[], types: readonly LType[]): Scope {
  const map = new Map(scope.names);
  names.forEach((n, i) => {
    map.set(n, { slot: scope.size + i, type: types[i]! });
  });
  return { names: map, size: scope.size + names.length };
}

export function describe(e: Expr, type: LType): string {
  return e.k === 'name'
    ? `${e.name} is a ${scalaTypeName(type)} here`
    : `${show(e)} is a ${scalaTypeName(type)}`;
}

/** Structural equality, as Scala's == on strings, numbers, tuples, options and lists. */
export function equal(a: RValue, b: RValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a && b && 'defined' in a && 'defined' in b)
    return a.defined === b.defined && (!a.defined || equal(a.value, (b as { value: RValue }).value));
  return false;
}
