/** When triggers fire, and in which phase of a batch a moment falls. */
import type { CrashPhase } from './spec';

/** ProcessingTimeExecutor.nextBatchTime: the next multiple of the interval after `now`. */
export function nextBatchTime(now: number, intervalMs: number): number {
  if (intervalMs === 0) return now;
  return Math.floor(now / intervalMs) * intervalMs + intervalMs;
}

/** Where a driver crash at `atMs` lands: before offsets/N is written, while the batch runs, or after the sink wrote. */
export function phaseAt(atMs: number, offsetsAt: number, sinkMs: number): CrashPhase {
  if (atMs < offsetsAt) return 'beforeOffsets';
  if (atMs < sinkMs) return 'midBatch';
  return 'afterSink';
}
