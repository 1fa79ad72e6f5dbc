import { Float64Column, Int32Column } from './columns';
import type { TupleTable } from './tuples';

/**
 * Everything that happens in a run, in the order it happens. An entry's id is its index: stable
 * because a run is a pure function of (scenario, seed). Later subsystems (broker, micro-batches,
 * checkpoints) add their kinds here.
 */
export const TraceKinds = ['emitted', 'sent', 'arrived', 'dropped'] as const;
export type TraceKind = (typeof TraceKinds)[number];
/** Numeric codes, in TraceKinds order; the hot path appends codes, readers get names. */
export const TraceCode = { emitted: 0, sent: 1, arrived: 2, dropped: 3 } as const satisfies Record<
  TraceKind,
  number
>;

export interface TraceEntry {
  readonly id: number;
  readonly kind: TraceKind;
  readonly timeMs: number;
  readonly tupleId: number;
  /** Producer index for tuple events. */
  readonly producerIndex: number;
}

export const traceDescriptions: Record<TraceKind, string> = {
  emitted: 'created at its source (its event time)',
  sent: 'sent after the producer reconnected (backfill)',
  arrived: 'arrived at the stream processor',
  dropped: 'lost by the network',
};

export class TraceLog {
  private readonly kind: Int32Column;
  private readonly time: Float64Column;
  private readonly tuple: Int32Column;
  /** Next entry of the same tuple, −1 at the end of the chain. */
  private readonly nextForTuple: Int32Column;

  /** `capacity`: expected number of entries. */
  constructor(
    private readonly tuples: TupleTable,
    capacity: number,
  ) {
    this.kind = new Int32Column(capacity);
    this.time = new Float64Column(capacity);
    this.tuple = new Int32Column(capacity);
    this.nextForTuple = new Int32Column(capacity);
  }

  get length(): number {
    return this.kind.length;
  }

  append(code: number, timeMs: number, tupleId: number): number {
    const id = this.kind.push(code);
    this.time.push(timeMs);
    this.tuple.push(tupleId);
    this.nextForTuple.push(-1);
    if (tupleId >= 0) {
      const last = this.tuples.lastTrace.get(tupleId);
      if (last < 0) this.tuples.firstTrace.set(tupleId, id);
      else this.nextForTuple.set(last, id);
      this.tuples.lastTrace.set(tupleId, id);
    }
    return id;
  }

  entry(id: number): TraceEntry {
    const tupleId = this.tuple.get(id);
    return {
      id,
      kind: TraceKinds[this.kind.get(id)] as TraceKind,
      timeMs: this.time.get(id),
      tupleId,
      producerIndex: tupleId >= 0 ? this.tuples.producer.get(tupleId) : -1,
    };
  }

  /** Entries [from, to) in order. */
  range(from: number, to: number): TraceEntry[] {
    const out: TraceEntry[] = [];
    for (let id = from; id < to; id++) out.push(this.entry(id));
    return out;
  }

  /** The chain of entries for one tuple, restricted to ids below `limit`. */
  forTuple(tupleId: number, limit: number): TraceEntry[] {
    const out: TraceEntry[] = [];
    for (
      let id = this.tuples.firstTrace.get(tupleId);
      id >= 0 && id < limit;
      id = this.nextForTuple.get(id)
    ) {
      out.push(this.entry(id));
    }
    return out;
  }

  /** FNV-1a over the first `limit` entries: equal hashes mean equal traces (for determinism tests). */
  hash(limit: number): string {
    let h = 0x811c9dc5;
    const mix = (x: number) => {
      h ^= x & 0xff;
      h = Math.imul(h, 0x01000193);
      h ^= (x >>> 8) & 0xff;
      h = Math.imul(h, 0x01000193);
      h ^= (x >>> 16) & 0xff;
      h = Math.imul(h, 0x01000193);
      h ^= x >>> 24;
      h = Math.imul(h, 0x01000193);
    };
    for (let id = 0; id < limit; id++) {
      mix(this.kind.get(id));
      const t = this.time.get(id);
      mix(t | 0);
      mix(Math.floor(t / 0x100000000));
      mix(this.tuple.get(id));
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  }

  get byteLength(): number {
    return this.kind.byteLength + this.time.byteLength + this.tuple.byteLength + this.nextForTuple.byteLength;
  }
}
