import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './route';

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
});
