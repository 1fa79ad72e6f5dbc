/**
 * A Kafka cluster's partition logs and replication, as plain data and pure-ish functions over it
 * (each mutates the state it is given; callers clone for keyframes). What is modelled, with the rule
 * each piece follows:
 * - replica placement: AdminUtils.assignReplicasToBrokersRackUnaware with a fixed start index;
 * - a leader and followers per partition, leader epochs, clean leader election from the ISR only
 *   (unclean.leader.election.enable=false), the last ISR member kept in the ISR when it dies;
 * - followers fetch what the leader appended at least `replicaFetchDelayMs` ago; a follower that has
 *   not caught up for replica.lag.time.max.ms leaves the ISR and rejoins once it reaches the HW;
 * - the high watermark is the smallest log end offset in the ISR and never moves back under a leader;
 * - acks=0/1/all; acks=all is refused with NOT_ENOUGH_REPLICAS while the ISR is below
 *   min.insync.replicas and acknowledged when the HW passes the record;
 * - after a failover, replicas truncate what the new leader does not have (leader-epoch truncation),
 *   which is how acks=1 records can be lost.
 */

import { ReplicaLog } from './replicaLog';

export type Acks = 0 | 1 | 'all';

export interface ClusterConfig {
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly replicaLagTimeMaxMs: number;
  /** How far behind the leader a follower's fetches run (network + fetch interval). */
  readonly replicaFetchDelayMs: number;
}

export interface LogRecord {
  readonly offset: number;
  readonly tupleId: number;
  readonly leaderEpoch: number;
  readonly appendTimeMs: number;
}

export interface Replica {
  readonly broker: number;
  /** Records from the log start offset on; log end offset = start + length. */
  log: ReplicaLog;
  /** Last time this follower had everything the leader had (Kafka's lastCaughtUpTimeMs). */
  lastCaughtUpMs: number;
}

export interface PartitionState {
  readonly partition: number;
  /** Replica brokers in assignment order; the first is the preferred leader. */
  readonly assignment: readonly number[];
  readonly replicas: Replica[];
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  highWatermark: number;
  logStartOffset: number;
}

export interface ClusterState {
  readonly config: ClusterConfig;
  readonly alive: boolean[];
  readonly partitions: PartitionState[];
  /** acks=all records waiting for the HW: the producer has not been answered yet. */
  /** Per partition, in offset order (a queue: appends only ever grow the offset). */
  pendingAcks: PendingAck[][];
}

export interface PendingAck {
  readonly partition: number;
  readonly offset: number;
  readonly tupleId: number;
  readonly leaderEpoch: number;
}

export type ClusterEvent =
  | { kind: 'appended'; partition: number; offset: number; tupleId: number; acks: Acks; acked: boolean }
  | { kind: 'rejected'; partition: number; tupleId: number; reason: 'NOT_ENOUGH_REPLICAS' | 'NO_LEADER' }
  | { kind: 'acked'; partition: number; offset: number; tupleId: number }
  | {
      kind: 'ackFailed';
      partition: number;
      offset: number;
      tupleId: number;
      reason: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' | 'LOST_IN_FAILOVER';
    }
  | { kind: 'truncated'; partition: number; broker: number; offset: number; tupleId: number }
  | { kind: 'isrShrink' | 'isrExpand'; partition: number; broker: number }
  | { kind: 'leaderElected'; partition: number; broker: number | null; leaderEpoch: number };

/** AdminUtils.assignReplicasToBrokersRackUnaware (brokers 0…n−1, fixed start index). */
export function placeReplicas(
  brokers: number,
  partitions: number,
  replicationFactor: number,
  startIndex = 0,
): number[][] {
  if (replicationFactor > brokers)
    throw new Error(`replication factor ${replicationFactor} exceeds ${brokers} brokers`);
  const out: number[][] = [];
  let nextReplicaShift = startIndex;
  for (let p = 0; p < partitions; p++) {
    if (p > 0 && p % brokers === 0) nextReplicaShift++;
    const first = (p + startIndex) % brokers;
    const replicas = [first];
    for (let j = 0; j < replicationFactor - 1; j++) {
      const shift = 1 + ((nextReplicaShift + j) % (brokers - 1));
      replicas.push((first + shift) % brokers);
    }
    out.push(replicas);
  }
  return out;
}

