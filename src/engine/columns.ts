/**
 * Append-only typed-array columns. The history of a run (tuples, trace, arrival order) lives in
 * these: it only ever grows at the frontier, so every earlier tick sees a prefix of it, and a
 * million tuples cost tens of megabytes rather than hundreds.
 */
type TypedArray = Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array;
type TypedArrayCtor<T extends TypedArray> = new (length: number) => T;

export class Column<T extends TypedArray> {
  data: T;
  length = 0;
  private readonly ctor: TypedArrayCtor<T>;

  constructor(ctor: TypedArrayCtor<T>, capacity = 1024) {
    this.ctor = ctor;
    this.data = new ctor(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** Bytes actually allocated (capacity), for memory reports. */
  get byteLength(): number {
    return this.data.byteLength;
  }

  private grow(): void {
    // ×1.5 keeps the slack (and the heap of long runs) modest.
    const next = new this.ctor(Math.max(1024, Math.ceil(this.data.length * 1.5)));
    (next as unknown as { set(source: T): void }).set(this.data);
    this.data = next;
  }
}

export const int32Column = (capacity?: number) => new Column(Int32Array, capacity);
export const float64Column = (capacity?: number) => new Column(Float64Array, capacity);
export const uint8Column = (capacity?: number) => new Column(Uint8Array, capacity);
export const uint16Column = (capacity?: number) => new Column(Uint16Array, capacity);
export const uint32Column = (capacity?: number) => new Column(Uint32Array, capacity);

/** First index i in [0, length) with column[i] > value (columns sorted ascending). */
export function upperBound(column: Column<TypedArray>, value: number, length = column.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (column.get(mid) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
