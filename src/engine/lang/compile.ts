/**
 * Type-checks a user function and turns it into a closure tree, evaluated with a budget per call.
 * Names resolve only to the lambda's parameters and the names a caller gives (such as `time`);
 * members are looked up in the tables below by the receiver's static type, never on JavaScript
 * objects, so `constructor`, `__proto__` or `window` mean nothing here.
 */
import { formatDouble } from '../microbatch/values';
import { methodOf } from './methods';
import { NONE, type RValue, some } from './runtime';
import { type Code, describe, equal, extend, type Scope } from './scope';
import { type Expr, LangError, show } from './syntax';
import { isNumber, join, L, type LType, scalaTypeName } from './types';

function fail(e: Expr, message: string): never {
  throw new LangError(`${show(e)}: ${message}`, show(e));
}

/** Where compile() writes each node's type while a caller wants them (renderers need them). */
let recording: Map<Expr, LType> | null = null;

/** Compiles, and returns every node's type as well. */
export function compileRecording(e: Expr, scope: Scope): { code: Code; types: ReadonlyMap<Expr, LType> } {
  const types = new Map<Expr, LType>();
  recording = types;
  try {
    return { code: compile(e, scope), types };
  } finally {
    recording = null;
  }
}

/** Checks `e` in `scope` and compiles it; throws a LangError naming the first problem. */
export function compile(e: Expr, scope: Scope): Code {
  const code = compileNode(e, scope);
  recording?.set(e, code.type);
  return code;
}

/** A literal: the same value on every call. */
function constant(type: LType, value: RValue): Code {
  return {
    type,
    run: (_env, b) => {
      b.step();
      return value;
    },
  };
}

