import { type Value, valueKey } from './values';

/**
 * Spark Streaming's two stateful operators, one batch at a time.
 * - updateStateByKey(update): the update function runs once per key that has new values *or*
 *   state, in every batch (StateDStream cogroups the batch with the previous state); a key without
 *   state gets None; returning None removes the key.
 * - mapWithState(StateSpec): the mapping function runs once per *record*, only for keys in the
 *   batch, in order (a second record of a key sees the first one's update). With a timeout, idle
 *   keys get one last call with the state timing out — but only in batches whose state RDD is
 *   checkpointed (MapWithStateRDD.doFullScan), so a timeout is not instant.
 */

export interface StateEntry {
  readonly key: Value;
  readonly value: number;
  /** Batch time of its last update (mapWithState times keys out by it). */
  readonly updatedAtMs: number;
}

export type StateMap = ReadonlyMap<string, StateEntry>;

export type CallReason = 'newValues' | 'noNewValues' | 'record' | 'timeout';

export interface StateCall {
  readonly key: Value;
  readonly reason: CallReason;
  /** updateStateByKey: the batch's values for the key; mapWithState: the record's value. */
  readonly values: readonly number[];
  readonly before: number | null;
  readonly after: number | null;
}

export interface StateStep {
  readonly timeMs: number;
  readonly state: StateMap;
  readonly calls: readonly StateCall[];
  /** What the DStream emits: the whole state (updateStateByKey) or the mapped values (mapWithState). */
  readonly output: readonly (readonly [Value, number])[];
  /** Keys added, updated, removed and timed out in this batch. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly timedOut: readonly string[];
}

export type UpdateFn = 'runningSum' | 'runningCount' | 'sumWhileActive';
export type MappingFn = 'runningSum' | 'runningCount';

export const UPDATE_FNS: readonly {
  readonly name: UpdateFn;
  readonly label: string;
  readonly scala: string;
  readonly python: string;
}[] = [
  {
    name: 'runningSum',
    label: 'running sum',
    scala: '(values: Seq[Double], state: Option[Double]) => Some(state.getOrElse(0.0) + values.sum)',
    python: 'lambda values, state: (state or 0) + sum(values)',
  },
  {
    name: 'runningCount',
    label: 'running count',
    scala: '(values: Seq[Double], state: Option[Long]) => Some(state.getOrElse(0L) + values.size)',
    python: 'lambda values, state: (state or 0) + len(values)',
  },
  {
    name: 'sumWhileActive',
    label: 'sum; forget a key with no new values',
    scala:
      '(values: Seq[Double], state: Option[Double]) => if (values.isEmpty) None else Some(state.getOrElse(0.0) + values.sum)',
    python: 'lambda values, state: None if not values else (state or 0) + sum(values)',
  },
];

export const MAPPING_FNS: readonly {
  readonly name: MappingFn;
  readonly label: string;
  readonly scala: string;
  readonly python: string;
}[] = [
  {
    name: 'runningSum',
    label: 'running sum per key',
    scala:
      '(key: String, value: Option[Double], state: State[Double]) => {\n    if (state.isTimingOut()) (key, state.get())\n    else { val sum = state.getOption.getOrElse(0.0) + value.getOrElse(0.0); state.update(sum); (key, sum) }\n  }',
    python: 'running_sum  # PySpark has no mapWithState: it exists in Scala and Java only',
  },
  {
    name: 'runningCount',
    label: 'running count per key',
    scala:
      '(key: String, value: Option[Double], state: State[Long]) => {\n    if (state.isTimingOut()) (key, state.get())\n    else { val n = state.getOption.getOrElse(0L) + 1; state.update(n); (key, n) }\n  }',
    python: 'running_count  # PySpark has no mapWithState: it exists in Scala and Java only',
  },
];

function applyUpdate(fn: UpdateFn, values: readonly number[], state: number | null): number | null {
  const sum = values.reduce((a, b) => a + b, 0);
  if (fn === 'runningSum') return (state ?? 0) + sum;
  if (fn === 'runningCount') return (state ?? 0) + values.length;
  return values.length === 0 ? null : (state ?? 0) + sum;
}

/** One batch of updateStateByKey. */
export function updateStateByKeyStep(
  prev: StateMap | null,
  pairs: readonly (readonly [Value, number])[],
  fn: UpdateFn,
  timeMs: number,
): StateStep {
  const grouped = new Map<string, { key: Value; values: number[] }>();
  for (const [k, v] of pairs) {
    const id = valueKey(k);
    const g = grouped.get(id) ?? { key: k, values: [] };
    g.values.push(v);
    grouped.set(id, g);
  }
  const state = new Map<string, StateEntry>();
  const calls: StateCall[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  const removed: string[] = [];
  // Keys with state (in state order), then new keys (in order of appearance).
  const keys = [...(prev?.keys() ?? [])];
  for (const id of grouped.keys()) if (!prev?.has(id)) keys.push(id);
  for (const id of keys) {
    const before = prev?.get(id) ?? null;
    const g = grouped.get(id);
    const key = before?.key ?? g!.key;
    const values = g?.values ?? [];
    const after = applyUpdate(fn, values, before?.value ?? null);
    calls.push({
      key,
      reason: values.length > 0 ? 'newValues' : 'noNewValues',
      values,
      before: before?.value ?? null,
      after,
    });
    if (after === null) {
      if (before) removed.push(id);
      continue;
    }
    state.set(id, { key, value: after, updatedAtMs: timeMs });
    if (!before) added.push(id);
    else if (before.value !== after) updated.push(id);
  }
  return {
    timeMs,
    state,
    calls,
    output: [...state.values()].map((e) => [e.key, e.value] as const),
    added,
    updated,
    removed,
    timedOut: [],
  };
}

/** One batch of mapWithState; `fullScan` when this batch's state RDD is checkpointed. */
export function mapWithStateStep(
  prev: StateMap | null,
  pairs: readonly (readonly [Value, number])[],
  fn: MappingFn,
  timeMs: number,
  timeoutMs: number | null,
  fullScan: boolean,
): StateStep {
  const state = new Map<string, StateEntry>(prev ?? []);
  const calls: StateCall[] = [];
  const output: [Value, number][] = [];
  const added = new Set<string>();
  const updated = new Set<string>();
  const removed: string[] = [];
  const timedOut: string[] = [];
  for (const [k, v] of pairs) {
    const id = valueKey(k);
    const before = state.get(id)?.value ?? null;
    const after = fn === 'runningSum' ? (before ?? 0) + v : (before ?? 0) + 1;
    state.set(id, { key: k, value: after, updatedAtMs: timeMs });
    calls.push({ key: k, reason: 'record', values: [v], before, after });
    output.push([k, after]);
    if (before === null && !prev?.has(id)) added.add(id);
    else updated.add(id);
  }
  if (timeoutMs !== null && fullScan) {
    const threshold = timeMs - timeoutMs;
    for (const [id, e] of [...state]) {
      if (e.updatedAtMs >= threshold) continue;
      // The mapping function's last call: State.isTimingOut() is true; the state is then removed.
      calls.push({ key: e.key, reason: 'timeout', values: [], before: e.value, after: null });
      output.push([e.key, e.value]);
      state.delete(id);
      timedOut.push(id);
    }
  }
  return {
    timeMs,
    state,
    calls,
    output,
    added: [...added],
    updated: [...updated].filter((id) => !added.has(id)),
    removed,
    timedOut,
  };
}
