import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseSpec, scenarioArbitrary } from './__fixtures__/scenarios';
import { payloadOf } from './payload';
import { generateTick, generateTickInto, networkDelay, sendTime, uniformTimes } from './producer';
import { Lcg, mixSeed } from './rng';
import { compileScenario } from './scenario';
import { Simulation } from './simulation';
import { type NewTuple, TupleTable } from './tuples';
import type { ProducerSpec, ScenarioSpec } from './types';

function scenario(producer: Partial<ProducerSpec>, extra: Partial<ScenarioSpec> = {}): ScenarioSpec {
  const base = denseSpec();
  return {
    ...base,
    lateness: { boundMs: 1000 },
    ...extra,
    producers: [{ ...base.producers[0]!, jitter: { probability: 0, maxMs: 0 }, offline: [], ...producer }],
  };
}

function allTuples(spec: ScenarioSpec, seed = 1) {
  const sim = new Simulation(spec, seed);
  while (sim.step());
  return Array.from({ length: sim.frame().created }, (_, id) => sim.tuple(id)!);
}

describe('producer rate', () => {
  it('a fixed-rate producer emits exactly rate × duration tuples, evenly spaced, from startMs', () => {
    const tuples = allTuples(scenario({ ratePerSec: 3, arrivals: 'fixed', startMs: 1000, stopMs: 11000 }));
    expect(tuples).toHaveLength(30);
    expect(tuples.slice(0, 4).map((t) => t.eventTimeMs)).toEqual([1000, 1333, 1666, 2000]);
  });

  it('a Poisson producer averages its rate', () => {
    const tuples = allTuples(scenario({ ratePerSec: 50, arrivals: 'poisson', stopMs: 20000 }));
    // 1000 expected; 5 standard deviations is ±158.
    expect(Math.abs(tuples.length - 1000)).toBeLessThan(160);
  });
});

describe('keys', () => {
  const counts = (spec: ScenarioSpec) => {
    const c = new Map<string, number>();
    for (const t of allTuples(spec)) c.set(t.key, (c.get(t.key) ?? 0) + 1);
    return c;
  };
  it('a hot key carries its share of the tuples', () => {
    const c = counts(
      scenario({ keys: ['h', 'x', 'y'], keyDistribution: { kind: 'hotKey', key: 'h', share: 0.8 } }),
    );
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    expect(c.get('h')! / total).toBeGreaterThan(0.72);
    expect(c.get('h')! / total).toBeLessThan(0.88);
  });
  it('zipf makes the first key the most frequent and the last the least', () => {
    const c = counts(
      scenario({ keys: ['k1', 'k2', 'k3', 'k4'], keyDistribution: { kind: 'zipf', exponent: 1.5 } }),
    );
    expect(c.get('k1')!).toBeGreaterThan(c.get('k2')!);
    expect(c.get('k2')!).toBeGreaterThan(c.get('k4')!);
  });
});

describe('delay models', () => {
  it('constant, uniform and exponential delays', () => {
    expect(networkDelay({ kind: 'constant', ms: 250 }, 0.9)).toBe(250);
    expect(networkDelay({ kind: 'uniform', minMs: 100, maxMs: 300 }, 0)).toBe(100);
    expect(networkDelay({ kind: 'uniform', minMs: 100, maxMs: 300 }, 0.5)).toBe(200);
    // Median of an exponential is mean · ln 2.
    expect(networkDelay({ kind: 'exponential', meanMs: 1000 }, 0.5)).toBe(693);
  });

  it('every tuple arrives after its delay; jitter only adds delay and marks the tuple', () => {
    const tuples = allTuples(
      scenario({
        delay: { kind: 'uniform', minMs: 100, maxMs: 300 },
        jitter: { probability: 0.3, maxMs: 2000 },
      }),
    );
    for (const t of tuples) {
      if (t.status !== 'arrived') continue;
      expect(t.delayMs).toBeGreaterThanOrEqual(100);
      if (!t.jittered) expect(t.delayMs).toBeLessThanOrEqual(300);
    }
    const share = tuples.filter((t) => t.jittered).length / tuples.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(tuples.some((t) => t.outOfOrder)).toBe(true);
  });
});

