import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { streamAnswer, warmUpStreamAnswer } from './DbmsVsStream';

/** The answer read from every tuple arrived by now, as the view computed it before it kept a running state. */
function fromScratch(sim: Simulation) {
  const groups = new Map<string, { n: number; sum: number }>();
  const ids = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs);
  for (const id of ids) {
    const t = sim.tuple(id)!;
    const g = groups.get(t.key) ?? { n: 0, sum: 0 };
    g.n++;
    g.sum += typeof t.value === 'number' ? t.value : 0;
    groups.set(t.key, g);
  }
  return {
    atMs: sim.timeMs,
    rowsSeen: ids.length,
    rows: [...groups.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, g]) => ({ key, n: g.n, avg: g.sum / g.n })),
  };
}

describe('the stream processor’s running GROUP BY (DBMS vs stream)', () => {
  it('kept incrementally, it answers as a query over every arrived tuple, whatever the moves', () => {
    const spec = findPreset('watermarks')!.scenario;
    const sim = new Simulation(spec, spec.seed);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: sim.lastTick }), { minLength: 1, maxLength: 12 }),
        (ticks) => {
          for (const tick of ticks) {
            sim.seek(tick);
            expect(streamAnswer(sim)).toEqual(fromScratch(sim));
            // And step by step from there.
            for (let i = 0; i < 3 && sim.step(); i++) expect(streamAnswer(sim)).toEqual(fromScratch(sim));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counted in pieces before a new run is shown, it is the same answer', () => {
    const spec = findPreset('watermarks')!.scenario;
    for (const tick of [0, 1, 137, 400]) {
      const sim = new Simulation(spec, spec.seed);
      sim.seek(tick);
      let pieces = 0;
      for (const _ of warmUpStreamAnswer(sim)) pieces++;
      if (tick > 100) expect(pieces).toBeGreaterThan(1);
      expect(streamAnswer(sim)).toEqual(fromScratch(sim));
    }
  });
});
