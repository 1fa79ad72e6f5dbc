import { queueIds } from './arrivalQueue';
import type { LogDeliveryState } from './delivery/logDelivery';
import type { MessagingState } from './delivery/messaging';
import { heapSize } from './heap';
import { StreamingRun } from './microbatch/run';
import { type CompiledScenario, compileScenario } from './scenario';
import { streamSourceOf } from './streamSource';
import { StructuredQuery } from './structured/query';
import { tickOfTime, timeOfTick } from './time';
import type { TraceEntry, TraceKind } from './trace';
import type { TupleMark, TupleView } from './tuples';
import type { ScenarioSpec } from './types';
import {
  History,
  initialState,
  type PackedState,
  packState,
  snapshotSize,
  stepWorld,
  unpackState,
  type WorldState,
} from './world';

/** What the world looks like at one tick: plain numbers, safe to compare and serialise. */
export interface FrameSummary {
  readonly tick: number;
  readonly timeMs: number;
  readonly created: number;
  readonly arrived: number;
  readonly dropped: number;
  readonly buffered: number;
  readonly inFlight: number;
  readonly maxEventTimeSeenMs: number | null;
  readonly traceLength: number;
}

interface Keyframe {
  readonly tick: number;
  readonly state: PackedState;
}

/** Keyframe at least this often in ticks … */
const KEYFRAME_MAX_TICKS = 64;
/**
 * … and whenever this much work (tuples created + arrived) has passed, so replays stay short; but
 * not before the work since the last keyframe is the snapshot's size, or a run with many tuples
 * in flight would spend more memory on keyframes than replaying costs.
 */
const KEYFRAME_MAX_WORK = 2048;

/**
 * A run of a scenario with a movable cursor. A run is a pure function of (scenario, seed): `seek(t)`
 * restores the nearest keyframe at or before t and replays, giving exactly the state that stepping
 * from 0 gives. Reads answer for the cursor's tick and never reveal what happens later.
 */
export class Simulation {
  readonly scenario: CompiledScenario;
  readonly lastTick: number;
  private readonly history: History;
  private state: WorldState;
  private readonly keyframes: Keyframe[] = [];
  private workSinceKeyframe = 0;
  /** The Spark Streaming application, when the scenario has one; generated up to the frontier. */
  private readonly streamingRun: StreamingRun | null;
  /** The Structured Streaming query, when the scenario has one; run up to the frontier. */
  private readonly structuredQuery: StructuredQuery | null;
  private partitionIndex: { frontier: number; byId: Map<number, number> } | null = null;

  constructor(
    spec: ScenarioSpec,
    readonly seed: number,
  ) {
    this.scenario = compileScenario(spec);
    this.lastTick = this.scenario.lastTick;
    this.history = new History(this.scenario);
    this.state = initialState(this.scenario);
    this.streamingRun = spec.streaming
      ? new StreamingRun(spec.streaming, streamSourceOf(this.scenario, this.history))
      : null;
    this.structuredQuery = spec.query
      ? new StructuredQuery(spec.query, {
          ...streamSourceOf(this.scenario, this.history),
          eventTime: (id) => this.history.tuples.eventTime.get(id),
        })
      : null;
    this.advance();
  }

  get tick(): number {
    return this.state.tick;
  }

  get timeMs(): number {
    return timeOfTick(this.state.tick, this.scenario.spec.tickMs);
  }

  /** The furthest tick computed so far. */
  get frontier(): number {
    return this.history.createdByTick.length - 1;
  }

  get atEnd(): boolean {
    return this.state.tick >= this.lastTick;
  }

  /** One tick forward; false (and no change) at the last tick. */
  step(): boolean {
    if (this.atEnd) return false;
    this.advance();
    return true;
  }

  stepBack(): boolean {
    if (this.state.tick <= 0) return false;
    this.seek(this.state.tick - 1);
    return true;
  }

  /** Moves the cursor to `tick` (clamped to the run). */
  seek(tick: number): void {
    const target = Math.max(0, Math.min(this.lastTick, Math.floor(tick)));
    if (target === this.state.tick) return;
    const keyframe = this.keyframeAtOrBefore(target);
    if (!(target > this.state.tick && this.state.tick >= keyframe.tick)) {
      this.state = unpackState(keyframe.state, this.scenario.spec.tickMs, this.history.tuples);
    }
    while (this.state.tick < target) this.advance();
  }

  /**
   * Computes up to `ticks` ticks past the frontier while the cursor stays where it is (the run is
   * a pure function of scenario and seed, so what a later seek finds is the same either way): an
   * app can compute ahead in idle time so that seeking forward later only replays. False once the
   * whole run is computed.
   */
  computeAhead(ticks: number): boolean {
    if (this.frontier >= this.lastTick) return false;
    // The cursor's state packed as a keyframe is, and restored: seeking back replayed from the
    // keyframe before the cursor (issue 19: 35 ms of idle work for one tick on the what-if run).
    const here = packState(this.state);
    this.seek(this.frontier);
    for (let i = 0; i < ticks && this.state.tick < this.lastTick; i++) this.advance();
    this.state = unpackState(here, this.scenario.spec.tickMs, this.history.tuples);
    return this.frontier < this.lastTick;
  }

