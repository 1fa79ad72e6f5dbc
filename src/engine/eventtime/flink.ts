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
  /**
   * WatermarkStrategy.withIdleness(timeout): an input without events for longer than this (processing
   * time, checked at each periodic emit) is marked idle and stops holding the watermark back; null: never.
   */
  readonly idlenessMs?: number | null;
  /**
   * PurgingTrigger.of(EventTimeTrigger.create()): every FIRE becomes FIRE_AND_PURGE
   * (flink-streaming-java .../triggers/PurgingTrigger.java, onElement/onEventTime), so the window's
   * contents are cleared when it fires and a late firing emits only what came since.
   */
  readonly trigger?: 'eventTime' | 'purging';
  /**
   * Watermarks the input carries explicitly (a punctuated WatermarkGenerator emitting them as the
   * markers arrive), instead of the periodic bounded-out-of-orderness generator: each takes effect at
   * its processing time; one not above the current watermark is dropped, as
   * TimestampsAndWatermarksOperator.WatermarkEmitter does (`if (ts <= currentWatermark) return;`).
   */
  readonly explicitWatermarks?: readonly WatermarkChange[] | null;
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
  /** It has emitted a result before (a later one is a late firing). */
  fired: boolean;
  /** An event-time timer at window.maxTimestamp() is registered and has not fired. */
  timer: boolean;
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
/**
 * Flink's WindowOperator with an EventTimeTrigger, one key space, driven by elements and watermarks
 * (the shape of Flink's WindowOperatorTest). Emissions carry the processing time they happened at.
 */
export class FlinkWindowOperator {
  watermark = NO_WATERMARK;
  readonly emissions: Emission[] = [];
  readonly late: LateRecord[] = [];
  readonly added = new Map<number, Window[]>();
  private readonly state = new Map<string, WindowState[]>();

  constructor(
    private readonly o: Pick<
      FlinkOptions,
      'window' | 'aggregate' | 'keyed' | 'allowedLatenessMs' | 'trigger'
    >,
  ) {}

  private cleanupTime(w: Window): number {
    return w.endMs - 1 + this.o.allowedLatenessMs;
  }

  private fire(s: WindowState, atMs: number): void {
    this.emissions.push({
      window: s.window,
      key: s.key,
      value: result(s.acc, this.o.aggregate),
      count: s.acc.count,
      atMs,
      kind: s.fired ? 'late' : 'first',
    });
    s.fired = true;
    s.timer = false;
    // FIRE_AND_PURGE: the contents go; the window itself stays until its cleanup time.
    if (this.o.trigger === 'purging') s.acc = emptyAcc();
  }

  /** Fires every window whose end − 1 the watermark reached, then clears those past their lateness. */
  processWatermark(watermarkMs: number, atMs: number): void {
    if (watermarkMs <= this.watermark) return;
    this.watermark = watermarkMs;
    const all = [...this.state.values()]
      .flat()
      .sort(
        (a, b) =>
          a.window.endMs - b.window.endMs ||
          a.window.startMs - b.window.startMs ||
          (a.key ?? '').localeCompare(b.key ?? ''),
      );
    for (const s of all) if (s.timer && s.window.endMs - 1 <= watermarkMs) this.fire(s, atMs);
    for (const [k, list] of this.state) {
      const kept = list.filter((s) => this.cleanupTime(s.window) > watermarkMs);
      if (kept.length === 0) this.state.delete(k);
      else this.state.set(k, kept);
    }
  }

  /**
   * WindowOperator.processElement: each of the element's windows (merged first, for sessions) is
   * skipped if late (maxTimestamp + allowedLateness <= watermark); otherwise the element is added and
   * EventTimeTrigger.onElement fires at once when the watermark is already past the window.
   */
  processElement(r: EventRecord, atMs: number): void {
    const o = this.o;
    const key = o.keyed ? r.key : null;
    const stateKey = key ?? '';
    const list = this.state.get(stateKey) ?? [];
    const into: Window[] = [];
    for (const w of assignWindows(o.window, r.eventTimeMs)) {
      let target: WindowState | undefined;
      if (o.window.kind === 'session') {
        const merging = list.filter((s) => intersects(s.window, w));
        const merged = merging.reduce((acc, s) => cover(acc, s.window), w);
        if (this.cleanupTime(merged) <= this.watermark) continue; // late even after merging: retired
        if (merging.length > 0) {
          target = {
            window: merged,
            key,
            acc: merging.reduce((acc, s) => mergeAcc(acc, s.acc), emptyAcc()),
            fired: merging.some((s) => s.fired),
            // EventTimeTrigger.onMerge registers a timer for the merged window's maxTimestamp.
            timer: true,
          };
          for (const s of merging) list.splice(list.indexOf(s), 1);
          list.push(target);
        }
      } else {
        if (this.cleanupTime(w) <= this.watermark) continue;
        target = list.find((s) => windowKey(s.window) === windowKey(w));
      }
      if (!target) {
        target = { window: w, key, acc: emptyAcc(), fired: false, timer: true };
        list.push(target);
      }
      addTo(target.acc, r.value);
      into.push(target.window);
      // EventTimeTrigger.onElement: FIRE at once when the watermark is already past the window.
      if (target.window.endMs - 1 <= this.watermark) this.fire(target, atMs);
    }
    if (list.length > 0) this.state.set(stateKey, list);
    if (into.length === 0) this.late.push({ id: r.id, atMs, watermarkMs: this.watermark });
    else this.added.set(r.id, into);
  }
}

