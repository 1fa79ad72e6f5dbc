import type { ScenarioSpec, Simulation } from '../../engine';
import type { DeliveryModel } from '../../scenarios/compare';
import { companionAtStart } from '../runs';
import { waitOf } from '../slices';

/**
 * The event-time analysis of a run as pieces, registered by store/eventTime.ts when the event-time
 * views' code loads (it is not part of the first download: issue 13's budget). Before that, no view
 * needs it, and a run is installed without it.
 */
let eventTimePieces: ((sim: Simulation) => Generator<number, unknown>) | null = null;
export function registerEventTimePieces(pieces: (sim: Simulation) => Generator<number, unknown>): void {
  eventTimePieces = pieces;
}

/**
 * Work a view's code asks to be done for a new run before it is shown (its caches of what the run
 * computed), as pieces, so that the render installing the run does not do it all at once (issue 19).
 * Views register it when their code loads; each is run after the run and its analysis, the run at
 * the cursor. A view's own caches stay the view's: the store only runs the pieces.
 */
const warmUps: ((sim: Simulation) => Iterator<unknown, unknown>)[] = [];
export function registerWarmUp(warmUp: (sim: Simulation) => Iterator<unknown, unknown>): void {
  warmUps.push(warmUp);
}

/** What is being computed for a new run, for the progress a learner sees. */
export type ComputingWhat = 'run' | 'comparison' | 'event time' | 'views';

/** A new run being computed while the old one stays on screen. */
export interface RunComputation {
  /** From 0 to 1. */
  readonly fraction: number;
  readonly what: ComputingWhat;
  /** When it started (`performance.now()`), so the page can wait a moment before showing progress. */
  readonly startedMs: number;
}

/** A new run ready to install: the run at the cursor and its companion (null when not comparing). */
export interface PreparedRun {
  readonly compare: Simulation | null;
}

export interface Progress {
  readonly fraction: number;
  readonly what: ComputingWhat;
  /** A view's warm-up waits for this (a worker's answer) before the next piece (store/slices.ts). */
  readonly wait?: PromiseLike<unknown>;
}

/**
 * Everything a new run needs before it is shown, a bounded piece at a time: the run stepped to the
 * cursor's tick (`target()`, read anew as the cursor moves), its companion for a comparison, and the
 * event-time records and analysis its views read. Each piece is one engine step (or a chunk of
 * records); the pieces yield the fraction done. The caller seeks both runs to the cursor when it
 * installs them (a step back, or the last few ticks if playback went on meanwhile).
 */
export function* prepareRun(
  sim: Simulation,
  target: () => number,
  compareModel: DeliveryModel | null,
): Generator<Progress, PreparedRun> {
  const other = companionAtStart(sim, compareModel);
  const eventTime = sim.scenario.spec.eventTime;
  // Work counted in ticks: the run and its companion to the cursor, the event-time analysis as the
  // records' run to its end.
  const analyse = eventTime ? eventTimePieces : null;
  const eventTimeTicks = analyse ? sim.lastTick : 0;
  let eventTimeDone = 0;
  const fraction = () => {
    const to = Math.max(1, Math.min(sim.lastTick, target()));
    const total = to * (other ? 2 : 1) + eventTimeTicks;
    const done = Math.min(sim.tick, to) + Math.min(other?.tick ?? 0, to) + eventTimeDone * eventTimeTicks;
    return Math.min(1, done / total);
  };
  while (sim.tick < target() && sim.step()) yield { fraction: fraction(), what: 'run' };
  if (other) {
    while (other.tick < target() && other.step()) yield { fraction: fraction(), what: 'comparison' };
  }
  if (analyse) {
    // The records and the query over them, which the event-time views read when installed.
    const pieces = analyse(sim);
    for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
      eventTimeDone = piece.value;
      yield { fraction: fraction(), what: 'event time' };
    }
  }
  for (const warmUp of warmUps) {
    const pieces = warmUp(sim);
    for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
      const wait = waitOf(piece.value);
      yield wait ? { fraction: 1, what: 'views', wait } : { fraction: 1, what: 'views' };
    }
  }
  return { compare: other };
}

/**
 * About how many tuples a run creates by `untilMs`: the measure of its work. A change whose new run
 * stays under `SYNC_TUPLES` is computed at once, as before slicing (every preset's first moments,
 * the small presets throughout), so what it shows does not depend on how busy the machine is.
 */
export function expectedTuples(spec: ScenarioSpec, untilMs: number): number {
  let n = spec.tuples.filter((t) => t.eventTime <= untilMs).length;
  for (const p of spec.producers) {
    const activeMs = Math.max(0, Math.min(p.stopMs, untilMs) - p.startMs);
    n += (p.ratePerSec * activeMs) / 1000;
  }
  return n;
}

/**
 * Tuples a run may create before a change to it is computed in slices: at the engine's Kafka and
 * Spark throughput (0.2–0.4 M tuples/s, `npm run bench`) about 12–25 ms of work.
 */
export const SYNC_TUPLES = 5000;

/** Whether preparing `sim` at `targetTick` is small enough to do at once (see `expectedTuples`). */
export function isSmallRun(sim: Simulation, targetTick: number, compareModel: DeliveryModel | null): boolean {
  const spec = sim.scenario.spec;
  const untilMs = Math.min(spec.durationMs, targetTick * spec.tickMs);
  let tuples = expectedTuples(spec, untilMs) * (compareModel === null ? 1 : 2);
  if (spec.eventTime) tuples += expectedTuples(spec, spec.durationMs);
  return tuples <= SYNC_TUPLES;
}
