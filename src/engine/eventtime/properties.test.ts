import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFlink } from './flink';
import { runSpark } from './spark';

/** Random tuples: event times 0–60 s, each arriving up to `maxDelay` s after its event time. */
const arbitraryRecords = (maxDelayS: number) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: maxDelayS * 1000 }),
        fc.constantFrom('a', 'b', 'c'),
      ),
      {
        maxLength: 80,
      },
    )
    .map((rows) =>
      rows
        .map(([e, d, key]) => ({ key, value: (e % 7) + 1, eventTimeMs: e, arrivalMs: e + d, input: 0 }))
        .sort((x, y) => x.arrivalMs - y.arrivalMs || x.eventTimeMs - y.eventTimeMs)
        .map((r, id) => ({ ...r, id })),
    );

describe('event-time properties', () => {
  const windowArb = fc.oneof(
    fc.integer({ min: 1, max: 20 }).map((n) => ({ kind: 'tumbling' as const, sizeMs: n * 1000 })),
    fc
      .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 4 }))
      .map(([slide, k]) => ({ kind: 'sliding' as const, sizeMs: slide * k * 1000, slideMs: slide * 1000 })),
  );

  it('Spark: the watermark never decreases, append emits each window once and never before the watermark passes its end, and a delay ≥ the largest lateness drops nothing', () => {
    fc.assert(
      fc.property(
        arbitraryRecords(10),
        windowArb,
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (records, window, triggerS, allowMultiple) => {
          const batches = runSpark(
            records,
            {
              window,
              aggregate: 'sum',
              keyed: true,
              delaysMs: [10_000],
              triggerMs: triggerS * 1000,
              outputMode: 'append',
              noDataBatches: true,
              policy: 'min',
              allowMultiple,
            },
            120_000,
          );
          const seen = new Set<string>();
          let last = 0;
          for (const b of batches) {
            expect(b.watermarkMs).toBeGreaterThanOrEqual(last);
            expect(b.nextWatermarkMs).toBeGreaterThanOrEqual(b.watermarkMs);
            last = b.watermarkMs;
            expect(b.dropped).toEqual([]);
            for (const e of b.emitted) {
              const id = `${e.key}@${e.window.startMs}`;
              expect(seen.has(id)).toBe(false);
              seen.add(id);
              expect(e.window.endMs).toBeLessThanOrEqual(b.watermarkMs);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('Flink: the watermark never decreases and nothing is late when the bound covers the largest delay', () => {
    fc.assert(
      fc.property(arbitraryRecords(10), windowArb, (records, window) => {
        const run = runFlink(
          records,
          {
            window,
            aggregate: 'sum',
            keyed: true,
            boundMs: 10_000,
            autoWatermarkIntervalMs: 200,
            allowedLatenessMs: 0,
            inputs: 1,
          },
          120_000,
        );
        for (let i = 1; i < run.watermarks.length; i++)
          expect(run.watermarks[i]!.watermarkMs).toBeGreaterThan(run.watermarks[i - 1]!.watermarkMs);
        expect(run.late).toEqual([]);
        expect(run.emissions.every((e) => e.kind === 'first')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('when nothing is late, Spark (append) and Flink give the same final result for every window', () => {
    fc.assert(
      fc.property(arbitraryRecords(5), windowArb, (records, window) => {
        // A last tuple far in event time closes every window in both engines.
        const closing = {
          id: records.length,
          key: 'z',
          value: 0,
          eventTimeMs: 1_000_000,
          arrivalMs: 100_000,
          input: 0,
        };
        const all = [...records, closing];
        const spark = runSpark(
          all,
          {
            window,
            aggregate: 'sum',
            keyed: true,
            delaysMs: [5_000],
            triggerMs: 1000,
            outputMode: 'append',
            noDataBatches: true,
            policy: 'min',
            allowMultiple: true,
          },
          110_000,
        );
        const flink = runFlink(
          all,
          {
            window,
            aggregate: 'sum',
            keyed: true,
            boundMs: 5_000,
            autoWatermarkIntervalMs: 200,
            allowedLatenessMs: 0,
            inputs: 1,
          },
          110_000,
        );
        const canon = (
          xs: { key: string | null; window: { startMs: number; endMs: number }; value: number }[],
        ) =>
          xs
            .filter((e) => e.key !== 'z')
            .map((e) => `${e.key}@${e.window.startMs}-${e.window.endMs}=${e.value}`)
            .sort();
        expect(canon(spark.flatMap((b) => b.emitted))).toEqual(canon(flink.emissions));
      }),
      { numRuns: 1000 },
    );
  });
});
