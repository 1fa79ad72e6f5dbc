import { Float64Column, Int32Column } from './columns';
import type { JsonValue } from './types';

/** Bit flags stored per tuple. */
export const TupleFlag = {
  /** Written into the scenario by hand. */
  explicit: 1,
  /** Created while its producer was offline and sent on reconnect. */
  backfilled: 2,
  /** Held back by out-of-order jitter. */
  jittered: 4,
  /** Lost by the network (only when the scenario asks for loss). */
  dropped: 8,
  /** Arrived after a later tuple (by event time) from the same producer. Set on arrival. */
  outOfOrder: 16,
  /** Arrived more than the lateness bound behind the newest event time from any producer. Set on arrival. */
  late: 32,
} as const;

/** What a tuple is at a given moment of processing time. */
export type TupleStatus = 'buffered' | 'inFlight' | 'arrived' | 'dropped';

/**
 * Marks packed as numbers, `PACKED_MARK_STRIDE` a tuple (issue 19): id, producer index, status (its
 * index in `PACKED_MARK_STATUSES`), event time, arrival time (NaN until it has arrived), send time
 * (NaN while buffered) and `PackedMarkFlag`s: what `markAt` gives, without an object per tuple. The
 * dense lanes send it to their worker as it is.
 */
export const PACKED_MARK_STRIDE = 7;
export const PACKED_MARK_STATUSES: readonly TupleStatus[] = ['arrived', 'inFlight', 'buffered', 'dropped'];
export const PackedMarkFlag = { late: 1, outOfOrder: 2, backfilled: 4 } as const;
const ARRIVED = 0;
const IN_FLIGHT = 1;
const BUFFERED = 2;
const DROPPED = 3;

/** A tuple as seen at one moment: flags that are only known on arrival are hidden before it. */
/** The little a view needs to draw a tuple as a mark: cheaper than a whole TupleView (no payload, no refs). */
export interface TupleMark {
  readonly id: number;
  readonly eventTimeMs: number;
  readonly producerIndex: number;
  readonly keyIndex: number;
  readonly status: TupleStatus;
  /** When it left its producer; null while buffered. */
  readonly sentTimeMs: number | null;
  /** When it arrived; null until it has. */
  readonly arrivalTimeMs: number | null;
  readonly outOfOrder: boolean;
  readonly late: boolean;
  /** Created while its producer was offline: known once it is sent. */
  readonly backfilled: boolean;
}

export interface TupleView {
  readonly id: number;
  readonly producerIndex: number;
  readonly key: string;
  readonly value: JsonValue;
  readonly eventTimeMs: number;
  /** When it left its producer; null while still buffered (the producer is offline). */
  readonly sentTimeMs: number | null;
  /** When it reached the consumer; null until it has (and forever, if lost). */
  readonly arrivalTimeMs: number | null;
  /** arrival − event time; null until it has arrived. */
  readonly delayMs: number | null;
  readonly status: TupleStatus;
  readonly explicit: boolean;
  readonly backfilled: boolean;
  readonly jittered: boolean;
  readonly dropped: boolean;
  readonly outOfOrder: boolean;
  readonly late: boolean;
  /** The tuple with the newest event time the consumer had seen just before this one arrived. */
  readonly newestBefore: {
    readonly id: number;
    readonly eventTimeMs: number;
    readonly producerIndex: number;
  } | null;
  /** For an out-of-order tuple: the later tuple from the same producer that arrived first. */
  readonly overtakenBy: { readonly id: number; readonly eventTimeMs: number } | null;
  readonly payloadSeed: number;
}

export interface NewTuple {
  producerIndex: number;
  keyIndex: number;
  value: number;
  /** Non-numeric values of explicit tuples; `value` is NaN then. */
  jsonValue?: JsonValue;
  eventTimeMs: number;
  sentTimeMs: number;
  arrivalTimeMs: number;
  payloadSeed: number;
  flags: number;
}

/** Receives one new tuple's fields (a producer writes them straight into the table's columns). */
export type TupleSink = (
  producerIndex: number,
  keyIndex: number,
  value: number,
  eventTimeMs: number,
  sentTimeMs: number,
  arrivalTimeMs: number,
  payloadSeed: number,
  flags: number,
) => void;

