import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../__fixtures__/scenarios';
import { Simulation } from '../simulation';
import { type DeliveryOutcome, deliveryOutcome } from './summary';

/** The scan `deliveryOutcome` did before issue 19 (the whole trace, every call): the reference. */
function scannedOutcome(sim: Simulation): DeliveryOutcome {
  const messaging = sim.messaging();
  const delivery = sim.delivery();
  const entries = sim.traceRange(0, sim.frame().traceLength);
  if (messaging) {
    const queue = messaging.model === 'queue';
    const seen = messaging.consumers.map(() => new Map<number, number>());
    const kind = queue ? 'acknowledged' : 'delivered';
    for (const e of entries)
      if (e.kind === kind) seen[e.a]?.set(e.tupleId, (seen[e.a]!.get(e.tupleId) ?? 0) + 1);
    return {
      model: messaging.model,
      consumers: messaging.consumers.map((c, i) => ({
        id: c.id,
        up: c.online,
        received: seen[i]!.size,
        lost: c.missed,
        duplicates: [...seen[i]!.values()].reduce((n, v) => n + v - 1, 0),
      })),
      stored: queue ? messaging.queue.length : 0,
      replayable: false,
    };
  }
  if (delivery) {
    const spec = sim.scenario.spec.delivery!;
    const seen = delivery.groups.map(() => new Map<number, number>());
    const stored = new Map<number, { partition: number; offset: number }>();
    for (const e of entries) {
      if (e.kind === 'processed') seen[e.a]?.set(e.tupleId, (seen[e.a]!.get(e.tupleId) ?? 0) + 1);
      else if (e.kind === 'appended') stored.set(e.tupleId, { partition: e.a, offset: e.b });
      else if (e.kind === 'truncated' && stored.get(e.tupleId)?.offset === e.b) stored.delete(e.tupleId);
    }
    const lostFor = (gi: number) => {
      const g = delivery.groups[gi]!;
      let lost = 0;
      for (const [tupleId, at] of stored) {
        const p = delivery.cluster.partitions[at.partition]!;
        const gone = at.offset < Math.max(g.committed[at.partition] ?? 0, p.logStartOffset);
        if (gone && !seen[gi]!.has(tupleId)) lost++;
      }
      return lost;
    };
    return {
      model: 'log',
      consumers: delivery.groups.map((g, i) => ({
        id: spec.groups[i]!.id,
        up: g.members.some((m) => m.alive),
        received: seen[i]!.size,
        lost: lostFor(i),
        duplicates: [...seen[i]!.values()].reduce((n, v) => n + v - 1, 0),
      })),
      stored: delivery.cluster.partitions.reduce((n, p) => {
        const leader = p.replicas.find((r) => r.broker === p.leader);
        return n + (leader ? leader.log.length : 0);
      }, 0),
      replayable: true,
    };
  }
  return { model: null, consumers: [], stored: 0, replayable: false };
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

describe('deliveryOutcome reads counters the engine keeps, not the trace', () => {
  it('equals the scan of the trace at every tick, stepping forward and after seeks back and forth', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (spec, seed, seeks) => {
          const sim = new Simulation(spec, seed);
          do expect(deliveryOutcome(sim)).toEqual(scannedOutcome(sim));
          while (sim.step());
          for (const u of seeks) {
            sim.seek(Math.floor(u * (sim.lastTick + 1)));
            expect(deliveryOutcome(sim)).toEqual(scannedOutcome(sim));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('agrees at the end of runs, some of which have duplicates or lost records (not all zeros)', () => {
    let nonZero = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary({ lossy: true, delivery: true }),
        fc.integer({ min: 0, max: 1000 }),
        (spec, seed) => {
          if (!spec.delivery && !spec.messaging) return;
          const sim = new Simulation(spec, seed);
          while (sim.step());
          const o = deliveryOutcome(sim);
          expect(o).toEqual(scannedOutcome(sim));
          if (o.consumers.some((c) => c.duplicates > 0 || c.lost > 0)) nonZero++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(nonZero).toBeGreaterThan(0);
  });
});