describe('offline and backfill', () => {
  it('events created while offline are sent at reconnection and marked backfilled', () => {
    const p = { offline: [{ fromMs: 5000, toMs: 8000 }] };
    const spec = scenario(p).producers[0]!;
    expect(sendTime(spec, 4999)).toBe(4999);
    expect(sendTime(spec, 5000)).toBe(8000);
    expect(sendTime(spec, 7999)).toBe(8000);
    expect(sendTime(spec, 8000)).toBe(8000);
    const tuples = allTuples(scenario({ ...p, delay: { kind: 'constant', ms: 100 } }));
    const backfilled = tuples.filter((t) => t.backfilled);
    expect(backfilled.length).toBeGreaterThan(100);
    for (const t of backfilled) {
      expect(t.eventTimeMs).toBeGreaterThanOrEqual(5000);
      expect(t.eventTimeMs).toBeLessThan(8000);
      expect(t.arrivalTimeMs).toBe(8100);
    }
    // Alone, the backlog arrives in event-time order: nothing newer reached the consumer meanwhile.
    expect(backfilled.filter((t) => t.outOfOrder).length).toBe(0);
  });

  it('next to a producer that stayed online, a backlog arrives late', () => {
    const offline = scenario({
      offline: [{ fromMs: 5000, toMs: 8000 }],
      delay: { kind: 'constant', ms: 100 },
    });
    const online = { ...offline.producers[0]!, id: 'q', label: 'q', offline: [] };
    const tuples = allTuples({ ...offline, producers: [offline.producers[0]!, online] });
    const backfilled = tuples.filter((t) => t.backfilled);
    // A tuple more than the 1 s bound behind the newest event time seen is late.
    expect(backfilled.filter((t) => t.eventTimeMs < 7000 - 50).every((t) => t.late)).toBe(true);
    expect(backfilled.filter((t) => t.eventTimeMs > 7100).some((t) => t.late)).toBe(false);
  });

  it('back-to-back outages keep the backlog until the last one ends', () => {
    const spec = scenario({
      offline: [
        { fromMs: 0, toMs: 10000 },
        { fromMs: 10000, toMs: 15000 },
      ],
      delay: { kind: 'constant', ms: 100 },
    });
    const sim = new Simulation(spec, 1);
    sim.seekTime(14900);
    expect(sim.frame().arrived).toBe(0);
    expect(
      allTuples(spec)
        .filter((t) => t.eventTimeMs < 15000)
        .every((t) => t.sentTimeMs === 15000),
    ).toBe(true);
  });

  it('while offline, created tuples are buffered at the producer', () => {
    const sim = new Simulation(scenario({ offline: [{ fromMs: 5000, toMs: 8000 }] }), 1);
    sim.seekTime(7000);
    expect(sim.frame().buffered).toBeGreaterThan(50);
    sim.seekTime(9000);
    expect(sim.frame().buffered).toBe(0);
  });
});

describe('explicit tuples', () => {
  it('arrive exactly as written, with out-of-order and late judged against the newest event time', () => {
    const spec = scenario(
      { ratePerSec: 0 },
      {
        tuples: [
          { producer: 'p', key: 'a', value: 1, eventTime: 1000, arrivalTime: 1000 },
          { producer: 'p', key: 'a', value: 2, eventTime: 4000, arrivalTime: 4200 },
          { producer: 'p', key: 'a', value: 3, eventTime: 3500, arrivalTime: 4300 },
          { producer: 'scripted', key: 'b', value: 'cat', eventTime: 2000, arrivalTime: 5000 },
          { producer: 'scripted', key: 'n', value: null, eventTime: 6000, arrivalTime: 6000 },
        ],
      },
    );
    const tuples = allTuples(spec);
    expect(tuples.map((t) => [t.key, t.value, t.eventTimeMs, t.arrivalTimeMs])).toEqual([
      ['a', 1, 1000, 1000],
      ['b', 'cat', 2000, 5000],
      ['a', 3, 3500, 4300],
      ['a', 2, 4000, 4200],
      ['n', null, 6000, 6000],
    ]);
    const byValue = new Map(tuples.map((t) => [t.value, t]));
    expect(byValue.get(3)!.outOfOrder).toBe(true);
    expect(byValue.get(3)!.late).toBe(false);
    expect(byValue.get(3)!.overtakenBy).toMatchObject({ id: byValue.get(2)!.id, eventTimeMs: 4000 });
    // 'cat' is the first tuple of its own lane, so not out of order, but 2 s behind the newest (4 s): late.
    expect(byValue.get('cat')!.outOfOrder).toBe(false);
    expect(byValue.get('cat')!.late).toBe(true);
    expect(byValue.get('cat')!.newestBefore).toMatchObject({ id: byValue.get(2)!.id, eventTimeMs: 4000 });
    expect(byValue.get(1)!.newestBefore).toBeNull();
  });
});

