/**
 * dropDuplicates("key", "eventTime") with a watermark (BaseStreamingDeduplicateExec,
 * statefulOperators.scala): rows with `eventTime <= watermark for late events` are dropped first
 * (counted in numRowsDroppedByWatermark); a row whose (key, event time) is already in state is a
 * duplicate and dropped (numDroppedDuplicateRows); otherwise it is kept in state and passed on. At the
 * end of the batch, keys with `eventTime <= eviction watermark` leave the state
 * (removeKeysOlderThanWatermark: LessThanOrEqual).
 */
import type { EventRecord } from '../eventtime/windows';
import { compareStateRows, type OperatorStep, type StatefulOperator, type StateRow } from './operators';

export function dedupeOperator(): StatefulOperator {
  const state = new Map<string, StateRow>();
  const idOf = (key: string, eventTimeMs: number) => `${key}\u0000${eventTimeMs}`;
  const all = () => [...state.values()].sort(compareStateRows);
  return {
    name: 'dedupe',
    process(records: readonly EventRecord[], ctx): OperatorStep {
      const step = {
        output: [] as OperatorStep['output'][number][],
        dropped: [] as OperatorStep['dropped'][number][],
        duplicates: 0,
        added: [] as StateRow[],
        removed: [] as StateRow[],
      };
      for (const r of records) {
        if (r.eventTimeMs <= ctx.lateWatermarkMs) {
          step.dropped.push({ id: r.id, window: null });
          continue;
        }
        const id = idOf(r.key, r.eventTimeMs);
        if (state.has(id)) {
          step.duplicates++;
          continue;
        }
        const row: StateRow = {
          key: r.key,
          window: null,
          value: r.eventTimeMs,
          count: 1,
          timeoutAtMs: null,
          acc: null,
          emitted: true,
        };
        state.set(id, row);
        step.added.push(row);
        step.output.push({ key: r.key, window: null, value: r.value, count: 1, kind: 'row', recordId: r.id });
      }
      for (const row of all()) {
        if (row.value > ctx.evictionWatermarkMs) continue;
        state.delete(idOf(row.key!, row.value));
        step.removed.push(row);
      }
      return { ...step, added: step.added.sort(compareStateRows), updated: [] };
    },
    // BaseStreamingDeduplicateExec.shouldRunAnotherBatch: whenever the watermark moved, in any mode.
    shouldRunAnotherBatch: (next, eviction) => next > eviction,
    snapshot: all,
    restore(rows) {
      state.clear();
      for (const r of rows) state.set(idOf(r.key!, r.value), r);
    },
  };
}
