import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseSpec, scenarioArbitrary } from './__fixtures__/scenarios';
import { Simulation } from './simulation';
import type { ScenarioSpec } from './types';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

function runToEnd(spec: ScenarioSpec, seed: number): Simulation {
  const sim = new Simulation(spec, seed);
  while (sim.step());
  return sim;
}

describe('determinism', () => {
  it('the same (scenario, seed) gives the same trace hash and frames', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (spec, seed) => {
          const a = runToEnd(spec, seed);
          const b = runToEnd(spec, seed);
          expect(b.traceHash()).toBe(a.traceHash());
          expect(b.snapshot()).toEqual(a.snapshot());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a different seed changes a random run', () => {
    const spec: ScenarioSpec = {
      version: 1,
      name: 'poisson',
      description: '',
      durationMs: 10000,
      tickMs: 100,
      seed: 1,
      lateness: { boundMs: 1000 },
      producers: [
        {
          id: 'p',
          label: 'p',
          ratePerSec: 20,
          arrivals: 'poisson',
          startMs: 0,
          stopMs: 10000,
          keys: ['a', 'b'],
          keyDistribution: { kind: 'uniform' },
          value: { min: 0, max: 1, decimals: 2 },
          payload: { kind: 'semiStructured' },
          delay: { kind: 'exponential', meanMs: 200 },
          jitter: { probability: 0, maxMs: 0 },
          offline: [],
          dropProbability: 0,
          keyed: true,
        },
      ],
      tuples: [],
    };
    expect(runToEnd(spec, 1).traceHash()).not.toBe(runToEnd(spec, 2).traceHash());
  });
});

describe('time travel', () => {
  it('seek(t) gives exactly the state that stepping from 0 to t gives, from any earlier position', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spec, seed, detour, where) => {
          const stepped = new Simulation(spec, seed);
          const target = Math.floor(where * stepped.lastTick);
          while (stepped.tick < target) stepped.step();

          const seeking = new Simulation(spec, seed);
          for (const d of detour) seeking.seek(Math.floor(d * seeking.lastTick));
          seeking.seek(target);
          expect(seeking.tick).toBe(target);
          expect(seeking.snapshot()).toEqual(stepped.snapshot());
          expect(seeking.pending()).toEqual(stepped.pending());
          expect(seeking.arrivalsBetween(-1, seeking.timeMs)).toEqual(
            stepped.arrivalsBetween(-1, stepped.timeMs),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('computing ahead moves nothing the cursor shows, and later seeks find what stepping finds', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spec, seed, from, aheads, where) => {
          const ahead = new Simulation(spec, seed);
          ahead.seek(Math.floor(from * ahead.lastTick));
          const before = { snapshot: ahead.snapshot(), pending: ahead.pending(), frontier: ahead.frontier };
          for (const ticks of aheads) ahead.computeAhead(ticks);
          expect(ahead.snapshot()).toEqual(before.snapshot);
          expect(ahead.pending()).toEqual(before.pending);
          expect(ahead.frontier).toBe(
            Math.min(
              ahead.lastTick,
              Math.max(before.frontier, before.frontier + aheads.reduce((a, b) => a + b, 0)),
            ),
          );

          const stepped = new Simulation(spec, seed);
          const target = Math.floor(where * stepped.lastTick);
          while (stepped.tick < target) stepped.step();
          ahead.seek(target);
          expect(ahead.snapshot()).toEqual(stepped.snapshot());
          expect(ahead.pending()).toEqual(stepped.pending());
          // And the whole run recorded is the same.
          ahead.seek(ahead.lastTick);
          stepped.seek(stepped.lastTick);
          expect(ahead.traceHash()).toBe(stepped.traceHash());
        },
      ),
      { numRuns: RUNS / 4 },
    );
  });

  it('step back then forward returns to the same frame, and seeking is clamped to the run', () => {
    const sim = new Simulation(denseSpec(), 3);
    sim.seek(40);
    const at40 = sim.snapshot();
    sim.stepBack();
    expect(sim.tick).toBe(39);
    sim.step();
    expect(sim.snapshot()).toEqual(at40);
    sim.seek(-5);
    expect(sim.tick).toBe(0);
    sim.seek(1e9);
    expect(sim.tick).toBe(sim.lastTick);
    expect(sim.step()).toBe(false);
  });

  it('reads never reveal the future: a tuple not yet created is unknown, one not yet arrived has no late flag', () => {
    const spec = denseSpec();
    const sim = runToEnd(spec, 9);
    const lateId = sim
      .arrivalsBetween(-1, sim.timeMs)
      .find((id) => sim.tuple(id)!.late || sim.tuple(id)!.outOfOrder);
    expect(lateId).toBeDefined();
    const t = sim.tuple(lateId!)!;
    sim.seekTime(t.eventTimeMs);
    const before = sim.tuple(lateId!)!;
    expect(before.status === 'inFlight' || before.status === 'buffered').toBe(true);
    expect(before.late || before.outOfOrder || before.jittered).toBe(false);
    expect([before.arrivalTimeMs, before.delayMs, before.newestBefore, before.overtakenBy]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(sim.traceForTuple(lateId!).map((e) => e.kind)).not.toContain('arrived');
    sim.seek(0);
    expect(sim.tuple(sim.frame().created + 5)).toBeUndefined();
  });
});