describe('payloads', () => {
  it('renders a row, a JSON document or a text line, deterministically', () => {
    for (const payload of [
      { kind: 'structured' as const, keyColumn: 'room', valueColumn: 'temp', unit: '°C' },
      { kind: 'semiStructured' as const },
      { kind: 'unstructured' as const, templates: ['{key} clicked {value}'] },
    ]) {
      const spec = scenario({ payload });
      const sim = new Simulation(spec, 4);
      sim.seek(50);
      const t = sim.tuple(3)!;
      const a = payloadOf(t, spec.producers[0]!);
      expect(a.kind).toBe(payload.kind);
      expect(payloadOf(t, spec.producers[0]!)).toEqual(a);
      if (a.kind === 'structured')
        expect(a.columns.map((c) => c.name)).toEqual(['room', 'temp (°C)', 'event_time', 'status']);
      if (a.kind === 'unstructured') expect(a.text).toBe(`${t.key} clicked ${t.value}`);
      if (a.kind === 'semiStructured') expect(a.document).toMatchObject({ device: t.key, ts: t.eventTimeMs });
    }
  });
});

describe('seed mixing', () => {
  it('neighbouring inputs give unrelated seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => mixSeed(1, 1, 0, i)));
    expect(seeds.size).toBe(1000);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });
});

describe('generating a tick straight into the table', () => {
  const columns = (t: TupleTable) =>
    Array.from({ length: t.length }, (_, id) => [
      t.producer.get(id),
      t.keyIndex.get(id),
      t.value.get(id),
      t.eventTime.get(id),
      t.sentTime.get(id),
      t.arrivalTime.get(id),
      t.payloadSeed.get(id) >>> 0,
      t.flags.get(id),
    ]);
  const fromObjects = (tuples: NewTuple[]) =>
    tuples.map((t) => [
      t.producerIndex,
      t.keyIndex,
      t.value,
      t.eventTimeMs,
      t.sentTimeMs,
      t.arrivalTimeMs,
      t.payloadSeed,
      t.flags,
    ]);

  it('gives the tuples generateTick gives, in its order (event time, producer, creation), whole or fractional times', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(0, 0.5, 0.25),
        (spec, seed, fraction) => {
          // A fractional start makes a fixed-rate producer's times fractional: the sorting path.
          const shifted: ScenarioSpec = {
            ...spec,
            producers: spec.producers.map((p, i) => (i === 0 ? { ...p, startMs: p.startMs + fraction } : p)),
          };
          const compiled = compileScenario(shifted);
          for (let tick = 0; tick <= compiled.lastTick; tick++) {
            const table = new TupleTable(compiled.keys, 16);
            generateTickInto(compiled, seed, tick, table);
            expect(columns(table)).toEqual(fromObjects(generateTick(compiled, seed, tick)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('uniformTimes', () => {
  it('gives the sorted times of its draws, made one draw each in turn, on either path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2000 }),
        fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.5, max: 50, noNaN: true })),
        fc.nat({ max: 300 }),
        fc.nat(),
        (lo, spanMs, count, seed) => {
          const draws = new Lcg(seed);
          const expected = Array.from({ length: count }, () => lo + Math.floor(draws.next() * spanMs));
          expected.sort((a, b) => a - b);
          const rng = new Lcg(seed);
          // Written into the front of a longer buffer, as the engine's reused buffers are.
          const times = new Float64Array(count + 3).fill(-1);
          uniformTimes(rng, lo, spanMs, count, times);
          expect(Array.from(times.subarray(0, count))).toEqual(expected);
          expect(Array.from(times.subarray(count))).toEqual([-1, -1, -1]);
          // The generator is left where the draws leave it: the tuples' own draws come next.
          expect(rng.next()).toBe(draws.next());
        },
      ),
    );
  });
});
