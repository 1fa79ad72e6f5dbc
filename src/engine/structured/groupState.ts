/**
 * flatMapGroupsWithState with a function from the catalogue (FlatMapGroupsWithStateExec.scala):
 * - each key with rows in the batch calls the function once with its rows and its state; the
 *   function updates the state and sets the timeout again ("The timeout is reset every time the
 *   function is called on a group" — GroupState scaladoc): `setTimeoutDuration(timeoutMs)` counts from
 *   the batch timestamp (GroupStateImpl), `setTimeoutTimestamp(newest event + timeoutMs)` in event
 *   time (the catalogue functions never set it below the watermark, where Spark would throw);
 * - then every group whose `timeoutTimestamp < threshold` times out (processTimedOutState), the
 *   threshold being the batch timestamp or the eviction watermark; it is called with no rows;
 * - late rows are dropped only with an event-time timeout.
 * Catalogue: `sessionCount` (Spark's StructuredSessionization example: counts a key's events, emits
 * the running count in update mode and the finished session when it times out, then removes it);
 * `runningSum` (emits the key's running sum on every call; a timed-out key is forgotten silently).
 */
import { type Acc, addTo, type EventRecord, emptyAcc } from '../eventtime/windows';
import {
  compareStateRows,
  groupRowsByKey,
  groupsRunAnotherBatch,
  type OperatorStep,
  type OutputRow,
  type StatefulOperator,
  type StateRow,
  timedOutKeys,
} from './operators';
import type { StatefulOperatorSpec } from './spec';

type GroupStateSpec = Extract<StatefulOperatorSpec, { kind: 'flatMapGroupsWithState' }>;

interface Group {
  readonly key: string;
  acc: Acc;
  firstEventMs: number;
  lastEventMs: number;
  timeoutAtMs: number | null;
  emitted: boolean;
}

export function groupStateOperator(spec: GroupStateSpec): StatefulOperator {
  const state = new Map<string, Group>();
  const valueOfGroup = (g: Group) => (spec.fn === 'sessionCount' ? g.acc.count : g.acc.sum);
  const toState = (g: Group): StateRow => ({
    key: g.key,
    window: { startMs: g.firstEventMs, endMs: g.lastEventMs },
    value: valueOfGroup(g),
    count: g.acc.count,
    timeoutAtMs: g.timeoutAtMs,
    acc: { ...g.acc },
    emitted: g.emitted,
  });
  const out = (g: Group, kind: OutputRow['kind']): OutputRow => ({
    key: g.key,
    window: { startMs: g.firstEventMs, endMs: g.lastEventMs },
    value: valueOfGroup(g),
    count: g.acc.count,
    kind,
    recordId: null,
  });
  const all = () => [...state.values()].map(toState).sort(compareStateRows);

  return {
    name: 'flatMapGroupsWithState',
    process(records: readonly EventRecord[], ctx): OperatorStep {
      const dropped: OperatorStep['dropped'][number][] = [];
      const byKey = groupRowsByKey(records, spec.timeout, ctx, dropped);
      const output: OutputRow[] = [];
      const added: StateRow[] = [];
      const updated: StateRow[] = [];
      for (const key of [...byKey.keys()].sort()) {
        const rows = byKey.get(key)!;
        const known = state.get(key);
        const g: Group = known ?? {
          key,
          acc: emptyAcc(),
          firstEventMs: rows[0]!.eventTimeMs,
          lastEventMs: rows[0]!.eventTimeMs,
          timeoutAtMs: null,
          emitted: false,
        };
        for (const r of rows) {
          addTo(g.acc, r.value);
          g.firstEventMs = Math.min(g.firstEventMs, r.eventTimeMs);
          g.lastEventMs = Math.max(g.lastEventMs, r.eventTimeMs);
        }
        if (spec.timeout === 'processingTime') g.timeoutAtMs = ctx.batchTimestampMs + spec.timeoutMs;
        if (spec.timeout === 'eventTime')
          g.timeoutAtMs = Math.max(g.lastEventMs + spec.timeoutMs, ctx.evictionWatermarkMs);
        state.set(key, g);
        (known ? updated : added).push(toState(g));
        if (spec.fn === 'runningSum' || ctx.outputMode === 'update') {
          output.push(out(g, g.emitted ? 'update' : 'first'));
          g.emitted = true;
        }
      }
      const removed: StateRow[] = [];
      for (const key of timedOutKeys(state, byKey, spec.timeout, ctx)) {
        const g = state.get(key)!;
        if (spec.fn === 'sessionCount') output.push(out(g, 'timeout'));
        removed.push(toState(g));
        state.delete(key);
      }
      return { output, dropped, duplicates: 0, added, updated, removed };
    },
    shouldRunAnotherBatch: (next, eviction) => groupsRunAnotherBatch(spec.timeout, next, eviction),
    snapshot: all,
    restore(rows) {
      state.clear();
      for (const r of rows)
        state.set(r.key!, {
          key: r.key!,
          acc: { ...r.acc! },
          firstEventMs: r.window!.startMs,
          lastEventMs: r.window!.endMs,
          timeoutAtMs: r.timeoutAtMs,
          emitted: r.emitted,
        });
    },
  };
}
