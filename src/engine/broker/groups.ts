/**
 * Kafka consumer groups over one topic, as plain data and functions (each mutates the state it is
 * given; callers clone for keyframes). Rules modelled:
 * - a committed offset is the next record the group will read (OffsetCommit semantics);
 * - a member that has no committed offset, or whose offset is out of range, starts at
 *   auto.offset.reset (earliest = log start offset, latest = high watermark);
 * - consumers read only below the high watermark;
 * - eager assignors (range, roundrobin) revoke everything and reassign; cooperative-sticky revokes
 *   only what moves, then hands it over in a follow-up rebalance;
 * - a clean leave triggers a rebalance at once; a crash only after session.timeout.ms;
 * - the consumer loop polls only after processing the previous batch; enable.auto.commit commits,
 *   inside poll(), the positions of what earlier polls returned, at most every auto.commit.interval.ms
 *   and on revocation (at-least-once); commit-after-processing commits when a polled batch is done
 *   (at-least-once, smaller window); commit-before-processing commits as soon as records are fetched
 *   (at-most-once).
 */
import {
  type Assignment,
  type GroupMember,
  rangeAssign,
  roundRobinAssign,
  type TopicPartition,
} from './assignors';
import type { ClusterState } from './cluster';
import { cooperativeStickyAssign } from './sticky';

export type AssignorName = 'range' | 'roundrobin' | 'cooperative-sticky';
export type CommitMode = 'auto' | 'afterProcessing' | 'beforeProcessing';

export interface GroupConfig {
  readonly groupId: string;
  readonly topic: string;
  readonly assignor: AssignorName;
  readonly autoOffsetReset: 'earliest' | 'latest';
  readonly commitMode: CommitMode;
  readonly autoCommitIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly maxPollRecords: number;
}

export interface MemberState {
  readonly memberId: string;
  readonly groupInstanceId?: string;
  /** Running and heartbeating. A crashed member stays in the group until its session times out. */
  alive: boolean;
  crashedAtMs: number | null;
  assigned: TopicPartition[];
  /** Next offset to fetch, per assigned partition. */
  positions: Record<number, number>;
  /** Records fetched but not yet processed (partition, offset, tupleId). */
  inProcess: { partition: number; offset: number; tupleId: number }[];
  lastAutoCommitMs: number;
}

export interface GroupState {
  readonly config: GroupConfig;
  generation: number;
  members: MemberState[];
  /** Committed offset per partition: the next record the group reads there. */
  committed: Record<number, number>;
  /** A cooperative rebalance that must run again once revoked partitions are released. */
  followUpRebalance: boolean;
  /**
   * A rebalance waiting for a crashed member: JoinGroup waits for every known member, and a dead one
   * never rejoins, so the group waits until its session times out. Eager members have given up all
   * their partitions meanwhile: nobody in the group reads.
   */
  rebalancePending: boolean;
}

export type GroupEvent =
  | {
      kind: 'rebalanced';
      generation: number;
      assignment: Record<string, number[]>;
      revoked: Record<string, number[]>;
    }
  | { kind: 'rebalanceWaiting'; generation: number; revoked: Record<string, number[]> }
  | { kind: 'fetched'; memberId: string; partition: number; offset: number; tupleId: number }
  | { kind: 'processed'; memberId: string; partition: number; offset: number; tupleId: number }
  | { kind: 'committed'; memberId: string; partition: number; offset: number }
  | {
      kind: 'offsetReset';
      memberId: string;
      partition: number;
      offset: number;
      policy: 'earliest' | 'latest';
    };

export function createGroup(config: GroupConfig): GroupState {
  return {
    config,
    generation: 0,
    members: [],
    committed: {},
    followUpRebalance: false,
    rebalancePending: false,
  };
}

export function cloneGroup(g: GroupState): GroupState {
  return {
    ...g,
    members: g.members.map((m) => ({
      ...m,
      assigned: m.assigned.slice(),
      positions: { ...m.positions },
      inProcess: m.inProcess.slice(),
    })),
    committed: { ...g.committed },
  };
}

const partitionsOf = (cluster: ClusterState) => cluster.partitions.length;

/** A new member joins (or a crashed static member comes back under its instance id): rebalance. */
export function join(
  g: GroupState,
  cluster: ClusterState,
  memberId: string,
  nowMs: number,
  groupInstanceId?: string,
): GroupEvent[] {
  const existing = g.members.find((m) => m.memberId === memberId);
  if (existing) {
    existing.alive = true;
    existing.crashedAtMs = null;
    existing.inProcess = [];
    // A restarted process has no positions: it resumes from the committed offsets.
    existing.positions = {};
    if (groupInstanceId !== undefined && existing.groupInstanceId === groupInstanceId) return [];
  } else {
    g.members.push({
      memberId,
      ...(groupInstanceId === undefined ? {} : { groupInstanceId }),
      alive: true,
      crashedAtMs: null,
      assigned: [],
      positions: {},
      inProcess: [],
      lastAutoCommitMs: nowMs,
    });
  }
  return rebalance(g, cluster, nowMs);
}

