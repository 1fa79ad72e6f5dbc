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

/** Flink's Long.MIN_VALUE watermark before any has been emitted. */
export const NO_WATERMARK = Number.NEGATIVE_INFINITY;

export interface FlinkOptions {
  readonly window: WindowSpec;
  readonly aggregate: Aggregate;
  /** keyBy(key) or windowAll. */
  readonly keyed: boolean;
  /** WatermarkStrategy.forBoundedOutOfOrderness(bound). */
  readonly boundMs: number;
  /** pipeline.auto-watermark-interval (200 ms by default). */
  readonly autoWatermarkIntervalMs: number;
  readonly allowedLatenessMs: number;
  /** Watermarked inputs feeding the window operator (it takes the minimum). */
  readonly inputs: number;
}

export interface WatermarkChange {
  readonly atMs: number;
  readonly watermarkMs: number;
}

export interface LateRecord {
  readonly id: number;
  readonly atMs: number;
  readonly watermarkMs: number;
}

export interface FlinkRun {
  /** The window operator's watermark each time it rose. */
  readonly watermarks: WatermarkChange[];
  /** Each input's emitted watermarks. */
  readonly inputWatermarks: WatermarkChange[][];
  readonly emissions: Emission[];
  /** Tuples whose every window was past its allowed lateness: dropped (or sent to a side output). */
  readonly late: LateRecord[];
  /** Per tuple id, the windows it was added to. */
  readonly added: Map<number, Window[]>;
}

interface WindowState {
  window: Window;
  key: string | null;
  acc: Acc;
  fired: boolean;
}

/**
 * A Flink event-time window operator fed by periodic BoundedOutOfOrdernessWatermarks:
 * - each input's generator emits max timestamp − bound − 1 every auto-watermark interval (processing
 *   time), only when it increased; the operator's watermark is the minimum over its inputs;
 * - EventTimeTrigger fires a window once the watermark reaches its maxTimestamp (end − 1), and fires
 *   it again for every element that arrives while the watermark is past it but within allowedLateness;
 * - the window's state is cleared when the watermark reaches maxTimestamp + allowedLateness; an element
 *   whose windows are all past that is late (WindowOperator.isElementLate) and is dropped;
 * - session windows merge when they intersect (touching windows merge).
 * Records arriving at exactly a watermark tick are processed before it.
 */
export function runFlink(records: readonly EventRecord[], o: FlinkOptions, untilMs: number): FlinkRun {
  const watermarks: WatermarkChange[] = [];
  const inputWatermarks: WatermarkChange[][] = Array.from({ length: o.inputs }, () => []);
  const emissions: Emission[] = [];
  const late: LateRecord[] = [];
  const added = new Map<number, Window[]>();
  const maxTs = new Array<number>(o.inputs).fill(NO_WATERMARK);
  const emitted = new Array<number>(o.inputs).fill(NO_WATERMARK);
  let wm = NO_WATERMARK;
  // Live windows per key (a session key has several that may merge).
  const state = new Map<string, WindowState[]>();
  const maxTimestamp = (w: Window) => w.endMs - 1;
  const cleanupTime = (w: Window) => maxTimestamp(w) + o.allowedLatenessMs;

  const fire = (s: WindowState, atMs: number) => {
    emissions.push({
      window: s.window,
      key: s.key,
      value: result(s.acc, o.aggregate),
      count: s.acc.count,
      atMs,
      kind: s.fired ? 'late' : 'first',
    });
    s.fired = true;
  };

  const advanceWatermark = (atMs: number) => {
    const next = Math.min(...emitted);
    if (next <= wm) return;
    wm = next;
    watermarks.push({ atMs, watermarkMs: wm });
    // Event-time timers in timestamp order: first the firings, then the clean-ups.
    const all = [...state.values()]
      .flat()
      .sort(
        (a, b) =>
          a.window.endMs - b.window.endMs ||
          a.window.startMs - b.window.startMs ||
          (a.key ?? '').localeCompare(b.key ?? ''),
      );
    for (const s of all) if (!s.fired && maxTimestamp(s.window) <= wm) fire(s, atMs);
    for (const [k, list] of state) {
      const kept = list.filter((s) => cleanupTime(s.window) > wm);
      if (kept.length === 0) state.delete(k);
      else state.set(k, kept);
    }
  };

  const onElement = (r: EventRecord) => {
    maxTs[r.input] = Math.max(maxTs[r.input]!, r.eventTimeMs);
    const key = o.keyed ? r.key : null;
    const stateKey = key ?? '';
    const list = state.get(stateKey) ?? [];
    const windows = assignWindows(o.window, r.eventTimeMs);
    const into: Window[] = [];
    for (const w of windows) {
      if (cleanupTime(w) <= wm) continue; // this window is late for the element
      let target: WindowState | undefined;
      if (o.window.kind === 'session') {
        const merging = list.filter((s) => intersects(s.window, w));
        if (merging.length > 0) {
          const merged: WindowState = {
            window: merging.reduce((acc, s) => cover(acc, s.window), w),
            key,
            acc: merging.reduce((acc, s) => mergeAcc(acc, s.acc), emptyAcc()),
            fired: merging.some((s) => s.fired),
          };
          for (const s of merging) list.splice(list.indexOf(s), 1);
          list.push(merged);
          target = merged;
        }
      } else {
        target = list.find((s) => windowKey(s.window) === windowKey(w));
      }
      if (!target) {
        target = { window: w, key, acc: emptyAcc(), fired: false };
        list.push(target);
      }
      addTo(target.acc, r.value);
      into.push(target.window);
      // EventTimeTrigger.onElement: a window the watermark has already passed fires at once.
      if (maxTimestamp(target.window) <= wm) fire(target, r.arrivalMs);
    }
    if (list.length > 0) state.set(stateKey, list);
    if (into.length === 0) late.push({ id: r.id, atMs: r.arrivalMs, watermarkMs: wm });
    else added.set(r.id, into);
  };

  let next = 0;
  for (let tick = o.autoWatermarkIntervalMs; tick <= untilMs; tick += o.autoWatermarkIntervalMs) {
    while (next < records.length && records[next]!.arrivalMs <= tick) onElement(records[next++]!);
    for (let i = 0; i < o.inputs; i++) {
      if (maxTs[i] === NO_WATERMARK) continue;
      const candidate = maxTs[i]! - o.boundMs - 1;
      if (candidate > emitted[i]!) {
        emitted[i] = candidate;
        inputWatermarks[i]!.push({ atMs: tick, watermarkMs: candidate });
      }
    }
    advanceWatermark(tick);
  }
  while (next < records.length && records[next]!.arrivalMs <= untilMs) onElement(records[next++]!);
  return { watermarks, inputWatermarks, emissions, late, added };
}
