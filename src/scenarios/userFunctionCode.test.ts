// The PySpark this file checks runs in python3: the test sits in scenarios, which may start processes.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bool, long, str } from '../engine/__fixtures__/langExpressions';
import { compileFunction } from '../engine/lang/fn';
import { toPython, toScala } from '../engine/lang/render';
import { NONE, some } from '../engine/lang/runtime';
import { LangError } from '../engine/lang/syntax';
import { L } from '../engine/lang/types';

const pair = L.tuple(L.string, L.long);

describe('rendering user functions as Scala and PySpark', () => {
  it('writes the lecture’s functions as a Spark program would', () => {
    const double = compileFunction('(k, v) => (k, v * 2)', { params: [pair], operation: 'map' });
    expect(toScala(double)).toBe('{ case (k, v) => (k, v * 2) }');
    expect(toPython(double)).toEqual({ code: 'lambda kv: (kv[0], kv[1] * 2)', imports: [] });

    const update = compileFunction('(values, state) => Some(values.sum + state.getOrElse(0))', {
      params: [L.list(L.long), L.option(L.long)],
      operation: 'updateStateByKey',
    });
    expect(toScala(update)).toBe('(values, state) => Some(values.sum + state.getOrElse(0))');
    expect(toPython(update)).toEqual({
      code: 'lambda values, state: sum(values) + (state if state is not None else 0)',
      imports: [],
    });

    const words = compileFunction('line => line.toLowerCase.split(" ").filter(w => w.length > 2)', {
      params: [L.string],
      operation: 'flatMap',
    });
    expect(toScala(words)).toBe('line => line.toLowerCase.split(" ").filter(w => w.length > 2)');
    expect(toPython(words)).toEqual({
      code: 'lambda line: [w for w in line.lower().split(" ") if len(w) > 2]',
      imports: [],
    });

    const cond = compileFunction('(a, b) => a > b ? a / b : -(a % b)', {
      params: [L.long, L.long],
      operation: 'reduce',
    });
    expect(toScala(cond)).toBe('(a, b) => if (a > b) (a / b) else -(a % b)');
    expect(toPython(cond)).toEqual({
      code: 'lambda a, b: (int(a / b)) if a > b else (-(int(math.fmod(a, b))))',
      imports: ['math'],
    });
  });

  it('calls Spark’s State methods with parentheses, and says PySpark has no mapWithState', () => {
    const f = compileFunction('(key, value, state) => state.exists ? state.get : value.getOrElse(0)', {
      params: [L.string, L.option(L.long), L.state(L.long)],
      operation: 'mapWithState',
    });
    expect(toScala(f)).toBe('(key, value, state) => if (state.exists()) state.get() else value.getOrElse(0)');
    expect(toPython(f)).toEqual({
      unsupported: 'PySpark’s DStream API has no mapWithState; this function runs in Scala and Java only.',
    });
  });

  it('PySpark computes what the simulator computes: 600 random expressions run in python3', () => {
    const cases = fc.sample(
      fc.tuple(
        fc.oneof(long, bool, str),
        fc.integer({ min: -300, max: 300 }),
        fc.stringMatching(/^[a-c ,]{0,5}$/),
      ),
      {
        numRuns: 600,
        seed: 17,
      },
    );
    const runs: { code: string; x: number; s: string; want: unknown }[] = [];
    for (const [g, x, s] of cases) {
      const fn = compileFunction(`(x, s) => ${g.src}`, { params: [L.long, L.string], operation: 'map' });
      let want: unknown;
      try {
        want = fn.call([x, s]);
      } catch (e) {
        expect(e).toBeInstanceOf(LangError);
        continue;
      }
      const py = toPython(fn);
      if (!('code' in py)) throw new Error(py.unsupported);
      runs.push({ code: py.code, x, s, want });
    }
    expect(runs.length).toBeGreaterThan(400);
    const script = `import json, math, sys\nout = []\n${runs
      .map((r) => `out.append((${r.code})(${r.x}, ${JSON.stringify(r.s)}))`)
      .join('\n')}\nprint(json.dumps(out))\n`;
    const result = spawnSync('python3', ['-'], { input: script, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const got = JSON.parse(result.stdout) as unknown[];
    runs.forEach((r, i) => {
      expect(got[i], r.code).toEqual(r.want);
    });
  });

  it('options become PySpark’s None or a plain value', () => {
    const f = compileFunction('o => o.map(v => v + 1).getOrElse(-1)', {
      params: [L.option(L.long)],
      operation: 'map',
    });
    expect(f.call([some(2)])).toBe(3);
    expect(f.call([NONE])).toBe(-1);
    const py = toPython(f);
    expect(py).toEqual({
      code: 'lambda o: (lambda _opt: (_opt if _opt is not None else -1))(((lambda v: v + 1)(o) if o is not None else None))',
      imports: [],
    });
    const run = spawnSync('python3', ['-c', `f = ${(py as { code: string }).code}\nprint(f(2), f(None))`], {
      encoding: 'utf8',
    });
    expect(run.stdout.trim()).toBe('3 -1');
  });
});