function compileNode(e: Expr, scope: Scope): Code {
  switch (e.k) {
    case 'number': {
      const value = e.value;
      if (e.integral && !Number.isSafeInteger(value))
        fail(e, 'this whole number is beyond what the simulator models exactly (±2^53).');
      return constant(e.integral ? L.long : L.double, value);
    }
    case 'string':
      return constant(L.string, e.value);
    case 'boolean':
      return constant(L.boolean, e.value);
    case 'name': {
      const found = scope.names.get(e.name);
      if (!found) {
        const known = [...scope.names.keys()].join(', ');
        fail(e, `no such name here${known ? ` (the names here are ${known})` : ''}.`);
      }
      const slot = found.slot;
      return {
        type: found.type,
        run: (env, b) => {
          b.step();
          return env[slot];
        },
      };
    }
    case 'tuple': {
      const items = e.items.map((i) => compile(i, scope));
      const runs = items.map((i) => i.run);
      const type = L.tuple(...items.map((i) => i.type));
      if (runs.length === 2) {
        // Pairs are most of what runs: built without a map's closure.
        const [first, second] = runs as [Code['run'], Code['run']];
        return {
          type,
          run: (env, b) => {
            b.step();
            b.allocate(2);
            return [first(env, b), second(env, b)];
          },
        };
      }
      return {
        type,
        run: (env, b) => {
          b.step();
          b.allocate(runs.length);
          return runs.map((r) => r(env, b));
        },
      };
    }
    case 'some': {
      const inner = compile(e.value, scope);
      return {
        type: L.option(inner.type),
        run: (env, b) => {
          b.step();
          return some(inner.run(env, b));
        },
      };
    }
    case 'none':
      return constant(L.option(null), NONE);
    case 'seq': {
      const items = e.items.map((i) => compile(i, scope));
      let of: LType | null = null;
      for (const [i, item] of items.entries()) {
        const j: LType | null = of === null ? item.type : join(of, item.type);
        if (!j)
          fail(
            e.items[i]!,
            `the items of a Seq have different types (${scalaTypeName(of)} and ${scalaTypeName(item.type)}); Scala would infer Any, which cannot flow on.`,
          );
        of = j;
      }
      const runs = items.map((i) => i.run);
      return {
        type: L.list(of),
        run: (env, b) => {
          b.step();
          b.allocate(runs.length);
          return runs.map((r) => r(env, b));
        },
      };
    }
    case 'lambda':
      return fail(e, 'a lambda can only be the whole function or the argument of map, filter or exists.');
    case 'unary': {
      const arg = compile(e.arg, scope);
      if (e.op === '!') {
        if (arg.type.t !== 'boolean') fail(e, `! needs a Boolean; ${describe(e.arg, arg.type)}.`);
        return {
          type: L.boolean,
          run: (env, b) => {
            b.step();
            return !arg.run(env, b);
          },
        };
      }
      if (!isNumber(arg.type)) fail(e, `- needs a number; ${describe(e.arg, arg.type)}.`);
      return {
        type: arg.type,
        run: (env, b) => {
          b.step();
          return -(arg.run(env, b) as number);
        },
      };
    }
    case 'block': {
      // Each statement in order; a `val` takes the next slot and is visible after it.
      let inner = scope;
      const steps: { slot: number | null; run: Code['run'] }[] = [];
      let last: Code | null = null;
      for (const st of e.stmts) {
        const code = compile(st.value, inner);
        if (st.name !== null) {
          if (code.type.t === 'unit')
            fail(st.value, `val ${st.name} would hold Unit, which nothing can use.`);
          steps.push({ slot: inner.size, run: code.run });
          inner = extend(inner, [st.name], [code.type]);
          last = null;
        } else {
          steps.push({ slot: null, run: code.run });
          last = code;
        }
      }
      const type = last?.type ?? L.unit;
      return {
        type,
        run: (env, b) => {
          b.step();
          let value: RValue;
          for (const st of steps) {
            value = st.run(env, b);
            if (st.slot !== null) {
              env[st.slot] = value;
              value = undefined;
            }
          }
          return value;
        },
      };
    }
    case 'if': {
      const test = compile(e.test, scope);
      if (test.type.t !== 'boolean')
        fail(e, `the condition must be a Boolean; ${describe(e.test, test.type)}.`);
      const then = compile(e.whenTrue, scope);
      const other = compile(e.whenFalse, scope);
      const type = join(then.type, other.type);
      if (!type)
        fail(
          e,
          `the two branches have different types (${scalaTypeName(then.type)} and ${scalaTypeName(other.type)}); Scala would infer Any, which cannot flow on.`,
        );
      return {
        type,
        run: (env, b) => {
          b.step();
          return test.run(env, b) ? then.run(env, b) : other.run(env, b);
        },
      };
    }
    case 'binary':
      return compileBinary(e, scope);
    case 'member':
      return methodOf(e, compile(e.target, scope), scope, compile);
  }
}

