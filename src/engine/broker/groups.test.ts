import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, applyRetention, type ClusterState, createCluster, replicate } from './cluster';
import {
  type CommitMode,
  crash,
  createGroup,
  expireSessions,
  type GroupConfig,
  type GroupEvent,
  type GroupState,
  join,
  lag,
  leave,
  poll,
  processRecords,
} from './groups';

function clusterWith(partitions: number, recordsPerPartition: number): ClusterState {
  const c = createCluster({
    brokers: 1,
    partitions,
    replicationFactor: 1,
    minInsyncReplicas: 1,
    replicaLagTimeMaxMs: 30000,
    replicaFetchDelayMs: 0,
  });
  let tuple = 0;
  for (let i = 0; i < recordsPerPartition; i++)
    for (let p = 0; p < partitions; p++) append(c, p, tuple++, 1, 0);
  replicate(c, 0);
  return c;
}

const groupConfig = (overrides: Partial<GroupConfig> = {}): GroupConfig => ({
  groupId: 'g',
  topic: 't',
  assignor: 'range',
  autoOffsetReset: 'earliest',
  commitMode: 'afterProcessing',
  autoCommitIntervalMs: 5000,
  sessionTimeoutMs: 45000,
  maxPollRecords: 4,
  ...overrides,
});

const processedOffsets = (events: GroupEvent[]) =>
  events
    .filter((e): e is Extract<GroupEvent, { kind: 'processed' }> => e.kind === 'processed')
    .map((e) => e.offset);

/** c1 reads 0–3 and processes them, fetches 4–7, processes 4 and 5, then crashes; c2 takes over. */
function crashMidBatch(commitMode: CommitMode) {
  const cluster = clusterWith(1, 10);
  const g = createGroup(groupConfig({ commitMode, assignor: 'range' }));
  const events: GroupEvent[] = [];
  events.push(...join(g, cluster, 'c1', 0));
  events.push(...poll(g, cluster, 'c1', 1000), ...processRecords(g, 'c1', 4));
  events.push(...poll(g, cluster, 'c1', 2000), ...processRecords(g, 'c1', 2));
  crash(g, 'c1', 2500);
  events.push(...join(g, cluster, 'c2', 3000));
  // c1 still owns the partition until its session times out.
  expect(g.members.find((m) => m.memberId === 'c2')!.assigned).toEqual([]);
  events.push(...expireSessions(g, cluster, 2500 + 45000));
  for (let t = 0; t < 5; t++)
    events.push(...poll(g, cluster, 'c2', 50000 + t), ...processRecords(g, 'c2', 4));
  return { g, cluster, processed: processedOffsets(events) };
}

