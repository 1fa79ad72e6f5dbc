/**
 * Backpressure's RateController: each input's rate estimator hears of every completed batch, and
 * the rate it estimates (or spark.streaming.backpressure.initialRate) limits the next batches.
 */
import type { RunState } from './runState';

/** Feeds completed batches to each input's rate estimator; returns each input's rate now. */
export function feedCompletions(run: RunState, nowMs: number): (number | null)[] {
  while (run.fedCompletions < run.batches.length) {
    const b = run.batches[run.fedCompletions]!;
    if (b.killedAtMs !== null && b.killedAtMs <= nowMs) {
      run.fedCompletions++;
      continue;
    }
    if (b.jobs > 0 && (b.endMs === null || b.endMs > nowMs)) break;
    run.fedCompletions++;
    if (b.jobs === 0 || b.startMs === null || b.endMs === null) continue;
    for (const e of run.estimators) {
      e?.compute(b.endMs, b.inputRecords, b.endMs - b.startMs, b.startMs - b.timeMs);
    }
  }
  const initial = run.spec.backpressure.initialRate;
  return run.estimators.map((e) => {
    if (!e) return null;
    const lr = e.rateLimit;
    const rate = lr > 0 ? lr : initial;
    return rate > 0 ? rate : null;
  });
}