describe('no loss, no duplication', () => {
  it('every tuple is emitted once and then arrives once, unless the scenario drops it', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        (spec, seed) => {
          const sim = runToEnd(spec, seed);
          const f = sim.frame();
          // Conservation at the end of the run.
          expect(f.arrived + f.dropped + f.inFlight + f.buffered).toBe(f.created);
          const arrivals = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, f.timeMs);
          expect(new Set(arrivals).size).toBe(arrivals.length);
          const perTuple = new Map<number, string[]>();
          // The tuple's journey to the consumer; a delivery model adds broker events after it.
          const journey = new Set(['emitted', 'sent', 'arrived', 'dropped']);
          for (const e of sim.traceRange(0, f.traceLength)) {
            if (journey.has(e.kind)) perTuple.set(e.tupleId, [...(perTuple.get(e.tupleId) ?? []), e.kind]);
          }
          expect(perTuple.size).toBe(f.created);
          for (const [id, kinds] of perTuple) {
            const t = sim.tuple(id)!;
            const expected = ['emitted', ...(t.backfilled && t.status !== 'buffered' ? ['sent'] : [])];
            if (t.status === 'arrived') expected.push('arrived');
            if (t.status === 'dropped') expected.push('dropped');
            expect(kinds).toEqual(expected);
            if (!spec.producers.some((p) => p.dropProbability > 0)) expect(t.status).not.toBe('dropped');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('arrivals come in arrival-time order and never before the tuple was sent', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ delivery: true }), fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        const sim = runToEnd(spec, seed);
        let last = Number.NEGATIVE_INFINITY;
        for (const id of sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs)) {
          const t = sim.tuple(id)!;
          const arrival = t.arrivalTimeMs!;
          expect(arrival).toBeGreaterThanOrEqual(last);
          expect(arrival).toBeGreaterThanOrEqual(t.sentTimeMs!);
          expect(t.sentTimeMs!).toBeGreaterThanOrEqual(t.eventTimeMs);
          last = arrival;
        }
        const entries = sim.traceRange(0, sim.frame().traceLength);
        for (let i = 1; i < entries.length; i++)
          expect(entries[i]!.timeMs).toBeGreaterThanOrEqual(entries[i - 1]!.timeMs);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("a tuple's trace", () => {
  it('is exactly the trace entries of that tuple up to the cursor, in order, after any seek', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spec, seed, at) => {
          const sim = runToEnd(spec, seed);
          sim.seek(Math.floor(at * sim.lastTick));
          const all = sim.traceRange(0, sim.frame().traceLength);
          const created = sim.frame().created;
          for (let id = 0; id < Math.min(created, 40); id++) {
            expect(sim.traceForTuple(id)).toEqual(all.filter((e) => e.tupleId === id));
          }
          // A tick's entries of some kinds: those of `traceAtTick`, and only those.
          for (const tick of [0, Math.floor(sim.tick / 2), sim.tick, sim.tick + 1]) {
            const kinds = ['arrived', 'fetched', 'appended'] as const;
            expect(sim.traceAtTickOfKinds(tick, kinds)).toEqual(
              sim.traceAtTick(tick).filter((e) => (kinds as readonly string[]).includes(e.kind)),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("lies in the tick that recorded it: a tuple event's time, read from the tuple, is when it happened", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        (spec, seed) => {
          const sim = runToEnd(spec, seed);
          const { tickMs } = spec;
          for (let tick = 0; tick <= sim.lastTick; tick++) {
            for (const e of sim.traceAtTick(tick)) {
              if (tick > 0) expect(e.timeMs).toBeGreaterThan((tick - 1) * tickMs);
              expect(e.timeMs).toBeLessThanOrEqual(tick * tickMs);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
