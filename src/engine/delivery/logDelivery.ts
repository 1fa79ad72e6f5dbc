import {
  append,
  applyRetention,
  type ClusterEvent,
  type ClusterState,
  cloneCluster,
  crashBroker,
  createCluster,
  replicate,
  restartBroker,
} from '../broker/cluster';
import {
  cloneGroup,
  crash,
  createGroup,
  expireSessions,
  type GroupEvent,
  type GroupState,
  join,
  leave,
  poll,
  processRecords,
} from '../broker/groups';
import { partitionForKey } from '../broker/partitioner';
import { sourceFor } from '../rng';
import { TraceCode } from '../trace';
import type { TupleTable } from '../tuples';
import type { LogDeliverySpec } from '../types';

/** Writes one trace entry (a no-op while replaying behind the frontier). */
export type Emit = (
  code: number,
  timeMs: number,
  tupleId: number,
  a?: number,
  b?: number,
  c?: number,
) => void;

interface MemberClock {
  nextPollMs: number;
  /** Records' worth of processing time not yet used. */
  carry: number;
}

/** The part of the world that a Kafka-style log delivery adds. Plain data: cloned for keyframes. */
export interface LogDeliveryState {
  cluster: ClusterState;
  groups: GroupState[];
  /** Every member id a group has had, in order: a member's trace number is its index here. */
  rosters: string[][];
  clocks: Record<string, MemberClock>;
  sticky: { partition: number; sent: number };
  /** Writes the broker refused so far, by reason (counted here so views need not scan the trace). */
  refused: { notEnoughReplicas: number; noLeader: number };
  roundRobinNext: number;
  /** Index of the next scripted fault, and of the next member start, not yet applied. */
  nextFault: number;
  started: boolean[][];
}

const STREAM_STICKY = 3;
const clockKey = (group: number, member: string) => `${group}:${member}`;

export function createLogDelivery(spec: LogDeliverySpec): LogDeliveryState {
  return {
    cluster: createCluster({
      brokers: spec.brokers,
      partitions: spec.partitions,
      replicationFactor: spec.replicationFactor,
      minInsyncReplicas: spec.minInsyncReplicas,
      replicaLagTimeMaxMs: spec.replicaLagTimeMaxMs,
      replicaFetchDelayMs: spec.replicaFetchDelayMs,
    }),
    groups: spec.groups.map((g) =>
      createGroup({
        groupId: g.id,
        topic: 'topic',
        assignor: g.assignor,
        autoOffsetReset: g.autoOffsetReset,
        commitMode: g.commitMode,
        autoCommitIntervalMs: g.autoCommitIntervalMs,
        sessionTimeoutMs: g.sessionTimeoutMs,
        maxPollRecords: g.maxPollRecords,
      }),
    ),
    rosters: spec.groups.map((g) => g.members.map((m) => m.id)),
    clocks: {},
    sticky: { partition: -1, sent: 0 },
    refused: { notEnoughReplicas: 0, noLeader: 0 },
    roundRobinNext: 0,
    nextFault: 0,
    started: spec.groups.map((g) => g.members.map(() => false)),
  };
}

export function cloneLogDelivery(s: LogDeliveryState, shareLogs = false): LogDeliveryState {
  return {
    cluster: cloneCluster(s.cluster, shareLogs),
    groups: s.groups.map(cloneGroup),
    rosters: s.rosters.map((r) => r.slice()),
    clocks: Object.fromEntries(Object.entries(s.clocks).map(([k, c]) => [k, { ...c }])),
    sticky: { ...s.sticky },
    refused: { ...s.refused },
    roundRobinNext: s.roundRobinNext,
    nextFault: s.nextFault,
    started: s.started.map((r) => r.slice()),
  };
}

/** A delivery state as a keyframe keeps it: replica logs share their records with the live state. */
export interface PackedDelivery {
  readonly state: LogDeliveryState;
}

/**
 * Packs for a keyframe without copying the logs (which would make keyframes grow with the square
 * of the run): replica logs are copy-on-write (ReplicaLog), so a keyframe keeps the records' array
 * and its own length.
 */
export function packDelivery(s: LogDeliveryState): PackedDelivery {
  return { state: cloneLogDelivery(s, true) };
}

/** The keyframe keeps its own copy (replay mutates the restored one); the logs are shared again. */
export function unpackDelivery(p: PackedDelivery): LogDeliveryState {
  return cloneLogDelivery(p.state, true);
}

/**
 * Per run (its tuple table: one scenario, so one key list and one partition count), the partition
 * of each key index (−1: not computed yet); keys repeat, and a table lookup is cheaper than hashing.
 */
const partitionsByKey = new WeakMap<TupleTable, Int32Array>();