export function createCluster(config: ClusterConfig): ClusterState {
  const placement = placeReplicas(config.brokers, config.partitions, config.replicationFactor);
  return {
    config,
    alive: new Array(config.brokers).fill(true),
    partitions: placement.map((assignment, partition) => ({
      partition,
      assignment,
      replicas: assignment.map((broker) => ({ broker, log: new ReplicaLog(), lastCaughtUpMs: 0 })),
      leader: assignment[0]!,
      leaderEpoch: 0,
      isr: [...assignment],
      highWatermark: 0,
      logStartOffset: 0,
    })),
    pendingAcks: placement.map(() => []),
  };
}

/**
 * A deep copy. With `shareLogs`, replica logs share their records (copy-on-write, see ReplicaLog):
 * what keyframes do, so that neither taking one nor restoring it copies the logs.
 */
export function cloneCluster(s: ClusterState, shareLogs = false): ClusterState {
  return {
    config: s.config,
    alive: s.alive.slice(),
    partitions: s.partitions.map((p) => ({
      ...p,
      replicas: p.replicas.map((r) => ({ ...r, log: shareLogs ? r.log.share() : r.log.slice(0) })),
      isr: p.isr.slice(),
    })),
    pendingAcks: s.pendingAcks.map((q) => q.slice()),
  };
}

export function replicaOf(p: PartitionState, broker: number): Replica {
  const r = p.replicas.find((x) => x.broker === broker);
  if (!r) throw new Error(`broker ${broker} holds no replica of partition ${p.partition}`);
  return r;
}

export function logEndOffset(p: PartitionState, r: Replica): number {
  return p.logStartOffset + r.log.length;
}

/** A producer request for one record: the append, and an acknowledgement if it is immediate. */
export function append(
  s: ClusterState,
  partition: number,
  tupleId: number,
  acks: Acks,
  nowMs: number,
): ClusterEvent[] {
  const p = s.partitions[partition]!;
  if (p.leader === null || !s.alive[p.leader])
    return [{ kind: 'rejected', partition, tupleId, reason: 'NO_LEADER' }];
  if (acks === 'all' && p.isr.length < s.config.minInsyncReplicas) {
    return [{ kind: 'rejected', partition, tupleId, reason: 'NOT_ENOUGH_REPLICAS' }];
  }
  const leader = replicaOf(p, p.leader);
  const offset = logEndOffset(p, leader);
  leader.log.append(offset, tupleId, p.leaderEpoch, nowMs);
  leader.lastCaughtUpMs = nowMs;
  if (acks === 'all')
    s.pendingAcks[partition]!.push({ partition, offset, tupleId, leaderEpoch: p.leaderEpoch });
  const events: ClusterEvent[] = [
    { kind: 'appended', partition, offset, tupleId, acks, acked: acks !== 'all' },
  ];
  // Only a leader alone in the ISR moves the HW by appending.
  if (p.isr.length === 1) advanceHighWatermark(s, p, events);
  return events;
}

