import type { LogRecord } from './cluster';

/**
 * One replica's records, from the log start offset on, with copy-on-write sharing (issue 19).
 *
 * Keyframes and the live state share one array of records; each log has its own length. A run is a
 * pure function of (scenario, seed), so when a seek restores a keyframe and replays, the records
 * appended again are the ones already stored past the keyframe's length: `append` then only moves
 * the length on. Restoring a keyframe is therefore O(1) per replica instead of a copy of every
 * record (on the 200,000-tuple Kafka run those copies, and the array growth after them, were most
 * of a seek). A record that differs from the stored one (never, in a deterministic run) makes the
 * log copy its prefix first, so sharing cannot change what a log holds.
 */
export class ReplicaLog {
  constructor(
    private records: LogRecord[] = [],
    private end = records.length,
  ) {}

  /** Number of records (log end offset − log start offset). */
  get length(): number {
    return this.end;
  }

  /** The record at index `i` (offset − log start offset), undefined outside the log. */
  at(i: number): LogRecord | undefined {
    return i >= 0 && i < this.end ? this.records[i] : undefined;
  }

  /** The record at index `i`, which must be inside the log. */
  get(i: number): LogRecord {
    if (i < 0 || i >= this.end) throw new RangeError(`index ${i} outside a log of ${this.end} records`);
    return this.records[i]!;
  }

  /** Appends a record (a follower's copy shares the leader's record object). */
  push(record: LogRecord): void {
    if (!this.reuse(record.offset, record.tupleId, record.leaderEpoch, record.appendTimeMs))
      this.write(record);
  }

  /** Appends a new record without allocating it when the same record is already stored there. */
  append(offset: number, tupleId: number, leaderEpoch: number, appendTimeMs: number): void {
    if (!this.reuse(offset, tupleId, leaderEpoch, appendTimeMs))
      this.write({ offset, tupleId, leaderEpoch, appendTimeMs });
  }

  /** Moves the end on over the stored record if it is this one (a replay); false otherwise. */
  private reuse(offset: number, tupleId: number, leaderEpoch: number, appendTimeMs: number): boolean {
    const stored = this.end < this.records.length ? this.records[this.end]! : undefined;
    if (
      stored?.offset !== offset ||
      stored.tupleId !== tupleId ||
      stored.leaderEpoch !== leaderEpoch ||
      stored.appendTimeMs !== appendTimeMs
    )
      return false;
    this.end++;
    return true;
  }

  /** Appends after copying this log's records if others are stored past its end. */
  private write(record: LogRecord): void {
    if (this.end < this.records.length) this.records = this.records.slice(0, this.end);
    this.records.push(record);
    this.end++;
  }

  /** A log of records [from, to) in an array of its own (truncation and retention). */
  slice(from: number, to = this.end): ReplicaLog {
    return new ReplicaLog(this.records.slice(Math.max(0, from), Math.min(to, this.end)));
  }

  /**
   * The same records (the first `length` of them), shared: appends to either log leave the other's
   * records as they were.
   */
  share(length = this.end): ReplicaLog {
    return new ReplicaLog(this.records, Math.max(0, Math.min(length, this.end)));
  }

  /** The last `n` records, oldest first. */
  tail(n: number): LogRecord[] {
    return this.records.slice(Math.max(0, this.end - n), this.end);
  }

  /** Snapshots and reports serialise the records themselves. */
  toJSON(): LogRecord[] {
    return this.records.slice(0, this.end);
  }
}
