import { scaleLinear } from 'd3-scale';
import type { OfflinePeriod, PayloadSpec, TupleView } from '../../engine';

/** How a tuple is drawn: each category has its own shape as well as its own colour. */
export type MarkCategory = 'onTime' | 'outOfOrder' | 'late' | 'inFlight' | 'buffered' | 'dropped';

/** What the layout reads of a tuple (a worker gets just this, packed in numbers). */
export type LayoutTuple = Pick<
  TupleView,
  | 'id'
  | 'producerIndex'
  | 'status'
  | 'eventTimeMs'
  | 'arrivalTimeMs'
  | 'sentTimeMs'
  | 'late'
  | 'outOfOrder'
  | 'backfilled'
>;

export interface LaneInput {
  readonly label: string;
  readonly kind: PayloadSpec['kind'] | 'explicit';
  readonly ratePerSec: number;
  readonly offline: readonly OfflinePeriod[];
}

export interface LayoutInput {
  /** The step's time: which tuples are where, and in what state. */
  readonly nowMs: number;
  /**
   * The time to draw at, from `nowMs` up to (not including) the next step: the window, the now
   * line and the delay lines of tuples on their way move on with it between steps. Default `nowMs`.
   */
  readonly displayMs?: number;
  readonly windowMs: number;
  readonly width: number;
  readonly lanes: readonly LaneInput[];
  /** Tuples to draw: arrived or dropped in the window, plus those still on their way. */
  readonly tuples: readonly LayoutTuple[];
  /**
   * Tuples drawn before the window, back to the start of its first segment (`segmentStartMs`): not
   * drawn, they settle the rows and labels of the marks after them, so those stay put as the window
   * slides.
   */
  readonly before?: readonly LayoutTuple[];
}

export interface Lane {
  readonly index: number;
  readonly label: string;
  readonly kind: LaneInput['kind'];
  readonly ratePerSec: number;
  readonly y: number;
  readonly height: number;
  /** Offline periods clipped to the window, in pixels. */
  readonly offline: readonly { readonly x0: number; readonly x1: number; readonly ongoing: boolean }[];
}

export interface Mark {
  readonly id: number;
  readonly lane: number;
  readonly category: MarkCategory;
  readonly backfilled: boolean;
  /** Where the tuple is drawn: its arrival (or, still on its way, where it started). */
  readonly x: number;
  readonly y: number;
  /** Start of its delay line: its event time, clipped to the window. */
  readonly fromX: number;
  /** End of its delay line: arrival, or "now" while it travels. */
  readonly toX: number;
  /** Event time label (seconds), or null where labels would collide. */
  readonly label: string | null;
}

