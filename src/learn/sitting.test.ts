import { describe, expect, it } from 'vitest';
import { questions } from '.';
import { ask, pickQuiz, shuffledOrder } from './sitting';

describe('asking questions', () => {
  it('instantiates every predict-then-run question as a gradable choice or number', () => {
    for (const q of questions.filter((x) => x.kind === 'predict')) {
      const { question, instance } = ask(q, 3);
      expect(instance).not.toBeNull();
      expect(question.prompt).toBe(instance?.prompt);
      if (question.kind === 'choice') expect(question.options[question.answer]).toBeDefined();
      else expect(Number.isFinite(question.kind === 'numeric' ? question.answer : Number.NaN)).toBe(true);
    }
  });

  it('shuffles ordering questions, never leaving them already in order', () => {
    for (let n = 2; n <= 6; n++)
      for (let seed = 0; seed < 50; seed++) {
        const order = shuffledOrder(n, seed);
        expect([...order].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(order.some((v, i) => v !== i)).toBe(true);
      }
  });

  it('draws a quiz of distinct questions across topics, with predict-then-run ones, the same for the same seed', () => {
    const quiz = pickQuiz(questions, 42);
    expect(quiz).toHaveLength(10);
    expect(new Set(quiz.map((q) => q.question)).size).toBe(10);
    expect(pickQuiz(questions, 42)).toEqual(quiz);
    const kinds = quiz.map((p) => questions.find((q) => q.id === p.question)?.kind);
    expect(kinds.filter((k) => k === 'predict').length).toBeGreaterThanOrEqual(3);
    const topics = new Set(quiz.map((p) => questions.find((q) => q.id === p.question)?.topic));
    expect(topics.size).toBeGreaterThanOrEqual(8);
    expect(pickQuiz(questions, 43)).not.toEqual(quiz);
  });
});
