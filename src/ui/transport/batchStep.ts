import { type Simulation, tickOfTime } from '../../engine';

/** The tick of the next (or previous) batch time of the streaming application; null when there is none. */
export function batchStepTick(sim: Simulation, direction: 1 | -1): number | null {
  const run = sim.streaming();
  if (!run) return null;
  const B = run.spec.batchIntervalMs;
  const first = run.zeroTimeMs + B;
  const now = sim.timeMs;
  const k = (now - run.zeroTimeMs) / B;
  const target =
    direction === 1
      ? run.zeroTimeMs + (Math.floor(k) + 1) * B
      : Math.max(first, run.zeroTimeMs + (Math.ceil(k) - 1) * B);
  if (direction === -1 && now <= first) return null;
  const tick = tickOfTime(target, sim.scenario.spec.tickMs);
  return tick > sim.lastTick ? null : tick;
}