/** Followers fetch, the ISR shrinks or grows, the HW moves, waiting acks=all producers are answered. */
export function replicate(s: ClusterState, nowMs: number): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  for (const p of s.partitions) {
    if (p.leader === null || !s.alive[p.leader]) continue;
    const leader = replicaOf(p, p.leader);
    const leaderEnd = logEndOffset(p, leader);
    for (const r of p.replicas) {
      if (r.broker === p.leader || !s.alive[r.broker]) continue;
      // A fetch returns what the leader had appended by nowMs − delay: the follower is then caught up
      // as of that moment (Kafka's lastCaughtUpTimeMs), though newer records are still on their way.
      const asOf = nowMs - s.config.replicaFetchDelayMs;
      for (let o = logEndOffset(p, r); o < leaderEnd; o++) {
        const record = leader.log.get(o - p.logStartOffset);
        if (record.appendTimeMs > asOf) break;
        r.log.push(record);
      }
      const end = logEndOffset(p, r);
      const caughtUp = end === leaderEnd || leader.log.get(end - p.logStartOffset).appendTimeMs > asOf;
      if (caughtUp) r.lastCaughtUpMs = end === leaderEnd ? nowMs : Math.max(r.lastCaughtUpMs, asOf);
      const inIsr = p.isr.includes(r.broker);
      if (inIsr && nowMs - r.lastCaughtUpMs > s.config.replicaLagTimeMaxMs) {
        p.isr = p.isr.filter((b) => b !== r.broker);
        events.push({ kind: 'isrShrink', partition: p.partition, broker: r.broker });
      } else if (!inIsr && caughtUp && end >= p.highWatermark) {
        p.isr = p.assignment.filter((b) => b === r.broker || p.isr.includes(b));
        events.push({ kind: 'isrExpand', partition: p.partition, broker: r.broker });
      }
    }
    advanceHighWatermark(s, p, events);
  }
  return events;
}

function advanceHighWatermark(s: ClusterState, p: PartitionState, events: ClusterEvent[]): void {
  if (p.leader === null) return;
  let hw = Number.POSITIVE_INFINITY;
  for (const b of p.isr) if (s.alive[b]) hw = Math.min(hw, logEndOffset(p, replicaOf(p, b)));
  if (Number.isFinite(hw) && hw > p.highWatermark) p.highWatermark = hw;
  const queue = s.pendingAcks[p.partition]!;
  let done = 0;
  while (done < queue.length && queue[done]!.offset < p.highWatermark) done++;
  for (const a of queue.splice(0, done)) {
    // Partition.checkEnoughReplicasReachOffset: once the HW passes the record, the producer hears
    // success only if the ISR still has min.insync.replicas members.
    if (p.isr.length >= s.config.minInsyncReplicas) {
      events.push({ kind: 'acked', partition: a.partition, offset: a.offset, tupleId: a.tupleId });
    } else {
      events.push({
        kind: 'ackFailed',
        partition: a.partition,
        offset: a.offset,
        tupleId: a.tupleId,
        reason: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
      });
    }
  }
}

/** A broker stops. Its partitions lose it from the ISR (unless it is the last member) and elect new leaders. */
export function crashBroker(s: ClusterState, broker: number, nowMs: number): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (!s.alive[broker]) return events;
  s.alive[broker] = false;
  for (const p of s.partitions) {
    if (!p.assignment.includes(broker)) continue;
    if (p.isr.includes(broker) && p.isr.length > 1) {
      p.isr = p.isr.filter((b) => b !== broker);
      events.push({ kind: 'isrShrink', partition: p.partition, broker });
    }
    if (p.leader === broker) elect(s, p, nowMs, events);
    else advanceHighWatermark(s, p, events);
  }
  return events;
}

/** A broker comes back: its replicas truncate what the leader does not have and catch up as followers. */
export function restartBroker(s: ClusterState, broker: number, nowMs: number): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (s.alive[broker]) return events;
  s.alive[broker] = true;
  for (const p of s.partitions) {
    if (!p.assignment.includes(broker)) continue;
    if (p.leader === null) {
      elect(s, p, nowMs, events);
      continue;
    }
    truncateToLeader(p, replicaOf(p, broker), events);
  }
  return events;
}

