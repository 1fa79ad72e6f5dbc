/** What the member tables share: failing at a member, checking its arguments, members without any. */
import type { RValue } from './runtime';
import { type Code, extend, type Scope } from './scope';
import { type Expr, LangError, show } from './syntax';
import { type LType, scalaTypeName } from './types';

export type Member = Extract<Expr, { k: 'member' }>;

/** Compiles an expression in a scope (compile.ts, passed in so the files import no circle). */
export type Compile = (e: Expr, scope: Scope) => Code;

export function fail(e: Expr, message: string): never {
  throw new LangError(`${show(e)}: ${message}`, show(e));
}

/** Arguments of a member call, checked for count. */
export function args(e: Member, count: number): readonly Expr[] {
  const given = e.args ?? [];
  if (given.length !== count)
    fail(
      e,
      `${e.name} takes ${count === 0 ? 'no arguments' : count === 1 ? 'one argument' : `${count} arguments`}, not ${given.length}.`,
    );
  return given;
}

/** A lambda argument `x => …` of map, filter or exists, compiled with `x` bound to `param`. */
export function lambdaArg(
  e: Member,
  arg: Expr,
  param: LType,
  scope: Scope,
  compile: Compile,
): { code: Code; slot: number } {
  if (arg.k !== 'lambda' || arg.params.length !== 1)
    fail(e, `${e.name} takes a lambda with one parameter, such as x => x * 2.`);
  const inner = extend(scope, arg.params, [param]);
  return { code: compile(arg.body, inner), slot: scope.size };
}

/** A member that takes no arguments: `f` of the receiver's value. */
export function nullary(e: Member, target: Code['run'], type: LType, f: (v: RValue) => RValue): Code {
  args(e, 0);
  return {
    type,
    run: (env, b) => {
      b.step();
      return f(target(env, b));
    },
  };
}

export const NO_MEMBER = (e: Member, t: LType, names: string): never =>
  fail(e, `a ${scalaTypeName(t)} has no member “${e.name}”${names ? `; its members are ${names}` : ''}.`);
