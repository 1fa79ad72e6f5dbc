import { assign, fromCallback, setup } from 'xstate';

/** Playback speeds offered, in simulated seconds per wall-clock second. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP_FORWARD' }
  | { type: 'STEP_BACK' }
  | { type: 'SEEK'; tick: number }
  | { type: 'RESET' }
  | { type: 'LOADED' }
  | { type: 'SPEED_UP' }
  | { type: 'SPEED_DOWN' }
  | { type: 'SET_SPEED'; speed: Speed }
  | { type: 'TICK'; elapsedMs: number };

/** Longest wall-clock gap turned into simulated time at once (a background tab must not jump). */
const MAX_FRAME_MS = 250;

/**
 * Calls back with TICK { elapsedMs } once per animation frame while playing. Browsers without
 * requestAnimationFrame (tests) fall back to a 16 ms timer.
 */
export const frameTicker = fromCallback<PlaybackEvent>(({ sendBack }) => {
  const hasRaf = typeof globalThis.requestAnimationFrame === 'function';
  const schedule = (fn: () => void): unknown => (hasRaf ? requestAnimationFrame(fn) : setTimeout(fn, 16));
  let last = performance.now();
  let handle: unknown;
  const frame = () => {
    const now = performance.now();
    sendBack({ type: 'TICK', elapsedMs: Math.min(MAX_FRAME_MS, now - last) });
    last = now;
    handle = schedule(frame);
  };
  handle = schedule(frame);
  return () =>
    hasRaf ? cancelAnimationFrame(handle as number) : clearTimeout(handle as ReturnType<typeof setTimeout>);
});

const nextSpeed = (speed: Speed, by: 1 | -1): Speed =>
  SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(speed) + by))] as Speed;

/**
 * Playback: paused ⇄ playing → ended. The machine only decides; the named actions (advance,
 * stepForward, stepBack, seek, reset) and the `atEnd` guard are provided by the app, which owns
 * the simulation, so the same machine runs in tests with fakes.
 */
export const playbackMachine = setup({
  types: {
    context: {} as { speed: Speed },
    events: {} as PlaybackEvent,
    input: {} as { speed?: Speed } | undefined,
  },
  actors: { ticker: frameTicker },
  actions: {
    advance: (_, _params: { simulatedMs: number }) => {},
    stepForward: () => {},
    stepBack: () => {},
    seek: (_, _params: { tick: number }) => {},
    reset: () => {},
    /** Drops the sub-step remainder: paused, the picture is exactly the step's. */
    settle: () => {},
  },
  guards: {
    atEnd: () => false,
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ speed: input?.speed ?? 1 }),
  initial: 'paused',
  on: {
    SPEED_UP: { actions: assign({ speed: ({ context }) => nextSpeed(context.speed, 1) }) },
    SPEED_DOWN: { actions: assign({ speed: ({ context }) => nextSpeed(context.speed, -1) }) },
    SET_SPEED: { actions: assign({ speed: ({ event }) => event.speed }) },
    RESET: { target: '.paused', actions: 'reset' },
    LOADED: [{ guard: 'atEnd', target: '.ended' }, { target: '.paused' }],
    STEP_BACK: { target: '.paused', actions: 'stepBack' },
    STEP_FORWARD: { target: '.checking', actions: 'stepForward' },
    SEEK: { target: '.checking', actions: { type: 'seek', params: ({ event }) => ({ tick: event.tick }) } },
  },
  states: {
    /** Transient: after a step or a seek, land in `ended` if the run is over, else `paused`. */
    checking: {
      always: [{ guard: 'atEnd', target: 'ended' }, { target: 'paused' }],
    },
    paused: {
      entry: 'settle',
      on: {
        PLAY: { target: 'playing' },
        TOGGLE: { target: 'playing' },
      },
    },
    playing: {
      invoke: { src: 'ticker' },
      always: { guard: 'atEnd', target: 'ended' },
      on: {
        PAUSE: { target: 'paused' },
        TOGGLE: { target: 'paused' },
        TICK: {
          actions: {
            type: 'advance',
            params: ({ context, event }) => ({ simulatedMs: event.elapsedMs * context.speed }),
          },
        },
      },
    },
    ended: {
      on: {
        PLAY: { target: 'playing', actions: 'reset' },
        TOGGLE: { target: 'playing', actions: 'reset' },
      },
    },
  },
});
