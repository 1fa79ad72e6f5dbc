import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { presets } from '../../scenarios/presets';
import { mapAtCursor } from './atCursor';
import { FAST_MAX_DOTS_PER_EDGE, flightAt, MAX_DOTS_PER_EDGE } from './flight';
import { statusAt } from './status';
import { pipelineTopology } from './topology';

describe('what the map draws, kept per run and cursor', () => {
  it('is what the run shows at its cursor after any step or seek, for either dot limit', () => {
    for (const preset of presets.filter((p) =>
      ['dense', 'kafka-failover', 'spark-falling-behind'].includes(p.id),
    )) {
      const sim = new Simulation(preset.scenario, preset.scenario.seed);
      const topology = pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null);
      for (const maxDots of [MAX_DOTS_PER_EDGE, FAST_MAX_DOTS_PER_EDGE]) {
        for (const tick of [0, 9, Math.floor(sim.lastTick / 2), 4, sim.lastTick]) {
          sim.seek(tick);
          const at = mapAtCursor(sim, topology, maxDots);
          expect(at.flight).toEqual(flightAt(sim, topology, sim.pending(), maxDots));
          expect(at.status).toEqual(statusAt(sim));
          // Asked again at the same moment: kept, not computed again.
          expect(mapAtCursor(sim, topology, maxDots)).toBe(at);
        }
      }
    }
  });
});
