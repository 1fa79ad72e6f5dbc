import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Acks,
  append,
  applyRetention,
  type ClusterConfig,
  type ClusterEvent,
  cloneCluster,
  crashBroker,
  createCluster,
  logEndOffset,
  placeReplicas,
  replicaOf,
  replicate,
  restartBroker,
} from './cluster';

const config = (overrides: Partial<ClusterConfig> = {}): ClusterConfig => ({
  brokers: 3,
  partitions: 1,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  replicaLagTimeMaxMs: 30000,
  replicaFetchDelayMs: 50,
  ...overrides,
});

const leaderLog = (s: ReturnType<typeof createCluster>, p = 0) => {
  const part = s.partitions[p]!;
  return part.leader === null
    ? []
    : replicaOf(part, part.leader)
        .log.toJSON()
        .map((r) => r.tupleId);
};

describe('replica placement', () => {
  it("matches Kafka's AdminTest.testReplicaAssignment (5 brokers, 10 partitions, RF 3, start 0)", () => {
    expect(placeReplicas(5, 10, 3, 0)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 0],
      [4, 0, 1],
      [0, 2, 3],
      [1, 3, 4],
      [2, 4, 0],
      [3, 0, 1],
      [4, 1, 2],
    ]);
    expect(() => placeReplicas(3, 1, 4)).toThrow(/replication factor/);
  });
});

describe('acks and the high watermark', () => {
  it('acks=all is answered only once every in-sync replica has the record', () => {
    const s = createCluster(config());
    const [appended] = append(s, 0, 7, 'all', 0);
    expect(appended).toMatchObject({ kind: 'appended', offset: 0, acked: false });
    expect(s.partitions[0]!.highWatermark).toBe(0);
    expect(replicate(s, 10)).toEqual([]); // the followers' fetch has not come back yet
    expect(replicate(s, 60)).toEqual([{ kind: 'acked', partition: 0, offset: 0, tupleId: 7 }]);
    expect(s.partitions[0]!.highWatermark).toBe(1);
  });

  it('acks=1 is answered at once; acks=0 is never answered', () => {
    const s = createCluster(config());
    expect(append(s, 0, 1, 1, 0)).toEqual([
      { kind: 'appended', partition: 0, offset: 0, tupleId: 1, acks: 1, acked: true },
    ]);
    expect(append(s, 0, 2, 0, 0)[0]).toMatchObject({ kind: 'appended', offset: 1 });
  });

  it('with acks=1, a leader that dies before its followers fetch loses acknowledged records', () => {
    const s = createCluster(config());
    append(s, 0, 1, 1, 0);
    replicate(s, 100); // record 1 reaches the followers
    append(s, 0, 2, 1, 200); // acknowledged by the leader alone
    const events = crashBroker(s, 0, 210);
    expect(events).toContainEqual({ kind: 'leaderElected', partition: 0, broker: 1, leaderEpoch: 1 });
    expect(leaderLog(s)).toEqual([1]);
    // When the old leader returns it truncates the record nobody else has.
    expect(restartBroker(s, 0, 300)).toEqual([
      { kind: 'truncated', partition: 0, broker: 0, offset: 1, tupleId: 2 },
    ]);
    replicate(s, 400);
    expect(
      replicaOf(s.partitions[0]!, 0)
        .log.toJSON()
        .map((r) => r.tupleId),
    ).toEqual([1]);
  });

  it('acks=all is refused with NOT_ENOUGH_REPLICAS while the ISR is below min.insync.replicas', () => {
    const s = createCluster(config());
    crashBroker(s, 1, 0);
    expect(append(s, 0, 1, 'all', 10)[0]).toMatchObject({ kind: 'appended' });
    crashBroker(s, 2, 20);
    expect(s.partitions[0]!.isr).toEqual([0]);
    expect(append(s, 0, 2, 'all', 30)).toEqual([
      { kind: 'rejected', partition: 0, tupleId: 2, reason: 'NOT_ENOUGH_REPLICAS' },
    ]);
    // acks=1 still works: availability over durability.
    expect(append(s, 0, 3, 1, 40)[0]).toMatchObject({ kind: 'appended', acked: true });
    restartBroker(s, 1, 50);
    replicate(s, 200);
    expect(s.partitions[0]!.isr).toEqual([0, 1]);
    expect(append(s, 0, 4, 'all', 210)[0]).toMatchObject({ kind: 'appended' });
  });

  it('a waiting acks=all request fails with NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR shrank below the minimum', () => {
    const s = createCluster(config());
    append(s, 0, 1, 'all', 0);
    crashBroker(s, 1, 10);
    // ISR {0, 2} still meets min.insync.replicas = 2: the request keeps waiting for broker 2.
    expect(replicate(s, 20)).toEqual([]);
    const events = crashBroker(s, 2, 30);
    // ISR {0}: the HW reaches the record, but the producer is told it is not safely replicated.
    expect(events).toContainEqual({
      kind: 'ackFailed',
      partition: 0,
      offset: 0,
      tupleId: 1,
      reason: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
    });
    expect(events.some((e) => e.kind === 'acked')).toBe(false);
  });

  it('the last in-sync replica stays in the ISR when it dies; the partition is offline until it returns', () => {
    const s = createCluster(config({ replicationFactor: 2, brokers: 2, minInsyncReplicas: 1 }));
    crashBroker(s, 1, 0);
    crashBroker(s, 0, 10);
    expect(s.partitions[0]!.leader).toBeNull();
    expect(s.partitions[0]!.isr).toEqual([0]);
    expect(append(s, 0, 1, 1, 20)).toEqual([
      { kind: 'rejected', partition: 0, tupleId: 1, reason: 'NO_LEADER' },
    ]);
    // Broker 1 is not in the ISR: no unclean election.
    restartBroker(s, 1, 30);
    expect(s.partitions[0]!.leader).toBeNull();
    restartBroker(s, 0, 40);
    expect(s.partitions[0]!.leader).toBe(0);
  });

  it('a follower that stops fetching leaves the ISR after replica.lag.time.max.ms', () => {
    const s = createCluster(config({ replicaFetchDelayMs: 40000 }));
    append(s, 0, 1, 1, 0);
    expect(replicate(s, 20000)).toEqual([]);
    expect(replicate(s, 31000)).toEqual([
      { kind: 'isrShrink', partition: 0, broker: 1 },
      { kind: 'isrShrink', partition: 0, broker: 2 },
    ]);
  });
});

