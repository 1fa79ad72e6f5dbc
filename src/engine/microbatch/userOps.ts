/**
 * Compiling the learner's function for one DStream operation against its input's type: the
 * types Spark's API gives each function, the overloads it picks, and the errors Scala's
 * compiler would give. Part of the language's chunk (engine/lang/index.ts installs it), so the
 * first page carries none of it.
 */
import { toLType, toValueType } from '../lang/bridge';
import { compileFunction, type Expect, type UserFn } from '../lang/fn';
import { type GroupStateHandle, NONE, type Opt, type RValue, type StateHandle, some } from '../lang/runtime';
import { LangError } from '../lang/syntax';
import { L, type LType, parseTypeName } from '../lang/types';
import type { StreamOpSpec } from '../types';
import type { RecordAccess } from './functions';
import { SparkError } from './node';
import type { MappingFunction, UpdateFunction } from './state';
import { formatValue, scalaType, T, type Value, type ValueType } from './values';

export interface OwnFunction {
  /** The element type of the operation's DStream. */
  readonly type: ValueType;
  readonly userFn: UserFn;
  /** updateStateByKey / mapWithState: the state's type, and whether None results emit nothing. */
  readonly state?: { readonly stateType: ValueType; readonly emitsOption: boolean };
  /** map / flatMap / filter: one partition's elements in, its new elements out. */
  readonly elements?: (values: readonly Value[], input: ValueType, r: RecordAccess) => Value[];
  readonly reduce?: (a: Value, b: Value) => Value;
  readonly update?: UpdateFunction;
  readonly mapping?: MappingFunction;
}

/**
 * How a pipeline element reaches the function: a record as [key, value], the rest as it is. The
 * record's pair is one array refilled for each record: a record cannot leave the call (no result,
 * state or DStream may hold one: toValueType refuses it), so no call sees another's record.
 */
function inbound(t: ValueType, r: RecordAccess): (v: Value) => RValue {
  if (t.kind !== 'record') return (v) => v as RValue;
  const record: [RValue, RValue] = [undefined, undefined];
  return (v) => {
    record[0] = r.key(v as number);
    record[1] = r.value(v as number);
    return record;
  };
}

/** What the function gave, as a pipeline element (Unit, the only undefined, as 0: it prints `()`). */
const outbound = (v: RValue): Value => (v === undefined ? 0 : (v as Value));
const isNone = (v: RValue): boolean => !(v as Opt).defined;
const optionValue = (v: RValue): Value => outbound((v as Extract<Opt, { defined: true }>).value);
const optionOf = (v: Value | null): RValue => (v === null ? NONE : some(v as RValue));

/** map, flatMap or filter over one partition. */
function elementsOf(op: string, f: UserFn): NonNullable<OwnFunction['elements']> {
  // One argument array for every call (the call copies it into its environment).
  const one: RValue[] = [undefined];
  const call = (v: RValue) => {
    one[0] = v;
    return f.call(one);
  };
  return (values, t, r) => {
    const arg = inbound(t, r);
    if (op === 'map') return values.map((v) => outbound(call(arg(v))));
    if (op === 'filter') return values.filter((v) => call(arg(v)) === true);
    return values.flatMap((v) => {
      const out = call(arg(v));
      // An Option is a collection of zero or one element (Option.option2Iterable).
      if (f.result.t === 'option') return isNone(out) ? [] : [optionValue(out)];
      return (out as readonly RValue[]).map(outbound);
    });
  };
}

/** The learner's update function: (values, state) => Option[S], with `time` the batch time. */
function updateOf(f: UserFn): UpdateFunction {
  // The argument arrays are reused: the call copies them into its environment.
  const args: RValue[] = [undefined, undefined];
  const given: RValue[] = [0];
  return (values, state, timeMs) => {
    args[0] = values as RValue;
    args[1] = optionOf(state);
    given[0] = timeMs;
    const out = f.call(args, given);
    return isNone(out) ? null : optionValue(out);
  };
}

