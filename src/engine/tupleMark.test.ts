import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './__fixtures__/scenarios';
import { Simulation } from './simulation';

describe('a tuple as a mark', () => {
  it('says what the whole view says, at every moment, and a tuple in flight knows when it will arrive', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (spec, seed) => {
        const sim = new Simulation(spec, seed);
        const last = new Simulation(spec, seed);
        last.seek(last.lastTick);
        for (const fraction of [0.2, 0.5, 0.8]) {
          sim.seek(Math.floor(sim.lastTick * fraction));
          for (let id = 0; id < sim.frame().created; id++) {
            const view = sim.tuple(id)!;
            const mark = sim.tupleMark(id)!;
            expect(mark).toEqual({
              id,
              eventTimeMs: view.eventTimeMs,
              backfilled: view.backfilled,
              producerIndex: view.producerIndex,
              keyIndex: sim.scenario.keyIndex.get(view.key),
              status: view.status,
              sentTimeMs: view.sentTimeMs,
              arrivalTimeMs: view.arrivalTimeMs,
              outOfOrder: view.outOfOrder,
              late: view.late,
            });
            const transit = sim.scheduledArrival(id);
            expect(transit !== null).toBe(view.status === 'inFlight');
            if (transit) {
              expect(transit.sentMs).toBe(view.sentTimeMs);
              // It arrives then, or after the run's end if the run has not seen it arrive.
              const arrived = last.tuple(id)!.arrivalTimeMs;
              if (arrived === null) expect(transit.arrivalMs).toBeGreaterThan(last.timeMs);
              else expect(transit.arrivalMs).toBe(arrived);
              expect(transit.arrivalMs).toBeGreaterThan(sim.timeMs);
            }
          }
        }
        expect(sim.tupleMark(-1)).toBeUndefined();
        expect(sim.tupleMark(sim.frame().created)).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });
});
