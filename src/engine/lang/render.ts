/**
 * A user function as real code: Scala for the Spark and DStream code views, and Python for
 * PySpark, so what a student writes carries over to a cluster. Both keep the language's
 * meaning: Long division truncates in both, a String join prints as Scala's toString does.
 */
import type { UserFn } from './fn';
import { type Expr, show } from './syntax';
import { type LType, scalaTypeName } from './types';

/** Methods of Spark's State that take no arguments. */
const STATE_CALLS = new Set(['exists', 'get', 'getOption', 'remove', 'isTimingOut']);
/** GroupState's methods declared with parentheses (the others are Scala properties: exists, get, hasTimedOut). */
const GROUP_STATE_CALLS = new Set(['remove', 'getCurrentWatermarkMs', 'getCurrentProcessingTimeMs']);

export interface ScalaOptions {
  /**
   * Annotate the parameters' types, as Scala needs where it cannot infer them
   * (updateStateByKey's and StateSpec.function's arguments).
   */
  readonly typed?: boolean;
  /**
   * The overload takes the batch Time first, when the function uses `time`: the lambda then
   * takes `batchTime: Time` and `time` is its milliseconds. `key` names the key parameter that
   * overload also takes (updateStateByKey's (Time, K, Seq[V], Option[S]) form), if the lambda has none.
   */
  readonly time?: { readonly key?: string; readonly keyType?: string };
}

export function toScala(fn: UserFn, options: ScalaOptions = {}): string {
  const { expr } = fn;
  let body = scala(expr.body, fn.types);
  if (fn.destructured) return `{ case (${expr.params.join(', ')}) => ${body} }`;
  const params = expr.params.map((p, i) =>
    options.typed ? `${p}: ${scalaTypeName(fn.paramTypes[i] ?? null)}` : p,
  );
  if (options.time && fn.uses.has('time')) {
    const extra = ['batchTime: Time'];
    if (options.time.key !== undefined)
      extra.push(`${options.time.key}: ${options.time.keyType ?? 'String'}`);
    params.unshift(...extra);
    body = `{ val time = batchTime.milliseconds; ${body.startsWith('{ ') ? body.slice(2, -2) : body} }`;
  }
  if (params.length === 1 && !options.typed) return `${params[0]} => ${body}`;
  return `(${params.join(', ')}) => ${body}`;
}

function scala(e: Expr, types: ReadonlyMap<Expr, LType>): string {
  return show(e, (x, go) => {
    const operand = (y: Expr) => (y.k === 'binary' || y.k === 'if' ? `(${go(y)})` : go(y));
    if (x.k === 'if') return `if (${go(x.test)}) ${operand(x.whenTrue)} else ${operand(x.whenFalse)}`;
    // Spark's State methods are declared with parentheses (streaming/State.scala).
    if (x.k === 'member' && !x.args && types.get(x.target)?.t === 'state' && STATE_CALLS.has(x.name))
      return `${operand(x.target)}.${x.name}()`;
    if (
      x.k === 'member' &&
      !x.args &&
      types.get(x.target)?.t === 'groupState' &&
      GROUP_STATE_CALLS.has(x.name)
    )
      return `${operand(x.target)}.${x.name}()`;
    return undefined;
  });
}

/** PySpark code, or why PySpark cannot run it. */
export type PythonCode =
  | { readonly code: string; readonly imports: readonly string[] }
  | { readonly unsupported: string };

export function toPython(fn: UserFn): PythonCode {
  const { expr } = fn;
  if ([...fn.types.values()].some((t) => t.t === 'state') || fn.paramTypes.some((t) => t.t === 'state'))
    return {
      unsupported: 'PySpark’s DStream API has no mapWithState; this function runs in Scala and Java only.',
    };
  if (fn.paramTypes.some((t) => t.t === 'groupState'))
    return {
      unsupported:
        'PySpark’s applyInPandasWithState takes a function over pandas DataFrames; this function is written for Scala’s flatMapGroupsWithState.',
    };
  const imports = new Set<string>();
  const names = new Map<string, string>();
  let params: string;
  if (fn.destructured) {
    let tuple = 'kv';
    while (expr.params.includes(tuple)) tuple += '_';
    expr.params.forEach((p, i) => {
      names.set(p, `${tuple}[${i}]`);
    });
    params = tuple;
  } else params = expr.params.join(', ');
  const body = python(expr.body, fn.types, names, imports);
  return { code: `lambda ${params}: ${body}`, imports: [...imports] };
}

