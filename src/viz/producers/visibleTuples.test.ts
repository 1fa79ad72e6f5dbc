import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { presets } from '../../scenarios/presets';
import { defaultWindowMs } from './layout';
import { packedAtCursor, visibleIds, visibleIdsAtCursor } from './visibleTuples';

describe('the marks in view kept per run and cursor', () => {
  it('are what the run shows at its cursor, after any step or seek, and follow the window', () => {
    for (const preset of presets.filter((p) =>
      ['dense', 'kafka-failover', 'offline-backfill'].includes(p.id),
    )) {
      const sim = new Simulation(preset.scenario, preset.scenario.seed);
      const rate = sim.scenario.producers.reduce((sum, p) => sum + p.spec.ratePerSec, 0);
      const windowMs = defaultWindowMs(rate, sim.scenario.spec.durationMs);
      for (const tick of [0, 7, Math.floor(sim.lastTick / 2), 3, sim.lastTick, sim.lastTick - 1]) {
        sim.seek(tick);
        for (const w of [windowMs, windowMs / 2]) {
          const ids = visibleIdsAtCursor(sim, w);
          expect(ids).toEqual(visibleIds(sim, w));
          // Asked again at the same moment: the same array, not built again.
          expect(visibleIdsAtCursor(sim, w)).toBe(ids);
          expect(Array.from(packedAtCursor(sim, w))).toEqual(Array.from(sim.packMarks(ids)));
        }
      }
    }
  });
});
