import {
  type ArrivalQueue,
  emptyArrivalQueue,
  packQueue,
  queueOpenTick,
  queuePeekTime,
  queuePop,
  queuePush,
  unpackQueue,
} from './arrivalQueue';
import type { PartitionState } from './broker/cluster';
import { partitionLag } from './broker/groups';
import { Int32Column } from './columns';
import {
  advanceDelivery,
  createLogDelivery,
  deliver,
  type Emit,
  type LogDeliveryState,
  type PackedDelivery,
  packDelivery,
  unpackDelivery,
} from './delivery/logDelivery';
import {
  advanceMessaging,
  cloneMessaging,
  createMessaging,
  deliverMessage,
  type MessagingState,
} from './delivery/messaging';
import { OutcomeCounters } from './delivery/outcomeCounters';
import {
  emptyHeap,
  heapPeekTime,
  heapPop,
  heapPush,
  heapSize,
  type PackedHeap,
  packHeap,
  type TimeHeap,
  unpackHeap,
} from './heap';
import { generateTickInto } from './producer';
import type { CompiledScenario } from './scenario';
import { timeOfTick } from './time';
import { TraceCode, TraceLog } from './trace';
import { TupleFlag, TupleTable } from './tuples';

/**
 * The part of the world that changes in place from tick to tick. It is small and plain, so a
 * keyframe is a cheap copy of it; everything append-only lives in `History`.
 */
export interface WorldState {
  tick: number;
  /** Tuples held by an offline producer, by send time. */
  buffered: TimeHeap;
  /** Tuples on the network, by arrival time. */
  inFlight: ArrivalQueue;
  /** Newest event time the consumer has seen (−∞ before the first arrival), and the tuple that carried it. */
  maxEventTimeSeenMs: number;
  newestTuple: number;
  /** Per producer: the arrived tuple with the newest event time (−1 before the first). */
  newestByProducer: number[];
  /** The broker, its partitions and consumer groups, when the scenario has a delivery model. */
  delivery: LogDeliveryState | null;
  /** Direct messaging or a queue broker, when the scenario has one. */
  messaging: MessagingState | null;
  /** Prefix lengths of the history at this tick. */
  created: number;
  arrived: number;
  dropped: number;
  traced: number;
}

export function initialState(scenario: CompiledScenario): WorldState {
  const producerCount = scenario.producers.length;
  return {
    tick: -1,
    buffered: emptyHeap(),
    inFlight: emptyArrivalQueue(scenario.spec.tickMs),
    maxEventTimeSeenMs: Number.NEGATIVE_INFINITY,
    newestTuple: -1,
    newestByProducer: new Array(producerCount).fill(-1),
    delivery: scenario.spec.delivery ? createLogDelivery(scenario.spec.delivery) : null,
    messaging: scenario.spec.messaging ? createMessaging(scenario.spec.messaging) : null,
    created: 0,
    arrived: 0,
    dropped: 0,
    traced: 0,
  };
}

/** A world state as kept in a keyframe: the same data, packed. */
export type PackedState = Omit<WorldState, 'buffered' | 'inFlight' | 'newestByProducer' | 'delivery'> & {
  readonly delivery: PackedDelivery | null;
  readonly buffered: PackedHeap;
  /** The ids in flight (their times are their arrival times: `packQueue`). */
  readonly inFlight: Int32Array;
  readonly newestByProducer: Int32Array;
};

export function packState(s: WorldState): PackedState {
  return {
    ...s,
    buffered: packHeap(s.buffered),
    inFlight: packQueue(s.inFlight),
    newestByProducer: Int32Array.from(s.newestByProducer),
    delivery: s.delivery && packDelivery(s.delivery),
    messaging: s.messaging && cloneMessaging(s.messaging),
  };
}

export function unpackState(p: PackedState, tickMs: number, tuples: TupleTable): WorldState {
  return {
    ...p,
    buffered: unpackHeap(p.buffered),
    inFlight: unpackQueue(p.inFlight, tuples.arrivalTime.data, tickMs, p.tick),
    newestByProducer: Array.from(p.newestByProducer),
    // The keyframe keeps its own copy: replay mutates the restored one.
    delivery: p.delivery && unpackDelivery(p.delivery),
    messaging: p.messaging && cloneMessaging(p.messaging),
  };
}