function compileBinary(e: Extract<Expr, { k: 'binary' }>, scope: Scope): Code {
  const left = compile(e.left, scope);
  const right = compile(e.right, scope);
  const l = left.run;
  const r = right.run;
  const lt = left.type;
  const rt = right.type;
  switch (e.op) {
    case '&&':
    case '||': {
      if (lt.t !== 'boolean') fail(e, `${e.op} needs Booleans; ${describe(e.left, lt)}.`);
      if (rt.t !== 'boolean') fail(e, `${e.op} needs Booleans; ${describe(e.right, rt)}.`);
      return e.op === '&&'
        ? {
            type: L.boolean,
            run: (env, b) => {
              b.step();
              return (l(env, b) as boolean) && (r(env, b) as boolean);
            },
          }
        : {
            type: L.boolean,
            run: (env, b) => {
              b.step();
              return (l(env, b) as boolean) || (r(env, b) as boolean);
            },
          };
    }
    case '==':
    case '!=': {
      if (!join(lt, rt) || !isComparable(lt))
        fail(e, `${scalaTypeName(lt)} and ${scalaTypeName(rt)} cannot be compared for equality.`);
      const negate = e.op === '!=';
      return {
        type: L.boolean,
        run: (env, b) => {
          b.step();
          return equal(l(env, b), r(env, b)) !== negate;
        },
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const ok = (isNumber(lt) && isNumber(rt)) || (lt.t === 'string' && rt.t === 'string');
      if (!ok)
        fail(
          e,
          `${e.op} compares two numbers or two Strings; here ${scalaTypeName(lt)} and ${scalaTypeName(rt)}.`,
        );
      const cmp = COMPARE[e.op];
      return {
        type: L.boolean,
        run: (env, b) => {
          b.step();
          return cmp(l(env, b) as number | string, r(env, b) as number | string);
        },
      };
    }
    case '+':
      // Scala: String + anything concatenates, using the value's toString.
      if (lt.t === 'string' || rt.t === 'string') {
        const ls = toText(lt);
        const rs = toText(rt);
        if (!ls) fail(e, `${describe(e.left, lt)}; only numbers, Strings and Booleans join a String.`);
        if (!rs) fail(e, `${describe(e.right, rt)}; only numbers, Strings and Booleans join a String.`);
        return {
          type: L.string,
          run: (env, b) => {
            b.step();
            const s = ls(l(env, b)) + rs(r(env, b));
            b.allocate(s.length >> 4);
            return s;
          },
        };
      }
      return arithmetic(e, left, right);
    default:
      return arithmetic(e, left, right);
  }
}

function arithmetic(e: Extract<Expr, { k: 'binary' }>, left: Code, right: Code): Code {
  const { type: lt } = left;
  const { type: rt } = right;
  if (!isNumber(lt)) fail(e, `${e.op} needs numbers; ${describe(e.left, lt)}.`);
  if (!isNumber(rt)) fail(e, `${e.op} needs numbers; ${describe(e.right, rt)}.`);
  const whole = lt.t === 'long' && rt.t === 'long';
  const l = left.run;
  const r = right.run;
  const op = e.op;
  // The operator is chosen here, once, not on every call.
  const apply = ARITHMETIC[op as keyof typeof ARITHMETIC];
  if (!whole)
    return {
      type: L.double,
      run: (env, b) => {
        b.step();
        return apply(l(env, b) as number, r(env, b) as number);
      },
    };
  const divides = op === '/' || op === '%';
  const applyLong = op === '/' ? (x: number, y: number) => Math.trunc(x / y) : apply;
  return {
    type: L.long,
    run: (env, b) => {
      b.step();
      const x = l(env, b) as number;
      const y = r(env, b) as number;
      // Long arithmetic as on the JVM: division truncates toward zero; / or % by zero throws.
      if (divides && y === 0)
        throw new LangError(`${show(e)}: java.lang.ArithmeticException: / by zero`, show(e));
      const v = applyLong(x, y);
      if (!Number.isSafeInteger(v))
        throw new LangError(
          `${show(e)}: the result ${v} is beyond what the simulator models exactly (±2^53); a JVM Long would wrap around at 2^63.`,
          show(e),
        );
      return v === 0 ? 0 : v;
    },
  };
}

const COMPARE: Record<'<' | '<=' | '>' | '>=', (x: number | string, y: number | string) => boolean> = {
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
};

const ARITHMETIC = {
  '+': (x: number, y: number) => x + y,
  '-': (x: number, y: number) => x - y,
  '*': (x: number, y: number) => x * y,
  '/': (x: number, y: number) => x / y,
  '%': (x: number, y: number) => x % y,
};

function isComparable(t: LType): boolean {
  return t.t !== 'state' && t.t !== 'unit';
}

/** How Scala's toString prints a value joined to a String (a Double keeps its `.0`). */
function toText(t: LType): ((v: RValue) => string) | null {
  if (t.t === 'string') return (v) => v as string;
  if (t.t === 'long' || t.t === 'boolean') return (v) => String(v);
  if (t.t === 'double') return (v) => formatDouble(v as number);
  return null;
}
