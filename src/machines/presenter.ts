import { setup } from 'xstate';

export type PresenterEvent =
  /** P, or the "Presenter mode" button. */
  | { type: 'TOGGLE' }
  /** Escape: leaves an overlay or the blank screen first, then presenter mode. */
  | { type: 'ESCAPE' }
  /** B (and `.`, which many clickers send): blank the screen, or bring it back. */
  | { type: 'BLANK' }
  /** PageDown / Space / →-clicker: the next prepared moment. */
  | { type: 'NEXT' }
  | { type: 'PREV' }
  /** Q: pause and ask the room a question. */
  | { type: 'ASK' }
  /** Enter / A: reveal the answer. */
  | { type: 'REVEAL' };

/**
 * Presenter mode for a lecture hall: off ⇄ on { live ⇄ blank, live ⇄ asking { question → revealed } }.
 * The machine decides; the app provides the effects (full screen, moving to the next bookmark or
 * lesson step, picking the next question), so the same machine runs in tests with fakes.
 */
export const presenterMachine = setup({
  types: { events: {} as PresenterEvent },
  actions: {
    enterFullscreen: () => {},
    exitFullscreen: () => {},
    next: () => {},
    prev: () => {},
    /** Choose the question to ask (the next one on each ASK). */
    pickQuestion: () => {},
  },
}).createMachine({
  id: 'presenter',
  initial: 'off',
  states: {
    off: {
      on: { TOGGLE: { target: 'on', actions: 'enterFullscreen' } },
    },
    on: {
      initial: 'live',
      on: { TOGGLE: { target: 'off', actions: 'exitFullscreen' } },
      states: {
        live: {
          on: {
            BLANK: 'blank',
            NEXT: { actions: 'next' },
            PREV: { actions: 'prev' },
            ASK: { target: 'asking', actions: 'pickQuestion' },
            ESCAPE: { target: '#presenter.off', actions: 'exitFullscreen' },
          },
        },
        blank: {
          on: { BLANK: 'live', ESCAPE: 'live' },
        },
        asking: {
          initial: 'question',
          on: {
            ESCAPE: 'live',
            BLANK: 'blank',
            ASK: { target: '.question', reenter: true, actions: 'pickQuestion' },
          },
          states: {
            question: { on: { REVEAL: 'revealed' } },
            revealed: { on: { REVEAL: '#presenter.on.live', NEXT: '#presenter.on.live' } },
          },
        },
      },
    },
  },
});