  seekTime(timeMs: number): void {
    this.seek(tickOfTime(timeMs, this.scenario.spec.tickMs));
  }

  frame(): FrameSummary {
    const s = this.state;
    return {
      tick: s.tick,
      timeMs: this.timeMs,
      created: s.created,
      arrived: s.arrived,
      dropped: s.dropped,
      buffered: heapSize(s.buffered),
      inFlight: s.inFlight.size,
      maxEventTimeSeenMs: Number.isFinite(s.maxEventTimeSeenMs) ? s.maxEventTimeSeenMs : null,
      traceLength: s.traced,
    };
  }

  /** Full comparable state at the cursor: frame, pending sets, delivery state and a hash of the trace so far. */
  snapshot(): FrameSummary & {
    bufferedIds: number[];
    inFlightIds: number[];
    delivery: unknown;
    messaging: unknown;
    traceHash: string;
  } {
    return {
      ...this.frame(),
      bufferedIds: this.state.buffered.ids.slice().sort((a, b) => a - b),
      inFlightIds: queueIds(this.state.inFlight).sort((a, b) => a - b),
      delivery: this.state.delivery && JSON.parse(JSON.stringify(this.state.delivery)),
      messaging: this.state.messaging && JSON.parse(JSON.stringify(this.state.messaging)),
      traceHash: this.traceHash(),
    };
  }