/** partitionForKey for a tuple's key, remembered by key index (a pure function of key and count). */
function keyedPartition(spec: LogDeliverySpec, tuples: TupleTable, tupleId: number): number {
  const keyIndex = tuples.keyIndex.get(tupleId);
  let known = partitionsByKey.get(tuples);
  if (!known || keyIndex >= known.length) {
    const next = new Int32Array(Math.max(tuples.keys.length, keyIndex + 1)).fill(-1);
    if (known) next.set(known);
    known = next;
    partitionsByKey.set(tuples, known);
  }
  let partition = known[keyIndex]!;
  if (partition < 0) {
    partition = partitionForKey(tuples.key(tupleId), spec.partitions);
    known[keyIndex] = partition;
  }
  return partition;
}

/**
 * The producer sends an arriving tuple as a record: keyed records go where Kafka's default
 * partitioner puts them; null-key records use the sticky partitioner (or round-robin).
 */
export function deliver(
  s: LogDeliveryState,
  spec: LogDeliverySpec,
  seed: number,
  tuples: TupleTable,
  tupleId: number,
  keyed: boolean,
  nowMs: number,
  emit: Emit,
): void {
  const partitions = spec.partitions;
  let partition: number;
  if (keyed) {
    partition = keyedPartition(spec, tuples, tupleId);
  } else if (spec.unkeyedPartitioner === 'roundRobin') {
    partition = s.roundRobinNext++ % partitions;
  } else {
    // Sticky: stay on one partition for a batch, then switch to another one, chosen at random.
    if (s.sticky.partition < 0 || s.sticky.sent >= spec.stickyBatchRecords) {
      const u = sourceFor(seed, STREAM_STICKY, tupleId)();
      const current = s.sticky.partition;
      let next: number;
      if (partitions === 1) next = 0;
      else if (current < 0) next = Math.floor(u * partitions);
      else {
        const k = Math.floor(u * (partitions - 1));
        next = k >= current ? k + 1 : k;
      }
      s.sticky = { partition: next, sent: 0 };
    }
    partition = s.sticky.partition;
    s.sticky.sent++;
  }
  const events = append(s.cluster, partition, tupleId, spec.acks, nowMs);
  const first = events[0];
  if (first?.kind === 'rejected') {
    if (first.reason === 'NOT_ENOUGH_REPLICAS') s.refused.notEnoughReplicas++;
    else s.refused.noLeader++;
  }
  emitCluster(events, nowMs, emit);
}

/** End of a tick: scripted faults, member starts, replication, sessions, polls and processing. */
export function advanceDelivery(
  s: LogDeliveryState,
  spec: LogDeliverySpec,
  tickMs: number,
  nowMs: number,
  emit: Emit,
): void {
  while (s.nextFault < spec.faults.length && spec.faults[s.nextFault]!.atMs <= nowMs) {
    applyFault(s, spec, spec.faults[s.nextFault]!, nowMs, emit);
    s.nextFault++;
  }
  spec.groups.forEach((g, gi) => {
    g.members.forEach((m, mi) => {
      if (!s.started[gi]![mi] && m.joinAtMs <= nowMs) {
        s.started[gi]![mi] = true;
        memberJoins(s, gi, m.id, m.instanceId, nowMs, emit);
      }
    });
  });
  emitCluster(replicate(s.cluster, nowMs), nowMs, emit);
  for (const moved of applyRetention(s.cluster, spec.retention, nowMs)) {
    emit(TraceCode.segmentsDeleted, nowMs, -1, moved.partition, moved.logStartOffset);
  }
  spec.groups.forEach((g, gi) => {
    const group = s.groups[gi]!;
    emitGroup(s, gi, expireSessions(group, s.cluster, nowMs), nowMs, emit);
    for (const member of group.members) {
      if (!member.alive) continue;
      const clock = clockOf(s, gi, member.memberId, nowMs);
      if (member.inProcess.length > 0) {
        clock.carry +=
          g.processingMsPerRecord === 0 ? Number.POSITIVE_INFINITY : tickMs / g.processingMsPerRecord;
        const count = Math.min(member.inProcess.length, Math.floor(clock.carry));
        if (count > 0) {
          clock.carry = Number.isFinite(clock.carry) ? clock.carry - count : 0;
          emitGroup(s, gi, processRecords(group, member.memberId, count), nowMs, emit);
        }
      }
      if (member.inProcess.length === 0 && nowMs >= clock.nextPollMs) {
        clock.nextPollMs = nowMs + g.pollIntervalMs;
        clock.carry = 0;
        emitGroup(s, gi, poll(group, s.cluster, member.memberId, nowMs), nowMs, emit);
      }
    }
  });
}

function clockOf(s: LogDeliveryState, group: number, member: string, nowMs: number): MemberClock {
  const key = clockKey(group, member);
  s.clocks[key] ??= { nextPollMs: nowMs, carry: 0 };
  return s.clocks[key];
}

function memberIndex(s: LogDeliveryState, group: number, member: string): number {
  const roster = s.rosters[group]!;
  let i = roster.indexOf(member);
  if (i < 0) i = roster.push(member) - 1;
  return i;
}

