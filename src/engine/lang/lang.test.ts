import { describe, expect, it } from 'vitest';
import { compileFunction } from './fn';
import { parseExpr } from './parse';
import { NONE, type RValue, type StateHandle, some } from './runtime';
import { LangError } from './syntax';
import { L } from './types';

const pair = L.tuple(L.string, L.long);

function error(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(LangError);
    return (e as Error).message;
  }
  throw new Error('expected a LangError');
}

describe('the user-function language', () => {
  it('runs the lecture’s functions: map a pair, split a line, reduce, updateStateByKey', () => {
    const double = compileFunction('(k, v) => (k, v * 2)', { params: [pair], operation: 'map' });
    expect(double.destructured).toBe(true);
    expect(double.call([['a', 3]])).toEqual(['a', 6]);
    expect(double.result).toEqual(L.tuple(L.string, L.long));

    const words = compileFunction('x => x.split(" ")', { params: [L.string], operation: 'flatMap' });
    expect(words.call(['to be or  not'])).toEqual(['to', 'be', 'or', '', 'not']);

    const add = compileFunction('(a, b) => a + b', { params: [L.long, L.long], operation: 'reduceByKey' });
    expect(add.call([2, 5])).toBe(7);

    const update = compileFunction('(values, state) => Some(values.sum + state.getOrElse(0))', {
      params: [L.list(L.long), L.option(L.long)],
      result: L.option(L.long),
      operation: 'updateStateByKey',
    });
    expect(update.call([[1, 2, 3], NONE])).toEqual(some(6));
    expect(update.call([[4], some(6)])).toEqual(some(10));
  });

  it('drops a key after two idle batches: a state of (count, idle batches)', () => {
    const f = compileFunction(
      '(values, state) => values.isEmpty && state.map(s => s._2).getOrElse(0) >= 1 ? None : Some((values.sum + state.map(s => s._1).getOrElse(0), values.isEmpty ? state.map(s => s._2).getOrElse(0) + 1 : 0))',
      {
        params: [L.list(L.long), L.option(L.tuple(L.long, L.long))],
        result: L.option(L.tuple(L.long, L.long)),
        operation: 'updateStateByKey',
      },
    );
    let s: RValue = NONE;
    s = f.call([[2], s]);
    expect(s).toEqual(some([2, 0]));
    s = f.call([[], s]);
    expect(s).toEqual(some([2, 1]));
    expect(f.call([[], s])).toEqual(NONE);
  });

  it('follows Scala’s arithmetic: Long division truncates, / by zero throws, Long and Double widen', () => {
    const div = compileFunction('(a, b) => a / b', { params: [L.long, L.long], operation: 'map' });
    expect(div.call([-7, 2])).toBe(-3);
    expect(div.call([7, 2])).toBe(3);
    expect(error(() => div.call([1, 0]))).toContain('java.lang.ArithmeticException: / by zero');
    const mixed = compileFunction('(a, b) => a / b', { params: [L.long, L.double], operation: 'map' });
    expect(mixed.result).toEqual(L.double);
    expect(mixed.call([7, 2])).toBe(3.5);
    const text = compileFunction('x => "n=" + x', { params: [L.double], operation: 'map' });
    expect(text.call([2])).toBe('n=2.0');
  });

  it('reads a tuple as a tuple and a conditional only as cond ? a : b', () => {
    expect(parseExpr('(a, b)')).toEqual({
      k: 'tuple',
      items: [
        { k: 'name', name: 'a' },
        { k: 'name', name: 'b' },
      ],
    });
    expect(error(() => parseExpr('x => if (x) 1 else 2'))).toMatch(/cond \? a : b/);
    expect(error(() => parseExpr('x => x[0]'))).toMatch(/t\._1/);
    expect(error(() => parseExpr('x => x ?? 1'))).toMatch(/“\?\?” is not part/);
    expect(error(() => parseExpr('x => [1, 2]'))).toMatch(/List literals/);
    expect(error(() => parseExpr('x => (x'))).toMatch(/Syntax error at character/);
  });

  it('says in words what a compiler would object to', () => {
    expect(
      error(() =>
        compileFunction('(k, v) => (k, v * 2)', { params: [L.tuple(L.string, L.string)], operation: 'map' }),
      ),
    ).toBe('v * 2: * needs numbers; v is a String here.');
    expect(
      error(() => compileFunction('x => x > 2', { params: [L.long], result: L.long, operation: 'map' })),
    ).toMatch(/needs its function to give Long; this one gives Boolean/);
    expect(error(() => compileFunction('x => y', { params: [L.long], operation: 'map' }))).toMatch(
      /no such name here/,
    );
    expect(
      error(() => compileFunction('(a, b, c) => a', { params: [L.long, L.long], operation: 'reduce' })),
    ).toMatch(/takes 2 parameters/);
    expect(
      error(() => compileFunction('x => x ? 1 : "a"', { params: [L.boolean], operation: 'map' })),
    ).toMatch(/different types \(Long and String\)/);
  });

  it('reaches nothing outside the language: no globals, prototypes or constructors', () => {
    for (const source of [
      'x => window',
      'x => x.constructor',
      'x => x.__proto__',
      'x => x.constructor.constructor("return 1")()',
      'x => globalThis.fetch("http://a")',
      'x => setTimeout(x, 1)',
      'x => this',
      'x => new Function("1")',
      'x => x.toString.call(x)',
      'x => x.valueOf()',
    ]) {
      expect(() => compileFunction(source, { params: [L.string], operation: 'map' }), source).toThrow(
        LangError,
      );
    }
  });

  it('calls mapWithState’s State through the engine’s handle', () => {
    let held: RValue = 5;
    let defined = true;
    const state: StateHandle = {
      exists: () => defined,
      get: () => held,
      update: (v) => {
        held = v;
      },
      remove: () => {
        defined = false;
      },
      isTimingOut: () => false,
    };
    const f = compileFunction(
      '(key, value, state) => state.exists ? (key, state.get() + value.getOrElse(0)) : (key, 0)',
      {
        params: [L.string, L.option(L.long), L.state(L.long)],
        operation: 'mapWithState',
      },
    );
    expect(f.call(['a', some(2), state])).toEqual(['a', 7]);
    const g = compileFunction('(key, value, state) => state.isTimingOut() ? key : key + "!"', {
      params: [L.string, L.option(L.long), L.state(L.long)],
      operation: 'mapWithState',
    });
    expect(g.call(['a', NONE, state])).toBe('a!');
    expect(
      error(() =>
        compileFunction('(k, v, s) => s.update("x")', {
          params: [L.string, L.option(L.long), L.state(L.long)],
          operation: 'mapWithState',
        }),
      ),
    ).toMatch(/the state holds Long/);
    const u = compileFunction('(k, v, s) => s.update(v.getOrElse(0) + time)', {
      params: [L.string, L.option(L.long), L.state(L.long)],
      given: [{ name: 'time', type: L.long }],
      operation: 'mapWithState',
    });
    u.call(['a', some(1), state], [1000]);
    expect(held).toBe(1001);
  });

  it('stops a runaway call with a clear error and goes on with the next call', () => {
    const f = compileFunction('s => s.split("").map(c => s.split("").map(d => d + c).size).sum', {
      params: [L.string],
      operation: 'map',
    });
    expect(error(() => f.call(['x'.repeat(2000)]))).toMatch(/more than .* (steps|values) in one call/);
    expect(f.call(['ab'])).toBe(4);
  });

  it('splits as Java does: trailing empty strings go, no match keeps the input', () => {
    const f = compileFunction('s => s.split(",")', { params: [L.string], operation: 'flatMap' });
    expect(f.call(['a,b,,'])).toEqual(['a', 'b']);
    expect(f.call([',a'])).toEqual(['', 'a']);
    expect(f.call([','])).toEqual([]);
    expect(f.call(['abc'])).toEqual(['abc']);
    expect(f.call([''])).toEqual(['']);
  });
});