/** Append-only record of a run: each tick sees a prefix of it. Written only at the frontier. */
export class History {
  readonly tuples: TupleTable;
  readonly trace: TraceLog;
  /** Tuple ids in the order the consumer received them (arrival time, then id). */
  readonly arrivalOrder: Int32Column;
  /** Dropped tuple ids in the order they were lost. */
  readonly droppedOrder = new Int32Column();
  /** Number of tuples created up to and including tick k. */
  readonly createdByTick: Int32Column;
  /** Trace length at the end of tick k: the entries of tick k are [tracedByTick[k−1], tracedByTick[k]). */
  readonly tracedByTick: Int32Column;
  /** Per consumer group, its total lag (HW − committed, over partitions) at the end of each tick. */
  readonly lagByTick: Int32Column[];
  /**
   * Per partition, the tuple id at each offset below the highest high watermark seen: the committed
   * log, which never changes once written (clean leader election keeps every committed record).
   */
  readonly committed: Int32Column[];
  /** Per partition, the committed log's length (the high watermark a reader sees) at the end of each tick. */
  readonly hwByTick: Int32Column[];
  /** What each consumer or group has got, per tick; null without a delivery model or messaging. */
  readonly outcome: OutcomeCounters | null;

  constructor(scenario: CompiledScenario) {
    this.lagByTick = (scenario.spec.delivery?.groups ?? []).map(() => new Int32Column(scenario.lastTick + 1));
    const partitions = scenario.spec.delivery?.partitions ?? 0;
    this.committed = Array.from({ length: partitions }, () => new Int32Column(1024));
    this.hwByTick = Array.from({ length: partitions }, () => new Int32Column(scenario.lastTick + 1));
    const expected = Math.ceil(scenario.expectedTuples * 1.02) + 1024;
    this.tuples = new TupleTable(scenario.keys, expected);
    // Entries per tuple: emitted and arrived; with a log, appended and acked and per group fetched
    // and processed; with messaging about one per consumer. Sized up front, the trace never grows.
    const { delivery: log, messaging: direct } = scenario.spec;
    const detailed = (log ? 2 + 2 * log.groups.length : 0) + (direct ? 1 + direct.consumers.length : 0);
    this.trace = new TraceLog(this.tuples, (2 + detailed) * expected, detailed * expected);
    this.arrivalOrder = new Int32Column(expected);
    this.createdByTick = new Int32Column(scenario.lastTick + 1);
    this.tracedByTick = new Int32Column(scenario.lastTick + 1);
    const { delivery, messaging } = scenario.spec;
    const ticks = scenario.lastTick + 1;
    this.outcome = delivery
      ? new OutcomeCounters('log', delivery.groups.length, partitions, ticks)
      : messaging
        ? new OutcomeCounters(messaging.model, messaging.consumers.length, 0, ticks)
        : null;
  }
}

/**
 * Advances `state` by one tick, processing creations, sends and arrivals in time order
 * (ties: creation, then send, then arrival). At the frontier it records into `history`;
 * behind it (replay after a seek) it reads what was recorded and changes only `state`.
 */
