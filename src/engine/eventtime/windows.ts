/**
 * Event-time windows, as Flink's window assigners and Spark's window()/session_window() define
 * them. A window is [startMs, endMs): Flink's TimeWindow (maxTimestamp = end − 1), Spark's
 * window struct (end exclusive).
 */
export interface Window {
  readonly startMs: number;
  readonly endMs: number;
}

export type WindowSpec =
  | { readonly kind: 'tumbling'; readonly sizeMs: number; readonly offsetMs?: number }
  | {
      readonly kind: 'sliding';
      readonly sizeMs: number;
      readonly slideMs: number;
      readonly offsetMs?: number;
    }
  | { readonly kind: 'session'; readonly gapMs: number }
  /**
   * Spark only: group by the raw event-time column. Each timestamp is its own group, a "window"
   * with start = end = the timestamp, so Spark's `eventTime <= watermark` is the same test as
   * `window.end <= watermark`.
   */
  | { readonly kind: 'eventTime' };

/** TimeWindow.getWindowStartWithOffset: the start of the window of size `size` holding `t`. */
export function windowStart(t: number, offsetMs: number, sizeMs: number): number {
  const r = (t - offsetMs + sizeMs) % sizeMs;
  return t - (r < 0 ? r + sizeMs : r);
}

/**
 * The windows a timestamp belongs to (before merging, for sessions): TumblingEventTimeWindows,
 * SlidingEventTimeWindows (newest window first, as Flink lists them) and EventTimeSessionWindows.
 */
export function assignWindows(spec: WindowSpec, t: number): Window[] {
  switch (spec.kind) {
    case 'tumbling': {
      const start = windowStart(t, spec.offsetMs ?? 0, spec.sizeMs);
      return [{ startMs: start, endMs: start + spec.sizeMs }];
    }
    case 'sliding': {
      const out: Window[] = [];
      const last = windowStart(t, spec.offsetMs ?? 0, spec.slideMs);
      for (let start = last; start > t - spec.sizeMs; start -= spec.slideMs)
        out.push({ startMs: start, endMs: start + spec.sizeMs });
      return out;
    }
    case 'session':
      return [{ startMs: t, endMs: t + spec.gapMs }];
    case 'eventTime':
      return [{ startMs: t, endMs: t }];
  }
}

/** A window's length for display and for a processing-time counterpart (a session: its gap). */
export function nominalSizeMs(spec: WindowSpec): number {
  if (spec.kind === 'session') return spec.gapMs;
  if (spec.kind === 'eventTime') return 1000;
  return spec.sizeMs;
}

/** TimeWindow.intersects: touching windows merge too. */
export function intersects(a: Window, b: Window): boolean {
  return a.startMs <= b.endMs && a.endMs >= b.startMs;
}

export function cover(a: Window, b: Window): Window {
  return { startMs: Math.min(a.startMs, b.startMs), endMs: Math.max(a.endMs, b.endMs) };
}

export const windowKey = (w: Window) => `${w.startMs}:${w.endMs}`;

export type Aggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** An aggregate's running state: count and sum serve every aggregate (min/max kept beside). */
export interface Acc {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export const emptyAcc = (): Acc => ({
  count: 0,
  sum: 0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
});

export function addTo(acc: Acc, value: number): void {
  acc.count++;
  acc.sum += value;
  if (value < acc.min) acc.min = value;
  if (value > acc.max) acc.max = value;
}

export function mergeAcc(a: Acc, b: Acc): Acc {
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

export function result(acc: Acc, agg: Aggregate): number {
  switch (agg) {
    case 'count':
      return acc.count;
    case 'sum':
      return acc.sum;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
    case 'avg':
      return acc.count === 0 ? Number.NaN : acc.sum / acc.count;
  }
}

/** A tuple as the event-time operators see it. `input` numbers the watermarked input it came from. */
export interface EventRecord {
  readonly id: number;
  readonly key: string;
  readonly value: number;
  readonly eventTimeMs: number;
  readonly arrivalMs: number;
  readonly input: number;
}

/** One emitted row of a window's result. */
export interface Emission {
  readonly window: Window;
  /** null for a global (non-keyed) aggregation. */
  readonly key: string | null;
  readonly value: number;
  readonly count: number;
  /** Processing time of the emission. */
  readonly atMs: number;
  /** first: the window's first result; update: a later result for it; late: a re-firing for a late tuple (Flink). */
  readonly kind: 'first' | 'update' | 'late';
}
