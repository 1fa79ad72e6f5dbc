import { describe, expect, it } from 'vitest';
import { lessons, predictTemplates, staticQuestions } from '.';
import { TOPICS } from './types';

/**
 * Every topic of the course has a lesson, enough review questions, and questions whose answer the
 * engine computes (issue 18). On failure the whole table is printed, to show where topics are thin.
 */
const FLOOR = { lessons: 1, questions: 8, predict: 2 } as const;

describe('each topic of the course', () => {
  const table = TOPICS.map((t) => ({
    topic: t.id,
    lessons: lessons.filter((l) => l.topic === t.id).length,
    questions: staticQuestions.filter((q) => q.topic === t.id).length,
    predict: predictTemplates.filter((q) => q.topic === t.id).length,
  }));

  it(`has ≥ ${FLOOR.lessons} lesson, ≥ ${FLOOR.questions} questions and ≥ ${FLOOR.predict} predict-then-run templates`, () => {
    const thin = table.filter(
      (r) => r.lessons < FLOOR.lessons || r.questions < FLOOR.questions || r.predict < FLOOR.predict,
    );
    if (thin.length > 0) console.table(table);
    expect(thin).toEqual([]);
  });

  it('has no content filed under a topic the course does not list', () => {
    const known = new Set<string>(TOPICS.map((t) => t.id));
    for (const x of [...lessons, ...staticQuestions, ...predictTemplates])
      expect(known.has(x.topic), `${x.id}: ${x.topic}`).toBe(true);
  });

  it('has unique ids across hand-written questions and predict templates (progress is saved by id)', () => {
    const ids = [...staticQuestions, ...predictTemplates].map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
