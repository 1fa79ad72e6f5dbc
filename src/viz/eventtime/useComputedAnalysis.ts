import { useEffect, useReducer } from 'react';
import type { EventTimeAnalysis, EventTimeSpec, Simulation } from '../../engine';
import { analysisInPieces, analysisOf, computedAnalysis } from '../../store/eventTime';
import { later, runSliced } from '../../store/slices';

/**
 * Runs of at most this many tuples are analysed at once, in the render (about 25 ms on the bench
 * machine at 0.4 M tuples/s): the view never shows them "being computed".
 */
export const ANALYSE_AT_ONCE_TUPLES = 10_000;

/**
 * The analysis of `sim` under `spec`: at once on a run of up to `ANALYSE_AT_ONCE_TUPLES` tuples
 * (`tuples`), else computed in slices when not known yet (on a large run it takes far longer than a
 * frame: issue 19). Undefined while it is being computed; the view shows that it is.
 */
export function useComputedAnalysis(
  sim: Simulation,
  spec: EventTimeSpec | null,
  tuples: number,
): EventTimeAnalysis | null | undefined {
  const [, computed] = useReducer((n: number) => n + 1, 0);
  const key = spec ? JSON.stringify(spec) : '';
  const known = !spec
    ? null
    : tuples <= ANALYSE_AT_ONCE_TUPLES
      ? analysisOf(sim, spec)
      : computedAnalysis(sim, spec);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `spec` (a new object each render)
  useEffect(() => {
    if (!spec || computedAnalysis(sim, spec) !== undefined) return;
    let alive = true;
    // In a task of its own, not in the commit that shows a new run (its first slice took 12 ms of the
    // install after a what-if: issue 19).
    later(() => {
      if (!alive) return;
      const sliced = runSliced(analysisInPieces(sim, spec), {
        alive: () => alive,
        progress() {},
        done: () => computed(),
        failed: () => computed(),
      });
      if (sliced) computed();
    });
    return () => {
      alive = false;
    };
  }, [sim, key]);
  return known;
}
