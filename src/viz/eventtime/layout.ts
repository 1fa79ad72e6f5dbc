import { scaleLinear } from 'd3-scale';
import {
  assignWindows,
  type Emission,
  type EventRecord,
  type EventTimeAnalysis,
  type LateTuple,
  perfectWatermarkIndex,
  type Window,
  watermarkAt,
} from '../../engine';

export type DotKind = 'counted' | 'lateCounted' | 'dropped';

export interface Dot {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly kind: DotKind;
  readonly arrivalMs: number;
  readonly eventTimeMs: number;
  readonly watermarkMs: number;
  /** Why it counts or not ("on time", "late, dropped", …); `dotText` is the whole sentence. */
  readonly why: string;
}

/** The on-time dots: `n` points, and the whole `Dot` of any of them when it is asked for. */
export interface CountedDots {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  dot(k: number): Dot;
}

/** A dot's explanation: its times, the watermark it met, and its fate. Built on demand (hover, focus). */
export function dotText(d: Dot): string {
  const wmText = Number.isFinite(d.watermarkMs) ? secs(d.watermarkMs) : 'not yet set';
  return `#${d.id} arrived at ${secs(d.arrivalMs)} with event time ${secs(d.eventTimeMs)}; watermark was ${wmText}: ${d.why}`;
}

/**
 * What decides each tuple's mark, per analysis: its late record if it is dropped (from `atMs`), the
 * Spark batch that read it, and — filled in as the plot first draws each record — the watermark it
 * met on arrival and whether that put all its windows behind (0 unknown, 1 no, 2 yes). A plot
 * redrawn every step no longer rebuilds these for every tuple (issue 19).
 */
interface Fates {
  readonly late: ReadonlyMap<number, LateTuple>;
  readonly batchOf: ReadonlyMap<number, { readonly watermarkMs: number; readonly lateWatermarkMs: number }>;
  /** Per record: when it was judged late (dropped), +∞ if never. */
  readonly lateAt: Float64Array;
  readonly watermark: Float64Array;
  readonly behind: Uint8Array;
  /**
   * Per record, filled in with `behind`: the start of its window when it falls in exactly one (a
   * tumbling window), NaN otherwise; the pane count reads it instead of assigning windows per step.
   */
  readonly windowStart: Float64Array;
}

const fatesByAnalysis = new WeakMap<EventTimeAnalysis, Fates>();
function fatesOf(a: EventTimeAnalysis): Fates {
  let f = fatesByAnalysis.get(a);
  if (!f) {
    const batchOf = new Map<number, { watermarkMs: number; lateWatermarkMs: number }>();
    for (const b of a.batches ?? []) for (const id of b.records) batchOf.set(id, b);
    const late = new Map(a.late.map((l) => [l.id, l]));
    const lateAt = new Float64Array(a.records.length).fill(Number.POSITIVE_INFINITY);
    if (late.size > 0)
      a.records.forEach((r, i) => {
        const l = late.get(r.id);
        if (l) lateAt[i] = l.atMs;
      });
    f = {
      late,
      batchOf,
      lateAt,
      watermark: new Float64Array(a.records.length),
      behind: new Uint8Array(a.records.length),
      windowStart: new Float64Array(a.records.length),
    };
    fatesByAnalysis.set(a, f);
  }
  return f;
}

/** Fills in record `i`'s watermark met on arrival and whether its windows were all behind it. */
function fateOf(a: EventTimeAnalysis, fates: Fates, i: number): void {
  const r = a.records[i]!;
  const batch = fates.batchOf.get(r.id);
  const met = batch ? batch.watermarkMs : watermarkAt(a.watermark, r.arrivalMs, initialWatermark(a));
  fates.watermark[i] = met;
  const windows = assignWindows(a.spec.window, r.eventTimeMs);
  const past = windows.every((w) => w.endMs <= met + (a.spec.engine === 'flink' ? 1 : 0));
  fates.behind[i] = past ? 2 : 1;
  fates.windowStart[i] = windows.length === 1 ? windows[0]!.startMs : Number.NaN;
}

/** The watermark before the first: Spark starts at 0, Flink has none (−∞). */
const initialWatermark = (a: EventTimeAnalysis) => (a.spec.engine === 'spark' ? 0 : Number.NEGATIVE_INFINITY);

/** Records whose fate is filled in per piece of `warmUpPlot`. */
const FATES_PER_PIECE = 8192;

/**
 * What the plot caches per analysis, computed a bounded piece at a time before a new run is shown
 * (registered with the store by EventTimePlot): the perfect watermark's index and every record's fate.
 */
export function* warmUpPlot(a: EventTimeAnalysis): Generator<void> {
  perfectOf(a.records);
  yield;
  const fates = fatesOf(a);
  yield;
  for (let i = 0; i < a.records.length; i++) {
    if (fates.behind[i] === 0) fateOf(a, fates, i);
    if ((i + 1) % FATES_PER_PIECE === 0) yield;
  }
}

