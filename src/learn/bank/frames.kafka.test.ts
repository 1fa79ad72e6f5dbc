/**
 * "See it in the simulator", Kafka side: every framed question of the messaging, Kafka log,
 * replication and consumer-group topics opens a moment that shows what its prompt and answer rely
 * on. Each check opens the frame as the app does (frameSimulation, cursor at frame.timeMs) and reads
 * only what has happened by then. The other topics' frames: frames.test.ts, frames.spark.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { partitionForKey, type Simulation, type TraceEntry, type TraceKind } from '../../engine';
import type { Topic } from '../types';
import { openFrame, uncheckedFrames } from './__fixtures__/framed';

/** The topics whose frames this file checks (frames.test.ts checks the topics no file names). */
const TOPICS: readonly Topic[] = ['messaging', 'kafka-log', 'replication', 'consumer-groups'];

/** The question's frame opened as its link opens it: the run with the cursor at the frame's time. */
const open = (id: string): Simulation => openFrame(id).sim;

/** Trace entries of one kind recorded up to the cursor. */
const entries = (sim: Simulation, kind: TraceKind): TraceEntry[] =>
  sim.traceRange(0, sim.frame().traceLength).filter((e) => e.kind === kind);

const moments: Record<string, (sim: Simulation) => void> = {
  'messaging-direct-consumer-down': (sim) => {
    const [billing, shipping] = sim.messaging()!.consumers;
    expect(billing).toMatchObject({ id: 'billing', online: false });
    expect(shipping).toMatchObject({ id: 'shipping', online: true, missed: 0 });
    expect(entries(sim, 'consumerCrashed').map((e) => e.timeMs)).toEqual([6000]);
    // The orders sent since billing went down are missed by billing (nothing keeps them) but reach shipping.
    const missed = entries(sim, 'missed');
    expect(missed.length).toBe(billing!.missed);
    expect(missed.length).toBeGreaterThanOrEqual(10);
    for (const e of missed) {
      expect(e.a).toBe(0);
      expect(e.timeMs).toBeGreaterThanOrEqual(6000);
    }
    expect(shipping!.received).toBe(sim.frame().arrived);
    expect(billing!.received + billing!.missed).toBe(sim.frame().arrived);
  },
  'messaging-queue-one-consumer': (sim) => {
    const m = sim.messaging()!;
    expect(m.model).toBe('queue');
    expect(m.consumers.map((c) => [c.id, c.online])).toEqual([
      ['worker-1', true],
      ['worker-2', true],
    ]);
    const delivered = entries(sim, 'delivered');
    // Each order went to one worker once, both workers took some, and each acknowledged its own.
    expect(new Set(delivered.map((e) => e.tupleId)).size).toBe(delivered.length);
    expect(new Set(delivered.map((e) => e.a))).toEqual(new Set([0, 1]));
    const to = new Map(delivered.map((e) => [e.tupleId, e.a]));
    for (const ack of entries(sim, 'acknowledged')) expect(ack.a).toBe(to.get(ack.tupleId));
  },
  'messaging-queue-no-replay': (sim) => {
    // Every order so far has been processed and acknowledged, and the queue holds none of them.
    const m = sim.messaging()!;
    expect(m.model).toBe('queue');
    expect(m.queue).toEqual([]);
    expect(m.consumers.every((c) => c.online && c.current === null)).toBe(true);
    expect(sim.frame().arrived).toBeGreaterThanOrEqual(5);
    expect(entries(sim, 'acknowledged').length).toBe(sim.frame().arrived);
    expect(m.consumers.reduce((n, c) => n + c.acknowledged, 0)).toBe(sim.frame().arrived);
  },
  'messaging-unacked-redelivered': (sim) => {
    const m = sim.messaging()!;
    expect(m.consumers.every((c) => !c.online)).toBe(true);
    const back = entries(sim, 'redelivered');
    expect(back.map((e) => e.timeMs)).toEqual([6000, 6000]);
    const acked = new Set(entries(sim, 'acknowledged').map((e) => e.tupleId));
    // The orders the workers held when they died were delivered, never acknowledged, and wait again
    // at the head of the queue.
    for (const e of back) {
      expect(entries(sim, 'delivered').some((d) => d.tupleId === e.tupleId && d.a === e.a)).toBe(true);
      expect(acked.has(e.tupleId)).toBe(false);
    }
    expect(m.queue.slice(0, 2).sort()).toEqual(back.map((e) => e.tupleId).sort());
  },
  'messaging-queue-flow': (sim) => {
    const m = sim.messaging()!;
    const acked = entries(sim, 'acknowledged');
    expect(acked.length).toBeGreaterThanOrEqual(5);
    for (const ack of acked) {
      const path = sim.traceForTuple(ack.tupleId).map((e) => e.kind);
      expect(path).toEqual(['emitted', 'arrived', 'enqueued', 'delivered', 'acknowledged']);
      expect(m.queue).not.toContain(ack.tupleId);
    }
  },
  'kafka-log-same-key-same-partition': (sim) => {
    const partitions = new Map<string, Set<number>>();
    const appended = entries(sim, 'appended');
    expect(appended.length).toBeGreaterThanOrEqual(50);
    for (const e of appended) {
      const key = sim.tuple(e.tupleId)!.key;
      partitions.set(key, (partitions.get(key) ?? new Set()).add(e.a));
      expect(e.a).toBe(partitionForKey(key, 3));
    }
    // Every key went to exactly one partition, and the keys spread over all three.
    for (const [key, ps] of partitions) expect(ps.size, key).toBe(1);
    expect(new Set(appended.map((e) => e.a))).toEqual(new Set([0, 1, 2]));
  },
  'kafka-log-hot-key-share': (sim) => {
    const hot = sim.scenario.producers.findIndex((p) => p.spec.keyDistribution.kind === 'hotKey');
    expect(sim.scenario.producers[hot]!.spec.keyDistribution).toEqual({
      kind: 'hotKey',
      key: 'user-0',
      share: 0.7,
    });
    const keys = sim
      .arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs)
      .map((id) => sim.tuple(id)!)
      .filter((t) => t.producerIndex === hot)
      .map((t) => t.key);
    expect(keys.length).toBeGreaterThanOrEqual(40);
    expect(keys.filter((k) => k === 'user-0').length / keys.length).toBeGreaterThanOrEqual(0.7);
  },
  'replication-leader-failover': (sim) => {
    const cluster = sim.delivery()!.cluster;
    expect(cluster.alive).toEqual([false, true, true]);
    expect(entries(sim, 'brokerCrashed').map((e) => [e.timeMs, e.a])).toEqual([[8000, 0]]);
    // Broker 0 led partition 0; its ISR follower on broker 1 took over (epoch 1), writes go on.
    expect(entries(sim, 'leaderElected').map((e) => [e.a, e.b, e.c])).toEqual([[0, 1, 1]]);
    expect(cluster.partitions[0]).toMatchObject({ assignment: [0, 1], leader: 1, leaderEpoch: 1, isr: [1] });
    expect(cluster.partitions.every((p) => p.leader !== null && p.leader !== 0)).toBe(true);
    expect(sim.delivery()!.refused).toEqual({ notEnoughReplicas: 0, noLeader: 0 });
    expect(entries(sim, 'acked').some((e) => e.timeMs > 8000)).toBe(true);
  },
  'replication-min-isr-writes': (sim) => {
    const d = sim.delivery()!;
    expect(d.cluster.config).toMatchObject({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(d.cluster.alive).toEqual([true, false, true]);
    expect(d.cluster.partitions.every((p) => p.isr.length === 2)).toBe(true);
    expect(d.refused).toEqual({ notEnoughReplicas: 0, noLeader: 0 });
    expect(entries(sim, 'acked').some((e) => e.timeMs > 5000)).toBe(true);
  },
  'replication-not-enough-replicas': (sim) => {
    const d = sim.delivery()!;
    expect(d.cluster.config).toMatchObject({ replicationFactor: 2, minInsyncReplicas: 2 });
    expect(sim.scenario.spec.delivery!.acks).toBe('all');
    expect(d.cluster.alive).toEqual([true, false, true]);
    // Partitions 0 and 1 had a replica on broker 1: one in-sync replica left, their writes refused.
    expect(d.cluster.partitions.map((p) => p.isr.length)).toEqual([1, 1, 2]);
    const refused = entries(sim, 'produceRejected');
    expect(refused.length).toBe(d.refused.notEnoughReplicas);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    for (const e of refused) {
      expect([0, 1]).toContain(e.a);
      expect(e.b).toBe(0); // NOT_ENOUGH_REPLICAS
      expect(e.timeMs).toBeGreaterThanOrEqual(5000);
    }
    expect(
      entries(sim, 'appended')
        .filter((e) => e.timeMs > 5000)
        .every((e) => e.a === 2),
    ).toBe(true);
  },
  'replication-acks-all-write': (sim) => {
    const cluster = sim.delivery()!.cluster;
    expect(sim.scenario.spec.delivery!.acks).toBe('all');
    expect(cluster.alive).toEqual([true, true, true]);
    expect(cluster.partitions.every((p) => p.isr.length === 2)).toBe(true);
    // Each acknowledgement comes after the leader's append and after the follower fetched it.
    const appendedAt = new Map(entries(sim, 'appended').map((e) => [e.tupleId, e]));
    const acked = entries(sim, 'acked');
    expect(acked.length).toBeGreaterThanOrEqual(50);
    for (const e of acked) {
      const append = appendedAt.get(e.tupleId)!;
      expect(append.c).toBe(-1); // acks=all
      expect(e.timeMs - append.timeMs).toBeGreaterThanOrEqual(cluster.config.replicaFetchDelayMs);
    }
  },
  'consumer-groups-rebalance-after-crash': (sim) => {
    const group = sim.delivery()!.groups[0]!;
    const crashed = entries(sim, 'consumerCrashed');
    expect(crashed.map((e) => [e.timeMs, e.b])).toEqual([[12_000, 0]]);
    // The coordinator notices only after the session times out (4 s), then rebalances to c2.
    expect(group.config.sessionTimeoutMs).toBe(4000);
    expect(
      entries(sim, 'rebalanced')
        .filter((e) => e.timeMs > 12_000)
        .map((e) => e.timeMs),
    ).toEqual([16_000]);
    expect(group.members.map((m) => [m.memberId, m.assigned.map((tp) => tp.partition)])).toEqual([
      ['c2', [0, 1, 2]],
    ]);
    // c2 started from the committed offsets: records c1 had processed are processed again.
    const by = new Map<number, Set<number>>();
    for (const e of entries(sim, 'processed')) by.set(e.tupleId, (by.get(e.tupleId) ?? new Set()).add(e.b));
    expect([...by.values()].filter((members) => members.size === 2).length).toBeGreaterThanOrEqual(3);
  },
};

describe('Kafka-side frames show what their questions rely on', () => {
  it('has a check for every framed question of its topics, and none for others', () => {
    // Without a check: a framed question nobody looked at. Stale: no such question, or it has no frame.
    expect(uncheckedFrames(TOPICS, Object.keys(moments))).toEqual({ withoutCheck: [], stale: [] });
  });

  it.each(Object.keys(moments))('%s', (id) => moments[id]!(open(id)));
});
