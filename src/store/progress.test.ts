// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkProgress, migrateLessons, PROGRESS_KEY, rehydrateProgress, useProgress } from './progress';

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

  it('moves the steps of a version-1 save past the steps inserted since (issue 18)', async () => {
    const state = {
      lessons: { 'event-time': [0, 3, 4], stateful: [2, 3], watermarks: [0, 4] },
      answers: {},
      quizzes: [],
      bookmarks: {},
    };
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, state }));
    await rehydrateProgress();
    const s = useProgress.getState();
    expect(s.restoreProblem).toBeNull();
    // event-time gained step 4 (ingestion time), stateful step 3 (the State object).
    expect(s.lessons).toEqual({ 'event-time': [0, 3, 5], stateful: [2, 4], watermarks: [0, 4] });
    // A current save is not moved again.
    expect(migrateLessons({ 'event-time': [4] }, 2)).toEqual({ 'event-time': [4] });
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
