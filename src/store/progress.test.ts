// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkProgress, PROGRESS_KEY, rehydrateProgress, useProgress } from './progress';

beforeEach(() => {
  useProgress.setState({ lessons: {}, answers: {}, quizzes: [], bookmarks: {}, restoreProblem: null });
  localStorage.clear();
});

describe('learner progress (persisted)', () => {
  it('keeps steps, answers, quizzes and bookmarks across a reload', async () => {
    const p = useProgress.getState();
    p.completeStep('watermarks', 2);
    p.completeStep('watermarks', 0);
    p.completeStep('watermarks', 2);
    p.recordAnswer('kafka-log-order', false);
    p.recordAnswer('kafka-log-order', true);
    p.recordQuiz(7, 10, 1_700_000_000_000);
    p.toggleBookmark('watermarks', 12_000);
    p.toggleBookmark('watermarks', 4_000);
    await rehydrateProgress();
    const s = useProgress.getState();
    expect(s.lessons).toEqual({ watermarks: [0, 2] });
    expect(s.answers['kafka-log-order']).toEqual({ tries: 2, right: 1, last: true });
    expect(s.quizzes).toEqual([{ score: 7, total: 10, at: 1_700_000_000_000 }]);
    expect(s.bookmarks).toEqual({ watermarks: [4_000, 12_000] });
    expect(s.restoreProblem).toBeNull();
  });

  it('resets lessons, answers and quizzes but keeps bookmarks', () => {
    const p = useProgress.getState();
    p.completeStep('windows', 1);
    p.recordAnswer('windows-kinds', true);
    p.toggleBookmark('dense', 500);
    p.resetProgress();
    const s = useProgress.getState();
    expect(s.lessons).toEqual({});
    expect(s.answers).toEqual({});
    expect(s.bookmarks).toEqual({ dense: [500] });
  });

  it('discards a corrupted save with a notice naming the problem', async () => {
    for (const [raw, words] of [
      ['{not json', 'not valid JSON'],
      ['{"version":9,"state":{}}', 'version is 9'],
      ['{"version":1,"state":{"lessons":[],"answers":{},"quizzes":[],"bookmarks":{}}}', '"lessons"'],
      [
        '{"version":1,"state":{"lessons":{},"answers":{"q":{"tries":1,"right":2,"last":true}},"quizzes":[],"bookmarks":{}}}',
        '"answers.q"',
      ],
    ] as const) {
      localStorage.setItem(PROGRESS_KEY, raw);
      await rehydrateProgress();
      expect(useProgress.getState().restoreProblem).toContain(words);
      expect(useProgress.getState().lessons).toEqual({});
      // The broken save is gone: what is stored now is a fresh, well-formed one.
      const saved = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null');
      expect(saved?.state?.lessons ?? {}).toEqual({});
      if (saved) expect(checkProgress(saved.state)).toHaveProperty('progress');
    }
  });

  it('never throws on random saved states, and accepts only well-formed ones', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const checked = checkProgress(value);
        if ('progress' in checked) {
          expect(checkProgress(JSON.parse(JSON.stringify(checked.progress)))).toEqual(checked);
        } else expect(checked.problem.length).toBeGreaterThan(5);
      }),
      { numRuns: 3_000 },
    );
  });
});
