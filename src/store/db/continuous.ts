/**
 * The learner's SQL as a continuous query at the run's current moment, on the simulator's Spark
 * engine: a windowed aggregation runs as Spark's event-time query (withWatermark on event_time,
 * the chosen output mode, a trigger every second); an aggregation by key alone, or the rows
 * themselves, from every batch planned by now. Simplified as the event-time block is: a batch
 * takes no time. What the stream drops as late, and which windows it has not emitted yet, come
 * with the result, for the side-by-side view.
 */

import {
  analyseEventTime,
  assignWindows,
  type EventRecord,
  type EventTimeAnalysis,
  type EventTimeSpec,
  type Simulation,
  watermarkAt,
} from '../../engine';
import { type Aggregate, addTo, emptyAcc, result } from '../../engine/eventtime/windows';
import { recordsOf } from '../eventTime';
import type { StreamRow, StreamShape } from './sparkSql';

type Mode = 'append' | 'update' | 'complete';
type Cell = string | number | null;

/** The trigger of the continuous query (Trigger.ProcessingTime("1 second")). */
export const TRIGGER_MS = 1000;

export interface Continuous {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Rows of the stream left out of the table (the oldest ones, for a long list of rows). */
  readonly more: number;
  /** When the last batch was planned. */
  readonly batchAtMs: number;
  /** Windowed queries: the watermark now, the tuples dropped as late, windows with data not emitted yet. */
  readonly watermarkMs: number | null;
  readonly late: number;
  readonly pending: number;
}

const analyses = new WeakMap<Simulation, Map<string, EventTimeAnalysis>>();

function rowOf(sim: Simulation, r: EventRecord): StreamRow {
  const t = sim.tuple(r.id);
  const producer = t ? sim.scenario.producers[t.producerIndex]!.spec.id : '';
  return { key: r.key, value: r.value, event_time: r.eventTimeMs, arrival_time: r.arrivalMs, producer };
}

const SHOWN = 50;

export function continuousAt(
  sim: Simulation,
  sql: string,
  shape: Exclude<StreamShape, { kind: 'unsupported' }>,
  mode: Mode,
  delayMs: number,
): Continuous {
  const now = sim.timeMs;
  const batchAtMs = Math.floor(now / TRIGGER_MS) * TRIGGER_MS;
  const all = recordsOf(sim, 'single');
  const pass = shape.where ? (r: EventRecord) => shape.where!(rowOf(sim, r)) : () => true;
  if (shape.kind === 'rows') {
    const rows = all.filter((r) => r.arrivalMs <= batchAtMs && pass(r)).map((r) => rowOf(sim, r));
    const shown = rows.slice(-SHOWN);
    return {
      columns: shape.columns,
      rows: shown.map((r) => shape.columns.map((c) => r[c])),
      more: rows.length - shown.length,
      batchAtMs,
      watermarkMs: null,
      late: 0,
      pending: 0,
    };
  }
  if (!shape.window) {
    // No event-time column among the keys: no watermark applies, every row counts (StateStoreSaveExec).
    const groups = new Map<string, number[]>();
    for (const r of all)
      if (r.arrivalMs <= batchAtMs && pass(r)) {
        const k = shape.keyed ? r.key : '';
        groups.set(k, [...(groups.get(k) ?? []), r.value]);
      }
    const rows = [...groups].sort((a, b) => a[0].localeCompare(b[0]));
    return {
      columns: shape.columns.map((c) => c.name),
      rows: rows.map(([k, vs]) =>
        shape.columns.map((c) => (c.is === 'key' ? k : aggregate(vs, shape.aggregate))),
      ),
      more: 0,
      batchAtMs,
      watermarkMs: null,
      late: 0,
      pending: 0,
    };
  }
  // A window on event_time: Spark's event-time query, as the Event time plot runs it.
  const w = shape.window;
  const windowSpec =
    w.slideMs === w.sizeMs
      ? ({ kind: 'tumbling', sizeMs: w.sizeMs } as const)
      : ({ kind: 'sliding', sizeMs: w.sizeMs, slideMs: w.slideMs } as const);
  const cacheKey = JSON.stringify([sql, mode, delayMs]);
  let bySql = analyses.get(sim);
  if (!bySql) {
    bySql = new Map();
    analyses.set(sim, bySql);
  }
  let a = bySql.get(cacheKey);
  if (!a) {
    // Spark's event-time query with the defaults the scenario format gives (eventTimeSchema).
    const spec: EventTimeSpec = {
      window: windowSpec,
      aggregate: shape.aggregate,
      keyed: shape.keyed,
      engine: 'spark',
      inputs: 'single',
      spark: {
        delayMs,
        triggerMs: TRIGGER_MS,
        outputMode: mode,
        noDataBatches: true,
        policy: 'min',
        allowMultiple: true,
      },
      flink: {
        boundMs: 2000,
        autoWatermarkIntervalMs: 200,
        allowedLatenessMs: 0,
        sideOutput: false,
        idlenessMs: null,
        trigger: 'eventTime',
        watermarks: null,
      },
    };
    a = analyseEventTime(spec, all.filter(pass), sim.scenario.producers.length, sim.scenario.spec.durationMs);
    bySql.set(cacheKey, a);
  }
  // The result table as the sink holds it now: each (window, key)'s latest result.
  const latest = new Map<string, (typeof a.emissions)[number]>();
  for (const e of a.emissions)
    if (e.atMs <= now) latest.set(`${e.window.startMs}|${e.window.endMs}|${e.key ?? ''}`, e);
  const rows = [...latest.values()].sort(
    (x, y) => x.window.startMs - y.window.startMs || (x.key ?? '').localeCompare(y.key ?? ''),
  );
  // Windows (and keys) that hold rows at rest but have no result on the stream yet.
  const atRest = new Set<string>();
  const lateIds = new Set(a.late.filter((l) => l.atMs <= now).map((l) => l.id));
  for (const r of a.records)
    if (r.arrivalMs <= now && !lateIds.has(r.id)) {
      for (const win of assignWindows(windowSpec, r.eventTimeMs))
        atRest.add(`${win.startMs}|${win.endMs}|${shape.keyed ? r.key : ''}`);
    }
  const pending = [...atRest].filter((k) => !latest.has(k)).length;
  return {
    columns: shape.columns.map((c) => c.name),
    rows: rows.map((e) =>
      shape.columns.map((c) =>
        c.is === 'key'
          ? e.key
          : c.is === 'window_start'
            ? e.window.startMs
            : c.is === 'window_end'
              ? e.window.endMs
              : e.value,
      ),
    ),
    more: 0,
    batchAtMs,
    watermarkMs: watermarkAt(a.watermark, now, 0),
    late: lateIds.size,
    pending,
  };
}

/** The aggregate of `values`, with the engine's accumulator (eventtime/windows.ts). */
function aggregate(values: readonly number[], agg: Aggregate): number {
  const acc = emptyAcc();
  for (const v of values) addTo(acc, v);
  return result(acc, agg);
}