/** A clean shutdown: commit if auto-commit is on, send LeaveGroup, rebalance at once. */
export function leave(g: GroupState, cluster: ClusterState, memberId: string, nowMs: number): GroupEvent[] {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m) return [];
  const events = finishBatch(g, m);
  if (g.config.commitMode === 'auto') events.push(...commitPositions(g, m));
  if (m.groupInstanceId !== undefined) {
    // A static member never sends LeaveGroup: its membership ends only when its session times out
    // (AbstractCoordinator.maybeLeaveGroup), so a quick restart does not rebalance.
    m.alive = false;
    m.crashedAtMs = nowMs;
    m.positions = {};
    return events;
  }
  g.members = g.members.filter((x) => x !== m);
  return [...events, ...rebalance(g, cluster, nowMs)];
}

/**
 * A consumer meets a rebalance inside poll(), so it has finished the batch it was processing (and,
 * committing after processing, committed it). The simulator lets a rebalance start at any tick, so it
 * completes the batch first instead of cutting into it.
 */
function finishBatch(g: GroupState, m: MemberState): GroupEvent[] {
  if (!m.alive || m.inProcess.length === 0) return [];
  return processRecords(g, m.memberId, m.inProcess.length);
}

/** The process dies: nothing is committed; the group notices after session.timeout.ms. */
export function crash(g: GroupState, memberId: string, nowMs: number): void {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m?.alive) return;
  m.alive = false;
  m.crashedAtMs = nowMs;
  m.inProcess = [];
  m.positions = {};
}

/** Expires crashed members whose session has timed out, then rebalances if anything changed. */
export function expireSessions(g: GroupState, cluster: ClusterState, nowMs: number): GroupEvent[] {
  const expired = g.members.filter(
    (m) => !m.alive && m.crashedAtMs !== null && nowMs - m.crashedAtMs >= g.config.sessionTimeoutMs,
  );
  if (expired.length === 0 && !g.followUpRebalance) return [];
  g.members = g.members.filter((m) => !expired.includes(m));
  return rebalance(g, cluster, nowMs);
}

function rebalance(g: GroupState, cluster: ClusterState, nowMs: number): GroupEvent[] {
  const events: GroupEvent[] = [];
  for (const m of g.members) {
    events.push(...finishBatch(g, m));
    // onJoinPrepare: with auto-commit, everything consumed so far is committed, whatever the protocol.
    if (g.config.commitMode === 'auto' && m.alive) events.push(...commitPositions(g, m));
  }
  // A crashed dynamic member holds the join open until its session expires; a static one does not
  // (the coordinator keeps its assignment for it).
  if (g.members.some((m) => !m.alive && m.groupInstanceId === undefined)) {
    if (!g.rebalancePending && g.config.assignor !== 'cooperative-sticky') {
      const revoked: Record<string, number[]> = {};
      for (const m of g.members) {
        if (m.assigned.length > 0) revoked[m.memberId] = m.assigned.map((tp) => tp.partition);
        m.assigned = [];
        m.positions = {};
        m.inProcess = [];
      }
      events.push({ kind: 'rebalanceWaiting', generation: g.generation, revoked });
    }
    g.rebalancePending = true;
    return events;
  }
  g.rebalancePending = false;
  const topic = g.config.topic;
  const counts = { [topic]: partitionsOf(cluster) };
  let assignment: Assignment;
  const revoked: Record<string, number[]> = {};
  if (g.config.assignor === 'cooperative-sticky') {
    const result = cooperativeStickyAssign(
      counts,
      g.members.map((m) => ({ memberId: m.memberId, owned: m.assigned })),
    );
    assignment = result.assignment;
    g.followUpRebalance = result.transferring.size > 0;
  } else {
    // Eager protocol: every member gives up everything first (committed above).
    const members: GroupMember[] = g.members.map((m) => ({
      memberId: m.memberId,
      ...(m.groupInstanceId === undefined ? {} : { groupInstanceId: m.groupInstanceId }),
      topics: [topic],
    }));
    assignment =
      g.config.assignor === 'range' ? rangeAssign(counts, members) : roundRobinAssign(counts, members);
    g.followUpRebalance = false;
  }
  g.generation++;
  for (const m of g.members) {
    const next = assignment[m.memberId] ?? [];
    const lost = m.assigned.filter((tp) => !next.some((n) => n.partition === tp.partition));
    if (lost.length > 0) {
      revoked[m.memberId] = lost.map((tp) => tp.partition);
    }
    // Partitions a member keeps keep their positions (cooperative); everything else restarts from commits.
    const kept =
      g.config.assignor === 'cooperative-sticky'
        ? next.filter((tp) => m.assigned.some((a) => a.partition === tp.partition))
        : [];
    const positions: Record<number, number> = {};
    for (const tp of kept)
      if (m.positions[tp.partition] !== undefined) positions[tp.partition] = m.positions[tp.partition]!;
    m.positions = positions;
    m.inProcess = m.inProcess.filter((r) => kept.some((tp) => tp.partition === r.partition));
    m.assigned = next;
    m.lastAutoCommitMs = nowMs;
  }
  events.push({
    kind: 'rebalanced',
    generation: g.generation,
    assignment: Object.fromEntries(g.members.map((m) => [m.memberId, m.assigned.map((tp) => tp.partition)])),
    revoked,
  });
  return events;
}

