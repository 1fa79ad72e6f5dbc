import type { TupleTable } from './tuples';

/**
 * Everything that happens in a run, in the order it happens. An entry's id is its index: stable
 * because a run is a pure function of (scenario, seed). Besides its tuple (−1 when none), an entry
 * carries up to three numbers whose meaning depends on its kind (see `traceFields`).
 */
export const TraceKinds = [
  'emitted',
  'sent',
  'arrived',
  'dropped',
  // Kafka log model
  'appended',
  'produceRejected',
  'acked',
  'ackFailed',
  'truncated',
  'leaderElected',
  'isrShrink',
  'isrExpand',
  'brokerCrashed',
  'brokerRestarted',
  'rebalanced',
  'offsetReset',
  'fetched',
  'processed',
  'committed',
  'consumerJoined',
  'consumerLeft',
  'consumerCrashed',
  // direct messaging and queue broker
  'delivered',
  'missed',
  'enqueued',
  'acknowledged',
  'redelivered',
  'consumerRestarted',
  'segmentsDeleted',
  'rebalanceWaiting',
] as const;
export type TraceKind = (typeof TraceKinds)[number];

/** Numeric codes, in TraceKinds order; the hot path appends codes, readers get names. */
export const TraceCode = Object.fromEntries(TraceKinds.map((k, i) => [k, i])) as {
  readonly [K in TraceKind]: number;
};

/**
 * The first four kinds (emitted, sent, arrived, dropped) are a tuple's own events: their times
 * are the tuple's event, send and arrival times (`TraceLog.timeAt`).
 */
const LAST_TUPLE_EVENT = TraceCode.dropped;

/** What the numbers a, b and c of an entry mean, per kind (absent: unused, stored as −1). */
export const traceFields: Partial<Record<TraceKind, readonly string[]>> = {
  appended: ['partition', 'offset', 'acks'],
  produceRejected: ['partition', 'reason'],
  acked: ['partition', 'offset'],
  ackFailed: ['partition', 'offset', 'reason'],
  truncated: ['partition', 'offset', 'broker'],
  leaderElected: ['partition', 'broker', 'leaderEpoch'],
  isrShrink: ['partition', 'broker'],
  isrExpand: ['partition', 'broker'],
  brokerCrashed: ['broker'],
  brokerRestarted: ['broker'],
  rebalanced: ['group', 'generation'],
  offsetReset: ['group', 'member', 'partition'],
  fetched: ['group', 'member', 'partition'],
  processed: ['group', 'member', 'partition'],
  committed: ['group', 'partition', 'offset'],
  consumerJoined: ['group', 'member'],
  consumerLeft: ['group', 'member'],
  consumerCrashed: ['group', 'member'],
  delivered: ['consumer'],
  missed: ['consumer'],
  enqueued: ['queueDepth'],
  acknowledged: ['consumer'],
  redelivered: ['consumer'],
  consumerRestarted: ['group', 'member'],
  segmentsDeleted: ['partition', 'logStartOffset'],
  rebalanceWaiting: ['group', 'generation'],
};