function python(
  e: Expr,
  types: ReadonlyMap<Expr, LType>,
  names: ReadonlyMap<string, string>,
  imports: Set<string>,
): string {
  const go = (x: Expr, inner = names) => python(x, types, inner, imports);
  const type = (x: Expr) => types.get(x)?.t;
  const operand = (x: Expr) =>
    x.k === 'binary' || x.k === 'if' || x.k === 'unary' || x.k === 'lambda' ? `(${go(x)})` : go(x);
  /** A body with `param` bound to a Python name (comprehensions bind it themselves). */
  const bound = (lambda: Expr): { param: string; body: string } => {
    if (lambda.k !== 'lambda')
      throw new Error('map, filter and exists take a lambda (checked before rendering)');
    const param = lambda.params[0]!;
    const inner = new Map(names);
    inner.delete(param);
    return { param, body: go(lambda.body, inner) };
  };
  switch (e.k) {
    case 'number':
      return e.raw;
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return e.value ? 'True' : 'False';
    case 'name':
      return names.get(e.name) ?? e.name;
    case 'tuple':
      return `(${e.items.map((i) => go(i)).join(', ')})`;
    case 'lambda':
      return `lambda ${e.params.join(', ')}: ${go(e.body)}`;
    // PySpark's updateStateByKey returns the new state or None, with no Some around it.
    case 'some':
      return go(e.value);
    case 'none':
      return 'None';
    case 'seq':
      return `[${e.items.map((i) => go(i)).join(', ')}]`;
    case 'unary':
      return e.op === '!' ? `not ${operand(e.arg)}` : `-${operand(e.arg)}`;
    case 'if':
      return `${operand(e.whenTrue)} if ${go(e.test)} else ${operand(e.whenFalse)}`;
    // A block in a lambda: assignment expressions in a tuple, whose last item is the value.
    case 'block': {
      const inner = new Map(names);
      const parts = e.stmts.map((st) => {
        const code = python(st.value, types, inner, imports);
        if (st.name === null) return code;
        inner.delete(st.name);
        return `(${st.name} := ${code})`;
      });
      return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})[-1]`;
    }
    case 'binary': {
      const l = operand(e.left);
      const r = operand(e.right);
      const whole = type(e.left) === 'long' && type(e.right) === 'long';
      switch (e.op) {
        case '&&':
          return `${l} and ${r}`;
        case '||':
          return `${l} or ${r}`;
        case '/':
          // Scala's Long division truncates toward zero; Python's // floors.
          return whole ? `int(${l} / ${r})` : `${l} / ${r}`;
        case '%':
          // Scala's % keeps the dividend's sign, like math.fmod; Python's % takes the divisor's.
          imports.add('math');
          return whole ? `int(math.fmod(${l}, ${r}))` : `math.fmod(${l}, ${r})`;
        case '+':
          if (type(e) === 'string') return `${text(e.left, l)} + ${text(e.right, r)}`;
          return `${l} + ${r}`;
        default:
          return `${l} ${e.op} ${r}`;
      }
    }
    case 'member': {
      const t = operand(e.target);
      const a = (e.args ?? []).map((x) => go(x));
      switch (type(e.target)) {
        case 'tuple':
          return `${t}[${Number(e.name.slice(1)) - 1}]`;
        // PySpark's Kafka and queue streams hand records over as (key, value) tuples.
        case 'record':
          return `${t}[${e.name === 'key' ? 0 : 1}]`;
        case 'string':
          return (
            {
              length: `len(${t})`,
              toLowerCase: `${t}.lower()`,
              toUpperCase: `${t}.upper()`,
              trim: `${t}.strip()`,
              split: `${t}.split(${a[0]})`,
              contains: `(${a[0]} in ${t})`,
              startsWith: `${t}.startswith(${a[0]})`,
            } as Record<string, string>
          )[e.name]!;
        case 'long':
        case 'double':
          return (
            { toDouble: `float(${t})`, toLong: `int(${t})`, abs: `abs(${t})` } as Record<string, string>
          )[e.name]!;
        case 'list': {
          if (e.name === 'map' || e.name === 'filter' || e.name === 'exists') {
            const { param, body } = bound(e.args![0]!);
            if (e.name === 'map') return `[${body} for ${param} in ${t}]`;
            if (e.name === 'filter') return `[${param} for ${param} in ${t} if ${body}]`;
            return `any(${body} for ${param} in ${t})`;
          }
          return (
            {
              sum: `sum(${t})`,
              size: `len(${t})`,
              length: `len(${t})`,
              max: `max(${t})`,
              min: `min(${t})`,
              isEmpty: `len(${t}) == 0`,
              nonEmpty: `len(${t}) > 0`,
              headOption: `(${t}[0] if ${t} else None)`,
            } as Record<string, string>
          )[e.name]!;
        }
        case 'option': {
          // An option used twice is bound once when it is more than a name.
          const once = (use: (o: string) => string) =>
            /^[\w[\]]+$/.test(t) ? use(t) : `(lambda _opt: ${use('_opt')})(${t})`;
          if (e.name === 'map') {
            const { param, body } = bound(e.args![0]!);
            return once((o) => `((lambda ${param}: ${body})(${o}) if ${o} is not None else None)`);
          }
          if (e.name === 'getOrElse') return once((o) => `(${o} if ${o} is not None else ${a[0]})`);
          return (
            {
              isEmpty: `(${t} is None)`,
              nonEmpty: `(${t} is not None)`,
              isDefined: `(${t} is not None)`,
              get: t,
            } as Record<string, string>
          )[e.name]!;
        }
        default:
          throw new Error(`no Python for ${e.name} (checked before rendering)`);
      }
    }
  }

  /** A value joined to a String, printed as Scala's toString prints it. */
  function text(x: Expr, code: string): string {
    const t = type(x);
    if (t === 'string') return code;
    if (t === 'boolean') return `("true" if ${code} else "false")`;
    return `str(${code})`;
  }
}