/** poll(): fetch up to max.poll.records below the high watermark; auto-commit when the interval is due. */
export function poll(g: GroupState, cluster: ClusterState, memberId: string, nowMs: number): GroupEvent[] {
  const m = g.members.find((x) => x.memberId === memberId);
  // The consumer loop is single-threaded: it polls again only once the last batch is processed.
  if (!m?.alive || m.inProcess.length > 0) return [];
  const events: GroupEvent[] = [];
  // Auto-commit happens inside poll() and commits what earlier polls returned (now processed).
  if (g.config.commitMode === 'auto' && nowMs - m.lastAutoCommitMs >= g.config.autoCommitIntervalMs) {
    events.push(...commitPositions(g, m));
    m.lastAutoCommitMs = nowMs;
  }
  let budget = g.config.maxPollRecords;
  for (const tp of m.assigned) {
    const p = cluster.partitions[tp.partition]!;
    let position = m.positions[tp.partition] ?? g.committed[tp.partition];
    if (position === undefined || position < p.logStartOffset || position > p.highWatermark) {
      position = g.config.autoOffsetReset === 'earliest' ? p.logStartOffset : p.highWatermark;
      events.push({
        kind: 'offsetReset',
        memberId,
        partition: tp.partition,
        offset: position,
        policy: g.config.autoOffsetReset,
      });
    }
    const leader = p.leader === null ? undefined : p.replicas.find((r) => r.broker === p.leader);
    while (budget > 0 && leader && position < p.highWatermark) {
      const record = leader.log.get(position - p.logStartOffset);
      m.inProcess.push({ partition: tp.partition, offset: position, tupleId: record.tupleId });
      events.push({
        kind: 'fetched',
        memberId,
        partition: tp.partition,
        offset: position,
        tupleId: record.tupleId,
      });
      position++;
      budget--;
    }
    m.positions[tp.partition] = position;
  }
  if (g.config.commitMode === 'beforeProcessing') events.push(...commitFetched(g, m));
  return events;
}

/** The application finishes the oldest `count` fetched records. */
export function processRecords(g: GroupState, memberId: string, count: number): GroupEvent[] {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m?.alive) return [];
  const done = m.inProcess.splice(0, count);
  const events: GroupEvent[] = done.map((r) => ({
    kind: 'processed',
    memberId,
    partition: r.partition,
    offset: r.offset,
    tupleId: r.tupleId,
  }));
  // commitSync() after the whole polled batch is processed: a crash mid-batch replays the batch.
  if (g.config.commitMode === 'afterProcessing' && done.length > 0 && m.inProcess.length === 0) {
    events.push(...commitPositions(g, m));
  }
  return events;
}

/**
 * Commits, per partition, the offset after the last processed record. A real consumer reaches a
 * commit (in poll(), in onPartitionsRevoked, in close()) only between batches; here a rebalance can
 * start while a member is mid-batch, so records fetched but not yet processed are not counted: they
 * are fetched again from the committed offset instead of being skipped.
 */
function commitPositions(g: GroupState, m: MemberState, only?: number[]): GroupEvent[] {
  const events: GroupEvent[] = [];
  for (const tp of m.assigned) {
    if (only && !only.includes(tp.partition)) continue;
    let position = m.positions[tp.partition];
    for (const r of m.inProcess)
      if (r.partition === tp.partition && (position === undefined || r.offset < position))
        position = r.offset;
    if (position !== undefined) events.push(...commitOffset(g, m, tp.partition, position));
  }
  return events;
}

/** commit-before-processing: everything fetched counts as done (which is why it can lose records). */
function commitFetched(g: GroupState, m: MemberState): GroupEvent[] {
  const events: GroupEvent[] = [];
  for (const tp of m.assigned) {
    const position = m.positions[tp.partition];
    if (position !== undefined) events.push(...commitOffset(g, m, tp.partition, position));
  }
  return events;
}

function commitOffset(g: GroupState, m: MemberState, partition: number, offset: number): GroupEvent[] {
  if (g.committed[partition] === offset) return [];
  g.committed[partition] = offset;
  return [{ kind: 'committed', memberId: m.memberId, partition, offset }];
}

/** Lag of one partition: high watermark − committed offset (the whole log if nothing is committed). */
export function partitionLag(g: GroupState, p: ClusterState['partitions'][number]): number {
  return p.highWatermark - (g.committed[p.partition] ?? p.logStartOffset);
}

/** Lag per partition: high watermark − committed offset (or the whole log if nothing is committed). */
export function lag(g: GroupState, cluster: ClusterState): Record<number, number> {
  const out: Record<number, number> = {};
  for (const p of cluster.partitions) out[p.partition] = partitionLag(g, p);
  return out;
}
