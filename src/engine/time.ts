/**
 * Simulated processing time advances in ticks of `tickMs`. The world "at tick k" holds everything
 * that happened at a time ≤ k·tickMs; stepping from k−1 to k processes the interval ((k−1)·tickMs, k·tickMs].
 * Tick 0 holds what happened at time ≤ 0.
 */
export function tickOfTime(timeMs: number, tickMs: number): number {
  return timeMs <= 0 ? 0 : Math.ceil(timeMs / tickMs);
}

export function timeOfTick(tick: number, tickMs: number): number {
  return tick * tickMs;
}

/** Index of the last tick of a run that lasts `durationMs`. */
export function lastTick(durationMs: number, tickMs: number): number {
  return tickOfTime(durationMs, tickMs);
}