function elect(s: ClusterState, p: PartitionState, nowMs: number, events: ClusterEvent[]): void {
  const candidate = p.assignment.find((b) => s.alive[b] && p.isr.includes(b)) ?? null;
  p.leader = candidate;
  if (candidate === null) {
    events.push({ kind: 'leaderElected', partition: p.partition, broker: null, leaderEpoch: p.leaderEpoch });
    return;
  }
  p.leaderEpoch++;
  const leader = replicaOf(p, candidate);
  leader.lastCaughtUpMs = nowMs;
  events.push({
    kind: 'leaderElected',
    partition: p.partition,
    broker: candidate,
    leaderEpoch: p.leaderEpoch,
  });
  for (const r of p.replicas) if (r.broker !== candidate && s.alive[r.broker]) truncateToLeader(p, r, events);
  // acks=all records the new leader does not have can never be acknowledged.
  s.pendingAcks[p.partition] = s.pendingAcks[p.partition]!.filter((a) => {
    const kept = leader.log.at(a.offset - p.logStartOffset);
    if (kept && kept.tupleId === a.tupleId) return true;
    events.push({
      kind: 'ackFailed',
      partition: a.partition,
      offset: a.offset,
      tupleId: a.tupleId,
      reason: 'LOST_IN_FAILOVER',
    });
    return false;
  });
  advanceHighWatermark(s, p, events);
}

/** Leader-epoch truncation: drop the suffix that differs from the leader's log. */
function truncateToLeader(p: PartitionState, r: Replica, events: ClusterEvent[]): void {
  if (p.leader === null || r.broker === p.leader) return;
  const leader = replicaOf(p, p.leader);
  let keep = 0;
  while (keep < r.log.length && keep < leader.log.length && sameRecord(r.log.get(keep), leader.log.get(keep)))
    keep++;
  for (const dropped of r.log.tail(r.log.length - keep)) {
    events.push({
      kind: 'truncated',
      partition: p.partition,
      broker: r.broker,
      offset: dropped.offset,
      tupleId: dropped.tupleId,
    });
  }
  // A log of its own, not an in-place cut: keyframes share the records.
  r.log = r.log.slice(0, keep);
}

function sameRecord(a: LogRecord, b: LogRecord): boolean {
  return a.offset === b.offset && a.tupleId === b.tupleId && a.leaderEpoch === b.leaderEpoch;
}

export interface RetentionConfig {
  /** retention.ms: delete a segment once its newest record is older than this (null: keep forever). */
  readonly ms: number | null;
  /** retention.bytes, counted in records: delete old segments while the log is over this size. */
  readonly records: number | null;
  /** Records per segment (segment.bytes, counted in records). */
  readonly segmentRecords: number;
}

/**
 * Log retention: whole segments are deleted from the start of the log, never the active segment
 * and never past the high watermark. The log start offset moves forward on every replica.
 */
export function applyRetention(
  s: ClusterState,
  retention: RetentionConfig,
  nowMs: number,
): { partition: number; logStartOffset: number }[] {
  const moved: { partition: number; logStartOffset: number }[] = [];
  if (retention.ms === null && retention.records === null) return moved;
  const size = retention.segmentRecords;
  for (const p of s.partitions) {
    if (p.leader === null) continue;
    const leader = replicaOf(p, p.leader);
    const end = logEndOffset(p, leader);
    const activeBase = Math.floor(Math.max(0, end - 1) / size) * size;
    let start = p.logStartOffset;
    for (;;) {
      const segmentEnd = (Math.floor(start / size) + 1) * size;
      // Only closed segments, wholly below the high watermark.
      if (segmentEnd > activeBase || segmentEnd > p.highWatermark) break;
      const newest = leader.log.at(segmentEnd - 1 - p.logStartOffset);
      const tooOld =
        retention.ms !== null && newest !== undefined && nowMs - newest.appendTimeMs > retention.ms;
      const tooBig = retention.records !== null && end - segmentEnd >= retention.records;
      if (!tooOld && !tooBig) break;
      start = segmentEnd;
    }
    if (start === p.logStartOffset) continue;
    const drop = start - p.logStartOffset;
    // Logs of their own (see truncateToLeader): keyframes share the old records.
    for (const r of p.replicas) r.log = r.log.slice(Math.min(drop, r.log.length));
    p.logStartOffset = start;
    moved.push({ partition: p.partition, logStartOffset: start });
  }
  return moved;
}