export function stepWorld(
  scenario: CompiledScenario,
  seed: number,
  state: WorldState,
  history: History,
): void {
  const tick = state.tick + 1;
  const nowMs = timeOfTick(tick, scenario.spec.tickMs);
  const recording = tick >= history.createdByTick.length;
  const { tuples, trace } = history;
  const { sentTime, arrivalTime, eventTime, flags } = tuples;
  const boundMs = scenario.spec.lateness.boundMs;

  let firstNew: number;
  let endNew: number;
  if (recording) {
    firstNew = tuples.length;
    generateTickInto(scenario, seed, tick, tuples);
    endNew = tuples.length;
  } else {
    firstNew = tick === 0 ? 0 : history.createdByTick.get(tick - 1);
    endNew = history.createdByTick.get(tick);
  }

  const route = (id: number) => {
    if (flags.get(id) & TupleFlag.dropped) {
      if (recording) {
        trace.appendTupleEvent(TraceCode.dropped, id);
        history.droppedOrder.push(id);
      }
      state.dropped++;
    } else {
      queuePush(state.inFlight, arrivalTime.get(id), id);
    }
  };

  const noop: Emit = () => {};
  const outcome = recording ? history.outcome : null;
  outcome?.reserve(endNew);
  const emit: Emit = !recording
    ? noop
    : outcome
      ? (code, t, tupleId, a = -1, b = -1, c = -1) => {
          trace.append(code, t, tupleId, a, b, c);
          outcome.entry(code, tupleId, a, b);
        }
      : (code, t, tupleId, a, b, c) => trace.append(code, t, tupleId, a, b, c);
  const delivery = scenario.spec.delivery;

  queueOpenTick(state.inFlight, tick);
  let next = firstNew;
  for (;;) {
    const createAt = next < endNew ? eventTime.get(next) : Number.POSITIVE_INFINITY;
    const sendAt = heapPeekTime(state.buffered);
    const arriveAt = queuePeekTime(state.inFlight);
    const at = Math.min(createAt, sendAt, arriveAt);
    if (at > nowMs) break;
    if (createAt === at) {
      const id = next++;
      if (recording) trace.appendTupleEvent(TraceCode.emitted, id);
      const sendTime = sentTime.get(id);
      if (sendTime > createAt) heapPush(state.buffered, sendTime, id);
      else route(id);
    } else if (sendAt === at) {
      const id = heapPop(state.buffered);
      if (recording) trace.appendTupleEvent(TraceCode.sent, id);
      route(id);
    } else {
      const id = queuePop(state.inFlight);
      const e = eventTime.get(id);
      const producer = tuples.producer.get(id);
      const sourceNewest = state.newestByProducer[producer]!;
      if (recording) {
        // Out of order: overtaken by a later tuple from the same source.
        // Late: further than the bound behind the newest event time from any source.
        let f = flags.get(id);
        if (sourceNewest >= 0 && e < eventTime.get(sourceNewest)) {
          f |= TupleFlag.outOfOrder;
          tuples.overtakenBy.set(id, sourceNewest);
        } else tuples.overtakenBy.set(id, -1);
        if (e < state.maxEventTimeSeenMs - boundMs) f |= TupleFlag.late;
        flags.set(id, f);
        tuples.newestBefore.set(id, state.newestTuple);
        trace.appendTupleEvent(TraceCode.arrived, id);
        history.arrivalOrder.push(id);
      }
      if (state.delivery && delivery) {
        const keyed = scenario.producers[producer]!.spec.keyed;
        deliver(state.delivery, delivery, seed, tuples, id, keyed, arriveAt, emit);
      }
      if (state.messaging) deliverMessage(state.messaging, id, arriveAt, emit);
      if (sourceNewest < 0 || e > eventTime.get(sourceNewest)) state.newestByProducer[producer] = id;
      if (e > state.maxEventTimeSeenMs) {
        state.maxEventTimeSeenMs = e;
        state.newestTuple = id;
      }
      state.arrived++;
    }
  }

  if (state.delivery && delivery)
    advanceDelivery(state.delivery, delivery, scenario.spec.tickMs, nowMs, emit);
  if (state.messaging && scenario.spec.messaging)
    advanceMessaging(state.messaging, scenario.spec.messaging, nowMs, emit);

  state.tick = tick;
  state.created = endNew;
  if (recording) {
    history.createdByTick.push(endNew);
    history.tracedByTick.push(trace.length);
    outcome?.endTick(state);
    if (state.delivery) {
      const { cluster, groups } = state.delivery;
      groups.forEach((g, gi) => {
        let total = 0;
        for (const p of cluster.partitions) total += partitionLag(g, p);
        history.lagByTick[gi]!.push(total);
      });
      recordCommitted(cluster.partitions, history);
    }
  }
  state.traced = history.tracedByTick.get(tick);
}

/** Copies newly committed records (below the high watermark) into the history's committed logs. */
function recordCommitted(partitions: readonly PartitionState[], history: History): void {
  for (const p of partitions) {
    const column = history.committed[p.partition]!;
    while (column.length < p.highWatermark) {
      const offset = column.length;
      const replica = p.replicas.find((r) => r.log.at(offset - p.logStartOffset)?.offset === offset);
      if (!replica) break;
      column.push(replica.log.get(offset - p.logStartOffset).tupleId);
    }
    history.hwByTick[p.partition]!.push(column.length);
  }
}

/** Roughly how many entries a keyframe of this state copies. */
export function snapshotSize(s: WorldState): number {
  let size = heapSize(s.buffered) + s.inFlight.size;
  if (s.messaging) size += s.messaging.queue.length;
  // Replica logs are shared with the keyframe, not copied (packDelivery): what is copied is small.
  if (s.delivery) {
    for (const q of s.delivery.cluster.pendingAcks) size += q.length;
    for (const g of s.delivery.groups) for (const m of g.members) size += m.inProcess.length;
  }
  return size;
}