/** The learner's mapping function, called with Spark's State wrapped for the language. */
function mappingOf(f: UserFn, emitsOption: boolean): MappingFunction {
  return (key, value, state, timeMs) => {
    const handle: StateHandle = {
      exists: () => state.exists(),
      get: () => state.get() as RValue,
      update: (v) => state.update(outbound(v)),
      remove: () => state.remove(),
      isTimingOut: () => state.isTimingOut(),
    };
    const out = f.call([key as RValue, optionOf(value), handle], [timeMs]);
    if (!emitsOption) return { emit: true, value: outbound(out) };
    return isNone(out) ? { emit: false, value: 0 } : { emit: true, value: optionValue(out) };
  };
}

/**
 * `origin` says where the input's type came from ("kv is a DStream[(String, Long)], made by
 * map(keyOne)"), so a type error can point at the operation that made it.
 */
export function compileOwn(
  spec: StreamOpSpec,
  index: number,
  input: ValueType,
  origin: () => string,
): OwnFunction {
  const fail = (message: string): never => {
    throw new SparkError('scalac', `${spec.op}: ${message}`, 'compile', index);
  };
  const guard = <R>(f: () => R, hint = ''): R => {
    try {
      return f();
    } catch (e) {
      if (e instanceof LangError) return fail(`${e.message} (${origin()}${hint})`);
      throw e;
    }
  };
  const user = (expect: Expect, hint = '') => guard(() => compileFunction(spec.code!, expect), hint);
  const valueType = (t: LType | null, what: string) => guard(() => toValueType(t, what));
  const pair = (): Extract<ValueType, { kind: 'pair' }> =>
    input.kind === 'pair'
      ? input
      : fail(`value ${spec.op} is not a member of DStream[${scalaType(input)}]: it needs (key, value) pairs`);
  const inL = toLType(input)!;
  switch (spec.op) {
    case 'map': {
      const f = user({ params: [inL], operation: 'map' });
      return { type: valueType(f.result, 'the result'), userFn: f, elements: elementsOf('map', f) };
    }
    case 'flatMap': {
      const f = user({ params: [inL], operation: 'flatMap' });
      // flatMap takes a function to a collection: a Seq, or an Option (Option converts to Iterable).
      if (f.result.t !== 'list' && f.result.t !== 'option')
        fail(
          `flatMap needs its function to give a collection (a Seq or an Option); this one gives ${scalaType(valueType(f.result, 'the result'))}. Use map for one value per element.`,
        );
      return {
        type: valueType((f.result as { of: LType | null }).of, 'the collection'),
        userFn: f,
        elements: elementsOf('flatMap', f),
      };
    }
    case 'filter': {
      const f = user({ params: [inL], result: L.boolean, operation: 'filter' });
      return { type: input, userFn: f, elements: elementsOf('filter', f) };
    }
    case 'reduceByKey':
    case 'reduceByKeyAndWindow': {
      if (spec.inverse)
        fail(
          'your own reduce function runs without an inverse here (the simulator has no field for invFunc): set inverse = false, or use the catalogue sum',
        );
      // (V, V) => V, associative and commutative as Spark assumes (not checked).
      const v = toLType(pair().value)!;
      const f = user({ params: [v, v], result: v, operation: spec.op });
      const args: RValue[] = [undefined, undefined];
      const reduce = (a: Value, b: Value) => {
        args[0] = a as RValue;
        args[1] = b as RValue;
        return outbound(f.call(args));
      };
      return { type: input, userFn: f, reduce };
    }
    case 'updateStateByKey':
    case 'mapWithState':
      return stateful(spec.op);
    default:
      return fail(`${spec.op} takes no function of yours`);
  }

  /**
   * updateStateByKey((values, state) => Option[S]) or mapWithState(StateSpec.function((key,
   * value, state) => M)), with `time` (the batch time in ms) for the overloads that take a Time.
   * The state's type is `stateType`, or else the values' type.
   */
  function stateful(op: 'updateStateByKey' | 'mapWithState'): OwnFunction {
    const p = pair();
    const K = toLType(p.key)!;
    const V = toLType(p.value)!;
    let S: LType = V;
    if (spec.stateType !== undefined) {
      try {
        S = parseTypeName(spec.stateType);
      } catch (e) {
        if (e instanceof LangError) fail(`stateType: ${e.message}`);
        throw e;
      }
    }
    const stateType = valueType(S, 'the state');
    const hint = `; the state is a ${scalaType(stateType)}${spec.stateType === undefined ? ', as the values are — set stateType for another' : ''}`;
    const given = [{ name: 'time', type: L.long }];
    if (op === 'updateStateByKey') {
      const f = user({ params: [L.list(V), L.option(S)], result: L.option(S), given, operation: op }, hint);
      return {
        type: T.pair(p.key, stateType),
        userFn: f,
        state: { stateType, emitsOption: false },
        update: updateOf(f),
      };
    }
    const f = user({ params: [K, L.option(V), L.state(S)], given, operation: op }, hint);
    // StateSpec.function: the form with a Time returns Option[M] and a None emits nothing; the
    // form without returns M, wrapped in Some (streaming/StateSpec.scala).
    const emitsOption = f.uses.has('time');
    if (emitsOption && f.result.t !== 'option')
      fail(
        `a mapping function that takes the batch time is StateSpec.function((time, key, value, state) => Option[M]), so it must give an Option (Some(x) to emit x, None for nothing); this one gives ${scalaType(valueType(f.result, 'the result'))}`,
      );
    const mapped = valueType(emitsOption ? (f.result as { of: LType | null }).of : f.result, 'the result');
    return { type: mapped, userFn: f, state: { stateType, emitsOption }, mapping: mappingOf(f, emitsOption) };
  }
}