export interface TraceEntry {
  readonly id: number;
  readonly kind: TraceKind;
  readonly timeMs: number;
  /** −1 for events that concern no single tuple (a broker crash, a rebalance). */
  readonly tupleId: number;
  /** Producer index for tuple events, −1 otherwise. */
  readonly producerIndex: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const traceDescriptions: Record<TraceKind, string> = {
  emitted: 'created at its source (its event time)',
  sent: 'sent after the producer reconnected (backfill)',
  arrived: 'arrived at the stream processor',
  dropped: 'lost by the network',
  appended: 'appended to a partition log',
  produceRejected: 'refused by the broker',
  acked: 'acknowledged to the producer',
  ackFailed: 'not acknowledged: the producer gets an error',
  truncated: 'removed from a replica by truncation after a failover',
  leaderElected: 'a new partition leader was elected',
  isrShrink: 'a replica left the in-sync replica set',
  isrExpand: 'a replica rejoined the in-sync replica set',
  brokerCrashed: 'a broker crashed',
  brokerRestarted: 'a broker restarted',
  rebalanced: 'a consumer group rebalanced',
  offsetReset: 'a consumer position was reset (auto.offset.reset)',
  fetched: 'fetched by a consumer',
  processed: 'processed by a consumer',
  committed: 'a consumer group committed an offset',
  consumerJoined: 'a consumer joined its group',
  consumerLeft: 'a consumer left its group',
  consumerCrashed: 'a consumer crashed',
  delivered: 'delivered to a consumer',
  missed: 'missed by a consumer that was down (lost for it)',
  enqueued: 'queued at the broker',
  acknowledged: 'acknowledged by a consumer and deleted from the queue',
  redelivered: 'put back in the queue: its consumer died before acknowledging it',
  consumerRestarted: 'a consumer came back',
  segmentsDeleted: 'retention deleted old log segments (the log start offset moved)',
  rebalanceWaiting: 'a rebalance is waiting for a crashed member to rejoin or time out',
};

export class TraceLog {
  /**
   * Columns of one length, as plain typed arrays owned here (issue 19: the trace takes two to six
   * entries per tuple, and going through a column object per field cost a tenth of a Kafka run).
   */
  /** Kind codes (fewer than 256) in a byte each. */
  private kind: Uint8Array;
  private time: Float64Array;
  private tuple: Int32Array;
  /**
   * One more than the index of the entry's (a, b, c) triple in `details`, or 0 when all three are
   * −1. Tuple events, most of any trace, carry none, so they pay one column instead of three; and
   * as a new typed array is zeros, an entry without numbers is not written at all: a run with no
   * broker never touches this column's memory (issue 19: first writes to fresh pages were a fifth
   * of a million-tuple run).
   */
  private detail: Int32Array;
  private details: Int32Array;
  private detailCount = 0;
  /**
   * Previous entry of the same tuple, −1 at its first. A backward chain: appending writes only the
   * new entry's slot, where a forward chain wrote into an older entry's slot, a cache miss per
   * append on a long run (issue 19).
   */
  private prevForTuple: Int32Array;
  private count = 0;

