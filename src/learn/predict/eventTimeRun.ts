/**
 * What the event-time templates share: the frame's run with its event-time analysis (computed as
 * the simulator's views compute it: the tuples that reached the query, in arrival order, over the
 * whole run), the tuples still on their way at a moment, and query variants.
 */
import {
  analyseEventTime,
  assignWindows,
  type EventRecord,
  type EventTimeAnalysis,
  type EventTimeSpec,
  eventRecords,
  Simulation,
  type TupleView,
  type Window,
} from '../../engine';
import type { FrameRef } from '../types';
import { baseEventTime, frameScenario, secs } from './frame';

export interface EventTimeRun {
  readonly query: EventTimeSpec;
  readonly records: readonly EventRecord[];
  readonly byId: ReadonlyMap<number, EventRecord>;
  readonly analysis: EventTimeAnalysis;
  /** The frame's run (for what is on its way at a moment); its cursor moves. */
  readonly sim: Simulation;
  readonly durationMs: number;
  readonly producerIds: readonly string[];
}

export function eventTimeRun(frame: FrameRef): EventTimeRun {
  const { spec, seed } = frameScenario(frame);
  if (!spec.eventTime) throw new Error(`eventTimeRun: frame on "${frame.scenario}" has no event-time query`);
  const sim = new Simulation(spec, seed);
  const records = eventRecords(spec, seed);
  const analysis = analyseEventTime(
    spec.eventTime,
    records,
    sim.scenario.producers.length,
    spec.durationMs,
    spec.delivery?.partitions,
  );
  return {
    query: spec.eventTime,
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    analysis,
    sim,
    durationMs: spec.durationMs,
    producerIds: sim.scenario.producers.map((p) => p.spec.id),
  };
}

/** Tuples created by `atMs` that have not reached the query yet (in flight, or held by an offline producer). */
export function onTheWay(run: EventTimeRun, atMs: number): TupleView[] {
  run.sim.seekTime(atMs);
  return run.sim
    .pending()
    .map((id) => run.sim.tuple(id)!)
    .filter((t) => run.byId.has(t.id));
}

/** Records that reached the query by `atMs`. */
export function arrivedBy(run: EventTimeRun, atMs: number): EventRecord[] {
  return run.records.filter((r) => r.arrivalMs <= atMs);
}

/** A Spark append-mode query on tumbling windows, counting; everything else from the preset's query. */
export function sparkQuery(
  presetId: string,
  o: { sizeMs: number; delayMs: number; triggerMs?: number; inputs?: 'single' | 'perProducer' },
): EventTimeSpec {
  const base = baseEventTime(presetId);
  return {
    ...base,
    window: { kind: 'tumbling', sizeMs: o.sizeMs },
    aggregate: 'count',
    keyed: false,
    engine: 'spark',
    inputs: o.inputs ?? 'single',
    spark: {
      ...base.spark,
      delayMs: o.delayMs,
      triggerMs: o.triggerMs ?? 1000,
      outputMode: 'append',
      noDataBatches: true,
      policy: 'min',
    },
  };
}

/** A Flink query on tumbling windows, counting. */
export function flinkQuery(
  presetId: string,
  o: { sizeMs: number; boundMs: number; allowedLatenessMs: number },
): EventTimeSpec {
  const base = baseEventTime(presetId);
  return {
    ...base,
    window: { kind: 'tumbling', sizeMs: o.sizeMs },
    aggregate: 'count',
    keyed: false,
    engine: 'flink',
    inputs: 'single',
    flink: {
      ...base.flink,
      boundMs: o.boundMs,
      autoWatermarkIntervalMs: 200,
      allowedLatenessMs: o.allowedLatenessMs,
    },
  };
}

/** The tumbling window of an event time under `query`. */
export function windowOf(query: EventTimeSpec, eventTimeMs: number): Window {
  return assignWindows(query.window, eventTimeMs)[0]!;
}

export const sameWindow = (a: Window, b: Window) => a.startMs === b.startMs && a.endMs === b.endMs;

export function windowText(w: Window): string {
  return `[${secs(w.startMs)}, ${secs(w.endMs)})`;
}

/** "#12 (event 3.41 s)" for up to `max` tuples, then "and N more". */
export function tupleList(
  tuples: readonly { id: number; eventTimeMs: number }[],
  max = 6,
  extra?: (t: { id: number; eventTimeMs: number }) => string,
): string {
  const shown = tuples
    .slice(0, max)
    .map((t) => `#${t.id} (event ${secs(t.eventTimeMs)}${extra ? `, ${extra(t)}` : ''})`);
  const more = tuples.length > max ? ` and ${tuples.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** The newest event time among records, with its tuple; null when there are none. */
export function newest(records: readonly EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const r of records) if (!best || r.eventTimeMs > best.eventTimeMs) best = r;
  return best;
}