export interface ProducersLayout {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  /** Lane names sit inside the lanes (narrow screens) rather than in a column on the left. */
  readonly compact: boolean;
  readonly nowX: number;
  /**
   * Where time 0 would be drawn. A mark's `x - originX` stays the same as the window slides, so a
   * view can draw marks at those fixed places in a group shifted by `originX`: while playing only
   * the shift changes, not every mark.
   */
  readonly originX: number;
  readonly lanes: readonly Lane[];
  readonly marks: readonly Mark[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly axisY: number;
  /** The part of the plot after "now": time that has not happened yet. */
  readonly future: { readonly x0: number; readonly x1: number } | null;
}

/** Lanes are roomy when few, tighter when many, so eight still fit on a projector. */
export function laneHeight(laneCount: number): number {
  return laneCount <= 4 ? 80 : 60;
}
export const LABEL_WIDTH = 168;
/** Below this width lane names move inside their lanes and the plot takes the whole width. */
export const COMPACT_WIDTH = 640;
const TOP = 24;
/** Event-time labels sit in a band at the top of each lane, above the marks they name. */
export const LABEL_BAND = 20;
const AXIS_HEIGHT = 30;
const RIGHT_PAD = 24;
const LABEL_GAP_PX = 30;
const ROW_GAP_PX = 9;
const ROWS = 3;

export function formatSeconds(ms: number, digits = 1): string {
  return `${(ms / 1000).toFixed(digits)}`;
}

export function categoryOf(t: LayoutTuple): MarkCategory {
  switch (t.status) {
    case 'buffered':
      return 'buffered';
    case 'inFlight':
      return 'inFlight';
    case 'dropped':
      return 'dropped';
    case 'arrived':
      return t.late ? 'late' : t.outOfOrder ? 'outOfOrder' : 'onTime';
  }
}

/** Labels for the categories, shared by the legend, tooltips and screen-reader text. */
export const categoryLabels: Record<MarkCategory, string> = {
  onTime: 'in order',
  outOfOrder: 'out of order',
  late: 'late',
  inFlight: 'on its way',
  buffered: 'buffered at producer (offline)',
  dropped: 'lost',
};

/** Lanes over processing time: a pure function from what is visible at the cursor to shapes. */
export function layoutProducers(input: LayoutInput): ProducersLayout {
  const { nowMs, windowMs, width } = input;
  const displayMs = Math.max(nowMs, input.displayMs ?? nowMs);
  const { plotLeft, plotRight, start } = timeAxis(width, windowMs, displayMs);
  const compact = width < COMPACT_WIDTH;
  const x = scaleLinear()
    .domain([start, start + windowMs])
    .range([plotLeft, plotRight]);
  // Compact lanes carry their name in a band of their own at the bottom.
  const nameBand = compact ? 16 : 0;
  const height = laneHeight(input.lanes.length) + nameBand;
  const clampX = (ms: number) => Math.max(plotLeft, Math.min(plotRight, x(ms)));

  const lanes: Lane[] = input.lanes.map((lane, index) => ({
    index,
    label: lane.label,
    kind: lane.kind,
    ratePerSec: lane.ratePerSec,
    y: TOP + index * height,
    height,
    offline: lane.offline
      .filter((o) => o.fromMs < nowMs && o.toMs > nowMs - windowMs)
      // Ongoing at the step, a period runs on to the drawn "now"; its end shows at its step.
      .map((o) => ({
        x0: clampX(o.fromMs),
        x1: clampX(o.toMs > nowMs ? displayMs : o.toMs),
        ongoing: o.toMs > nowMs,
      })),
  }));

  // Rows and labels are settled segment by segment (`SEGMENTS` per window, at fixed times), each from
  // its own start: settled from the window's left edge instead, marks changed row and labels came
  // and went all along a lane every frame as the oldest marks left (issue 19). The tuples `before`
  // the window complete its first segment.
  const segmentMs = windowMs / SEGMENTS;
  const firstSegment = Math.floor(segmentStartMs(nowMs, windowMs) / segmentMs);
  const tuples = input.before?.length ? [...input.before, ...input.tuples] : input.tuples;
  const shownFrom = input.before?.length ?? 0;
  // Sort by where each tuple is drawn, computing that once per tuple (this runs every frame).
  const at = new Float64Array(tuples.length);
  for (let i = 0; i < tuples.length; i++) at[i] = drawAt(tuples[i]!, nowMs);
  const order = Uint32Array.from(tuples.keys()).sort(
    (a, b) => at[a]! - at[b]! || tuples[a]!.id - tuples[b]!.id,
  );
  const marks: PlacedMark[] = [];
  const rowEnd: number[][] = lanes.map(() => new Array(ROWS).fill(Number.NEGATIVE_INFINITY));
  const rowSegment: number[] = lanes.map(() => Number.NEGATIVE_INFINITY);
  for (const i of order) {
    const t = tuples[i]!;
    const lane = lanes[t.producerIndex];
    if (!lane) continue;
    const segment = Math.floor(at[i]! / segmentMs);
    if (segment < firstSegment && i < shownFrom) continue;
    const rows = rowEnd[t.producerIndex]!;
    if (segment !== rowSegment[t.producerIndex]) {
      rows.fill(Number.NEGATIVE_INFINITY);
      rowSegment[t.producerIndex] = segment;
    }
    // Stack marks that would overlap into up to three rows around the lane's centre line (by their
    // unclamped places, which keep their distances as the window slides).
    const ux = x(at[i]!);
    let row = rows.findIndex((end) => ux - end >= ROW_GAP_PX);
    if (row < 0) row = rows.indexOf(Math.min(...rows));
    rows[row] = ux;
    const category = categoryOf(t);
    const mx = clampX(at[i]!);
    const rowOffset = row === 0 ? 0 : row === 1 ? -ROW_GAP_PX - 3 : ROW_GAP_PX + 3;
    const y = lane.y + LABEL_BAND + (lane.height - LABEL_BAND - nameBand) / 2 + rowOffset;
    marks.push({
      id: t.id,
      lane: t.producerIndex,
      category,
      backfilled: t.backfilled,
      x: mx,
      y,
      fromX: clampX(t.eventTimeMs),
      toX: t.status === 'arrived' ? mx : category === 'dropped' ? mx : clampX(displayMs),
      label: null,
      ux,
      segment,
      eventTimeMs: t.eventTimeMs,
      shown: i >= shownFrom,
    });
  }
  labelMarks(marks);
  const shown: Mark[] = [];
  for (const { ux: _x, segment: _s, eventTimeMs: _e, shown: isShown, ...mark } of marks)
    if (isShown) shown.push(mark);

  const axisY = TOP + lanes.length * height + 4;
  const ticks = x
    .ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 90)))
    .map((ms) => ({ x: x(ms), label: `${formatSeconds(ms, Number.isInteger(ms / 1000) ? 0 : 1)} s` }));
  return {
    width,
    height: axisY + AXIS_HEIGHT,
    plotLeft,
    plotRight,
    compact,
    nowX: x(displayMs),
    originX: x(0),
    lanes,
    marks: shown,
    ticks: ticks.filter((t) => t.x >= plotLeft - 1),
    axisY,
    future: x(displayMs) < plotRight - 1 ? { x0: x(displayMs), x1: plotRight } : null,
  };
}

