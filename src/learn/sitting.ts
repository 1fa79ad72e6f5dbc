import { sourceFor } from '../engine/rng';
import type { PredictInstance, Question, StaticQuestion } from './types';

/** A question ready to ask: predict-then-run templates are instantiated for the seed. */
export interface Asked {
  readonly question: StaticQuestion;
  /** The engine-built variant, for predict-then-run questions. */
  readonly instance: PredictInstance | null;
}

export function ask(q: Question, seed: number): Asked {
  if (q.kind !== 'predict') return { question: q, instance: null };
  const instance = q.generate(seed);
  const base = {
    id: q.id,
    topic: q.topic,
    prompt: instance.prompt,
    explanation: instance.explanation,
    hint: q.hint,
    frame: instance.frame,
  };
  const question: StaticQuestion =
    instance.answer.kind === 'choice'
      ? { ...base, kind: 'choice', options: instance.answer.options, answer: instance.answer.answer }
      : {
          ...base,
          kind: 'numeric',
          answer: instance.answer.answer,
          ...(instance.answer.tolerance !== undefined ? { tolerance: instance.answer.tolerance } : {}),
          ...(instance.answer.unit !== undefined ? { unit: instance.answer.unit } : {}),
        };
  return { question, instance };
}

/** A seeded permutation of 0..n-1 that is never the identity (when n > 1), for ordering questions. */
export function shuffledOrder(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return order;
  const next = sourceFor(seed, n, 0x0de5);
  for (let attempt = 0; attempt < 20; attempt++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    if (order.some((v, i) => v !== i)) return order;
  }
  return [...order.slice(1), order[0] as number];
}

export interface QuizPick {
  readonly question: string;
  readonly seed: number;
}

/**
 * A quiz of `count` questions drawn by seed: spread over the topics (round robin from a shuffled
 * topic order), with every third question a predict-then-run one where the topic has any.
 */
export function pickQuiz(all: readonly Question[], seed: number, count = 10): QuizPick[] {
  const next = sourceFor(seed, 0x9012);
  const topics = [...new Set(all.map((q) => q.topic))];
  for (let i = topics.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [topics[i], topics[j]] = [topics[j] as (typeof topics)[number], topics[i] as (typeof topics)[number]];
  }
  const picked: QuizPick[] = [];
  const used = new Set<string>();
  for (let round = 0; picked.length < Math.min(count, all.length) && round < count * 4; round++) {
    const topic = topics[round % topics.length];
    const wantPredict = picked.length % 3 === 2;
    const pool = all.filter((q) => q.topic === topic && !used.has(q.id));
    const preferred = pool.filter((q) => (q.kind === 'predict') === wantPredict);
    const from = preferred.length > 0 ? preferred : pool;
    if (from.length === 0) continue;
    const q = from[Math.floor(next() * from.length)] as Question;
    used.add(q.id);
    picked.push({ question: q.id, seed: Math.floor(next() * 1_000_000) + 1 });
  }
  return picked;
}
