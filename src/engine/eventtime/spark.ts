import {
  type Acc,
  type Aggregate,
  addTo,
  assignWindows,
  cover,
  type Emission,
  type EventRecord,
  emptyAcc,
  intersects,
  mergeAcc,
  result,
  type Window,
  type WindowSpec,
  windowKey,
} from './windows';

export type OutputMode = 'append' | 'update' | 'complete';

export interface SparkOptions {
  readonly window: WindowSpec;
  readonly aggregate: Aggregate;
  readonly keyed: boolean;
  /** withWatermark(eventTime, delay) on each input. */
  readonly delaysMs: readonly number[];
  /** Trigger.ProcessingTime(interval). */
  readonly triggerMs: number;
  readonly outputMode: OutputMode;
  /** spark.sql.streaming.noDataMicroBatches.enabled (true by default). */
  readonly noDataBatches: boolean;
  /** spark.sql.streaming.multipleWatermarkPolicy. */
  readonly policy: 'min' | 'max';
  /**
   * spark.sql.streaming.statefulOperator.allowMultiple (true by default since Spark 3.4): late rows
   * are judged by the previous batch's watermark (WatermarkPropagator.getInputWatermarkForLateEvents),
   * eviction and emission by the current one. False: both by the current one, as before 3.4.
   */
  readonly allowMultiple: boolean;
}

export interface SparkBatch {
  readonly id: number;
  readonly atMs: number;
  /** Tuples read by this batch (none in a no-data batch). */
  readonly records: readonly number[];
  /** The watermark this batch used for eviction and emission: computed when the previous batch ended. */
  readonly watermarkMs: number;
  /** The watermark late rows were judged by (the previous batch's, since Spark 3.4). */
  readonly lateWatermarkMs: number;
  /** The watermark the next batch will use. */
  readonly nextWatermarkMs: number;
  /** (tuple, window) pairs dropped because window.end ≤ watermark. */
  readonly dropped: readonly { readonly id: number; readonly window: Window }[];
  readonly emitted: readonly Emission[];
  /** Windows removed from the state store. */
  readonly evicted: readonly Window[];
  readonly noData: boolean;
}

interface Row {
  window: Window;
  key: string | null;
  acc: Acc;
  emitted: boolean;
}

/**
 * A Spark Structured Streaming windowed aggregation with a watermark:
 * - every trigger interval a micro-batch reads what has arrived; each input's watermark is the
 *   largest event time it has seen minus its delay, computed when a batch ends and used by the next
 *   one, and it never decreases; several inputs combine by the min (default) or max policy, an input
 *   that has seen nothing holding the global watermark at 0 under the min policy;
 * - with append or update mode, a (tuple, window) pair whose window.end ≤ watermark is dropped — judged,
 *   since Spark 3.4, by the previous batch's watermark (see `allowMultiple`); state
 *   for such windows is evicted — emitted first in append mode (once, final), silently in update mode;
 * - update mode emits every window changed in the batch; complete mode emits the whole table every
 *   batch, never evicts and never drops;
 * - when the watermark moved and no data came, a no-data batch runs (unless switched off), so results
 *   do not wait for the next tuple.
 */
