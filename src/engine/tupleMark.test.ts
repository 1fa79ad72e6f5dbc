import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './__fixtures__/scenarios';
import { Simulation } from './simulation';
import { PACKED_MARK_STATUSES, PACKED_MARK_STRIDE, PackedMarkFlag } from './tuples';

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

  it('packed, says what each mark says, in the order asked, and skips ids not created yet', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        (spec, seed) => {
          const sim = new Simulation(spec, seed);
          for (const fraction of [0.3, 0.7]) {
            sim.seek(Math.floor(sim.lastTick * fraction));
            const created = sim.frame().created;
            const ids = Array.from({ length: created }, (_, i) => created - 1 - i);
            const packed = sim.packMarks([...ids, created, -1]);
            expect(packed.length).toBe(created * PACKED_MARK_STRIDE);
            ids.forEach((id, i) => {
              const m = sim.tupleMark(id)!;
              const o = i * PACKED_MARK_STRIDE;
              const time = (x: number) => (Number.isNaN(x) ? null : x);
              expect({
                id: packed[o],
                producerIndex: packed[o + 1],
                status: PACKED_MARK_STATUSES[packed[o + 2]!],
                eventTimeMs: packed[o + 3],
                arrivalTimeMs: time(packed[o + 4]!),
                sentTimeMs: time(packed[o + 5]!),
                late: (packed[o + 6]! & PackedMarkFlag.late) !== 0,
                outOfOrder: (packed[o + 6]! & PackedMarkFlag.outOfOrder) !== 0,
                backfilled: (packed[o + 6]! & PackedMarkFlag.backfilled) !== 0,
              }).toEqual({
                id,
                producerIndex: m.producerIndex,
                status: m.status,
                eventTimeMs: m.eventTimeMs,
                arrivalTimeMs: m.arrivalTimeMs,
                sentTimeMs: m.sentTimeMs,
                late: m.late,
                outOfOrder: m.outOfOrder,
                backfilled: m.backfilled,
              });
            });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
