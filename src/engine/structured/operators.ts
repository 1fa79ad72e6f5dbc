/**
 * The stateful operators of a Structured Streaming query, each over a state store that the query
 * versions once per batch. Every operator answers the same three questions: what a batch of rows
 * does to its state and output, whether the watermark's move calls for a batch without data
 * (`shouldRunAnotherBatch`), and what its state holds (to snapshot, restore and show).
 */
import type { Acc, EventRecord, Window } from '../eventtime/windows';
import type { Value } from '../microbatch/values';
import type { StructuredOutputMode } from './spec';

/** A row of a state store, as the State store view lists it. */
export interface StateRow {
  /** The grouping key (null for a global aggregation). */
  readonly key: string | null;
  readonly window: Window | null;
  /** The aggregate, the running value of a group's state, or the event time kept for dropDuplicates. */
  readonly value: number;
  readonly count: number;
  /** flatMapGroupsWithState: when the group times out (processing or event time); null: no timeout set. */
  readonly timeoutAtMs: number | null;
  /** What the operator needs to go on from this row after a restore (an aggregate's running parts). */
  readonly acc: Acc | null;
  /** Whether a result for it has been emitted already (a later one is then an update). */
  readonly emitted: boolean;
  /** A learner's GroupState: the state value itself, and how Scala prints it. */
  readonly state?: Value;
  readonly text?: string;
}

/** A row the query hands to its sink. */
export interface OutputRow {
  readonly key: string | null;
  readonly window: Window | null;
  readonly value: number;
  readonly count: number;
  /** first/update: an aggregate's first or later result; row: a record passed on; timeout: a group that timed out. */
  readonly kind: 'first' | 'update' | 'row' | 'timeout';
  /** dropDuplicates: the record passed on. */
  readonly recordId: number | null;
  /** A learner's function's output, as Scala prints it (value is NaN when it is not a number). */
  readonly text?: string;
}

export interface DroppedRow {
  readonly id: number;
  /** The window it missed (window aggregation), or null. */
  readonly window: Window | null;
}

/** The watermarks and clocks a batch runs with. */
export interface BatchContext {
  /** The watermark late rows are judged by: the previous batch's since Spark 3.4. */
  readonly lateWatermarkMs: number;
  /** The watermark state is evicted and results finalised by: this batch's. */
  readonly evictionWatermarkMs: number;
  /** The batch timestamp from offsets/N (processing-time timeouts count from it). */
  readonly batchTimestampMs: number;
  readonly outputMode: StructuredOutputMode;
}

export interface OperatorStep {
  readonly output: readonly OutputRow[];
  /** Rows dropped as too late (Spark's numRowsDroppedByWatermark). */
  readonly dropped: readonly DroppedRow[];
  /** dropDuplicates: rows dropped because their key was already in state. */
  readonly duplicates: number;
  /** State rows written in this batch: new ones, and existing ones changed. */
  readonly added: readonly StateRow[];
  readonly updated: readonly StateRow[];
  /** State rows removed (evicted by the watermark, or timed out). */
  readonly removed: readonly StateRow[];
}

export interface StatefulOperator {
  /** The operator's short name in StateOperatorProgress (statefulOperators.scala, `shortName`). */
  readonly name: 'stateStoreSave' | 'dedupe' | 'flatMapGroupsWithState' | 'sessionWindowStateStoreSaveExec';
  process(rows: readonly EventRecord[], ctx: BatchContext): OperatorStep;
  /**
   * Whether the last batch calls for another even without data, given the watermark the next batch
   * would use (`StateStoreWriter.shouldRunAnotherBatch` and its overrides).
   */
  shouldRunAnotherBatch(
    nextWatermarkMs: number,
    evictionWatermarkMs: number,
    outputMode: StructuredOutputMode,
  ): boolean;
  /** The state, sorted, as plain rows (a state store version). */
  snapshot(): StateRow[];
  restore(rows: readonly StateRow[]): void;
}

/** Roughly what a row costs in the HDFS-backed store's in-memory map (an estimate; Spark measures it). */
export function stateRowBytes(row: StateRow): number {
  return 96 + 2 * (row.key?.length ?? 0) + (row.window ? 16 : 0);
}

export function compareStateRows(a: StateRow, b: StateRow): number {
  return (
    (a.window?.startMs ?? 0) - (b.window?.startMs ?? 0) ||
    (a.window?.endMs ?? 0) - (b.window?.endMs ?? 0) ||
    (a.key ?? '').localeCompare(b.key ?? '') ||
    a.value - b.value
  );
}

/**
 * FlatMapGroupsWithStateExecBase.shouldRunAnotherBatch: a processing-time timeout always runs
 * another batch ("Always run batches to process timeouts"); an event-time one when the watermark
 * moved; no timeout never.
 */
export function groupsRunAnotherBatch(
  timeout: 'none' | 'processingTime' | 'eventTime',
  nextWatermarkMs: number,
  evictionWatermarkMs: number,
): boolean {
  if (timeout === 'processingTime') return true;
  if (timeout === 'eventTime') return nextWatermarkMs > evictionWatermarkMs;
  return false;
}

type GroupTimeout = 'none' | 'processingTime' | 'eventTime';

/**
 * flatMapGroupsWithState's input, grouped by key. Late rows (event time at or below the watermark
 * for late events) are dropped only with an event-time timeout: FlatMapGroupsWithStateExec filters
 * with watermarkPredicateForDataForLateEvents only when timeoutConf is EventTimeTimeout.
 */
export function groupRowsByKey(
  records: readonly EventRecord[],
  timeout: GroupTimeout,
  ctx: BatchContext,
  dropped: OperatorStep['dropped'][number][],
): Map<string, EventRecord[]> {
  const byKey = new Map<string, EventRecord[]>();
  for (const r of records) {
    if (timeout === 'eventTime' && r.eventTimeMs <= ctx.lateWatermarkMs) {
      dropped.push({ id: r.id, window: null });
      continue;
    }
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  return byKey;
}

/**
 * The keys whose timeout has passed, in key order, as FlatMapGroupsWithStateExec's
 * processTimedOutState finds them: no rows in this batch and `timeoutTimestamp < threshold`, the
 * threshold being the batch timestamp (processing time) or the eviction watermark (event time).
 */
export function timedOutKeys(
  groups: ReadonlyMap<string, { readonly timeoutAtMs: number | null }>,
  withRows: ReadonlyMap<string, unknown>,
  timeout: GroupTimeout,
  ctx: BatchContext,
): string[] {
  if (timeout === 'none') return [];
  const threshold = timeout === 'processingTime' ? ctx.batchTimestampMs : ctx.evictionWatermarkMs;
  return [...groups.keys()].sort().filter((key) => {
    const at = groups.get(key)!.timeoutAtMs;
    return !withRows.has(key) && at !== null && at < threshold;
  });
}