/** Append-only, columnar store of every tuple a run has created, indexed by tuple id. */
export class TupleTable {
  readonly producer: Int32Column;
  readonly keyIndex: Int32Column;
  readonly value: Float64Column;
  readonly eventTime: Float64Column;
  readonly sentTime: Float64Column;
  readonly arrivalTime: Float64Column;
  /** Stored as int32; read back with `>>> 0`. */
  readonly payloadSeed: Int32Column;
  readonly flags: Int32Column;
  /**
   * Id of the newest tuple (by event time) seen before this one arrived; −1 if none. Written when
   * the tuple arrives and meaningless before (`viewAt` reads it only for an arrived tuple).
   */
  readonly newestBefore: Int32Column;
  /** Id of the same-producer tuple that overtook this one, −1 if it arrived in order; written as newestBefore is. */
  readonly overtakenBy: Int32Column;
  /**
   * The newest entry of each tuple's (backward) chain of trace entries, written by its first entry
   * (`emitted`, in the tick that creates it).
   */
  readonly lastTrace: Int32Column;
  private readonly jsonValues = new Map<number, JsonValue>();

  /** `capacity`: expected number of tuples, so that columns rarely need to grow. */
  constructor(
    readonly keys: readonly string[],
    capacity: number,
  ) {
    this.producer = new Int32Column(capacity);
    this.keyIndex = new Int32Column(capacity);
    this.value = new Float64Column(capacity);
    this.eventTime = new Float64Column(capacity);
    this.sentTime = new Float64Column(capacity);
    this.arrivalTime = new Float64Column(capacity);
    this.payloadSeed = new Int32Column(capacity);
    this.flags = new Int32Column(capacity);
    this.newestBefore = new Int32Column(capacity);
    this.overtakenBy = new Int32Column(capacity);
    this.lastTrace = new Int32Column(capacity);
  }

  get length(): number {
    return this.producer.length;
  }

  append(t: NewTuple): number {
    const id = this.length;
    this.appendRaw(
      t.producerIndex,
      t.keyIndex,
      t.value,
      t.eventTimeMs,
      t.sentTimeMs,
      t.arrivalTimeMs,
      t.payloadSeed,
      t.flags,
    );
    if (t.jsonValue !== undefined) this.jsonValues.set(id, t.jsonValue);
    return id;
  }

  /**
   * `append` without the object: the generator writes straight into the columns. Every column has
   * the same length, so one capacity check covers all eleven (issue 19: a checked push per column per
   * tuple was a tenth of the engine's time). The last three are written later, on the tuple's first
   * trace entry and on its arrival, so they are not filled here.
   */
  readonly appendRaw: TupleSink = (
    producerIndex,
    keyIndex,
    value,
    eventTimeMs,
    sentTimeMs,
    arrivalTimeMs,
    payloadSeed,
    flags,
  ) => {
    const i = this.producer.length;
    if (i === this.producer.data.length || i === this.lastTrace.data.length) this.reserve(i + 1);
    this.producer.data[i] = producerIndex;
    this.keyIndex.data[i] = keyIndex;
    this.value.data[i] = value;
    this.eventTime.data[i] = eventTimeMs;
    this.sentTime.data[i] = sentTimeMs;
    this.arrivalTime.data[i] = arrivalTimeMs;
    this.payloadSeed.data[i] = payloadSeed | 0;
    this.flags.data[i] = flags;
    const n = i + 1;
    this.producer.length = n;
    this.keyIndex.length = n;
    this.value.length = n;
    this.eventTime.length = n;
    this.sentTime.length = n;
    this.arrivalTime.length = n;
    this.payloadSeed.length = n;
    this.flags.length = n;
    this.newestBefore.length = n;
    this.overtakenBy.length = n;
    this.lastTrace.length = n;
  };

  private reserve(capacity: number): void {
    for (const column of [this.producer, this.keyIndex, this.payloadSeed, this.flags])
      column.reserve(capacity);
    for (const column of [this.newestBefore, this.overtakenBy, this.lastTrace]) column.reserve(capacity);
    for (const column of [this.value, this.eventTime, this.sentTime, this.arrivalTime])
      column.reserve(capacity);
  }

  key(id: number): string {
    return this.keys[this.keyIndex.get(id)] as string;
  }

  valueOf(id: number): JsonValue {
    // `has`, not `??`: an explicit value may be null.
    return this.jsonValues.has(id) ? (this.jsonValues.get(id) as JsonValue) : this.value.get(id);
  }

  statusAt(id: number, timeMs: number): TupleStatus {
    return PACKED_MARK_STATUSES[this.statusIndexAt(id, timeMs)]!;
  }

  /** `statusAt` as its index in `PACKED_MARK_STATUSES`. */
  private statusIndexAt(id: number, timeMs: number): number {
    const flags = this.flags.data[id]!;
    const sent = this.sentTime.data[id]!;
    if (flags & TupleFlag.dropped && sent <= timeMs) return DROPPED;
    if (this.arrivalTime.data[id]! <= timeMs && !(flags & TupleFlag.dropped)) return ARRIVED;
    return sent <= timeMs ? IN_FLIGHT : BUFFERED;
  }