/**
 * A Flink event-time window operator fed by periodic BoundedOutOfOrdernessWatermarks:
 * - each input's generator emits max timestamp − bound − 1 every auto-watermark interval (processing
 *   time), only when it increased; the operator's watermark is the minimum over its inputs;
 * - EventTimeTrigger fires a window once the watermark reaches its maxTimestamp (end − 1), and fires
 *   it again for every element that arrives while the watermark is past it but within allowedLateness;
 * - the window's state is cleared when the watermark reaches maxTimestamp + allowedLateness; an element
 *   whose windows are all past that is late (WindowOperator.isElementLate) and is dropped;
 * - session windows merge when they intersect (touching windows merge), lateness is judged on the
 *   merged window.
 * Records arriving at exactly a watermark tick are processed before it.
 */
export function runFlink(records: readonly EventRecord[], o: FlinkOptions, untilMs: number): FlinkRun {
  if (o.explicitWatermarks) return runWithExplicitWatermarks(records, o, o.explicitWatermarks, untilMs);
  const watermarks: WatermarkChange[] = [];
  const inputWatermarks: WatermarkChange[][] = Array.from({ length: o.inputs }, () => []);
  const maxTs = new Array<number>(o.inputs).fill(NO_WATERMARK);
  const emitted = new Array<number>(o.inputs).fill(NO_WATERMARK);
  const op = new FlinkWindowOperator(o);
  const idleness = o.idlenessMs ?? null;
  // WatermarksWithIdleness.IdlenessTimer per input: an event counts as activity; the first periodic
  // check without activity starts the countdown; idle once it exceeds the timeout.
  const counter = new Array<number>(o.inputs).fill(0);
  const lastCounter = new Array<number>(o.inputs).fill(0);
  const inactiveSince = new Array<number | null>(o.inputs).fill(null);
  const idle = new Array<boolean>(o.inputs).fill(false);
  // StatusWatermarkValve: an input back from idle counts again once its watermark has caught up
  // with the one already emitted downstream ("aligned").
  const aligned = new Array<boolean>(o.inputs).fill(true);
  const checkIfIdle = (i: number, tick: number): boolean => {
    if (counter[i] !== lastCounter[i]) {
      lastCounter[i] = counter[i]!;
      inactiveSince[i] = null;
      return false;
    }
    if (inactiveSince[i] === null) {
      inactiveSince[i] = tick;
      return false;
    }
    return tick - inactiveSince[i]! > idleness!;
  };
  const onElement = (r: EventRecord) => {
    maxTs[r.input] = Math.max(maxTs[r.input]!, r.eventTimeMs);
    counter[r.input]!++;
    idle[r.input] = false;
    op.processElement(r, r.arrivalMs);
  };
  let next = 0;
  for (let tick = o.autoWatermarkIntervalMs; tick <= untilMs; tick += o.autoWatermarkIntervalMs) {
    while (next < records.length && records[next]!.arrivalMs <= tick) onElement(records[next++]!);
    for (let i = 0; i < o.inputs; i++) {
      if (idleness !== null && checkIfIdle(i, tick)) {
        if (!idle[i]) aligned[i] = false;
        idle[i] = true;
        continue;
      }
      if (maxTs[i] === NO_WATERMARK) continue;
      const candidate = maxTs[i]! - o.boundMs - 1;
      if (candidate > emitted[i]!) {
        emitted[i] = candidate;
        inputWatermarks[i]!.push({ atMs: tick, watermarkMs: candidate });
      }
    }
    for (let i = 0; i < o.inputs; i++)
      if (!idle[i] && !aligned[i] && emitted[i]! >= op.watermark) aligned[i] = true;
    const active = emitted.filter((_, i) => !idle[i] && aligned[i]);
    // All inputs idle: nothing to combine, the watermark stays where it is.
    const combined = active.length === 0 ? NO_WATERMARK : Math.min(...active);
    if (combined > op.watermark) {
      watermarks.push({ atMs: tick, watermarkMs: combined });
      op.processWatermark(combined, tick);
    }
  }
  while (next < records.length && records[next]!.arrivalMs <= untilMs) onElement(records[next++]!);
  return { watermarks, inputWatermarks, emissions: op.emissions, late: op.late, added: op.added };
}

/**
 * The operator fed with the watermarks the input carries: elements and watermarks in processing-time
 * order (an element and a watermark at the same moment: the element first, as with the periodic
 * generator); every input carries the same watermarks, so the operator's is theirs.
 */
function runWithExplicitWatermarks(
  records: readonly EventRecord[],
  o: FlinkOptions,
  explicit: readonly WatermarkChange[],
  untilMs: number,
): FlinkRun {
  const op = new FlinkWindowOperator(o);
  const watermarks: WatermarkChange[] = [];
  const marks = explicit.filter((w) => w.atMs <= untilMs).sort((a, b) => a.atMs - b.atMs);
  let next = 0;
  for (const w of marks) {
    while (next < records.length && records[next]!.arrivalMs <= w.atMs) {
      const r = records[next++]!;
      op.processElement(r, r.arrivalMs);
    }
    if (w.watermarkMs <= op.watermark) continue;
    watermarks.push({ atMs: w.atMs, watermarkMs: w.watermarkMs });
    op.processWatermark(w.watermarkMs, w.atMs);
  }
  while (next < records.length && records[next]!.arrivalMs <= untilMs) {
    const r = records[next++]!;
    op.processElement(r, r.arrivalMs);
  }
  return {
    watermarks,
    inputWatermarks: Array.from({ length: o.inputs }, () => watermarks.slice()),
    emissions: op.emissions,
    late: op.late,
    added: op.added,
  };
}
