import {
  type EventRecord,
  type EventTimeAnalysis,
  type EventTimeSpec,
  eventRecordOf,
  eventTimeSpecOf,
  queryAnalysis,
  type Simulation,
} from '../engine';
import { analyseEventTimeInPieces, runRecordsInPieces } from '../engine/eventtime/analysis';
import { drain } from '../engine/pieces';
import { registerEventTimePieces } from './sim/prepareRun';

/**
 * Event-time analyses of a run, computed once per run and setting. Derived data: it lives beside
 * the store, not in it, keyed by the run object (a new run is a new object).
 */
const records = new WeakMap<Simulation, Map<EventTimeSpec['inputs'], EventRecord[]>>();
const analyses = new WeakMap<Simulation, Map<string, EventTimeAnalysis>>();
const queryAnalyses = new WeakMap<Simulation, { batches: number; analysis: EventTimeAnalysis | null }>();

/**
 * The scenario's running Structured Streaming query (a window aggregation) as the event-time views
 * show it, as far as the run has been computed (callers show what happened by the cursor).
 */
function runningQueryAnalysis(sim: Simulation): EventTimeAnalysis | null {
  // The query has run up to the run's frontier (never behind the cursor). A batch is final once it
  // is there, so the analysis is rebuilt only when the query has run another one, not every tick.
  const query = sim.query();
  if (!query) return null;
  const known = queryAnalyses.get(sim);
  if (known && known.batches === query.batches.length) return known.analysis;
  // Its batches reach the frontier, which may be ahead of the cursor: read their tuples there.
  const a = queryAnalysis(query, (id, input) => eventRecordOf(sim, id, input, true));
  queryAnalyses.set(sim, { batches: query.batches.length, analysis: a });
  return a;
}

/**
 * The tuples as the event-time operator reads them: all arrivals (one input, or one per producer),
 * or — for Flink reading the Kafka topic partition by partition — the records in the topic.
 */
export function recordsOf(
  sim: Simulation,
  inputs: EventTimeSpec['inputs'] = sim.scenario.spec.eventTime?.inputs ?? 'single',
): EventRecord[] {
  return drain(recordsInPieces(sim, inputs));
}

/**
 * `recordsOf` a bounded piece at a time (yielding the fraction done), for a caller that spreads the
 * work out; once computed, the records are kept for `recordsOf` like its own.
 */
export function* recordsInPieces(
  sim: Simulation,
  inputs: EventTimeSpec['inputs'] = sim.scenario.spec.eventTime?.inputs ?? 'single',
): Generator<number, EventRecord[]> {
  let byInputs = records.get(sim);
  if (!byInputs) {
    byInputs = new Map();
    records.set(sim, byInputs);
  }
  let r = byInputs.get(inputs);
  if (!r) {
    // Read from the run itself, computed ahead to its end (its cursor stays). A scenario with no
    // event-time query (its own or its running query's) reads one input, whatever is asked.
    const spec = sim.scenario.spec;
    const queried = spec.eventTime ?? (spec.query ? eventTimeSpecOf(spec.query) : null);
    r = yield* runRecordsInPieces(sim, queried ? inputs : 'single');
    byInputs.set(inputs, r);
  }
  return r;
}

/** The scenario's own query (or `spec`) run over the whole run; callers show what happened by the cursor. */
export function analysisOf(sim: Simulation, spec?: EventTimeSpec): EventTimeAnalysis | null {
  if (!spec && !sim.scenario.spec.eventTime) return runningQueryAnalysis(sim);
  return drain(analysisInPieces(sim, spec));
}

/** The analysis `analysisOf` gives if it has been computed already, else undefined (nothing is computed). */
export function computedAnalysis(
  sim: Simulation,
  spec?: EventTimeSpec,
): EventTimeAnalysis | null | undefined {
  if (!spec && !sim.scenario.spec.eventTime) return runningQueryAnalysis(sim);
  const query = spec ?? sim.scenario.spec.eventTime;
  if (!query) return null;
  return analyses.get(sim)?.get(JSON.stringify(query));
}

/**
 * `analysisOf` for the scenario's own event-time query or `spec` (not a running query's) a bounded
 * piece at a time, yielding the fraction done: the records, then the query. Kept once computed.
 */
export function* analysisInPieces(
  sim: Simulation,
  spec?: EventTimeSpec,
): Generator<number, EventTimeAnalysis | null> {
  const query = spec ?? sim.scenario.spec.eventTime;
  if (!query) return null;
  const key = JSON.stringify(query);
  let byKey = analyses.get(sim);
  if (!byKey) {
    byKey = new Map();
    analyses.set(sim, byKey);
  }
  let a = byKey.get(key);
  if (!a) {
    const input = yield* scaled(recordsInPieces(sim, query.inputs), 0, 0.5);
    a = yield* scaled(
      analyseEventTimeInPieces(
        query,
        input,
        sim.scenario.producers.length,
        sim.scenario.spec.durationMs,
        sim.scenario.spec.delivery?.partitions,
      ),
      0.5,
      1,
    );
    byKey.set(key, a);
  }
  return a;
}

/** `work`'s fractions mapped onto [from, to]. */
function* scaled<T>(work: Generator<number, T>, from: number, to: number): Generator<number, T> {
  for (let piece = work.next(); ; piece = work.next()) {
    if (piece.done) return piece.value;
    yield from + (to - from) * piece.value;
  }
}

// A new run is prepared with its analysis (in slices) once this code has loaded.
registerEventTimePieces((sim) => analysisInPieces(sim));
