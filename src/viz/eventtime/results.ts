import {
  type Aggregate,
  type Emission,
  type EventRecord,
  type EventTimeAnalysis,
  processingTimeWindows,
  type Window,
} from '../../engine';

export interface WindowRow {
  readonly window: Window;
  readonly key: string | null;
  readonly emissions: readonly Emission[];
}

const wkey = (w: Window, key: string | null) => `${w.startMs}:${w.endMs}:${key ?? ''}`;

/** Every (window, key) with its emissions up to `nowMs`, oldest window first. */
export function windowRows(emissions: readonly Emission[], nowMs: number): WindowRow[] {
  const rows = new Map<string, { window: Window; key: string | null; emissions: Emission[] }>();
  for (const e of emissions) {
    if (e.atMs > nowMs) continue;
    const k = wkey(e.window, e.key);
    const row = rows.get(k) ?? { window: e.window, key: e.key, emissions: [] };
    row.emissions.push(e);
    rows.set(k, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.window.startMs - b.window.startMs ||
      a.window.endMs - b.window.endMs ||
      (a.key ?? '').localeCompare(b.key ?? ''),
  );
}

function aggregate(values: number[], agg: Aggregate): number {
  if (agg === 'count') return values.length;
  if (agg === 'sum') return values.reduce((a, b) => a + b, 0);
  if (agg === 'min') return Math.min(...values);
  if (agg === 'max') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Processing-time tumbling windows as emissions: each result appears when its window closes. */
export function processingTimeEmissions(
  records: readonly EventRecord[],
  sizeMs: number,
  agg: Aggregate,
  keyed: boolean,
  untilMs: number,
): Emission[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: Emission[] = [];
  for (const { window, ids } of processingTimeWindows(records, sizeMs, untilMs)) {
    const groups = new Map<string | null, number[]>();
    for (const id of ids) {
      const r = byId.get(id)!;
      const k = keyed ? r.key : null;
      groups.set(k, [...(groups.get(k) ?? []), r.value]);
    }
    for (const [key, values] of groups)
      out.push({
        window,
        key,
        value: aggregate(values, agg),
        count: values.length,
        atMs: window.endMs,
        kind: 'first',
      });
  }
  return out;
}

export interface ComparedRow {
  readonly window: Window;
  readonly key: string | null;
  readonly a: Emission | null;
  readonly b: Emission | null;
  readonly differs: boolean;
  /** What differs: the value, only when it came out, or whether it came out at all (issue 20). */
  readonly difference: 'none' | 'value' | 'time' | 'onlyA' | 'onlyB';
}

/** Final (latest) results per window in A and B, side by side; `differs` when value or timing differ. */
export function compareResults(a: readonly Emission[], b: readonly Emission[], nowMs: number): ComparedRow[] {
  const latest = (es: readonly Emission[]) => {
    const m = new Map<string, Emission>();
    for (const e of es) if (e.atMs <= nowMs) m.set(wkey(e.window, e.key), e);
    return m;
  };
  const la = latest(a);
  const lb = latest(b);
  const keys = new Set([...la.keys(), ...lb.keys()]);
  return [...keys]
    .map((k) => {
      const ea = la.get(k) ?? null;
      const eb = lb.get(k) ?? null;
      const e = (ea ?? eb)!;
      const difference: ComparedRow['difference'] = !eb
        ? 'onlyA'
        : !ea
          ? 'onlyB'
          : ea.value !== eb.value
            ? 'value'
            : ea.atMs !== eb.atMs
              ? 'time'
              : 'none';
      return { window: e.window, key: e.key, a: ea, b: eb, differs: difference !== 'none', difference };
    })
    .sort(
      (x, y) =>
        x.window.startMs - y.window.startMs ||
        x.window.endMs - y.window.endMs ||
        (x.key ?? '').localeCompare(y.key ?? ''),
    );
}

/** Mean time from a window's end to its first result, over windows emitted by `nowMs`. */
export function meanLatencyMs(
  a: EventTimeAnalysis | { emissions: readonly Emission[] },
  nowMs: number,
): number | null {
  const first = new Map<string, Emission>();
  for (const e of a.emissions)
    if (e.atMs <= nowMs && !first.has(wkey(e.window, e.key))) first.set(wkey(e.window, e.key), e);
  if (first.size === 0) return null;
  let total = 0;
  for (const e of first.values()) total += e.atMs - e.window.endMs;
  return total / first.size;
}
