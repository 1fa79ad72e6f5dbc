/**
 * The time views draw at between two simulation steps. Playback turns wall-clock time into whole
 * steps and keeps the rest as `carryMs`; views that show motion draw at `sim.timeMs + carry` so the
 * picture changes every frame, not only at each step. What a step means does not change: which
 * tuples exist, their status and what can be selected all follow the step; only where moving
 * marks are drawn follows the carry.
 */
import { type SimStore, useSim } from './simStore';

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/**
 * The sub-step time to draw at: the carry, clamped to [0, tickMs) so nothing of the next step
 * shows, and 0 where the user asked for reduced motion (then every frame is drawn at a step).
 */
export function displayCarryMs(carryMs: number, tickMs: number, reduced: boolean): number {
  if (reduced || !(carryMs > 0) || !(tickMs > 0)) return 0;
  // The largest number below tickMs: the display time stays inside the current step.
  return Math.min(carryMs, tickMs - tickMs * Number.EPSILON);
}

let reducedQuery: MediaQueryList | null | undefined;

/** The user's motion preference now (one MediaQueryList for the page, read per frame cheaply). */
export function prefersReducedMotion(): boolean {
  if (reducedQuery === undefined)
    reducedQuery =
      typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(REDUCED_MOTION_QUERY) : null;
  return reducedQuery?.matches ?? false;
}

/** The store's sub-step carry to draw at now. */
export function displayCarryOf(s: Pick<SimStore, 'sim' | 'carryMs'>): number {
  return displayCarryMs(s.carryMs, s.sim.scenario.spec.tickMs, prefersReducedMotion());
}

/** The most steps a view drawn at an earlier step is moved on by; beyond, it waits for its render. */
export const MAX_AHEAD_STEPS = 8;

/**
 * How far past `drawnMs` (the step a view last drew) it draws now: the store's time plus its carry,
 * minus `drawnMs`. At speed the views in sight take turns (viz/viewSim.ts), so a view may be a step or
 * two behind the store; it moves on from its own step rather than standing still. With reduced
 * motion nothing moves between renders (0). Null when the store is behind the view (a seek back,
 * before the view renders it) or more than `MAX_AHEAD_STEPS` ahead: the view waits for its render.
 */
export function displayAheadMs(
  drawnMs: number,
  timeMs: number,
  carryMs: number,
  tickMs: number,
): number | null {
  if (timeMs < drawnMs || timeMs - drawnMs > MAX_AHEAD_STEPS * tickMs) return null;
  if (timeMs === drawnMs) return carryMs;
  return prefersReducedMotion() ? 0 : timeMs - drawnMs + carryMs;
}

/** `displayAheadMs` from the store now. */
export function displayAheadOf(s: Pick<SimStore, 'sim' | 'carryMs'>, drawnMs: number): number | null {
  return displayAheadMs(drawnMs, s.sim.timeMs, displayCarryOf(s), s.sim.scenario.spec.tickMs);
}

/**
 * Calls `draw(timeMs, carryMs)` whenever the time to draw at changes (each animation frame while
 * playing), outside React: a view moves what moves without re-rendering. Returns the unsubscribe.
 */
export function subscribeDisplayTime(draw: (timeMs: number, carryMs: number) => void): () => void {
  let lastTime = Number.NaN;
  let lastCarry = Number.NaN;
  return useSim.subscribe((s) => {
    const timeMs = s.sim.timeMs;
    const carry = displayCarryOf(s);
    if (timeMs === lastTime && carry === lastCarry) return;
    lastTime = timeMs;
    lastCarry = carry;
    draw(timeMs, carry);
  });
}

/**
 * Calls `draw(aheadMs)` whenever the time to draw at changes, with how far past `drawnMs()` (the step
 * the view last drew) that is (`displayAheadMs`); not while it is null.
 */
export function subscribeDisplayAhead(drawnMs: () => number, draw: (aheadMs: number) => void): () => void {
  return subscribeDisplayTime((timeMs, carryMs) => {
    const ahead = displayAheadMs(drawnMs(), timeMs, carryMs, useSim.getState().sim.scenario.spec.tickMs);
    if (ahead !== null) draw(ahead);
  });
}
