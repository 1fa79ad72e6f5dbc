import { tickOfTime } from '../../engine';
import { useProgress } from '../../store/progress';
import { useSim } from '../../store/simStore';
import { batchStepTick } from '../transport/batchStep';

/**
 * The next (or previous) prepared moment on the current scenario's timeline: a bookmark when the
 * instructor has set any, otherwise the next Spark batch, otherwise one simulated second.
 * Returns the tick to seek to, or null at the end (start) of the run.
 */
export function nextMomentTick(direction: 1 | -1): number | null {
  const { sim, presetId } = useSim.getState();
  const tickMs = sim.scenario.spec.tickMs;
  const marks = (useProgress.getState().bookmarks[presetId] ?? []).map((ms) => tickOfTime(ms, tickMs));
  if (marks.length > 0) {
    const target =
      direction === 1 ? marks.find((t) => t > sim.tick) : [...marks].reverse().find((t) => t < sim.tick);
    return target ?? null;
  }
  const batch = batchStepTick(sim, direction);
  if (batch !== null) return batch;
  const target = sim.tick + direction * Math.max(1, Math.round(1000 / tickMs));
  if (target < 0) return sim.tick > 0 ? 0 : null;
  if (target > sim.lastTick) return sim.tick < sim.lastTick ? sim.lastTick : null;
  return target;
}
