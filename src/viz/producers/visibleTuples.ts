import type { Simulation, TupleView } from '../../engine';
import { segmentStartMs } from './layout';

/** Tuples worth drawing at the cursor: arrived or lost within the window, and all still on their way. */
export function visibleTuples(sim: Simulation, windowMs: number): TupleView[] {
  const now = sim.timeMs;
  const from = now - windowMs;
  const ids = [...sim.arrivalsBetween(from, now), ...sim.droppedBetween(from, now), ...sim.pending()];
  return ids.map((id) => sim.tuple(id)).filter((t): t is TupleView => t !== undefined);
}

/**
 * Tuples arrived or lost before the window, back to its first segment's start (they settle the
 * rows and labels of the marks after them; see `LayoutInput.before`).
 */
export function tuplesBefore(sim: Simulation, windowMs: number): TupleView[] {
  const start = sim.timeMs - windowMs;
  const from = segmentStartMs(sim.timeMs, windowMs);
  if (!(start > from)) return [];
  // (from - 1, start]: the segment's own first millisecond included.
  const ids = [...sim.arrivalsBetween(from - 1, start), ...sim.droppedBetween(from - 1, start)];
  return ids.map((id) => sim.tuple(id)).filter((t): t is TupleView => t !== undefined);
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
