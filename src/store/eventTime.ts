import {
  analyseEventTime,
  type EventRecord,
  type EventTimeAnalysis,
  type EventTimeSpec,
  eventRecords,
  type Simulation,
} from '../engine';

/**
 * Event-time analyses of a run, computed once per run and setting. Derived data: it lives beside
 * the store, not in it, keyed by the run object (a new run is a new object).
 */
const records = new WeakMap<Simulation, EventRecord[]>();
const analyses = new WeakMap<Simulation, Map<string, EventTimeAnalysis>>();

export function recordsOf(sim: Simulation): EventRecord[] {
  let r = records.get(sim);
  if (!r) {
    r = eventRecords(sim.scenario.spec, sim.seed);
    records.set(sim, r);
  }
  return r;
}

/** The scenario's own query (or `spec`) run over the whole run; callers show what happened by the cursor. */
export function analysisOf(sim: Simulation, spec?: EventTimeSpec): EventTimeAnalysis | null {
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
    a = analyseEventTime(query, recordsOf(sim), sim.scenario.producers.length, sim.scenario.spec.durationMs);
    byKey.set(key, a);
  }
  return a;
}