/**
 * The plot's horizontal frame at `displayMs`: the window ends at "now"; near the start of a run it
 * shows [0, window] with the future still empty. Time `ms` is drawn at
 * `plotLeft + (ms - start) * (plotRight - plotLeft) / windowMs`.
 */
export function timeAxis(
  width: number,
  windowMs: number,
  displayMs: number,
): { plotLeft: number; plotRight: number; start: number } {
  const compact = width < COMPACT_WIDTH;
  const plotLeft = compact ? 12 : LABEL_WIDTH;
  const plotRight = Math.max(plotLeft + 50, width - (compact ? 12 : RIGHT_PAD));
  return { plotLeft, plotRight, start: Math.max(0, displayMs - windowMs) };
}

/** Where time 0 and "now" are drawn at `displayMs` (what moves between steps in the SVG lanes). */
export function slideAt(
  width: number,
  windowMs: number,
  displayMs: number,
): { originX: number; nowX: number; plotRight: number } {
  const { plotLeft, plotRight, start } = timeAxis(width, windowMs, displayMs);
  const k = (plotRight - plotLeft) / windowMs;
  return { originX: plotLeft - k * start, nowX: plotLeft + k * (displayMs - start), plotRight };
}

/** Arrived tuples are drawn where they arrived; the others where they are now. */
export function drawAt(t: LayoutTuple, nowMs: number): number {
  // Arrived tuples have an arrival time; lost and travelling ones have a send time.
  if (t.status === 'arrived') return t.arrivalTimeMs ?? nowMs;
  if (t.status === 'buffered') return t.eventTimeMs;
  return Math.min(nowMs, t.sentTimeMs ?? t.eventTimeMs);
}

/** Seconds of processing time in view: enough to see delays, few enough tuples to read. */
export function defaultWindowMs(totalRatePerSec: number, durationMs: number): number {
  const byDensity = totalRatePerSec > 0 ? (600 / totalRatePerSec) * 1000 : 20000;
  return Math.min(durationMs, Math.max(4000, Math.min(20000, Math.round(byDensity / 1000) * 1000)));
}