/** The perfect watermark at any instant, per run's records (a plot asks hundreds of times a frame). */
const perfectIndexes = new WeakMap<readonly EventRecord[], (atMs: number) => number>();
function perfectOf(records: readonly EventRecord[]): (atMs: number) => number {
  let index = perfectIndexes.get(records);
  if (!index) {
    index = perfectWatermarkIndex(records);
    perfectIndexes.set(records, index);
  }
  return index;
}

export interface Pane {
  readonly window: Window;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly count: number;
  /** The latest emission by the cursor, if the window has fired. */
  readonly fired: Emission | null;
}

export interface PlotLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { top: number; right: number; bottom: number; left: number };
  readonly x: (ms: number) => number;
  readonly y: (ms: number) => number;
  readonly xTicks: number[];
  readonly yTicks: number[];
  readonly domain: readonly [number, number];
  /** The tuples counted on time, as coordinates (a dense run has hundreds of thousands). */
  readonly counted: CountedDots;
  /** Every other tuple's mark (late: dropped, or counted all the same), in arrival order. */
  readonly marks: Dot[];
  readonly panes: Pane[];
  readonly watermarkPath: string;
  readonly perfectPath: string;
  readonly watermarkNow: number;
  readonly perfectNow: number;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The classic event-time plot at processing time `nowMs`: x = processing (arrival) time,
 * y = event time. Only what has happened by `nowMs` is drawn.
 */
export function plotLayout(
  a: EventTimeAnalysis,
  nowMs: number,
  durationMs: number,
  width: number,
  height: number,
): PlotLayout {
  const ready = prepared.get(a);
  if (ready && ready.key === layoutKey(nowMs, durationMs, width, height)) return ready.layout;
  const pieces = plotLayoutInPieces(a, nowMs, durationMs, width, height);
  let piece = pieces.next();
  while (!piece.done) piece = pieces.next();
  return piece.value;
}

/** Records laid out per piece of `plotLayoutInPieces`. */
const RECORDS_PER_PIECE = 16_384;

/** A layout computed ahead (`preparePlotLayout`), per analysis: the one the next render will ask for. */
const prepared = new WeakMap<EventTimeAnalysis, { key: string; layout: PlotLayout }>();
const layoutKey = (nowMs: number, durationMs: number, width: number, height: number) =>
  `${nowMs} ${durationMs} ${width} ${height}`;

/**
 * Computes, a bounded piece at a time, the layout a plot of this size will ask for at `nowMs`, and
 * keeps it for that render (issue 19: laying out the 200,000-tuple bench run in the render that
 * installs it took 40–60 ms with a cold JIT; a new run's warm-up does it in pieces instead).
 */
export function* preparePlotLayout(
  a: EventTimeAnalysis,
  nowMs: number,
  durationMs: number,
  width: number,
  height: number,
): Generator<void> {
  const layout = yield* plotLayoutInPieces(a, nowMs, durationMs, width, height);
  prepared.set(a, { key: layoutKey(nowMs, durationMs, width, height), layout });
}

