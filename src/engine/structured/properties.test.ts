import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseQuery, type FakeRow, fakeSource, s } from '../__fixtures__/structured';
import { StructuredQuery } from './query';
import { sinkContents } from './sinks';
import type { CrashPhase, StructuredFaultSpec, StructuredSpec } from './spec';

const END_MS = s(150);

/**
 * A last row, long after every crash and restart, far ahead in event time. After a restart Spark runs
 * no batch without data until new data comes (constructNextBatch asks only the previous execution of
 * this run, and a restarted query has none), so a window the crashed run would have closed in a no-data
 * batch waits for this row; without it the two runs could differ for that reason alone.
 */
const CLOSER: FakeRow = {
  key: 'z',
  value: 1,
  eventTimeMs: s(400),
  arrivalMs: s(120),
  partition: 0,
  producer: 'p1',
};

const rowsArb = (partitions: number, disorderMs: number) =>
  fc.array(
    fc.record({
      key: fc.constantFrom('a', 'b', 'c'),
      value: fc.integer({ min: 1, max: 9 }),
      arrival: fc.integer({ min: 0, max: s(30) }),
      lag: fc.integer({ min: 0, max: disorderMs }),
      partition: fc.integer({ min: 0, max: partitions - 1 }),
      producer: fc.constantFrom('p1', 'p2'),
    }),
    { minLength: 1, maxLength: 40 },
  );

const scenarioArb = fc
  .record({
    partitions: fc.integer({ min: 1, max: 3 }),
    disorderMs: fc.constantFrom(0, 2000, 8000, 20000),
    delayMs: fc.constantFrom(0, s(3), s(10), s(25)),
    trigger: fc.constantFrom<StructuredSpec['trigger']>(
      { kind: 'processingTime', intervalMs: s(2) },
      { kind: 'processingTime', intervalMs: s(5) },
      { kind: 'default' },
    ),
    outputMode: fc.constantFrom<StructuredSpec['outputMode']>('append', 'update'),
    window: fc.constantFrom<
      { kind: 'tumbling'; sizeMs: number } | { kind: 'sliding'; sizeMs: number; slideMs: number }
    >({ kind: 'tumbling', sizeMs: s(10) }, { kind: 'sliding', sizeMs: s(10), slideMs: s(5) }),
    maxOffsets: fc.constantFrom(null, 2, 7),
    perRowMs: fc.constantFrom(0, 5, 300),
    twoInputs: fc.boolean(),
    crash: fc.oneof(
      fc.record({
        batchId: fc.integer({ min: 0, max: 6 }),
        phase: fc.constantFrom<CrashPhase>('beforeOffsets', 'midBatch', 'afterSink'),
      }),
      fc.integer({ min: 0, max: s(40) }),
    ),
    restartAfterMs: fc.integer({ min: 0, max: s(8) }),
  })
  .chain((o) => fc.tuple(fc.constant(o), rowsArb(o.partitions, o.disorderMs)));

type Options = typeof scenarioArb extends fc.Arbitrary<[infer O, unknown]> ? O : never;

function build(o: Options, crashed: boolean): StructuredSpec {
  const input = { ...baseQuery.inputs[0]!, delayMs: o.delayMs, maxOffsetsPerTrigger: o.maxOffsets };
  const fault: StructuredFaultSpec =
    typeof o.crash === 'number'
      ? { kind: 'driverCrash', atMs: o.crash, restartAfterMs: o.restartAfterMs }
      : { kind: 'driverCrash', atBatch: o.crash, restartAfterMs: o.restartAfterMs };
  return {
    ...baseQuery,
    inputs: o.twoInputs
      ? [
          { ...input, id: 'one', source: 'producers', producers: ['p1'] },
          { ...input, id: 'two', source: 'producers', producers: ['p2'] },
        ]
      : [input],
    trigger: o.trigger,
    outputMode: o.outputMode,
    operator: { kind: 'windowAggregation', window: o.window, aggregate: 'sum', keyed: true },
    perRowMs: o.perRowMs,
    faults: crashed ? [fault] : [],
  };
}

const toRows = (
  raw: readonly {
    key: string;
    value: number;
    arrival: number;
    lag: number;
    partition: number;
    producer: string;
  }[],
): FakeRow[] => [
  ...raw.map((r) => ({
    key: r.key,
    value: r.value,
    eventTimeMs: s(30) + r.arrival - r.lag,
    arrivalMs: r.arrival,
    partition: r.partition,
    producer: r.producer,
  })),
  CLOSER,
];

