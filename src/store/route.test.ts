import { describe, expect, it } from 'vitest';
import { formatRoute, joinHash, parseRoute, type Route, splitHash } from './route';

describe('routes in the hash', () => {
  it('round-trips every page', () => {
    const routes: Route[] = [
      { page: 'sim' },
      { page: 'lessons' },
      { page: 'lesson', lesson: 'watermarks', step: 2 },
      { page: 'questions' },
      { page: 'question', question: 'kafka-log-partition-of-key', seed: 42 },
      { page: 'quiz' },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual({ route: r, problem: null });
  });

  it('counts lesson steps from 1 in the link and from 0 inside', () => {
    expect(parseRoute('#/lessons/windows/1').route).toEqual({ page: 'lesson', lesson: 'windows', step: 0 });
    expect(parseRoute('#/lessons/windows').route).toEqual({ page: 'lesson', lesson: 'windows', step: 0 });
  });

  it('names what is wrong and falls back to the simulator', () => {
    for (const [hash, words] of [
      ['#/lessons/windows/0', 'step'],
      ['#/lessons/<script>', 'lesson'],
      ['#/questions/x/abc', 'variant'],
      ['#/admin', 'is not one of'],
    ] as const) {
      const parsed = parseRoute(hash);
      expect(parsed.route).toEqual({ page: 'sim' });
      expect(parsed.problem).toContain(words);
    }
  });

  it('reads the page before the long parameters that follow it after "?"', () => {
    expect(parseRoute('#/lessons/windows/2?scn=abc&app=def')).toEqual({
      route: { page: 'lesson', lesson: 'windows', step: 1 },
      problem: null,
    });
    expect(parseRoute('#/?scn=abc')).toEqual({ route: { page: 'sim' }, problem: null });
    expect(parseRoute('#?scn=abc')).toEqual({ route: { page: 'sim' }, problem: null });
    expect(parseRoute('#/admin?scn=abc').problem).toBe(
      `The link's page "#/admin" is not one of #/sim, #/lessons, #/questions or #/quiz; showing the simulator.`,
    );
  });

  it('splits a hash into page and parameters, and joins them back', () => {
    expect(splitHash('#/lessons/x/2?scn=a-b_c&app=d')).toEqual({
      route: '#/lessons/x/2',
      params: 'scn=a-b_c&app=d',
    });
    expect(splitHash('#/quiz')).toEqual({ route: '#/quiz', params: '' });
    expect(splitHash('')).toEqual({ route: '', params: '' });
    for (const r of ['', '#/lessons', '#/lessons/x/2', '#/questions/q/3', '#/quiz'])
      for (const params of ['', 'scn=abc', 'scn=a&app=b']) {
        const hash = joinHash(r, params);
        expect(splitHash(hash).params).toBe(params);
        expect(parseRoute(hash)).toEqual(parseRoute(r));
      }
    // The simulator's page is '' in a link; with parameters the hash still starts with a page.
    expect(joinHash('', 'scn=abc')).toBe('#/?scn=abc');
    expect(joinHash('#/lessons', '')).toBe('#/lessons');
  });
});
