import type { Simulation, TupleMark, TupleView } from '../../engine';
import { segmentStartMs } from './layout';

/**
 * Tuples worth drawing at the cursor: arrived or lost within the window, and all still on their way.
 * As marks (what the layout reads), not whole views: building tens of thousands of views (keys,
 * values, references) each step was most of the lanes' render on a large run (issue 19); a mark's
 * whole view is built when it is asked for (a label, the inspector).
 */
export function visibleTuples(sim: Simulation, windowMs: number): TupleMark[] {
  return marksOf(sim, visibleIds(sim, windowMs));
}

/** The ids `visibleTuples` draws (a dense run packs their marks: `Simulation.packMarks`). */
export function visibleIds(sim: Simulation, windowMs: number): number[] {
  const now = sim.timeMs;
  const from = now - windowMs;
  return [...sim.arrivalsBetween(from, now), ...sim.droppedBetween(from, now), ...sim.pending()];
}

/**
 * `visibleIds` at the run's cursor, and their packed marks when asked, kept per run until its
 * cursor or the window moves: a new run's warm-up computes them in a piece of its own, and the frame
 * that installs the lanes finds them (issue 19: packing ~80,000 marks was 9 ms of that frame).
 */
const atCursor = new WeakMap<
  Simulation,
  { tick: number; windowMs: number; ids: number[]; packed: Float64Array | null }
>();

function entryAt(sim: Simulation, windowMs: number) {
  let entry = atCursor.get(sim);
  if (entry?.tick !== sim.tick || entry.windowMs !== windowMs) {
    entry = { tick: sim.tick, windowMs, ids: visibleIds(sim, windowMs), packed: null };
    atCursor.set(sim, entry);
  }
  return entry;
}

export function visibleIdsAtCursor(sim: Simulation, windowMs: number): number[] {
  return entryAt(sim, windowMs).ids;
}

/** `sim.packMarks(visibleIdsAtCursor(sim, windowMs))`, kept like the ids. */
export function packedAtCursor(sim: Simulation, windowMs: number): Float64Array {
  const entry = entryAt(sim, windowMs);
  entry.packed ??= sim.packMarks(entry.ids);
  return entry.packed;
}

export function marksOf(sim: Simulation, ids: readonly number[]): TupleMark[] {
  return ids.map((id) => sim.tupleMark(id)).filter((t): t is TupleMark => t !== undefined);
}

/**
 * Tuples arrived or lost before the window, back to its first segment's start (they settle the
 * rows and labels of the marks after them; see `LayoutInput.before`).
 */
export function tuplesBefore(sim: Simulation, windowMs: number): TupleMark[] {
  const start = sim.timeMs - windowMs;
  const from = segmentStartMs(sim.timeMs, windowMs);
  if (!(start > from)) return [];
  // (from - 1, start]: the segment's own first millisecond included.
  const ids = [...sim.arrivalsBetween(from - 1, start), ...sim.droppedBetween(from - 1, start)];
  return ids.map((id) => sim.tupleMark(id)).filter((t): t is TupleMark => t !== undefined);
}

export function describeTuple(t: TupleView, producerLabel: string): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const parts = [`Tuple #${t.id} from ${producerLabel}`, `key ${t.key}`, `event time ${s(t.eventTimeMs)}`];
  if (t.arrivalTimeMs !== null && t.delayMs !== null)
    parts.push(`arrived ${s(t.arrivalTimeMs)}`, `delay ${s(t.delayMs)}`);
  if (t.status === 'inFlight') parts.push('on its way');
  if (t.status === 'buffered') parts.push('buffered while the producer is offline');
  if (t.status === 'dropped') parts.push('lost by the network');
  if (t.late) parts.push('late');
  else if (t.outOfOrder) parts.push('out of order');
  if (t.backfilled) parts.push('backfilled');
  return parts.join(', ');
}
