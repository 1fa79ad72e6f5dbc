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
  readonly value: Value;
  /** Batch time of its last update (mapWithState times keys out by it). */
  readonly updatedAtMs: number;
}

export type StateMap = ReadonlyMap<string, StateEntry>;

export type CallReason = 'newValues' | 'noNewValues' | 'record' | 'timeout';

export interface StateCall {
  readonly key: Value;
  readonly reason: CallReason;
  /** updateStateByKey: the batch's values for the key; mapWithState: the record's value. */
  readonly values: readonly Value[];
  readonly before: Value | null;
  readonly after: Value | null;
  /** mapWithState: what the mapping function returned; null when it emitted nothing. */
  readonly returned?: Value | null;
}

export interface StateStep {
  readonly timeMs: number;
  readonly state: StateMap;
  readonly calls: readonly StateCall[];
  /**
   * What the DStream emits, each with the key whose partition it lands in: the whole state as
   * (key, state) pairs (updateStateByKey) or the mapping function's results (mapWithState).
   */
  readonly output: readonly (readonly [Value, Value])[];
  /** Keys added, updated, removed and timed out in this batch. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly timedOut: readonly string[];
}

/**
 * updateStateByKey's function: the batch's values and the previous state (null for None) give
 * the new state, or null (None) to remove the key.
 */
export type UpdateFunction = (values: readonly Value[], state: Value | null, timeMs: number) => Value | null;

/**
 * What mapWithState's mapping function sees of its key's state: Spark's StateImpl
 * (streaming/src/main/scala/org/apache/spark/streaming/State.scala).
 */
export interface KeyState {
  exists(): boolean;
  get(): Value;
  update(value: Value): void;
  remove(): void;
  isTimingOut(): boolean;
}

/**
 * mapWithState's function: key, the record's value (null: None, when the key times out) and
 * its state; `emit` false when it returns None in the form that may emit nothing.
 */
export type MappingFunction = (
  key: Value,
  value: Value | null,
  state: KeyState,
  timeMs: number,
) => { readonly emit: boolean; readonly value: Value };

export type UpdateFn = 'runningSum' | 'runningCount' | 'sumWhileActive';
export type MappingFn = 'runningSum' | 'runningCount';

/** The catalogue's state functions (their Scala and Python: scenarios/stateFunctionCode.ts). */
export const UPDATE_FNS: readonly { readonly name: UpdateFn; readonly label: string }[] = [
  { name: 'runningSum', label: 'running sum' },
  { name: 'runningCount', label: 'running count' },
  { name: 'sumWhileActive', label: 'sum; forget a key with no new values' },
];

export const MAPPING_FNS: readonly { readonly name: MappingFn; readonly label: string }[] = [
  { name: 'runningSum', label: 'running sum per key' },
  { name: 'runningCount', label: 'running count per key' },
];

/** The catalogue's update functions as functions. */
export function updateFunction(fn: UpdateFn): UpdateFunction {
  return (values, state) => {
    const prev = (state as number | null) ?? 0;
    if (fn === 'runningCount') return prev + values.length;
    if (fn === 'sumWhileActive' && values.length === 0) return null;
    return prev + (values as readonly number[]).reduce((a, b) => a + b, 0);
  };
}

/** The catalogue's mapping functions, as their Scala code in MAPPING_FNS reads. */
export function mappingFunction(fn: MappingFn): MappingFunction {
  return (key, value, state) => {
    if (state.isTimingOut()) return { emit: true, value: [key, state.get()] };
    const prev = state.exists() ? (state.get() as number) : 0;
    const next = fn === 'runningSum' ? prev + ((value as number | null) ?? 0) : prev + 1;
    state.update(next);
    return { emit: true, value: [key, next] };
  };
}

/** One batch of updateStateByKey; `initial` stands in for the previous state in the first batch. */
export function updateStateByKeyStep(
  prev: StateMap | null,
  pairs: readonly (readonly [Value, Value])[],
  fn: UpdateFn | UpdateFunction,
  timeMs: number,
): StateStep {
  const update = typeof fn === 'function' ? fn : updateFunction(fn);
  const grouped = new Map<string, { key: Value; values: Value[] }>();
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
    const after = update(values, before?.value ?? null, timeMs);
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
    else if (valueKey(before.value) !== valueKey(after)) updated.push(id);
  }
  return {
    timeMs,
    state,
    calls,
    output: [...state.values()].map((e) => [e.key, [e.key, e.value]] as const),
    added,
    updated,
    removed,
    timedOut: [],
  };
}

