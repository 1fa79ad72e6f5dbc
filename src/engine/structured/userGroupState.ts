/**
 * flatMapGroupsWithState with the learner's own function, under Spark's rules:
 * - GroupStateImpl (sql/core/.../streaming/GroupStateImpl.scala): `get` of an undefined state
 *   throws NoSuchElementException("State is either not defined or has already been removed");
 *   `setTimeoutDuration` needs ProcessingTimeTimeout and a positive duration, and counts from the
 *   batch timestamp; `setTimeoutTimestamp` needs EventTimeTimeout, a positive timestamp, not
 *   below the watermark; a new handle per call, so the timeout is reset at every call.
 * - FlatMapGroupsWithStateExec.InputProcessor.callFunctionAndUpdateState: after the call a removed
 *   state without a timeout is dropped; otherwise it is written when it was updated or removed or
 *   its timeout changed (`shouldWriteState`), with the timeout the call left (none if it set none).
 * - Keys with rows are called first, then every group whose timeout is below the threshold (the
 *   batch timestamp, or the watermark for eviction) is called with no rows and hasTimedOut true.
 * - With an event-time timeout, rows at or below the watermark are dropped as late.
 */
import type { EventRecord } from '../eventtime/windows';
import type { GroupStateHandle, RValue } from '../lang/runtime';
import { LangError } from '../lang/syntax';
import { compileGroups } from '../microbatch/userOps';
import { formatValue, type Value } from '../microbatch/values';
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
  state: Value | null;
  timeoutAtMs: number | null;
}

/**
 * The operator for a spec with `code` (part of the language's chunk: engine/lang/index.ts). A
 * GroupState misuse throws the language's error, which fails the task and the query.
 */
export function userGroupStateOperator(spec: GroupStateSpec): StatefulOperator {
  const fn = compileGroups(spec.code!, spec.stateType);
  const groups = new Map<string, Group>();
  const toRow = (g: Group): StateRow => ({
    key: g.key,
    window: null,
    value: typeof g.state === 'number' ? g.state : Number.NaN,
    count: 0,
    timeoutAtMs: g.timeoutAtMs,
    acc: null,
    emitted: false,
    ...(g.state === null ? {} : { state: g.state, text: formatValue(g.state, fn.stateType) }),
  });
  const all = () =>
    [...groups.values()]
      .filter((g) => g.state !== null)
      .map(toRow)
      .sort(compareStateRows);

  return {
    name: 'flatMapGroupsWithState',
    process(records: readonly EventRecord[], ctx): OperatorStep {
      const dropped: OperatorStep['dropped'][number][] = [];
      const byKey = groupRowsByKey(records, spec.timeout, ctx, dropped);
      const output: OutputRow[] = [];
      const added: StateRow[] = [];
      const updated: StateRow[] = [];
      const removed: StateRow[] = [];
      const call = (key: string, values: readonly number[], timedOut: boolean) => {
        const before = groups.get(key);
        let defined = before !== undefined && before.state !== null;
        let value: Value | null = before?.state ?? null;
        let isUpdated = false;
        let isRemoved = false;
        let timeoutAtMs: number | null = null;
        const misuse = (text: string): never => {
          throw new LangError(text);
        };
        const handle: GroupStateHandle = {
          exists: () => defined,
          get: () =>
            defined
              ? (value as RValue)
              : misuse(
                  'java.util.NoSuchElementException: State is either not defined or has already been removed',
                ),
          update: (v) => {
            value = v as Value;
            defined = true;
            isUpdated = true;
            isRemoved = false;
          },
          remove: () => {
            defined = false;
            isUpdated = false;
            isRemoved = true;
          },
          hasTimedOut: () => timedOut,
          setTimeoutDuration: (ms) => {
            if (spec.timeout !== 'processingTime')
              misuse(
                'java.lang.UnsupportedOperationException: Cannot set timeout duration without enabling processing time timeout in [map|flatMap]GroupsWithState',
              );
            if (ms <= 0) misuse('java.lang.IllegalArgumentException: Timeout duration must be positive');
            timeoutAtMs = ms + ctx.batchTimestampMs;
          },
          setTimeoutTimestamp: (ms) => {
            // Spark's own message has the bracket missing: "[map|flatMapGroupsWithState".
            if (spec.timeout !== 'eventTime')
              misuse(
                'java.lang.UnsupportedOperationException: Cannot set timeout timestamp without enabling event time timeout in [map|flatMapGroupsWithState',
              );
            if (ms <= 0) misuse('java.lang.IllegalArgumentException: Timeout timestamp must be positive');
            if (ms < ctx.evictionWatermarkMs)
              misuse(
                `java.lang.IllegalArgumentException: Timeout timestamp (${ms}) cannot be earlier than the current watermark (${ctx.evictionWatermarkMs})`,
              );
            timeoutAtMs = ms;
          },
          getCurrentWatermarkMs: () => ctx.evictionWatermarkMs,
          getCurrentProcessingTimeMs: () => ctx.batchTimestampMs,
        };
        for (const out of fn.call(key, values, handle))
          output.push({
            key,
            window: null,
            value: typeof out.value === 'number' ? out.value : Number.NaN,
            count: values.length,
            kind: timedOut ? 'timeout' : 'row',
            recordId: null,
            text: out.text,
          });
        if (isRemoved && timeoutAtMs === null) {
          if (before?.state != null) removed.push(toRow(before));
          groups.delete(key);
          return;
        }
        const timeoutChanged = timeoutAtMs !== (before?.timeoutAtMs ?? null);
        if (!(isUpdated || isRemoved || timeoutChanged)) return;
        const g: Group = { key, state: defined ? value : null, timeoutAtMs };
        groups.set(key, g);
        if (g.state === null) {
          if (before?.state != null) removed.push(toRow(before));
        } else (before?.state != null ? updated : added).push(toRow(g));
      };
      for (const key of [...byKey.keys()].sort())
        call(
          key,
          byKey.get(key)!.map((r) => r.value),
          false,
        );
      for (const key of timedOutKeys(groups, byKey, spec.timeout, ctx)) call(key, [], true);
      return { output, dropped, duplicates: 0, added, updated, removed };
    },
    shouldRunAnotherBatch: (next, eviction) => groupsRunAnotherBatch(spec.timeout, next, eviction),
    snapshot: all,
    restore(rows) {
      groups.clear();
      for (const r of rows)
        groups.set(r.key!, { key: r.key!, state: r.state ?? null, timeoutAtMs: r.timeoutAtMs });
    },
  };
}
