/**
 * Spark's WatermarkTracker: each watermarked input's watermark is the largest event time it has seen
 * minus its delay, moving only forward; an input that has seen nothing counts as 0
 * (`operatorToWatermarkMap.values.map(_.getOrElse(0L))`); the global watermark is their min (the
 * default) or max (spark.sql.streaming.multipleWatermarkPolicy) and never decreases. A restart makes
 * a new tracker and only sets the global watermark back (`setWatermark`), so each input's starts over
 * (EventTimeWatermarkSuite, "MultipleWatermarkPolicy: min": "watermark recovered correctly").
 */
import type { EventRecord } from '../eventtime/windows';

export class WatermarkTracker {
  private readonly perInput: (number | null)[];
  private globalMs = 0;

  constructor(
    private readonly delaysMs: readonly number[],
    private readonly policy: 'min' | 'max',
  ) {
    this.perInput = delaysMs.map(() => null);
  }

  get current(): number {
    return this.globalMs;
  }

  /** Each input's watermark, null before it has seen a row (since the last restart). */
  get inputs(): readonly (number | null)[] {
    return this.perInput;
  }

  setWatermark(ms: number): void {
    this.globalMs = ms;
  }

  /** updateWatermark, from the event times a batch read (late rows count: the stats are taken before the filter). */
  update(records: readonly EventRecord[]): void {
    const max = this.delaysMs.map(() => Number.NEGATIVE_INFINITY);
    for (const r of records) if (r.eventTimeMs > max[r.input]!) max[r.input] = r.eventTimeMs;
    max.forEach((m, i) => {
      if (m === Number.NEGATIVE_INFINITY) return;
      const wm = m - this.delaysMs[i]!;
      const prev = this.perInput[i];
      if (prev === null || prev === undefined || wm > prev) this.perInput[i] = wm;
    });
    const values = this.perInput.map((w) => w ?? 0);
    const chosen = this.policy === 'min' ? Math.min(...values) : Math.max(...values);
    if (chosen > this.globalMs) this.globalMs = chosen;
  }
}
