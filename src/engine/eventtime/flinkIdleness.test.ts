import { describe, expect, it } from 'vitest';
import { recs, s } from '../__fixtures__/eventRecords';
import { NO_WATERMARK, runFlink } from './flink';

/**
 * Flink reading Kafka with partition-aware watermarks: "watermarks are generated inside the Kafka
 * consumer, per Kafka partition, and the per-partition watermarks are merged in the same way as
 * watermarks are merged on stream shuffles" — the minimum ("Watermark Strategies and the Kafka
 * Connector", generating_watermarks.md). "If one of the input splits/partitions/shards does not carry
 * events for a while ... the watermark will be held back" until withIdleness marks it idle ("Dealing
 * With Idle Sources"); WatermarksWithIdleness.IdlenessTimer starts counting at the first periodic
 * check without activity and reports idle once more than the timeout has passed.
 */
describe('Flink: one watermark per Kafka partition, and idle partitions', () => {
  const options = {
    window: { kind: 'tumbling' as const, sizeMs: s(10) },
    aggregate: 'count' as const,
    keyed: false,
    boundMs: s(1),
    autoWatermarkIntervalMs: s(1),
    allowedLatenessMs: 0,
    inputs: 3,
  };
  // Partitions 0 and 1 carry events every second; partition 2 carries none at all.
  const busy = recs(
    Array.from({ length: 30 }, (_, i): [number, number, string, number] => [i + 0.5, i + 0.6, 'k', i % 2]),
  );

  it('a partition without events holds the watermark back: no window ever fires', () => {
    const run = runFlink(busy, options, s(30));
    expect(run.watermarks).toEqual([]);
    expect(run.emissions).toEqual([]);
    expect(run.inputWatermarks[2]).toEqual([]);
  });

  it('withIdleness marks it idle once the timeout has passed since the countdown began, and the others carry the watermark', () => {
    const run = runFlink(busy, { ...options, idlenessMs: s(3) }, s(30));
    // The countdown starts at the first periodic check (1 s); idle when more than 3 s have passed: at 5 s.
    expect(run.watermarks[0]!.atMs).toBe(s(5));
    // Partition 1's newest event at 5 s is 3.5 s (0 has 4.5 s): min(4.5, 3.5) − 1 s − 1 ms.
    expect(run.watermarks[0]!.watermarkMs).toBe(s(3.5) - s(1) - 1);
    expect(run.emissions.map((e) => e.window.startMs)).toEqual([0, s(10)]);
  });

  it('an idle partition that gets events again counts once its watermark has caught up (StatusWatermarkValve)', () => {
    const withReturn = [
      ...busy,
      // Partition 2 wakes up at 20.2 s with an old event, then a current one at 25.2 s.
      ...recs([
        [2, 20.2, 'k', 2],
        [24, 25.2, 'k', 2],
      ]).map((r, i) => ({ ...r, id: 100 + i })),
    ].sort((a, b) => a.arrivalMs - b.arrivalMs);
    const run = runFlink(withReturn, { ...options, idlenessMs: s(3) }, s(30));
    // The watermark never goes back and does not stall behind partition 2's old event.
    let last = NO_WATERMARK;
    for (const w of run.watermarks) {
      expect(w.watermarkMs).toBeGreaterThan(last);
      last = w.watermarkMs;
    }
    expect(run.watermarks.filter((w) => w.atMs > s(21) && w.atMs < s(25)).length).toBeGreaterThan(0);
    // The old event is late for [0, 10): that window fired long before.
    expect(run.late.map((l) => l.id)).toContain(100);
  });
});