function memberJoins(
  s: LogDeliveryState,
  gi: number,
  member: string,
  instanceId: string | undefined,
  nowMs: number,
  emit: Emit,
): void {
  emit(TraceCode.consumerJoined, nowMs, -1, gi, memberIndex(s, gi, member));
  s.clocks[clockKey(gi, member)] = { nextPollMs: nowMs, carry: 0 };
  emitGroup(s, gi, join(s.groups[gi]!, s.cluster, member, nowMs, instanceId), nowMs, emit);
}

function applyFault(
  s: LogDeliveryState,
  spec: LogDeliverySpec,
  f: LogDeliverySpec['faults'][number],
  nowMs: number,
  emit: Emit,
): void {
  if (f.kind === 'crashBroker' || f.kind === 'restartBroker') {
    emit(f.kind === 'crashBroker' ? TraceCode.brokerCrashed : TraceCode.brokerRestarted, nowMs, -1, f.broker);
    emitCluster(
      f.kind === 'crashBroker'
        ? crashBroker(s.cluster, f.broker, nowMs)
        : restartBroker(s.cluster, f.broker, nowMs),
      nowMs,
      emit,
    );
    return;
  }
  if (!('group' in f)) return;
  const gi = spec.groups.findIndex((g) => g.id === f.group);
  const group = s.groups[gi];
  if (!group) return;
  const existing = group.members.find((m) => m.memberId === f.member);
  if (f.kind === 'crashConsumer' && existing?.alive) {
    emit(TraceCode.consumerCrashed, nowMs, -1, gi, memberIndex(s, gi, f.member));
    crash(group, f.member, nowMs);
  } else if (f.kind === 'removeConsumer' && existing) {
    emit(TraceCode.consumerLeft, nowMs, -1, gi, memberIndex(s, gi, f.member));
    emitGroup(s, gi, leave(group, s.cluster, f.member, nowMs), nowMs, emit);
  } else if (
    (f.kind === 'restartConsumer' && existing && !existing.alive) ||
    (f.kind === 'addConsumer' && !existing)
  ) {
    const instanceId = spec.groups[gi]!.members.find((m) => m.id === f.member)?.instanceId;
    memberJoins(s, gi, f.member, instanceId, nowMs, emit);
  } else if (f.kind === 'restartConsumer' && !existing) {
    // Its session expired while it was down: it joins again, as the same static member if it is one.
    const instanceId = spec.groups[gi]!.members.find((m) => m.id === f.member)?.instanceId;
    memberJoins(s, gi, f.member, instanceId, nowMs, emit);
  }
}

function emitCluster(events: ClusterEvent[], nowMs: number, emit: Emit): void {
  for (const e of events) {
    switch (e.kind) {
      case 'appended':
        emit(TraceCode.appended, nowMs, e.tupleId, e.partition, e.offset, e.acks === 'all' ? -1 : e.acks);
        break;
      case 'rejected':
        emit(
          TraceCode.produceRejected,
          nowMs,
          e.tupleId,
          e.partition,
          e.reason === 'NOT_ENOUGH_REPLICAS' ? 0 : 1,
        );
        break;
      case 'acked':
        emit(TraceCode.acked, nowMs, e.tupleId, e.partition, e.offset);
        break;
      case 'ackFailed':
        emit(
          TraceCode.ackFailed,
          nowMs,
          e.tupleId,
          e.partition,
          e.offset,
          e.reason === 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' ? 0 : 1,
        );
        break;
      case 'truncated':
        emit(TraceCode.truncated, nowMs, e.tupleId, e.partition, e.offset, e.broker);
        break;
      case 'leaderElected':
        emit(TraceCode.leaderElected, nowMs, -1, e.partition, e.broker ?? -1, e.leaderEpoch);
        break;
      case 'isrShrink':
      case 'isrExpand':
        emit(
          e.kind === 'isrShrink' ? TraceCode.isrShrink : TraceCode.isrExpand,
          nowMs,
          -1,
          e.partition,
          e.broker,
        );
        break;
    }
  }
}

function emitGroup(s: LogDeliveryState, gi: number, events: GroupEvent[], nowMs: number, emit: Emit): void {
  for (const e of events) {
    switch (e.kind) {
      case 'rebalanced':
        emit(TraceCode.rebalanced, nowMs, -1, gi, e.generation);
        break;
      case 'rebalanceWaiting':
        emit(TraceCode.rebalanceWaiting, nowMs, -1, gi, e.generation);
        break;
      case 'offsetReset':
        emit(TraceCode.offsetReset, nowMs, -1, gi, memberIndex(s, gi, e.memberId), e.partition);
        break;
      case 'fetched':
      case 'processed':
        emit(
          e.kind === 'fetched' ? TraceCode.fetched : TraceCode.processed,
          nowMs,
          e.tupleId,
          gi,
          memberIndex(s, gi, e.memberId),
          e.partition,
        );
        break;
      case 'committed':
        emit(TraceCode.committed, nowMs, -1, gi, e.partition, e.offset);
        break;
    }
  }
}
