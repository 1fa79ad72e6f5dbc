import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseSpec, logDeliveryArbitrary, scenarioArbitrary } from '../__fixtures__/scenarios';
import { partitionForKey } from '../broker/partitioner';
import { Simulation } from '../simulation';
import type { LogDeliverySpec, ScenarioSpec } from '../types';

function runToEnd(spec: ScenarioSpec, seed = 1): Simulation {
  const sim = new Simulation(spec, seed);
  while (sim.step());
  return sim;
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

describe('Kafka log delivery in the simulation', () => {
  it('keyed records go to the partition Kafka would pick; per-key order holds in every partition', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ delivery: true }), fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        if (!spec.delivery) return;
        const sim = runToEnd(spec, seed);
        const entries = sim.traceRange(0, sim.frame().traceLength);
        for (const e of entries) {
          if (e.kind !== 'appended') continue;
          const t = sim.tuple(e.tupleId)!;
          if (sim.scenario.producers[t.producerIndex]!.spec.keyed)
            expect(e.a).toBe(partitionForKey(t.key, spec.delivery.partitions));
        }
        const d = sim.delivery()!;
        for (const p of d.cluster.partitions) {
          if (p.leader === null) continue;
          const log = p.replicas.find((r) => r.broker === p.leader)!.log.toJSON();
          log.forEach((r, i) => {
            expect(r.offset).toBe(p.logStartOffset + i);
          });
          const lastArrival = new Map<string, number>();
          for (const r of log) {
            const t = sim.tuple(r.tupleId)!;
            expect(t.arrivalTimeMs! >= (lastArrival.get(t.key) ?? Number.NEGATIVE_INFINITY)).toBe(true);
            lastArrival.set(t.key, t.arrivalTimeMs!);
          }
        }
        for (const g of d.groups)
          for (const [p, offset] of Object.entries(g.committed))
            expect(offset).toBeLessThanOrEqual(d.cluster.partitions[Number(p)]!.highWatermark);
      }),
      { numRuns: RUNS },
    );
  });

  it('the delivery state after seek equals stepping, for deliveries with faults', () => {
    fc.assert(
      fc.property(
        logDeliveryArbitrary(20000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (delivery, where) => {
          const spec: ScenarioSpec = { ...denseSpec(), delivery };
          const a = new Simulation(spec, 2);
          const target = Math.floor(where * a.lastTick);
          while (a.tick < target) a.step();
          const b = new Simulation(spec, 2);
          b.seek(b.lastTick);
          b.seek(target);
          expect(b.snapshot()).toEqual(a.snapshot());
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('a scripted consumer crash (at-least-once)', () => {
  const delivery: LogDeliverySpec = {
    model: 'log',
    brokers: 3,
    partitions: 1,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    replicaLagTimeMaxMs: 30000,
    replicaFetchDelayMs: 100,
    acks: 'all',
    unkeyedPartitioner: 'sticky',
    stickyBatchRecords: 16,
    groups: [
      {
        id: 'billing',
        assignor: 'range',
        autoOffsetReset: 'earliest',
        commitMode: 'auto',
        autoCommitIntervalMs: 5000,
        sessionTimeoutMs: 3000,
        maxPollRecords: 10,
        pollIntervalMs: 200,
        processingMsPerRecord: 10,
        members: [
          { id: 'c1', joinAtMs: 0 },
          { id: 'c2', joinAtMs: 0 },
        ],
      },
    ],
    faults: [{ atMs: 7300, kind: 'crashConsumer', group: 'billing', member: 'c1' }],
    retention: { ms: null, records: null, segmentRecords: 50 },
  };
  const spec: ScenarioSpec = { ...denseSpec(), durationMs: 15000, delivery };

  it('the partition moves to the survivor after the session timeout and is re-read from the committed offset', () => {
    const sim = runToEnd(spec);
    const entries = sim.traceRange(0, sim.frame().traceLength);
    const owner = sim.delivery()!.groups[0]!.members.find((m) => m.assigned.length > 0)!;
    const crashedAt = entries.find((e) => e.kind === 'consumerCrashed')!;
    const rebalances = entries.filter((e) => e.kind === 'rebalanced');
    // c1 (range: first in member order) owned the partition; after 3 s without heartbeats c2 takes it.
    expect(owner.memberId).toBe('c2');
    expect(rebalances.at(-1)!.timeMs - crashedAt.timeMs).toBeGreaterThanOrEqual(3000);
    const processed = entries.filter((e) => e.kind === 'processed').map((e) => e.tupleId);
    const duplicates = processed.filter((id, i) => processed.indexOf(id) !== i);
    // Auto-commit every 5 s: what c1 processed since its last commit is processed again by c2.
    expect(duplicates.length).toBeGreaterThan(0);
    const appended = new Set(entries.filter((e) => e.kind === 'appended').map((e) => e.tupleId));
    const committed = sim.delivery()!.groups[0]!.committed[0]!;
    const log = sim.delivery()!.cluster.partitions[0]!.replicas[0]!.log.toJSON();
    // At-least-once: every record below the committed offset was processed; none was skipped.
    const seen = new Set(processed);
    expect(committed).toBeGreaterThan(50);
    expect(log.slice(0, committed).filter((r) => !seen.has(r.tupleId))).toEqual([]);
    expect(appended.size).toBeGreaterThan(100);
  });
});