export function runSpark(records: readonly EventRecord[], o: SparkOptions, untilMs: number): SparkBatch[] {
  const inputs = o.delaysMs.length;
  const maxSeen = new Array<number>(inputs).fill(Number.NEGATIVE_INFINITY);
  const inputWm = new Array<number>(inputs).fill(0);
  let watermark = 0;
  const state = new Map<string, Row[]>();
  const batches: SparkBatch[] = [];
  let next = 0;
  const evicting = o.outputMode !== 'complete';

  const globalWatermark = () => {
    const values = inputWm.map((w, i) => (maxSeen[i] === Number.NEGATIVE_INFINITY ? 0 : w));
    const combined = o.policy === 'min' ? Math.min(...values) : Math.max(...values);
    return Math.max(watermark, combined);
  };

  for (let at = o.triggerMs; at <= untilMs; at += o.triggerMs) {
    const ids: number[] = [];
    const batch: EventRecord[] = [];
    while (next < records.length && records[next]!.arrivalMs <= at) {
      batch.push(records[next]!);
      ids.push(records[next++]!.id);
    }
    const last = batches[batches.length - 1];
    const noData = batch.length === 0;
    if (noData && !(o.noDataBatches && last && watermark > last.watermarkMs)) continue;

    // The previous batch's watermark (0 before the first batch), or this one's before Spark 3.4.
    const lateWatermark = o.allowMultiple ? (last?.watermarkMs ?? 0) : watermark;
    const dropped: { id: number; window: Window }[] = [];
    const changed = new Set<Row>();
    for (const r of batch) {
      const key = o.keyed ? r.key : null;
      const rows = state.get(key ?? '') ?? [];
      for (const w of assignWindows(o.window, r.eventTimeMs)) {
        if (evicting && w.endMs <= lateWatermark) {
          dropped.push({ id: r.id, window: w });
          continue;
        }
        let row: Row | undefined;
        if (o.window.kind === 'session') {
          const merging = rows.filter((x) => intersects(x.window, w));
          if (merging.length > 0) {
            row = {
              window: merging.reduce((acc, x) => cover(acc, x.window), w),
              key,
              acc: merging.reduce((acc, x) => mergeAcc(acc, x.acc), emptyAcc()),
              emitted: merging.some((x) => x.emitted),
            };
            for (const x of merging) {
              rows.splice(rows.indexOf(x), 1);
              changed.delete(x);
            }
            rows.push(row);
          }
        } else row = rows.find((x) => windowKey(x.window) === windowKey(w));
        if (!row) {
          row = { window: w, key, acc: emptyAcc(), emitted: false };
          rows.push(row);
        }
        addTo(row.acc, r.value);
        changed.add(row);
      }
      if (rows.length > 0) state.set(key ?? '', rows);
      maxSeen[r.input] = Math.max(maxSeen[r.input]!, r.eventTimeMs);
    }

    const emitted: Emission[] = [];
    const emit = (row: Row) => {
      emitted.push({
        window: row.window,
        key: row.key,
        value: result(row.acc, o.aggregate),
        count: row.acc.count,
        atMs: at,
        kind: row.emitted ? 'update' : 'first',
      });
      row.emitted = true;
    };
    const all = () =>
      [...state.values()]
        .flat()
        .sort(
          (a, b) =>
            a.window.startMs - b.window.startMs ||
            a.window.endMs - b.window.endMs ||
            (a.key ?? '').localeCompare(b.key ?? ''),
        );
    if (o.outputMode === 'complete') all().forEach(emit);
    if (o.outputMode === 'update')
      all()
        .filter((r) => changed.has(r))
        .forEach(emit);
    const evicted: Window[] = [];
    if (evicting) {
      for (const row of all()) {
        if (row.window.endMs > watermark) continue;
        if (o.outputMode === 'append') emit(row);
        evicted.push(row.window);
        const rows = state.get(row.key ?? '')!;
        rows.splice(rows.indexOf(row), 1);
        if (rows.length === 0) state.delete(row.key ?? '');
      }
    }

    const used = watermark;
    for (let i = 0; i < inputs; i++) {
      if (maxSeen[i] !== Number.NEGATIVE_INFINITY)
        inputWm[i] = Math.max(inputWm[i]!, maxSeen[i]! - o.delaysMs[i]!);
    }
    watermark = globalWatermark();
    batches.push({
      id: batches.length,
      atMs: at,
      records: ids,
      watermarkMs: used,
      lateWatermarkMs: lateWatermark,
      nextWatermarkMs: watermark,
      dropped,
      emitted,
      evicted,
      noData,
    });
  }
  return batches;
}
