/**
 * A windowed aggregation with a watermark (StateStoreRestoreExec + StateStoreSaveExec, or their
 * session-window versions), as statefulOperators.scala runs it:
 * - a (row, window) pair whose `window.end <= watermark` is late and dropped, judged by the
 *   watermark for late events (WatermarkSupport.watermarkExpression: LessThanOrEqual on the window
 *   struct's end; the watermark is the previous batch's since Spark 3.4, see BatchContext);
 * - state for windows with `window.end <= eviction watermark` is removed: emitted first in append
 *   mode (once, final), silently in update mode;
 * - update mode emits every window changed in the batch; complete mode emits the whole table every
 *   batch, never evicts and never drops ("Complete mode requires all aggregate data to be preserved,
 *   and hence cannot use watermarking to drop intermediate state" — Structured Streaming guide);
 * - sessions merge rows whose [t, t + gap) windows touch (ResolveTimeWindows.SessionWindowing).
 */
import {
  type Acc,
  addTo,
  assignWindows,
  cover,
  emptyAcc,
  intersects,
  mergeAcc,
  result,
  type Window,
} from '../eventtime/windows';
import type { DroppedRow, OperatorStep, OutputRow, StatefulOperator, StateRow } from './operators';
import type { StatefulOperatorSpec } from './spec';

interface Row {
  window: Window;
  key: string | null;
  acc: Acc;
  emitted: boolean;
}

type AggregationSpec = Extract<StatefulOperatorSpec, { kind: 'windowAggregation' }>;

export function aggregationOperator(spec: AggregationSpec): StatefulOperator {
  const state = new Map<string, Row[]>();
  const session = spec.window.kind === 'session';
  const toState = (r: Row): StateRow => ({
    key: r.key,
    window: r.window,
    value: result(r.acc, spec.aggregate),
    count: r.acc.count,
    timeoutAtMs: null,
    acc: { ...r.acc },
    emitted: r.emitted,
  });
  const all = () =>
    [...state.values()]
      .flat()
      .sort(
        (a, b) =>
          a.window.startMs - b.window.startMs ||
          a.window.endMs - b.window.endMs ||
          (a.key ?? '').localeCompare(b.key ?? ''),
      );

  return {
    name: session ? 'sessionWindowStateStoreSaveExec' : 'stateStoreSave',
    process(records, ctx): OperatorStep {
      const evicting = ctx.outputMode !== 'complete';
      const dropped: DroppedRow[] = [];
      const changed = new Set<Row>();
      const before = new Set(all());
      for (const r of records) {
        const key = spec.keyed ? r.key : null;
        const rows = state.get(key ?? '') ?? [];
        for (const w of assignWindows(spec.window, r.eventTimeMs)) {
          if (evicting && w.endMs <= ctx.lateWatermarkMs) {
            dropped.push({ id: r.id, window: w });
            continue;
          }
          let row: Row | undefined;
          if (session) {
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
                before.delete(x);
              }
              rows.push(row);
            }
          } else row = rows.find((x) => x.window.startMs === w.startMs && x.window.endMs === w.endMs);
          if (!row) {
            row = { window: w, key, acc: emptyAcc(), emitted: false };
            rows.push(row);
          }
          addTo(row.acc, r.value);
          changed.add(row);
        }
        if (rows.length > 0) state.set(key ?? '', rows);
      }

      const output: OutputRow[] = [];
      const emit = (row: Row) => {
        output.push({
          key: row.key,
          window: row.window,
          value: result(row.acc, spec.aggregate),
          count: row.acc.count,
          kind: row.emitted ? 'update' : 'first',
          recordId: null,
        });
        row.emitted = true;
      };
      if (ctx.outputMode === 'complete') all().forEach(emit);
      if (ctx.outputMode === 'update')
        all()
          .filter((r) => changed.has(r))
          .forEach(emit);
      const added = all().filter((r) => changed.has(r) && !before.has(r));
      const updated = all().filter((r) => changed.has(r) && before.has(r));
      const removed: StateRow[] = [];
      if (evicting) {
        for (const row of all()) {
          if (row.window.endMs > ctx.evictionWatermarkMs) continue;
          if (ctx.outputMode === 'append') emit(row);
          removed.push(toState(row));
          const rows = state.get(row.key ?? '')!;
          rows.splice(rows.indexOf(row), 1);
          if (rows.length === 0) state.delete(row.key ?? '');
        }
      }
      return {
        output,
        dropped,
        duplicates: 0,
        added: added.map(toState),
        updated: updated.map(toState),
        removed,
      };
    },
    // StateStoreSaveExec / SessionWindowStateStoreSaveExec.shouldRunAnotherBatch: only in Append or
    // Update mode, and only when the new watermark passed the one this batch evicted with.
    shouldRunAnotherBatch(next, eviction, mode) {
      return (mode === 'append' || mode === 'update') && next > eviction;
    },
    snapshot: () => all().map(toState),
    restore(rows) {
      state.clear();
      for (const r of rows) {
        const k = r.key ?? '';
        const list = state.get(k) ?? [];
        list.push({ window: r.window!, key: r.key, acc: { ...r.acc! }, emitted: r.emitted });
        state.set(k, list);
      }
    },
  };
}
