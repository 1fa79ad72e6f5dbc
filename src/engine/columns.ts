/**
 * Append-only typed-array columns. The history of a run (tuples, trace, arrival order) lives in
 * these: it only ever grows at the frontier, so every earlier tick sees a prefix of it, and a
 * million tuples cost tens of megabytes rather than hundreds.
 *
 * There are exactly two column classes, one per element type, on purpose: a single generic class
 * over several typed-array kinds makes V8's element stores megamorphic, which halved throughput.
 */
const GROWTH = 1.5;

export class Int32Column {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.ceil(this.data.length * GROWTH));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  /** Makes room for at least `capacity` values (growing by the usual factor). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Int32Array(Math.max(capacity, Math.ceil(this.data.length * GROWTH)));
    next.set(this.data);
    this.data = next;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }
}

export class Float64Column {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.ceil(this.data.length * GROWTH));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  /** Makes room for at least `capacity` values (growing by the usual factor). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Float64Array(Math.max(capacity, Math.ceil(this.data.length * GROWTH)));
    next.set(this.data);
    this.data = next;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }
}
