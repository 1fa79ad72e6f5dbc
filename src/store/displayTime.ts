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