/** `plotLayout` a piece of records at a time. */
function* plotLayoutInPieces(
  a: EventTimeAnalysis,
  nowMs: number,
  durationMs: number,
  width: number,
  height: number,
): Generator<void, PlotLayout> {
  const margin = { top: 12, right: 16, bottom: 34, left: 54 };
  const span = Math.min(durationMs, 40_000);
  const start = Math.max(0, Math.min(nowMs - span * 0.8, durationMs - span));
  const domain = [start, start + span] as const;
  const x = scaleLinear()
    .domain(domain)
    .range([margin.left, width - margin.right]);
  // Event time reaches a little below the processing-time window, and further down for events from
  // before the run started (a scenario's negative event times) that arrive in view.
  let lowest = start - span * 0.1;
  for (const r of a.records)
    if (r.arrivalMs >= start && r.arrivalMs <= start + span && r.eventTimeMs - span * 0.05 < lowest)
      lowest = r.eventTimeMs - span * 0.05;
  const y = scaleLinear()
    .domain([lowest, start + span])
    .range([height - margin.bottom, margin.top]);
  const wmAt = (t: number) => watermarkAt(a.watermark, t, initialWatermark(a));

  const fates = fatesOf(a);
  const marks: Dot[] = [];
  // On-time tuples as coordinates and record indexes: no object per tuple per step (issue 19).
  const countedX = new Float64Array(a.records.length);
  const countedY = new Float64Array(a.records.length);
  const countedAt = new Int32Array(a.records.length);
  let n = 0;
  for (let i = 0; i < a.records.length; i++) {
    if ((i + 1) % RECORDS_PER_PIECE === 0) yield;
    const r = a.records[i]!;
    if (r.arrivalMs > nowMs) break;
    if (r.arrivalMs < start) continue;
    const late = fates.lateAt[i]! <= nowMs ? fates.late.get(r.id) : undefined;
    // Before it is dropped a tuple is drawn with the watermark it met on arrival (cached per record).
    if (fates.behind[i] === 0) fateOf(a, fates, i);
    const wm = late ? late.watermarkMs : fates.watermark[i]!;
    const behind = fates.behind[i] === 2;
    const kind: DotKind = late ? 'dropped' : behind ? 'lateCounted' : 'counted';
    if (kind === 'counted') {
      countedX[n] = x(r.arrivalMs);
      countedY[n] = y(r.eventTimeMs);
      countedAt[n++] = i;
      continue;
    }
    const batch = fates.batchOf.get(r.id);
    let why: string;
    if (late)
      why =
        a.spec.engine === 'flink' && a.spec.flink.sideOutput
          ? 'late, sent to the late-data side output'
          : 'late, dropped';
    else if (a.spec.engine === 'flink')
      why = 'late, but within the allowed lateness, so its window fired again';
    else if (a.spec.spark.outputMode === 'complete')
      why = 'late, but complete mode keeps every row, so it still counts';
    else
      why = `past its window, but Spark (3.4 and later) judges late rows by the previous batch's watermark, ${secs(
        batch?.lateWatermarkMs ?? 0,
      )}: it still counts, and its window is emitted in the same batch`;
    marks.push({
      id: r.id,
      x: x(r.arrivalMs),
      y: y(r.eventTimeMs),
      kind,
      arrivalMs: r.arrivalMs,
      eventTimeMs: r.eventTimeMs,
      watermarkMs: wm,
      why,
    });
  }

  // Panes: windows that had a tuple by now, from their first tuple to their (latest) firing. Keyed by
  // the window's start (its size is fixed), or start and key for sessions.
  const counts = new Map<number | string, { window: Window; count: number; firstMs: number }>();
  const session = a.spec.window.kind === 'session';
  for (let i = 0; i < a.records.length && !session; i++) {
    if ((i + 1) % RECORDS_PER_PIECE === 0) yield;
    const r = a.records[i]!;
    if (r.arrivalMs > nowMs) break;
    if (fates.lateAt[i]! <= nowMs) continue;
    if (fates.behind[i] === 0) fateOf(a, fates, i);
    const only = fates.windowStart[i]!;
    const known = Number.isNaN(only) ? undefined : counts.get(only);
    if (known) {
      known.count++;
      continue;
    }
    for (const w of assignWindows(a.spec.window, r.eventTimeMs)) {
      const c = counts.get(w.startMs) ?? { window: w, count: 0, firstMs: r.arrivalMs };
      c.count++;
      counts.set(w.startMs, c);
    }
  }
  const emitted = a.emissions.filter((e) => e.atMs <= nowMs);
  if (a.spec.window.kind === 'session') {
    for (const e of emitted) {
      const k = `${e.window.startMs}:${e.key}`;
      counts.set(k, { window: e.window, count: e.count, firstMs: e.window.startMs });
    }
  }
  const panes: Pane[] = [];
  for (const [, c] of counts) {
    const fired =
      [...emitted]
        .reverse()
        .find((e) => e.window.startMs === c.window.startMs && e.window.endMs === c.window.endMs) ?? null;
    const firstFire = emitted.find(
      (e) => e.window.startMs === c.window.startMs && e.window.endMs === c.window.endMs,
    );
    const endX = firstFire ? firstFire.atMs : nowMs;
    if (endX < start) continue;
    panes.push({
      window: c.window,
      x0: x(Math.max(start, Math.min(c.firstMs, c.window.startMs))),
      x1: x(Math.max(start, endX)),
      y0: y(c.window.endMs),
      y1: y(c.window.startMs),
      count: c.count,
      fired,
    });
  }

  // Step lines, sampled so a long run stays cheap.
  const step = (fn: (t: number) => number) => {
    const parts: string[] = [];
    let prev: number | null = null;
    const samples = 400;
    const end = Math.min(nowMs, domain[1]);
    for (let i = 0; i <= samples; i++) {
      const t = domain[0] + ((end - domain[0]) * i) / samples;
      const v = fn(t);
      if (!Number.isFinite(v)) {
        prev = null;
        continue;
      }
      const px = x(t);
      const py = y(Math.max(v, lowest));
      if (prev === null) parts.push(`M${px},${py}`);
      else parts.push(`H${px}V${py}`);
      prev = v;
    }
    return parts.join('');
  };
  const watermarkPath = step(wmAt);
  const perfect = perfectOf(a.records);
  const perfectPath = step(perfect);
  return {
    width,
    height,
    margin,
    x: (ms) => x(ms),
    y: (ms) => y(ms),
    xTicks: x.ticks(8),
    yTicks: y.ticks(6),
    domain,
    counted: {
      n,
      x: countedX,
      y: countedY,
      dot(k) {
        const i = countedAt[k]!;
        const r = a.records[i]!;
        return {
          id: r.id,
          x: countedX[k]!,
          y: countedY[k]!,
          kind: 'counted',
          arrivalMs: r.arrivalMs,
          eventTimeMs: r.eventTimeMs,
          watermarkMs: fates.watermark[i]!,
          why: 'on time',
        };
      },
    },
    marks,
    panes,
    watermarkPath,
    perfectPath,
    watermarkNow: wmAt(nowMs),
    perfectNow: perfect(nowMs),
  };
}
