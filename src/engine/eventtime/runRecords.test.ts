import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../__fixtures__/scenarios';
import { drain } from '../pieces';
import { Simulation } from '../simulation';
import type { EventTimeSpec } from '../types';
import { eventRecords, runRecordsInPieces } from './analysis';

describe("a run's event-time records read from the run itself", () => {
  it('are the records of a second run of the scenario, for each way of reading inputs, and leave the cursor where it was', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<EventTimeSpec['inputs']>('single', 'perProducer', 'perPartition'),
        (spec, seed, at, inputs) => {
          const sim = new Simulation(spec, seed);
          sim.seek(Math.floor(at * sim.lastTick));
          const before = sim.frame();
          const records = drain(runRecordsInPieces(sim, inputs));
          expect(sim.frame()).toEqual(before);
          const withInputs = { ...spec, eventTime: { inputs } as EventTimeSpec };
          expect(records).toEqual(eventRecords(withInputs, seed));
        },
      ),
      { numRuns: 150 },
    );
  });
});
