import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bool, type Gen, long, str } from '../__fixtures__/langExpressions';
import { compileFunction } from './fn';
import { NONE, type RValue, some } from './runtime';
import { LangError } from './syntax';
import { L } from './types';

function reference<T>(g: Gen<T>, x: bigint, s: string): { ok: T } | 'error' {
  try {
    return { ok: g.eval(x, s) };
  } catch (e) {
    if ((e as Error).message === 'error') return 'error';
    throw e;
  }
}

function actual(src: string, x: number, s: string): { ok: RValue } | 'error' {
  const f = compileFunction(`(x, s) => ${src}`, { params: [L.long, L.string], operation: 'map' });
  try {
    return { ok: f.call([x, s]) };
  } catch (e) {
    if (e instanceof LangError) return 'error';
    throw e;
  }
}

const inputs = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.stringMatching(/^[a-c ,]{0,6}$/));

describe('the language against a reference evaluator written here', () => {
  it('well-typed Long expressions give what exact integer arithmetic gives, or an error where the JVM throws', () => {
    fc.assert(
      fc.property(long, inputs, (g, [x, s]) => {
        const want = reference(g, BigInt(x), s);
        const got = actual(g.src, x, s);
        if (want === 'error') expect(got, g.src).toBe('error');
        else expect(got, g.src).toEqual({ ok: Number(want.ok) });
      }),
      { numRuns: 2000 },
    );
  });

  it('Boolean and String expressions agree too', () => {
    fc.assert(
      fc.property(bool, str, inputs, (b, t, [x, s]) => {
        const wb = reference(b, BigInt(x), s);
        const gb = actual(b.src, x, s);
        expect(gb, b.src).toEqual(wb === 'error' ? 'error' : { ok: wb.ok });
        const ws = reference(t, BigInt(x), s);
        const gs = actual(t.src, x, s);
        expect(gs, t.src).toEqual(ws === 'error' ? 'error' : { ok: ws.ok });
      }),
      { numRuns: 1500 },
    );
  });
});

const TOKENS = [
  'x',
  's',
  'o',
  'xs',
  'state',
  'constructor',
  '__proto__',
  'window',
  'globalThis',
  'this',
  'new',
  'Some',
  'None',
  'true',
  'null',
  'if',
  'else',
  '1',
  '0',
  '-1',
  '2.5',
  '9007199254740993',
  '"a"',
  '"a,b"',
  "''",
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '=>',
  '?',
  ':',
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '===',
  '!=',
  '<',
  '>=',
  '&&',
  '||',
  '!',
  '??',
  '=',
  ';',
  'sum',
  'size',
  'map',
  'filter',
  'split',
  'getOrElse',
  'get',
  'update',
  'remove',
  'exists',
  '_1',
  '_2',
  'length',
  'toString',
  'call',
  'apply',
  'bind',
  'valueOf',
  '`',
  '\\',
  ' ',
  '\n',
  'val',
  'Seq',
  'List',
  'hasTimedOut',
  'setTimeoutDuration',
];

describe('fuzzing: the language never fails outside its own error type', () => {
  it('10,000 random token strings, compiled and called on random inputs, throw nothing but LangError', () => {
    const text = fc
      .array(fc.constantFrom(...TOKENS), { minLength: 0, maxLength: 14 })
      .map((t) => t.join(' '));
    const lambdaText = text.map((t) => `(x, s, o, xs, state) => ${t}`);
    // Valid programs with one token replaced, inserted or dropped reach the checker and evaluator.
    const SEEDS = [
      'x + s.length',
      'xs.map(d => d * x).sum',
      'o.getOrElse(x) / (x - 1)',
      'state.exists ? state.get()._2 + x : o.map(v => v % x).getOrElse(0)',
      's.split(",").filter(w => w.length > x).size',
      '(s.toUpperCase, x * 2, xs.headOption)',
      'xs.max - xs.min + o.get',
      'state.update((s, x))',
    ];
    const mutated = fc
      .tuple(
        fc.constantFrom(...SEEDS),
        fc.nat(),
        fc.constantFrom(...TOKENS),
        fc.constantFrom('replace', 'insert', 'drop', 'keep'),
      )
      .map(([seed, at, token, how]) => {
        const parts = seed.split(/(?=[ .(),])|(?<=[ .(),])/);
        const i = at % parts.length;
        if (how === 'replace') parts[i] = token;
        else if (how === 'insert') parts.splice(i, 0, token);
        else if (how === 'drop') parts.splice(i, 1);
        return `(x, s, o, xs, state) => ${parts.join('')}`;
      });
    let compiled = 0;
    fc.assert(
      fc.property(
        fc.oneof(text, lambdaText, mutated),
        fc.integer({ min: -5, max: 5 }),
        fc.string({ maxLength: 5 }),
        (source, x, s) => {
          let f: ReturnType<typeof compileFunction>;
          try {
            f = compileFunction(source, {
              params: [
                L.long,
                L.string,
                L.option(L.long),
                L.list(L.double),
                L.state(L.tuple(L.string, L.long)),
              ],
              operation: 'map',
            });
          } catch (e) {
            expect(e).toBeInstanceOf(LangError);
            return;
          }
          compiled++;
          const state = {
            exists: () => false,
            get: (): RValue => {
              throw new LangError('java.util.NoSuchElementException: State is not set');
            },
            update: () => undefined,
            remove: () => undefined,
            isTimingOut: () => false,
          };
          try {
            f.call([x, s, x > 0 ? some(x) : NONE, [x, 0.5], state]);
          } catch (e) {
            expect(e).toBeInstanceOf(LangError);
          }
        },
      ),
      { numRuns: 10_000 },
    );
    // The fuzzer must reach the evaluator, not only the parser.
    expect(compiled).toBeGreaterThan(1000);
  });
});
