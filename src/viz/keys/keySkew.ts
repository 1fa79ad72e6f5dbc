import type { Simulation } from '../../engine';

/** Above this total rate the per-key counts (a pass over every tuple per frame) are not drawn. */
const MAX_RATE_PER_SEC = 100;

/**
 * Whether a scenario is about key skew: some producer draws its keys other than uniformly. Dense
 * runs are left out: counting their hundreds of thousands of tuples each frame would cost the
 * smoothness the render bench asks for, and their skew is not their point.
 */
export function showsKeySkew(sim: Simulation): boolean {
  const producers = sim.scenario.producers.map((p) => p.spec);
  const rate = producers.reduce((n, p) => n + p.ratePerSec, 0);
  return (
    rate <= MAX_RATE_PER_SEC &&
    producers.some((p) => p.keyDistribution.kind !== 'uniform' && p.keys.length > 1)
  );
}