/** Marks whose event time is the point of a lesson: they are labelled first (issue 20). */
const LABEL_FIRST: ReadonlySet<MarkCategory> = new Set(['late', 'outOfOrder', 'dropped']);

/** Rows and labels are settled in this many segments of the window, each from its own start. */
export const SEGMENTS = 4;

/** The start of the window's first segment at `nowMs`: tuples drawn from there settle the layout. */
export function segmentStartMs(nowMs: number, windowMs: number): number {
  const segmentMs = windowMs / SEGMENTS;
  return Math.floor(Math.max(0, nowMs - windowMs) / segmentMs) * segmentMs;
}

/** A mark while the layout places it: where it is drawn unclamped, its segment, whether it is shown. */
type PlacedMark = { -readonly [K in keyof Mark]: Mark[K] } & {
  readonly ux: number;
  readonly segment: number;
  readonly eventTimeMs: number;
  readonly shown: boolean;
};

/**
 * Event-time labels where they do not collide (LABEL_GAP_PX apart within a lane): late, out-of-order
 * and lost tuples first, then the rest from left to right. Labelling strictly left to right hid the
 * out-of-order reading's label behind its in-order neighbour's. Each segment is labelled from its own
 * start; a label too close after the previous segment's last one is left out. So a label depends on
 * its segment and the one before, not on where the window starts. Marks come in x order, so a few
 * linear passes do it (this runs every frame).
 */
function labelMarks(marks: PlacedMark[]): void {
  const first = new Map<number, number[]>();
  const lastFirst = new Map<number, number>();
  const segmentOf = new Map<number, number>();
  const newSegment = (m: PlacedMark, last: Map<number, number>) => {
    if (segmentOf.get(m.lane) === m.segment) return;
    segmentOf.set(m.lane, m.segment);
    last.delete(m.lane);
  };
  for (const m of marks) {
    if (!LABEL_FIRST.has(m.category)) continue;
    newSegment(m, lastFirst);
    if (m.ux - (lastFirst.get(m.lane) ?? Number.NEGATIVE_INFINITY) < LABEL_GAP_PX) continue;
    lastFirst.set(m.lane, m.ux);
    const xs = first.get(m.lane) ?? [];
    xs.push(m.ux);
    first.set(m.lane, xs);
    m.label = formatSeconds(m.eventTimeMs);
  }
  segmentOf.clear();
  const next = new Map<number, number>();
  const lastRest = new Map<number, number>();
  for (const m of marks) {
    if (LABEL_FIRST.has(m.category)) continue;
    newSegment(m, lastRest);
    if (m.ux - (lastRest.get(m.lane) ?? Number.NEGATIVE_INFINITY) < LABEL_GAP_PX) continue;
    // The nearest first-placed labels on either side (both lists are in x order).
    const xs = first.get(m.lane) ?? [];
    let k = next.get(m.lane) ?? 0;
    while (k < xs.length && xs[k]! < m.ux) k++;
    next.set(m.lane, k);
    if (k < xs.length && xs[k]! - m.ux < LABEL_GAP_PX) continue;
    if (k > 0 && m.ux - xs[k - 1]! < LABEL_GAP_PX) continue;
    lastRest.set(m.lane, m.ux);
    m.label = formatSeconds(m.eventTimeMs);
  }
  // Where two segments meet: a label too close after the previous segment's last one goes.
  const lastOfSegment = new Map<string, number>();
  for (const m of marks) if (m.label !== null) lastOfSegment.set(`${m.lane}:${m.segment}`, m.ux);
  for (const m of marks) {
    if (m.label === null) continue;
    const before = lastOfSegment.get(`${m.lane}:${m.segment - 1}`);
    if (before !== undefined && m.ux - before < LABEL_GAP_PX) m.label = null;
  }
}
