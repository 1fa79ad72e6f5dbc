/**
 * A user function, ready to call: parsed, type-checked against the types it will be called
 * with, and compiled. `(k, v) => …` on a stream of pairs takes the pair apart, as Scala's
 * `{ case (k, v) => … }` does.
 */
import { compileRecording } from './compile';
import { parseExpr } from './parse';
import { Budget, type RValue } from './runtime';
import type { Scope } from './scope';
import { type Expr, LangError } from './syntax';
import { fits, type LType, scalaTypeName } from './types';

/** A name the caller provides besides the parameters, such as the batch `time`. */
export interface Given {
  readonly name: string;
  readonly type: LType;
}

export interface UserFn {
  readonly source: string;
  readonly expr: Extract<Expr, { k: 'lambda' }>;
  /** The lambda's parameters bind the items of one tuple argument. */
  readonly destructured: boolean;
  readonly result: LType;
  /** The parameters' types (after taking a pair apart) and every node's type, for the renderers. */
  readonly paramTypes: readonly LType[];
  readonly types: ReadonlyMap<Expr, LType>;
  /** The caller's extra names, such as `time`. */
  readonly given: readonly Given[];
  /** Which of the caller's names the body uses (a Scala rendering of `time` needs another overload). */
  readonly uses: ReadonlySet<string>;
  /** Calls the function; `given` are the values of the caller's names, in order. Throws LangError. */
  readonly call: (args: readonly RValue[], given?: readonly RValue[]) => RValue;
}

export interface Expect {
  /** The argument types, in order. */
  readonly params: readonly LType[];
  readonly given?: readonly Given[];
  /** The result type the operation needs, if it is fixed (filter: Boolean). */
  readonly result?: LType;
  /** What the operation is called, for messages: "filter", "updateStateByKey". */
  readonly operation: string;
}

export function compileFunction(source: string, expect: Expect): UserFn {
  const expr = parseExpr(source);
  if (expr.k !== 'lambda')
    throw new LangError(
      `${expect.operation} needs a lambda, such as ${example(expect)}; this is a single value.`,
    );
  const n = expr.params.length;
  const single = expect.params.length === 1 ? expect.params[0]! : null;
  const destructured =
    n !== expect.params.length && single?.t === 'tuple' && single.items.length === n && n > 1;
  if (n !== expect.params.length && !destructured)
    throw new LangError(
      `${expect.operation} calls its function with ${describeParams(expect.params)}, so the lambda takes ${expect.params.length === 1 ? 'one parameter' : `${expect.params.length} parameters`}${single?.t === 'tuple' ? ` (or ${single.items.length}, one per item of the pair)` : ''}: ${example(expect)}.`,
    );
  const paramTypes = destructured ? (single as Extract<LType, { t: 'tuple' }>).items : expect.params;
  const given = expect.given ?? [];
  const names = new Map<string, { slot: number; type: LType }>();
  expr.params.forEach((p, i) => {
    names.set(p, { slot: i, type: paramTypes[i]! });
  });
  given.forEach((g, i) => {
    if (!names.has(g.name)) names.set(g.name, { slot: n + i, type: g.type });
  });
  const scope: Scope = { names, size: n + given.length };
  const { code, types } = compileRecording(expr.body, scope);
  if (expect.result && !fits(code.type, expect.result))
    throw new LangError(
      `${expect.operation} needs its function to give ${scalaTypeName(expect.result)}; this one gives ${scalaTypeName(code.type)}.`,
    );
  const run = code.run;
  const budget = new Budget();
  const env: RValue[] = [];
  return {
    source,
    expr,
    destructured,
    paramTypes,
    types,
    given,
    uses: freeNames(expr.body, new Set(expr.params)),
    result:
      expect.result && code.type.t === 'long' && expect.result.t === 'double' ? expect.result : code.type,
    call: (args, givenValues = NO_VALUES) => {
      budget.reset();
      // One environment per function, filled afresh on every call: a call never re-enters its own
      // function, and every slot is written before it is read (parameters, given names, then vals
      // and lambda parameters as they are bound), so nothing of an earlier call is seen.
      // Slots are written by index: resetting the array's length on every call cost more than the
      // function's own work in the bench.
      const from = destructured ? (args[0] as readonly RValue[]) : args;
      const n = from.length;
      for (let i = 0; i < n; i++) env[i] = from[i];
      for (let i = 0; i < givenValues.length; i++) env[n + i] = givenValues[i];
      return run(env, budget);
    },
  };
}

const NO_VALUES: readonly RValue[] = [];

function describeParams(params: readonly LType[]): string {
  return params.length === 1
    ? `one ${scalaTypeName(params[0]!)}`
    : `${params.map(scalaTypeName).join(' and ')}`;
}

function example(expect: Expect): string {
  const p = expect.params;
  if (p.length === 1 && p[0]!.t === 'tuple' && p[0]!.items.length === 2) return '(k, v) => …';
  if (p.length === 1) return 'x => …';
  return `(${p.map((_, i) => String.fromCharCode(97 + i)).join(', ')}) => …`;
}

/** Names the expression uses that no lambda inside it binds (besides `bound`). */
export function freeNames(e: Expr, bound: ReadonlySet<string>, out = new Set<string>()): Set<string> {
  const go = (x: Expr, b = bound) => freeNames(x, b, out);
  switch (e.k) {
    case 'name':
      if (!bound.has(e.name)) out.add(e.name);
      break;
    case 'tuple':
      for (const x of e.items) go(x);
      break;
    case 'lambda':
      go(e.body, new Set([...bound, ...e.params]));
      break;
    case 'some':
      go(e.value);
      break;
    case 'seq':
      for (const x of e.items) go(x);
      break;
    case 'member':
      go(e.target);
      for (const x of e.args ?? []) go(x);
      break;
    case 'binary':
      go(e.left);
      go(e.right);
      break;
    case 'unary':
      go(e.arg);
      break;
    case 'if':
      go(e.test);
      go(e.whenTrue);
      go(e.whenFalse);
      break;
    case 'block': {
      let inner = new Set(bound);
      for (const st of e.stmts) {
        go(st.value, inner);
        if (st.name !== null) inner = new Set([...inner, st.name]);
      }
      break;
    }
  }
  return out;
}