describe('offset commits and delivery guarantees', () => {
  it('commit after processing: a restarted reader resumes at the committed offset, so the batch in progress is read twice', () => {
    const { g, processed } = crashMidBatch('afterProcessing');
    expect(processed).toEqual([0, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9]);
    expect(g.committed[0]).toBe(10);
  });

  it('commit before processing: the unprocessed rest of the batch is never read (a gap)', () => {
    const { processed } = crashMidBatch('beforeProcessing');
    expect(processed).toEqual([0, 1, 2, 3, 4, 5, 8, 9]);
  });

  it('auto-commit commits inside poll() once the interval has passed: work done since is repeated', () => {
    const cluster = clusterWith(1, 12);
    const g = createGroup(groupConfig({ commitMode: 'auto', autoCommitIntervalMs: 5000 }));
    join(g, cluster, 'c1', 0);
    const events = [...poll(g, cluster, 'c1', 1000), ...processRecords(g, 'c1', 4)];
    events.push(...poll(g, cluster, 'c1', 6000), ...processRecords(g, 'c1', 4)); // commits 4 at 6 s
    events.push(...poll(g, cluster, 'c1', 7000), ...processRecords(g, 'c1', 4)); // no commit: interval not due
    expect(g.committed[0]).toBe(4);
    crash(g, 'c1', 7500);
    join(g, cluster, 'c2', 8000);
    expireSessions(g, cluster, 7500 + 45000);
    for (let t = 0; t < 3; t++)
      events.push(...poll(g, cluster, 'c2', 60000 + t), ...processRecords(g, 'c2', 4));
    expect(processedOffsets(events)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it('a clean leave commits (auto-commit) and hands over at once, without duplicates', () => {
    const cluster = clusterWith(1, 8);
    const g = createGroup(groupConfig({ commitMode: 'auto' }));
    join(g, cluster, 'c1', 0);
    join(g, cluster, 'c2', 0);
    const events = [...poll(g, cluster, 'c1', 1000), ...processRecords(g, 'c1', 4)];
    events.push(...leave(g, cluster, 'c1', 2000));
    expect(g.members.map((m) => [m.memberId, m.assigned.map((tp) => tp.partition)])).toEqual([['c2', [0]]]);
    events.push(...poll(g, cluster, 'c2', 3000), ...processRecords(g, 'c2', 4));
    expect(processedOffsets(events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('auto.offset.reset and lag', () => {
  it('a new group starts at the log start (earliest) or the high watermark (latest)', () => {
    const cluster = clusterWith(1, 5);
    const early = createGroup(groupConfig({ autoOffsetReset: 'earliest' }));
    join(early, cluster, 'c', 0);
    expect(poll(early, cluster, 'c', 1)[0]).toEqual({
      kind: 'offsetReset',
      memberId: 'c',
      partition: 0,
      offset: 0,
      policy: 'earliest',
    });
    const late = createGroup(groupConfig({ autoOffsetReset: 'latest' }));
    join(late, cluster, 'c', 0);
    expect(poll(late, cluster, 'c', 1)).toEqual([
      { kind: 'offsetReset', memberId: 'c', partition: 0, offset: 5, policy: 'latest' },
    ]);
    expect(lag(early, cluster)).toEqual({ 0: 5 });
  });

  it('reads stop at the high watermark: records not yet on every in-sync replica are invisible', () => {
    const cluster = createCluster({
      brokers: 2,
      partitions: 1,
      replicationFactor: 2,
      minInsyncReplicas: 1,
      replicaLagTimeMaxMs: 30000,
      replicaFetchDelayMs: 100,
    });
    append(cluster, 0, 1, 1, 0);
    append(cluster, 0, 2, 1, 0);
    const g = createGroup(groupConfig());
    join(g, cluster, 'c', 0);
    expect(poll(g, cluster, 'c', 10).filter((e) => e.kind === 'fetched')).toEqual([]);
    replicate(cluster, 200);
    expect(poll(g, cluster, 'c', 210).filter((e) => e.kind === 'fetched')).toHaveLength(2);
  });
});

describe('rebalances as Kafka runs them', () => {
  it('a rebalance waits for a crashed dynamic member; with an eager assignor nobody reads until its session ends', () => {
    const cluster = clusterWith(2, 6);
    const g = createGroup(groupConfig({ assignor: 'range', sessionTimeoutMs: 10000 }));
    join(g, cluster, 'a', 0);
    join(g, cluster, 'b', 0);
    crash(g, 'a', 1000);
    const events = join(g, cluster, 'c', 2000);
    expect(events.find((e) => e.kind === 'rebalanceWaiting')).toMatchObject({ revoked: { b: [1] } });
    expect(g.members.map((m) => m.assigned.length)).toEqual([0, 0, 0]);
    expect(poll(g, cluster, 'b', 3000)).toEqual([]);
    // When a's session ends the join completes without it.
    const done = expireSessions(g, cluster, 11000).find((e) => e.kind === 'rebalanced');
    expect(done).toMatchObject({ assignment: { b: [0], c: [1] } });
  });

  it('a static member that stops cleanly sends no LeaveGroup: no rebalance until its session ends', () => {
    const cluster = clusterWith(2, 4);
    const g = createGroup(groupConfig());
    join(g, cluster, 'a', 0, 'instance-a');
    join(g, cluster, 'b', 0, 'instance-b');
    const generation = g.generation;
    expect(leave(g, cluster, 'a', 1000).some((e) => e.kind === 'rebalanced')).toBe(false);
    expect(g.generation).toBe(generation);
    expect(join(g, cluster, 'a', 2000, 'instance-a')).toEqual([]);
  });

  it('a rebalance meets a consumer between batches: its batch is finished and committed, not read twice', () => {
    const cluster = clusterWith(1, 10);
    const g = createGroup(groupConfig({ commitMode: 'afterProcessing', maxPollRecords: 4 }));
    join(g, cluster, 'a', 0);
    const events = [...poll(g, cluster, 'a', 100), ...processRecords(g, 'a', 2)];
    events.push(...join(g, cluster, 'b', 200)); // a is mid-batch
    expect(g.committed[0]).toBe(4);
    for (let t = 0; t < 3; t++) events.push(...poll(g, cluster, 'a', 300 + t), ...processRecords(g, 'a', 4));
    const offsets = events.filter((e) => e.kind === 'processed').map((e) => (e as { offset: number }).offset);
    expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('cooperative-sticky with auto-commit commits every consumed partition at a rebalance, not only revoked ones', () => {
    const cluster = clusterWith(2, 4);
    const g = createGroup(
      groupConfig({ assignor: 'cooperative-sticky', commitMode: 'auto', maxPollRecords: 8 }),
    );
    join(g, cluster, 'a', 0);
    poll(g, cluster, 'a', 100);
    processRecords(g, 'a', 8);
    join(g, cluster, 'b', 200);
    expect(g.committed).toEqual({ 0: 4, 1: 4 });
  });
});

describe('out of range', () => {
  it('a committed offset deleted by retention sends the consumer to auto.offset.reset', () => {
    const cluster = clusterWith(1, 30);
    const g = createGroup(groupConfig({ autoOffsetReset: 'earliest', maxPollRecords: 5 }));
    join(g, cluster, 'c', 0);
    poll(g, cluster, 'c', 1);
    processRecords(g, 'c', 5);
    expect(g.committed[0]).toBe(5);
    applyRetention(cluster, { ms: null, records: 10, segmentRecords: 10 }, 2);
    crash(g, 'c', 3);
    join(g, cluster, 'c', 4);
    expect(poll(g, cluster, 'c', 5)[0]).toEqual({
      kind: 'offsetReset',
      memberId: 'c',
      partition: 0,
      offset: 20,
      policy: 'earliest',
    });
  });
});

describe('rebalancing', () => {
  it('eager range: a join reassigns everything; cooperative-sticky first revokes only what moves', () => {
    const cluster = clusterWith(3, 2);
    const eager = createGroup(groupConfig({ assignor: 'range' }));
    join(eager, cluster, 'c1', 0);
    const e = join(eager, cluster, 'c2', 0).find((x) => x.kind === 'rebalanced');
    expect(e).toMatchObject({ assignment: { c1: [0, 1], c2: [2] }, revoked: { c1: [2] } });

    const coop = createGroup(groupConfig({ assignor: 'cooperative-sticky' }));
    join(coop, cluster, 'c1', 0);
    const first = join(coop, cluster, 'c2', 0).find((x) => x.kind === 'rebalanced');
    expect(first).toMatchObject({ assignment: { c1: [0, 1], c2: [] }, revoked: { c1: [2] } });
    expect(coop.followUpRebalance).toBe(true);
    const second = expireSessions(coop, cluster, 1).find((x) => x.kind === 'rebalanced');
    expect(second).toMatchObject({ assignment: { c1: [0, 1], c2: [2] }, revoked: {} });
  });

  it('a static member that restarts within its session keeps its partitions without a rebalance', () => {
    const cluster = clusterWith(2, 4);
    const g = createGroup(groupConfig());
    join(g, cluster, 'c1', 0, 'instance-1');
    join(g, cluster, 'c2', 0, 'instance-2');
    const generation = g.generation;
    crash(g, 'c1', 1000);
    expect(join(g, cluster, 'c1', 2000, 'instance-1')).toEqual([]);
    expect(g.generation).toBe(generation);
    expect(g.members.find((m) => m.memberId === 'c1')!.assigned.map((tp) => tp.partition)).toEqual([0]);
  });
});

type Step = { kind: 'poll' | 'process' | 'crash' | 'restart' | 'tick'; member: number };
const steps = fc.array(
  fc.record({
    kind: fc.constantFrom<Step['kind']>('poll', 'poll', 'process', 'process', 'crash', 'restart', 'tick'),
    member: fc.integer({ min: 0, max: 2 }),
  }),
  { maxLength: 80 },
);

function runGroup(g: GroupState, cluster: ClusterState, list: Step[]) {
  const events: GroupEvent[] = [];
  const ids = ['a', 'b', 'c'];
  let t = 0;
  for (const id of ids) events.push(...join(g, cluster, id, t));
  for (const s of list) {
    t += 1000;
    const id = ids[s.member]!;
    if (s.kind === 'poll') events.push(...poll(g, cluster, id, t));
    else if (s.kind === 'process') events.push(...processRecords(g, id, 2));
    else if (s.kind === 'crash') crash(g, id, t);
    else if (s.kind === 'restart' && !g.members.some((m) => m.memberId === id && m.alive))
      events.push(...join(g, cluster, id, t));
    else events.push(...expireSessions(g, cluster, t));
  }
  // Drain: everyone alive, sessions expired, poll and process until the group has no lag.
  for (const id of ids)
    if (!g.members.some((m) => m.memberId === id && m.alive)) events.push(...join(g, cluster, id, t));
  t += 100000;
  events.push(...expireSessions(g, cluster, t));
  for (let round = 0; round < 200 && Object.values(lag(g, cluster)).some((l) => l > 0); round++) {
    t += 1000;
    events.push(...expireSessions(g, cluster, t));
    for (const id of ids) events.push(...poll(g, cluster, id, t), ...processRecords(g, id, 100));
  }
  return events;
}

describe('consumer group properties', () => {
  for (const commitMode of ['afterProcessing', 'auto'] as const) {
    for (const assignor of ['range', 'roundrobin', 'cooperative-sticky'] as const) {
      it(`at-least-once (${commitMode}, ${assignor}): after any crashes, every record is processed, and commits never pass the HW`, () => {
        fc.assert(
          fc.property(steps, (list) => {
            const cluster = clusterWith(4, 6);
            const g = createGroup(groupConfig({ commitMode, assignor, autoCommitIntervalMs: 3000 }));
            const events = runGroup(g, cluster, list);
            for (const p of cluster.partitions) {
              const seen = new Set(
                events
                  .filter((e) => e.kind === 'processed' && e.partition === p.partition)
                  .map((e) => (e as { offset: number }).offset),
              );
              for (let o = 0; o < p.highWatermark; o++)
                expect(seen.has(o), `partition ${p.partition} offset ${o}`).toBe(true);
              expect(g.committed[p.partition] ?? 0).toBeLessThanOrEqual(p.highWatermark);
            }
            for (const e of events)
              if (e.kind === 'committed')
                expect(e.offset).toBeLessThanOrEqual(cluster.partitions[e.partition]!.highWatermark);
          }),
          { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
        );
      });
    }
  }
});