  /** `capacity`: expected number of entries; `detailed`: how many of them carry numbers. */
  constructor(
    private readonly tuples: TupleTable,
    capacity: number,
    detailed = 0,
  ) {
    const n = Math.max(16, capacity);
    this.kind = new Uint8Array(n);
    this.time = new Float64Array(n);
    this.tuple = new Int32Array(n);
    this.detail = new Int32Array(n);
    this.details = new Int32Array(Math.max(48, 3 * detailed));
    this.prevForTuple = new Int32Array(n);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Appends a tuple's own event (emitted, sent, arrived, dropped) and returns its id. Its time is
   * the tuple's event, send or arrival time and is read from the tuple table (`timeAt`), not
   * stored: in a run with no broker the time column is never written (issue 19: a million-tuple
   * run wrote 16 MB of times the tuple table already held).
   */
  appendTupleEvent(code: number, tupleId: number): number {
    const id = this.count;
    if (id === this.kind.length) this.grow();
    this.kind[id] = code;
    this.tuple[id] = tupleId;
    this.count = id + 1;
    const lastTrace = this.tuples.lastTrace.data;
    // `emitted` starts the tuple's chain (its lastTrace slot is not filled before).
    this.prevForTuple[id] = code === TraceCode.emitted ? -1 : lastTrace[tupleId]!;
    lastTrace[tupleId] = id;
    return id;
  }

  /** Appends any other entry and returns its id. */
  append(code: number, timeMs: number, tupleId: number, a = -1, b = -1, c = -1): number {
    if (code <= LAST_TUPLE_EVENT)
      throw new Error(`trace: ${TraceKinds[code]} entries are appended by appendTupleEvent`);
    const id = this.count;
    if (id === this.kind.length) this.grow();
    this.kind[id] = code;
    this.time[id] = timeMs;
    this.tuple[id] = tupleId;
    if (a !== -1 || b !== -1 || c !== -1) {
      let at = this.detailCount;
      if (at + 3 > this.details.length) {
        const next = new Int32Array(Math.ceil(this.details.length * 1.5) + 3);
        next.set(this.details);
        this.details = next;
      }
      this.detail[id] = at + 1;
      this.details[at++] = a;
      this.details[at++] = b;
      this.details[at++] = c;
      this.detailCount = at;
    }
    this.count = id + 1;
    if (tupleId >= 0) {
      const lastTrace = this.tuples.lastTrace.data;
      this.prevForTuple[id] = lastTrace[tupleId]!;
      lastTrace[tupleId] = id;
    } else this.prevForTuple[id] = -1;
    return id;
  }

  private grow(): void {
    const n = Math.ceil(this.kind.length * 1.5);
    const int32 = (a: Int32Array) => {
      const next = new Int32Array(n);
      next.set(a);
      return next;
    };
    const time = new Float64Array(n);
    time.set(this.time);
    this.time = time;
    const kind = new Uint8Array(n);
    kind.set(this.kind);
    this.kind = kind;
    this.tuple = int32(this.tuple);
    this.detail = int32(this.detail);
    this.prevForTuple = int32(this.prevForTuple);
  }

  private field(id: number, i: number): number {
    const at = this.detail[id]!;
    return at === 0 ? -1 : this.details[at - 1 + i]!;
  }

  /** An entry's time: for a tuple's own events the tuple's time of that event. */
  timeAt(id: number): number {
    const code = this.kind[id]!;
    if (code > LAST_TUPLE_EVENT) return this.time[id]!;
    const t = this.tuple[id]!;
    const { tuples } = this;
    return code === TraceCode.emitted
      ? tuples.eventTime.get(t)
      : code === TraceCode.arrived
        ? tuples.arrivalTime.get(t)
        : tuples.sentTime.get(t);
  }

  entry(id: number): TraceEntry {
    const tupleId = this.tuple[id]!;
    return {
      id,
      kind: TraceKinds[this.kind[id]!] as TraceKind,
      timeMs: this.timeAt(id),
      tupleId,
      producerIndex: tupleId >= 0 ? this.tuples.producer.get(tupleId) : -1,
      a: this.field(id, 0),
      b: this.field(id, 1),
      c: this.field(id, 2),
    };
  }

  /** Entries [from, to) in order. */
  range(from: number, to: number): TraceEntry[] {
    const out: TraceEntry[] = [];
    for (let id = from; id < to; id++) out.push(this.entry(id));
    return out;
  }

  /** Entries [from, to) of the given kinds, in order (the others are not built). */
  rangeOfKinds(from: number, to: number, kinds: readonly TraceKind[]): TraceEntry[] {
    const codes = new Set(kinds.map((k) => TraceCode[k]));
    const out: TraceEntry[] = [];
    for (let id = from; id < to; id++) if (codes.has(this.kind[id]!)) out.push(this.entry(id));
    return out;
  }

  /** The chain of entries for one tuple, restricted to ids below `limit`, in order. */
  forTuple(tupleId: number, limit: number): TraceEntry[] {
    const out: TraceEntry[] = [];
    for (let id = this.tuples.lastTrace.get(tupleId); id >= 0; id = this.prevForTuple[id]!) {
      if (id < limit) out.push(this.entry(id));
    }
    return out.reverse();
  }

  /** FNV-1a over the first `limit` entries: equal hashes mean equal traces (for determinism tests). */
  hash(limit: number): string {
    let h = 0x811c9dc5;
    const mix = (x: number) => {
      for (let shift = 0; shift < 32; shift += 8) {
        h ^= (x >>> shift) & 0xff;
        h = Math.imul(h, 0x01000193);
      }
    };
    for (let id = 0; id < limit; id++) {
      mix(this.kind[id]!);
      const t = this.timeAt(id);
      mix(t | 0);
      mix(Math.floor(t / 0x100000000));
      mix(this.tuple[id]!);
      mix(this.field(id, 0));
      mix(this.field(id, 1));
      mix(this.field(id, 2));
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  }

  get byteLength(): number {
    return (
      this.kind.byteLength +
      this.time.byteLength +
      this.tuple.byteLength +
      this.detail.byteLength +
      this.details.byteLength +
      this.prevForTuple.byteLength
    );
  }
}