/** What a learner's flatMapGroupsWithState function does with one group. */
export interface GroupFunction {
  /** Calls the function; its results, each as a pipeline value and as Scala prints it. */
  readonly call: (
    key: string,
    values: readonly number[],
    state: GroupStateHandle,
  ) => { readonly value: Value; readonly text: string }[];
  readonly stateType: ValueType;
  readonly resultType: ValueType;
  readonly userFn: UserFn;
}

/**
 * flatMapGroupsWithState((key, values, state) => Seq[U]): the group's key, its rows' values in
 * the batch (empty when it timed out) and its GroupState[S] (S: `stateType`, or Double, the
 * values' type). The form with an Iterator of rows is simplified to the values.
 */
export function compileGroups(code: string, stateType: string | undefined): GroupFunction {
  const S = stateType === undefined ? L.double : parseTypeName(stateType);
  const f = compileFunction(code, {
    params: [L.string, L.list(L.double), L.groupState(S)],
    operation: 'flatMapGroupsWithState',
  });
  // flatMapGroupsWithState's function returns an Iterator of results: a Seq here (or an Option).
  if (f.result.t !== 'list' && f.result.t !== 'option')
    throw new LangError(
      `flatMapGroupsWithState needs its function to give a collection of results (a Seq, such as Seq((key, n)), or an Option); this one gives ${scalaType(toValueType(f.result))}.`,
    );
  const resultType = toValueType((f.result as { of: LType | null }).of ?? L.long, 'the result');
  const asValues = (out: RValue): Value[] =>
    f.result.t === 'option'
      ? isNone(out)
        ? []
        : [optionValue(out)]
      : (out as readonly RValue[]).map(outbound);
  return {
    userFn: f,
    stateType: toValueType(S, 'the state'),
    resultType,
    call: (key, values, state) =>
      asValues(f.call([key, values as RValue, state])).map((value) => ({
        value,
        text: formatValue(value, resultType),
      })),
  };
}