/**
 * StateImpl for one call (streaming/State.scala): `get` of a missing state throws
 * NoSuchElementException("State is not set"); `update` and `remove` of a removed state, and
 * `update` of a state that is timing out, throw IllegalArgumentException.
 */
class CallState implements KeyState {
  defined: boolean;
  value: Value | null;
  updated = false;
  removed = false;
  constructor(
    entry: StateEntry | undefined,
    readonly timingOut: boolean,
  ) {
    this.defined = entry !== undefined;
    this.value = entry?.value ?? null;
  }
  exists(): boolean {
    return this.defined;
  }
  get(): Value {
    if (!this.defined) throw new StateMisuse('java.util.NoSuchElementException: State is not set');
    return this.value!;
  }
  update(value: Value): void {
    if (this.removed) throw required('update the state after it has been removed');
    if (this.timingOut) throw required('update the state that is timing out');
    this.defined = true;
    this.value = value;
    this.updated = true;
  }
  remove(): void {
    if (this.timingOut) throw required('remove the state that is timing out');
    if (this.removed) throw required('remove the state that has already been removed');
    this.defined = false;
    this.removed = true;
  }
  isTimingOut(): boolean {
    return this.timingOut;
  }
}

/** An exception Spark's State throws inside the mapping function (it fails the task). */
export class StateMisuse extends Error {}

/** StateImpl's require(…): an IllegalArgumentException. */
const required = (what: string) =>
  new StateMisuse(`java.lang.IllegalArgumentException: requirement failed: Cannot ${what}`);

/**
 * One batch of mapWithState; `fullScan` when this batch's state RDD is checkpointed.
 * MapWithStateRDDRecord.updateRecordWithData: per record, in order, the function runs with the
 * key's state; a removed state is dropped, an updated one (or, with a timeout, any that exists)
 * is stored with the batch time. On a full scan with a timeout, states older than the threshold
 * get one last call with isTimingOut() true and are then removed.
 */
export function mapWithStateStep(
  prev: StateMap | null,
  pairs: readonly (readonly [Value, Value])[],
  fn: MappingFn | MappingFunction,
  timeMs: number,
  timeoutMs: number | null,
  fullScan: boolean,
): StateStep {
  const mapping = typeof fn === 'function' ? fn : mappingFunction(fn);
  const state = new Map<string, StateEntry>(prev ?? []);
  const calls: StateCall[] = [];
  const output: [Value, Value][] = [];
  const added = new Set<string>();
  const updated = new Set<string>();
  const removed: string[] = [];
  const timedOut: string[] = [];
  for (const [k, v] of pairs) {
    const id = valueKey(k);
    const entry = state.get(id);
    const s = new CallState(entry, false);
    const result = mapping(k, v, s, timeMs);
    const after = s.defined ? s.value : null;
    calls.push({
      key: k,
      reason: 'record',
      values: [v],
      before: entry?.value ?? null,
      after,
      returned: result.emit ? result.value : null,
    });
    if (result.emit) output.push([k, result.value]);
    if (s.removed) {
      if (state.delete(id) && !added.has(id)) removed.push(id);
      added.delete(id);
      updated.delete(id);
    } else if (s.updated || (s.defined && timeoutMs !== null)) {
      state.set(id, { key: k, value: s.value!, updatedAtMs: timeMs });
      if (!entry && !prev?.has(id)) added.add(id);
      else if (s.updated) updated.add(id);
    }
  }
  if (timeoutMs !== null && fullScan) {
    const threshold = timeMs - timeoutMs;
    for (const [id, e] of [...state]) {
      if (e.updatedAtMs >= threshold) continue;
      // The mapping function's last call: State.isTimingOut() is true; the state is then removed.
      const s = new CallState(e, true);
      const result = mapping(e.key, null, s, timeMs);
      calls.push({
        key: e.key,
        reason: 'timeout',
        values: [],
        before: e.value,
        after: null,
        returned: result.emit ? result.value : null,
      });
      if (result.emit) output.push([e.key, result.value]);
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