const runQuery = (spec: StructuredSpec, rows: readonly FakeRow[], partitions: number) => {
  const q = new StructuredQuery(spec, fakeSource(rows, partitions));
  q.extendTo(END_MS);
  return q;
};

describe('Structured Streaming invariants over 1,000 random queries with a driver crash', () => {
  it('watermark, append emission, re-run offsets, contiguous commits, exactly-once sink, same result without late rows', () => {
    fc.assert(
      fc.property(scenarioArb, ([o, raw]) => {
        const rows = toRows(raw);
        const q = runQuery(build(o, true), rows, o.partitions);

        // The watermark never decreases, across restarts too.
        let wm = 0;
        for (const b of q.batches) {
          expect(b.watermarkMs).toBeGreaterThanOrEqual(wm);
          wm = b.watermarkMs;
          if (b.nextWatermarkMs !== null) {
            expect(b.nextWatermarkMs).toBeGreaterThanOrEqual(wm);
            wm = b.nextWatermarkMs;
          }
        }

        // A re-run batch reads exactly the offsets its offsets/N file holds.
        for (const b of q.batches.filter((x) => x.reRun)) {
          const file = q.files.find((f) => f.path === `/chk/offsets/${b.batchId}`)!;
          const logged = (file.content as { sources: Record<string, number>[]; batchWatermarkMs: number })
            .sources;
          expect(
            b.inputs.map((i) =>
              Object.fromEntries(i.ranges.map((r) => [String(r.partition), r.untilOffset])),
            ),
          ).toEqual(logged);
          expect(b.watermarkMs).toBe((file.content as { batchWatermarkMs: number }).batchWatermarkMs);
        }

        // Committed batches' offsets are contiguous per partition, and batch ids run 0, 1, 2, …
        const committed = q.batches.filter((b) => !b.killed);
        expect(committed.map((b) => b.batchId)).toEqual(committed.map((_, i) => i));
        for (let i = 1; i < committed.length; i++) {
          const starts = committed[i]!.inputs.map((input) => input.ranges.map((r) => r.fromOffset));
          const ends = committed[i - 1]!.inputs.map((input) => input.ranges.map((r) => r.untilOffset));
          expect(starts).toEqual(ends);
        }

        // The file sink holds each committed batch's output exactly once.
        const contents = sinkContents(q.sinkWrites, END_MS);
        expect(contents.map((c) => c.batchId)).toEqual(
          committed.filter((b) => b.sink !== null).map((b) => b.batchId),
        );

        // Append mode: each window at most once, and never before the watermark passes its end.
        if (o.outputMode === 'append') {
          const seen = new Set<string>();
          for (const b of committed)
            for (const r of b.output) {
              const id = `${r.key}@${r.window!.startMs}`;
              expect(seen.has(id)).toBe(false);
              seen.add(id);
              expect(r.window!.endMs).toBeLessThanOrEqual(b.watermarkMs);
            }
        }

        // With one input and no row late, the sink ends as it would without the crash.
        const plain = runQuery(build(o, false), rows, o.partitions);
        const late = [...q.batches, ...plain.batches].some((b) => b.dropped.length > 0);
        if (!o.twoInputs && !late && o.outputMode === 'append') {
          const final = (x: StructuredQuery) =>
            sinkContents(x.sinkWrites, END_MS)
              .flatMap((c) => c.rows.map((r) => `${r.key}@${r.window!.startMs}=${r.value}`))
              .sort();
          expect(final(q)).toEqual(final(plain));
        }
      }),
      { numRuns: 1000, seed: 20261205 },
    );
  }, 120_000);

  it('a run is a pure function of its inputs: the same scenario gives the same batches, files and sink', () => {
    fc.assert(
      fc.property(scenarioArb, ([o, raw]) => {
        const rows = toRows(raw);
        const a = runQuery(build(o, true), rows, o.partitions);
        const b = runQuery(build(o, true), rows, o.partitions);
        expect(JSON.stringify([a.batches, a.files, a.sinkWrites])).toBe(
          JSON.stringify([b.batches, b.files, b.sinkWrites]),
        );
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