  /** `markAt` of each tuple in `ids`, packed (`PACKED_MARK_STRIDE` numbers a tuple). */
  packMarksAt(ids: readonly number[], timeMs: number): Float64Array {
    const out = new Float64Array(ids.length * PACKED_MARK_STRIDE);
    for (let i = 0, o = 0; i < ids.length; i++, o += PACKED_MARK_STRIDE) {
      const id = ids[i]!;
      const status = this.statusIndexAt(id, timeMs);
      const flags = this.flags.data[id]!;
      const arrived = status === ARRIVED;
      const sent = status !== BUFFERED;
      out[o] = id;
      out[o + 1] = this.producer.data[id]!;
      out[o + 2] = status;
      out[o + 3] = this.eventTime.data[id]!;
      out[o + 4] = arrived ? this.arrivalTime.data[id]! : Number.NaN;
      out[o + 5] = sent ? this.sentTime.data[id]! : Number.NaN;
      out[o + 6] =
        (arrived && flags & TupleFlag.late ? PackedMarkFlag.late : 0) |
        (arrived && flags & TupleFlag.outOfOrder ? PackedMarkFlag.outOfOrder : 0) |
        (sent && flags & TupleFlag.backfilled ? PackedMarkFlag.backfilled : 0);
    }
    return out;
  }

  /** The tuple as a mark at `timeMs` (what has not happened yet is null or false, as in `viewAt`). */
  markAt(id: number, timeMs: number): TupleMark {
    const flags = this.flags.get(id);
    const status = this.statusAt(id, timeMs);
    const arrived = status === 'arrived';
    const sent = status !== 'buffered';
    return {
      id,
      eventTimeMs: this.eventTime.get(id),
      producerIndex: this.producer.get(id),
      keyIndex: this.keyIndex.get(id),
      status,
      sentTimeMs: sent ? this.sentTime.get(id) : null,
      arrivalTimeMs: arrived ? this.arrivalTime.get(id) : null,
      outOfOrder: arrived && (flags & TupleFlag.outOfOrder) !== 0,
      late: arrived && (flags & TupleFlag.late) !== 0,
      backfilled: sent && (flags & TupleFlag.backfilled) !== 0,
    };
  }

  /**
   * The tuple as known at `timeMs`: what has not happened yet (sending, arrival, delay, jitter,
   * verdicts) is null or false. Callers must only ask for tuples created by then.
   */
  viewAt(id: number, timeMs: number): TupleView {
    const flags = this.flags.get(id);
    const status = this.statusAt(id, timeMs);
    const arrived = status === 'arrived';
    const eventTimeMs = this.eventTime.get(id);
    const arrivalTimeMs = arrived ? this.arrivalTime.get(id) : null;
    const sentTimeMs = status === 'buffered' ? null : this.sentTime.get(id);
    return {
      id,
      producerIndex: this.producer.get(id),
      key: this.key(id),
      value: this.valueOf(id),
      eventTimeMs,
      sentTimeMs,
      arrivalTimeMs,
      delayMs: arrivalTimeMs === null ? null : arrivalTimeMs - eventTimeMs,
      status,
      explicit: (flags & TupleFlag.explicit) !== 0,
      // Known from the moment the producer sends it after reconnecting.
      backfilled: sentTimeMs !== null && (flags & TupleFlag.backfilled) !== 0,
      jittered: arrived && (flags & TupleFlag.jittered) !== 0,
      dropped: status === 'dropped',
      outOfOrder: arrived && (flags & TupleFlag.outOfOrder) !== 0,
      late: arrived && (flags & TupleFlag.late) !== 0,
      newestBefore: arrived ? this.ref(this.newestBefore.get(id)) : null,
      overtakenBy: arrived ? this.ref(this.overtakenBy.get(id)) : null,
      payloadSeed: this.payloadSeed.get(id) >>> 0,
    };
  }

  private ref(id: number) {
    return id < 0 ? null : { id, eventTimeMs: this.eventTime.get(id), producerIndex: this.producer.get(id) };
  }

  get byteLength(): number {
    return (
      this.producer.byteLength +
      this.keyIndex.byteLength +
      this.value.byteLength +
      this.eventTime.byteLength +
      this.sentTime.byteLength +
      this.arrivalTime.byteLength +
      this.payloadSeed.byteLength +
      this.flags.byteLength +
      this.newestBefore.byteLength +
      this.overtakenBy.byteLength +
      this.lastTrace.byteLength
    );
  }
}