  tuple(id: number): TupleView | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.state.created) return undefined;
    return this.history.tuples.viewAt(id, this.timeMs);
  }

  /** Ids of tuples that arrived in (fromMs, toMs], in arrival order (up to the cursor). */
  arrivalsBetween(fromMs: number, toMs: number): number[] {
    const { arrivalOrder } = this.history;
    const arrivalTime = this.history.tuples.arrivalTime;
    const at = (i: number) => arrivalTime.get(arrivalOrder.get(i));
    const n = this.state.arrived;
    // Arrival order is sorted by arrival time: binary search for the first arrival after fromMs.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(mid) <= fromMs) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < n && at(i) <= toMs; i++) out.push(arrivalOrder.get(i));
    return out;
  }

  /** Ids of tuples dropped so far whose send time is in (fromMs, toMs]. */
  droppedBetween(fromMs: number, toMs: number): number[] {
    const out: number[] = [];
    const { droppedOrder, tuples } = this.history;
    for (let i = 0; i < this.state.dropped; i++) {
      const id = droppedOrder.get(i);
      const t = tuples.sentTime.get(id);
      if (t > fromMs && t <= toMs) out.push(id);
    }
    return out;
  }

  /**
   * A tuple as the computed run knows it at its frontier, which may be ahead of the cursor (after a
   * seek back, or `computeAhead`): for analyses of the whole computed run, whose views show only
   * what happened by the cursor. Undefined for a tuple not created by the frontier.
   */
  tupleAtFrontier(id: number): TupleView | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.history.tuples.length) return undefined;
    return this.history.tuples.viewAt(id, timeOfTick(this.frontier, this.scenario.spec.tickMs));
  }

  /** A tuple as a view draws it (producer, key, status, times, verdicts), cheaper than `tuple`. */
  tupleMark(id: number): TupleMark | undefined {
    const known = Number.isInteger(id) && id >= 0 && id < this.state.created;
    return known ? this.history.tuples.markAt(id, this.timeMs) : undefined;
  }

  /** `tupleMark` of each of `ids` created by the cursor (others left out), packed: `PACKED_MARK_STRIDE`. */
  packMarks(ids: readonly number[]): Float64Array {
    const known = (id: number) => Number.isInteger(id) && id >= 0 && id < this.state.created;
    return this.history.tuples.packMarksAt(ids.every(known) ? ids : ids.filter(known), this.timeMs);
  }

  /** Every tuple arrived by the frontier, in arrival order: the run as computed so far. */
  arrivalsAtFrontier(): number[] {
    const order = this.history.arrivalOrder;
    return Array.from(order.data.subarray(0, order.length));
  }

  /** When a tuple in flight at the cursor will arrive (its delay was drawn when it was sent); else null. */
  scheduledArrival(id: number): { sentMs: number; arrivalMs: number } | null {
    const { tuples } = this.history;
    if (this.tupleMark(id)?.status !== 'inFlight') return null;
    return { sentMs: tuples.sentTime.get(id), arrivalMs: tuples.arrivalTime.get(id) };
  }

  /** Tuples created but not yet arrived or dropped at the cursor, by id. */
  pending(): number[] {
    return [...this.state.buffered.ids, ...queueIds(this.state.inFlight)].sort((a, b) => a - b);
  }

  /** Trace entries recorded during `tick` (which must not be after the cursor). */
  traceAtTick(tick: number): TraceEntry[] {
    if (tick < 0 || tick > this.state.tick) return [];
    const from = tick === 0 ? 0 : this.history.tracedByTick.get(tick - 1);
    return this.history.trace.range(from, this.history.tracedByTick.get(tick));
  }

  /** `traceAtTick`'s entries of the given kinds, without building the others'. */
  traceAtTickOfKinds(tick: number, kinds: readonly TraceKind[]): TraceEntry[] {
    if (tick < 0 || tick > this.state.tick) return [];
    const { trace, tracedByTick } = this.history;
    return trace.rangeOfKinds(tick === 0 ? 0 : tracedByTick.get(tick - 1), tracedByTick.get(tick), kinds);
  }

  /** Trace entries [from, to) clipped to what has happened by the cursor. */
  traceRange(from: number, to: number): TraceEntry[] {
    return this.history.trace.range(Math.max(0, from), Math.min(to, this.state.traced));
  }

  /** Where a tuple has been so far: its trace entries up to the cursor. */
  traceForTuple(id: number): TraceEntry[] {
    if (id < 0 || id >= this.state.created) return [];
    return this.history.trace.forTuple(id, this.state.traced);
  }

  traceHash(): string {
    return this.history.trace.hash(this.state.traced);
  }

  /** Bytes held by the run's history and keyframes (typed arrays and pending sets). */
  memoryBytes(): number {
    const h = this.history;
    let keyframeBytes = 0;
    for (const k of this.keyframes) {
      keyframeBytes += 12 * heapSize(k.state.buffered) + 4 * k.state.inFlight.length + 96;
    }
    return (
      h.tuples.byteLength +
      h.trace.byteLength +
      h.arrivalOrder.byteLength +
      h.droppedOrder.byteLength +
      h.createdByTick.byteLength +
      h.tracedByTick.byteLength +
      keyframeBytes
    );
  }

  get keyframeCount(): number {
    return this.keyframes.length;
  }

  private advance(): void {
    const recording = this.state.tick + 1 > this.frontier;
    const before = this.state.created + this.state.arrived;
    stepWorld(this.scenario, this.seed, this.state, this.history);
    if (!recording) return;
    this.streamingRun?.extendTo(timeOfTick(this.frontier, this.scenario.spec.tickMs));
    this.structuredQuery?.extendTo(timeOfTick(this.frontier, this.scenario.spec.tickMs));
    this.workSinceKeyframe += this.state.created + this.state.arrived - before;
    const last = this.keyframes[this.keyframes.length - 1];
    if (
      last === undefined ||
      this.state.tick - last.tick >= KEYFRAME_MAX_TICKS ||
      this.workSinceKeyframe >= Math.max(KEYFRAME_MAX_WORK, snapshotSize(this.state))
    ) {
      this.keyframes.push({ tick: this.state.tick, state: packState(this.state) });
      this.workSinceKeyframe = 0;
    }
  }

  /** A group's total lag at each tick from `fromTick` up to the cursor. */
  lagHistory(group: number, fromTick = 0): number[] {
    const column = this.history.lagByTick[group];
    if (!column) return [];
    const out: number[] = [];
    for (let t = Math.max(0, fromTick); t <= this.state.tick; t++) out.push(column.get(t));
    return out;
  }

  /**
   * Per consumer (messaging) or group (Kafka log), what it has got by the cursor: distinct tuples
   * processed, extra processings, and (log) records it skipped; null without either model.
   */
  outcomeCounts(): { received: number[]; duplicates: number[]; lost: number[] } | null {
    const o = this.history.outcome;
    if (!o) return null;
    const at = (c: { get(i: number): number }) => c.get(this.state.tick);
    return { received: o.received.map(at), duplicates: o.duplicates.map(at), lost: o.lost.map(at) };
  }

  /** Direct messaging or queue state at the cursor; null without one. */
  messaging(): Readonly<MessagingState> | null {
    return this.state.messaging;
  }

  /** The run's delivery state (broker, partitions, groups) at the cursor; null without a delivery model. */
  delivery(): Readonly<LogDeliveryState> | null {
    return this.state.delivery;
  }

  /**
   * The streaming application: batches up to the frontier (callers show those ≤ the cursor, and
   * only the outputs of batches whose jobs have finished by then). Null without one.
   */
  streaming(): StreamingRun | null {
    return this.streamingRun;
  }

  /** The Kafka partition a tuple was committed to as far as the run is computed; null if none. */
  kafkaPartitionOf(id: number): number | null {
    const h = this.history;
    if (this.partitionIndex?.frontier !== this.frontier) {
      const byId = new Map<number, number>();
      h.committed.forEach((log, p) => {
        for (let o = 0; o < log.length; o++) byId.set(log.get(o), p);
      });
      this.partitionIndex = { frontier: this.frontier, byId };
    }
    return this.partitionIndex.byId.get(id) ?? null;
  }

  /**
   * The Structured Streaming query: batches up to the frontier (callers show what happened by the
   * cursor: a batch's parts at their own times). Null without one.
   */
  query(): StructuredQuery | null {
    return this.structuredQuery;
  }

  private keyframeAtOrBefore(tick: number): Keyframe {
    let lo = 0;
    let hi = this.keyframes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.keyframes[mid]!.tick <= tick) lo = mid;
      else hi = mid - 1;
    }
    return this.keyframes[lo]!;
  }
}