describe('retention', () => {
  const filled = (count: number, spacingMs: number) => {
    const s = createCluster(config({ replicaFetchDelayMs: 0 }));
    for (let i = 0; i < count; i++) append(s, 0, i, 1, i * spacingMs);
    replicate(s, count * spacingMs);
    return s;
  };

  it('deletes whole old segments by time, moving the log start offset on every replica', () => {
    const s = filled(25, 1000); // records 0–24 appended at 0 s … 24 s, segments of 10
    expect(applyRetention(s, { ms: 12000, records: null, segmentRecords: 10 }, 25000)).toEqual([
      { partition: 0, logStartOffset: 10 },
    ]);
    const p = s.partitions[0]!;
    expect(p.logStartOffset).toBe(10);
    for (const r of p.replicas) expect(r.log.at(0)).toMatchObject({ offset: 10, tupleId: 10 });
    // Offsets never change: the next record is still offset 25.
    expect(append(s, 0, 99, 1, 25000)[0]).toMatchObject({ offset: 25 });
  });

  it('deletes by size, but never the active segment and never past the high watermark', () => {
    const s = filled(25, 10);
    applyRetention(s, { ms: null, records: 5, segmentRecords: 10 }, 1000);
    // Segments [0,10) and [10,20) go; [20,25) is active and stays though it alone is 5 records.
    expect(s.partitions[0]!.logStartOffset).toBe(20);
    const t = createCluster(config({ replicaFetchDelayMs: 100000 }));
    for (let i = 0; i < 30; i++) append(t, 0, i, 1, i);
    applyRetention(t, { ms: 0, records: 0, segmentRecords: 10 }, 1000);
    // Nothing is replicated yet, so the HW is 0 and nothing may be deleted.
    expect(t.partitions[0]!.logStartOffset).toBe(0);
  });
});

type Op =
  | { kind: 'append'; acks: Acks }
  | { kind: 'replicate' }
  | { kind: 'crash'; broker: number }
  | { kind: 'restart'; broker: number };

const ops = fc.array(
  fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('append' as const),
        acks: fc.constantFrom<Acks>(0, 1, 'all'),
      }),
      weight: 5,
    },
    { arbitrary: fc.constant({ kind: 'replicate' as const }), weight: 4 },
    {
      arbitrary: fc.record({ kind: fc.constant('crash' as const), broker: fc.integer({ min: 0, max: 2 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('restart' as const), broker: fc.integer({ min: 0, max: 2 }) }),
      weight: 1,
    },
  ),
  { maxLength: 60 },
);

function run(list: Op[]) {
  const s = createCluster(config({ partitions: 2 }));
  const events: ClusterEvent[] = [];
  let t = 0;
  let tuple = 0;
  for (const op of list) {
    t += 30;
    if (op.kind === 'append') events.push(...append(s, tuple % 2, tuple++, op.acks, t));
    else if (op.kind === 'replicate') events.push(...replicate(s, t));
    else if (op.kind === 'crash') events.push(...crashBroker(s, op.broker, t));
    else events.push(...restartBroker(s, op.broker, t));
  }
  return { s, events, t };
}

describe('replication properties (random appends, fetches, crashes and restarts)', () => {
  it('offsets in every replica are contiguous from the log start, and the HW never passes an ISR member', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const { s } = run(list);
        for (const p of s.partitions) {
          for (const r of p.replicas)
            r.log.toJSON().forEach((rec, i) => {
              expect(rec.offset).toBe(p.logStartOffset + i);
            });
          for (const b of p.isr)
            if (s.alive[b]) expect(logEndOffset(p, replicaOf(p, b))).toBeGreaterThanOrEqual(p.highWatermark);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every record acknowledged under acks=all survives any single broker crash', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 0, max: 2 }), (list, victim) => {
        // Start from a healthy cluster: the guarantee is about one failure at a time.
        const healthy = list.filter((op) => op.kind === 'append' || op.kind === 'replicate');
        const { s, events, t } = run(healthy);
        const acked = events.filter((e): e is Extract<ClusterEvent, { kind: 'acked' }> => e.kind === 'acked');
        const after = cloneCluster(s);
        crashBroker(after, victim, t + 1);
        for (const a of acked) {
          const p = after.partitions[a.partition]!;
          expect(p.leader).not.toBeNull();
          expect(replicaOf(p, p.leader!).log.at(a.offset - p.logStartOffset)?.tupleId).toBe(a.tupleId);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('acknowledged acks=all records stay in the leader log through any history of crashes and restarts', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const { s, events } = run(list);
        for (const a of events) {
          if (a.kind !== 'acked') continue;
          const p = s.partitions[a.partition]!;
          // With RF 3 and min.insync.replicas 2, an acknowledged record is on two brokers; it can only
          // be missing if the partition has no leader at all.
          if (p.leader !== null)
            expect(replicaOf(p, p.leader).log.at(a.offset - p.logStartOffset)?.tupleId).toBe(a.tupleId);
        }
      }),
      { numRuns: 500 },
    );
  });
});
