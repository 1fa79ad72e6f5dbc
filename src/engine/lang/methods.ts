/**
 * Members of the language's values, by the receiver's static type: the only way a function
 * reaches anything. Scala allows a method without arguments to be written without parentheses
 * (`xs.sum`, `state.exists`); both spellings are accepted for those.
 */

import { args, type Compile, fail, lambdaArg, type Member, NO_MEMBER, nullary } from './memberKit';
import { NONE, type Opt, type RValue, some } from './runtime';
import { type Code, describe, type Scope } from './scope';
import { groupStateMember, stateMember } from './stateMembers';
import { LangError, show } from './syntax';
import { isNumber, join, L, type LType, scalaTypeName } from './types';

export function methodOf(e: Member, target: Code, scope: Scope, compile: Compile): Code {
  const t = target.type;
  const tr = target.run;
  const unary = (type: LType, f: (v: RValue) => RValue): Code => nullary(e, tr, type, f);
  switch (t.t) {
    case 'tuple': {
      const m = /^_([1-9]\d?)$/.exec(e.name);
      const i = m ? Number(m[1]) - 1 : -1;
      if (i < 0 || i >= t.items.length || e.args)
        NO_MEMBER(e, t, t.items.map((_, j) => `_${j + 1}`).join(', '));
      return {
        type: t.items[i]!,
        run: (env, b) => {
          b.step();
          return (tr(env, b) as readonly RValue[])[i];
        },
      };
    }
    case 'string':
      switch (e.name) {
        case 'length':
          return unary(L.long, (v) => (v as string).length);
        case 'toLowerCase':
          return unary(L.string, (v) => (v as string).toLowerCase());
        case 'toUpperCase':
          return unary(L.string, (v) => (v as string).toUpperCase());
        case 'trim':
          return unary(L.string, (v) => (v as string).trim());
        case 'split':
        case 'contains':
        case 'startsWith': {
          const [a] = args(e, 1);
          const arg = compile(a!, scope);
          if (arg.type.t !== 'string') fail(e, `${e.name} takes a String; ${describe(a!, arg.type)}.`);
          const ar = arg.run;
          if (e.name === 'contains')
            return {
              type: L.boolean,
              run: (env, b) => {
                b.step();
                return (tr(env, b) as string).includes(ar(env, b) as string);
              },
            };
          if (e.name === 'startsWith')
            return {
              type: L.boolean,
              run: (env, b) => {
                b.step();
                return (tr(env, b) as string).startsWith(ar(env, b) as string);
              },
            };
          return {
            type: L.list(L.string),
            run: (env, b) => {
              b.step();
              const parts = splitLikeJava(tr(env, b) as string, ar(env, b) as string);
              b.allocate(parts.length);
              return parts;
            },
          };
        }
        default:
          return NO_MEMBER(e, t, 'length, toLowerCase, toUpperCase, trim, split, contains, startsWith');
      }
    case 'long':
    case 'double':
      switch (e.name) {
        case 'toDouble':
          return unary(L.double, (v) => v);
        case 'toLong':
          return unary(L.long, (v) => Math.trunc(v as number));
        case 'abs':
          return unary(t, (v) => Math.abs(v as number));
        default:
          return NO_MEMBER(e, t, 'toDouble, toLong, abs');
      }
    case 'list': {
      const of = t.of;
      switch (e.name) {
        case 'size':
        case 'length':
          return unary(L.long, (v) => (v as readonly RValue[]).length);
        case 'isEmpty':
          return unary(L.boolean, (v) => (v as readonly RValue[]).length === 0);
        case 'nonEmpty':
          return unary(L.boolean, (v) => (v as readonly RValue[]).length > 0);
        case 'headOption':
          return unary(L.option(of), (v) => {
            const xs = v as readonly RValue[];
            return xs.length ? some(xs[0]) : NONE;
          });
        case 'sum':
        case 'max':
        case 'min': {
          if (of !== null && !isNumber(of))
            fail(e, `${e.name} needs numbers; the list holds ${scalaTypeName(of)}.`);
          const type = of ?? L.long;
          if (e.name === 'sum')
            return unary(type, (v) => {
              let total = 0;
              for (const x of v as readonly number[]) {
                total += x;
                // Whole numbers stay exact, as the arithmetic operators keep them (±2^53).
                if (type.t === 'long' && !Number.isSafeInteger(total))
                  throw new LangError(
                    `${show(e)}: the sum reached ${total}, beyond what the simulator models exactly (±2^53); a JVM Long would wrap around at 2^63.`,
                    show(e),
                  );
              }
              return total;
            });
          const pick = e.name === 'max' ? Math.max : Math.min;
          return unary(type, (v) => {
            const xs = v as readonly number[];
            // Scala: Seq.empty.max throws UnsupportedOperationException("empty.max").
            if (xs.length === 0)
              throw new LangError(
                `${show(e)}: java.lang.UnsupportedOperationException: empty.${e.name}`,
                show(e),
              );
            return xs.reduce((a, x) => pick(a, x));
          });
        }
        case 'map':
        case 'filter':
        case 'exists': {
          const [a] = args(e, 1);
          const { code, slot } = lambdaArg(e, a!, of ?? L.long, scope, compile);
          const body = code.run;
          if (e.name !== 'map' && code.type.t !== 'boolean')
            fail(e, `the lambda of ${e.name} must give a Boolean; it gives ${scalaTypeName(code.type)}.`);
          const name = e.name;
          return {
            type: name === 'map' ? L.list(code.type) : name === 'filter' ? t : L.boolean,
            run: (env, b) => {
              b.step();
              const xs = tr(env, b) as readonly RValue[];
              if (name === 'exists') {
                for (const x of xs) {
                  env[slot] = x;
                  if (body(env, b)) return true;
                }
                return false;
              }
              b.allocate(xs.length);
              const out: RValue[] = [];
              for (const x of xs) {
                env[slot] = x;
                const y = body(env, b);
                if (name === 'map') out.push(y);
                else if (y) out.push(x);
              }
              return out;
            },
          };
        }
        default:
          return NO_MEMBER(
            e,
            t,
            'sum, size, length, isEmpty, nonEmpty, headOption, max, min, map, filter, exists',
          );
      }
    }
    case 'option': {
      const of = t.of;
      switch (e.name) {
        case 'isEmpty':
          return unary(L.boolean, (v) => !(v as Opt).defined);
        case 'nonEmpty':
        case 'isDefined':
          return unary(L.boolean, (v) => (v as Opt).defined);
        case 'get':
          return unary(of ?? L.long, (v) => {
            const o = v as Opt;
            // Scala: None.get throws NoSuchElementException("None.get").
            if (!o.defined)
              throw new LangError(`${show(e)}: java.util.NoSuchElementException: None.get`, show(e));
            return o.value;
          });
        case 'getOrElse': {
          const [a] = args(e, 1);
          const fallback = compile(a!, scope);
          const type = of === null ? fallback.type : join(of, fallback.type);
          if (!type)
            fail(
              e,
              `the default is a ${scalaTypeName(fallback.type)} but the option holds ${scalaTypeName(of)}.`,
            );
          const fr = fallback.run;
          return {
            type,
            run: (env, b) => {
              b.step();
              const o = tr(env, b) as Opt;
              return o.defined ? o.value : fr(env, b);
            },
          };
        }
        case 'map': {
          const [a] = args(e, 1);
          const { code, slot } = lambdaArg(e, a!, of ?? L.long, scope, compile);
          const body = code.run;
          return {
            type: L.option(code.type),
            run: (env, b) => {
              b.step();
              const o = tr(env, b) as Opt;
              if (!o.defined) return NONE;
              env[slot] = o.value;
              return some(body(env, b));
            },
          };
        }
        default:
          return NO_MEMBER(e, t, 'isEmpty, nonEmpty, isDefined, get, getOrElse, map');
      }
    }
    case 'state':
      return stateMember(e, t, tr, scope, compile);
    case 'groupState':
      return groupStateMember(e, t, tr, scope, compile);
    case 'record':
      // ConsumerRecord.key() and value() (Java getters, callable without parentheses from Scala).
      // A record reaches the function as [key, value].
      switch (e.name) {
        case 'key':
          return unary(L.string, (v) => (v as readonly RValue[])[0]);
        case 'value':
          return unary(L.double, (v) => (v as readonly RValue[])[1]);
        default:
          return NO_MEMBER(e, t, 'key, value');
      }
    default:
      return NO_MEMBER(e, t, '');
  }
}

/**
 * Java's String.split with a literal separator (the language takes the argument literally, not as
 * a regular expression — a simplification the editor states): trailing empty strings are removed,
 * and an empty input gives [""] as in Java.
 */
export function splitLikeJava(s: string, sep: string): string[] {
  // Java's String.split(regex, 0): no match gives the input itself; otherwise trailing empty
  // strings are dropped (so ",".split(",") is empty); "" splits between characters.
  if (sep === '') return s === '' ? [''] : [...s];
  if (!s.includes(sep)) return [s];
  const parts = s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
