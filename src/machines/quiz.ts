import { assign, setup } from 'xstate';

/** One question in a session: a question id and, for predict-then-run, the variant's seed. */
export interface QuizItem {
  readonly question: string;
  readonly seed: number;
}

export interface QuizResult extends QuizItem {
  readonly right: boolean;
}

export type QuizMode = 'practice' | 'quiz';

export interface QuizContext {
  readonly mode: QuizMode;
  readonly items: readonly QuizItem[];
  readonly index: number;
  readonly results: readonly QuizResult[];
}

export type QuizEvent =
  | { type: 'START'; mode: QuizMode; items: readonly QuizItem[] }
  | { type: 'ANSWER'; right: boolean }
  | { type: 'NEXT' }
  /** Practice: the same question again with a fresh variant. */
  | { type: 'AGAIN'; seed: number };

/**
 * A sitting of review questions. Practice: answer → feedback at once → next. Quiz: answers are
 * kept without feedback, and the score and a review of mistakes come at the end. The app provides
 * `record` (saves the answer) and `finish` (saves the score).
 */
const current = (context: QuizContext): QuizItem => context.items[context.index] as QuizItem;

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
  },
  actions: {
    record: (_, _params: { question: string; right: boolean }) => {},
    finish: (_, _params: { score: number; total: number }) => {},
    keep: assign(({ context, event }) =>
      event.type === 'ANSWER'
        ? { results: [...context.results, { ...current(context), right: event.right }] }
        : {},
    ),
    advance: assign(({ context }) => ({ index: context.index + 1 })),
  },
  guards: {
    isPractice: ({ context }) => context.mode === 'practice',
    hasMore: ({ context }) => context.index + 1 < context.items.length,
    hasItems: ({ event }) => event.type === 'START' && event.items.length > 0,
  },
}).createMachine({
  id: 'quiz',
  context: { mode: 'practice', items: [], index: 0, results: [] },
  initial: 'idle',
  on: {
    START: {
      guard: 'hasItems',
      target: '.asking',
      actions: assign(({ event }) => ({ mode: event.mode, items: event.items, index: 0, results: [] })),
    },
  },
  states: {
    idle: {},
    asking: {
      on: {
        ANSWER: [
          {
            guard: 'isPractice',
            target: 'feedback',
            actions: ['keep', { type: 'record', params: recordParams }],
          },
          {
            guard: 'hasMore',
            target: 'asking',
            reenter: true,
            actions: ['keep', { type: 'record', params: recordParams }, 'advance'],
          },
          { target: 'finished', actions: ['keep', { type: 'record', params: recordParams }] },
        ],
      },
    },
    feedback: {
      on: {
        NEXT: [{ guard: 'hasMore', target: 'asking', actions: 'advance' }, { target: 'finished' }],
        AGAIN: {
          target: 'asking',
          actions: assign(({ context, event }) => ({
            items: context.items.map((it, i) => (i === context.index ? { ...it, seed: event.seed } : it)),
          })),
        },
      },
    },
    finished: {
      entry: {
        type: 'finish',
        params: ({ context }) => ({
          score: context.results.filter((r) => r.right).length,
          total: context.results.length,
        }),
      },
    },
  },
});

function recordParams({ context, event }: { context: QuizContext; event: QuizEvent }) {
  return { question: current(context).question, right: event.type === 'ANSWER' && event.right };
}
