import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { type QuizItem, quizMachine } from './quiz';

const items: QuizItem[] = [
  { question: 'a', seed: 1 },
  { question: 'b', seed: 1 },
  { question: 'c', seed: 4 },
];

function harness() {
  const recorded: string[] = [];
  const finished: string[] = [];
  const actor = createActor(
    quizMachine.provide({
      actions: {
        record: (_, { question, right }) => recorded.push(`${question}:${right}`),
        finish: (_, { score, total }) => finished.push(`${score}/${total}`),
      },
    }),
  ).start();
  return { actor, recorded, finished, snap: () => actor.getSnapshot() };
}

describe('quiz machine', () => {
  it('practice gives feedback after each answer and can vary the same question', () => {
    const h = harness();
    h.actor.send({ type: 'START', mode: 'practice', items });
    h.actor.send({ type: 'ANSWER', right: false });
    expect(h.snap().value).toBe('feedback');
    h.actor.send({ type: 'AGAIN', seed: 9 });
    expect(h.snap().value).toBe('asking');
    expect(h.snap().context.items[0]).toEqual({ question: 'a', seed: 9 });
    h.actor.send({ type: 'ANSWER', right: true });
    h.actor.send({ type: 'NEXT' });
    expect(h.snap().context.index).toBe(1);
    expect(h.recorded).toEqual(['a:false', 'a:true']);
  });

  it('a quiz keeps answers without feedback and scores at the end', () => {
    const h = harness();
    h.actor.send({ type: 'START', mode: 'quiz', items });
    h.actor.send({ type: 'ANSWER', right: true });
    expect(h.snap().value).toBe('asking');
    expect(h.snap().context.index).toBe(1);
    h.actor.send({ type: 'ANSWER', right: false });
    h.actor.send({ type: 'ANSWER', right: true });
    expect(h.snap().value).toBe('finished');
    expect(h.finished).toEqual(['2/3']);
    expect(h.snap().context.results.filter((r) => !r.right)).toEqual([
      { question: 'b', seed: 1, right: false },
    ]);
    expect(h.recorded).toEqual(['a:true', 'b:false', 'c:true']);
  });

  it('ignores an empty sitting', () => {
    const h = harness();
    h.actor.send({ type: 'START', mode: 'quiz', items: [] });
    expect(h.snap().value).toBe('idle');
  });
});
