/**
 * Members of the two state handles a function may get: mapWithState's State and
 * flatMapGroupsWithState's GroupState. The engine implements the handles and their rules.
 */
import { args, type Compile, fail, type Member, NO_MEMBER, nullary } from './memberKit';
import { type GroupStateHandle, NONE, type RValue, type StateHandle, some } from './runtime';
import { type Code, describe, type Scope } from './scope';
import { fits, L, type LType, scalaTypeName } from './types';

/** mapWithState's State (Spark: streaming/State.scala); the engine's StateHandle enforces its rules. */
export function stateMember(
  e: Member,
  t: Extract<LType, { t: 'state' }>,
  tr: Code['run'],
  scope: Scope,
  compile: Compile,
): Code {
  const handle = (env: RValue[], b: Parameters<Code['run']>[1]) => tr(env, b) as StateHandle;
  const call = (type: LType, f: (s: StateHandle) => RValue): Code =>
    nullary(e, tr, type, (v) => f(v as StateHandle));
  switch (e.name) {
    case 'exists':
      return call(L.boolean, (s) => s.exists());
    case 'isTimingOut':
      return call(L.boolean, (s) => s.isTimingOut());
    case 'get':
      return call(t.of, (s) => s.get());
    case 'getOption':
      return call(L.option(t.of), (s) => (s.exists() ? some(s.get()) : NONE));
    case 'remove':
      return call(L.unit, (s) => {
        s.remove();
        return undefined;
      });
    case 'update': {
      const [a] = args(e, 1);
      const value = compile(a!, scope);
      if (!fits(value.type, t.of))
        fail(e, `the state holds ${scalaTypeName(t.of)}, so update needs one; ${describe(a!, value.type)}.`);
      const vr = value.run;
      return {
        type: L.unit,
        run: (env, b) => {
          b.step();
          handle(env, b).update(vr(env, b));
          return undefined;
        },
      };
    }
    default:
      return NO_MEMBER(e, t, 'exists, get, getOption, update, remove, isTimingOut');
  }
}

/** flatMapGroupsWithState's GroupState (Spark: GroupState.scala); the engine's handle enforces its rules. */
export function groupStateMember(
  e: Member,
  t: Extract<LType, { t: 'groupState' }>,
  tr: Code['run'],
  scope: Scope,
  compile: Compile,
): Code {
  const call = (type: LType, f: (s: GroupStateHandle) => RValue): Code =>
    nullary(e, tr, type, (v) => f(v as GroupStateHandle));
  const withArg = (type: LType, argType: LType, f: (s: GroupStateHandle, a: RValue) => void): Code => {
    const [a] = args(e, 1);
    const value = compile(a!, scope);
    if (!fits(value.type, argType))
      fail(e, `${e.name} takes a ${scalaTypeName(argType)}; ${describe(a!, value.type)}.`);
    const vr = value.run;
    return {
      type,
      run: (env, b) => {
        b.step();
        f(tr(env, b) as GroupStateHandle, vr(env, b));
        return undefined;
      },
    };
  };
  switch (e.name) {
    case 'exists':
      return call(L.boolean, (s) => s.exists());
    case 'hasTimedOut':
      return call(L.boolean, (s) => s.hasTimedOut());
    case 'get':
      return call(t.of, (s) => s.get());
    case 'getOption':
      return call(L.option(t.of), (s) => (s.exists() ? some(s.get()) : NONE));
    case 'remove':
      return call(L.unit, (s) => {
        s.remove();
        return undefined;
      });
    case 'getCurrentWatermarkMs':
      return call(L.long, (s) => s.getCurrentWatermarkMs());
    case 'getCurrentProcessingTimeMs':
      return call(L.long, (s) => s.getCurrentProcessingTimeMs());
    case 'update':
      return withArg(L.unit, t.of, (s, v) => s.update(v));
    case 'setTimeoutDuration':
      return withArg(L.unit, L.long, (s, v) => s.setTimeoutDuration(v as number));
    case 'setTimeoutTimestamp':
      return withArg(L.unit, L.long, (s, v) => s.setTimeoutTimestamp(v as number));
    default:
      return NO_MEMBER(
        e,
        t,
        'exists, get, getOption, update, remove, hasTimedOut, setTimeoutDuration, setTimeoutTimestamp, getCurrentWatermarkMs, getCurrentProcessingTimeMs',
      );
  }
}
