import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlinkWindowOperator, NO_WATERMARK, runFlink } from './flink';
import { perfectWatermark, processingTimeWindows } from './reference';
import { runSpark, type SparkOptions } from './spark';
import { assignWindows, type EventRecord, type WindowSpec, windowStart } from './windows';

const s = (x: number) => x * 1000;
/** [event time s, arrival s, key?, input?] */
function recs(rows: [number, number, string?, number?][]): EventRecord[] {
  return rows.map(([e, a, key = 'k', input = 0], id) => ({
    id,
    key,
    value: 1,
    eventTimeMs: s(e),
    arrivalMs: s(a),
    input,
  }));
}
const win = (a: number, b: number) => ({ startMs: s(a), endMs: s(b) });

describe('window assigners (Flink TimeWindow / SlidingEventTimeWindows)', () => {
  it('tumbling and sliding windows, including negative timestamps and offsets', () => {
    expect(windowStart(-1, 0, 10)).toBe(-10);
    expect(windowStart(7, 3, 5)).toBe(3);
    expect(assignWindows({ kind: 'tumbling', sizeMs: 10 }, 10)).toEqual([{ startMs: 10, endMs: 20 }]);
    expect(assignWindows({ kind: 'sliding', sizeMs: 10, slideMs: 5 }, 12)).toEqual([
      { startMs: 10, endMs: 20 },
      { startMs: 5, endMs: 15 },
    ]);
    expect(assignWindows({ kind: 'sliding', sizeMs: 10, slideMs: 15 }, 12)).toEqual([]);
  });
});

describe('Spark Structured Streaming: withWatermark and windowed aggregation', () => {
  const base: SparkOptions = {
    window: { kind: 'tumbling', sizeMs: s(10) },
    aggregate: 'count',
    keyed: false,
    delaysMs: [s(5)],
    triggerMs: s(5),
    outputMode: 'append',
    noDataBatches: true,
    policy: 'min',
    allowMultiple: true,
  };
  // a(1 s), b(7 s) in the first batch; c(12), d(3) in the second; e(18), f(4) in the third; g(26); h(9) very late.
  const input = recs([
    [1, 2],
    [7, 4],
    [12, 6],
    [3, 8],
    [18, 11],
    [4, 14],
    [26, 16],
    [9, 27],
  ]);

  it('the watermark is computed when a batch ends and used by the next one; it never decreases', () => {
    const batches = runSpark(input, base, s(30));
    expect(batches.map((b) => [b.atMs / 1000, b.watermarkMs / 1000, b.nextWatermarkMs / 1000])).toEqual([
      [5, 0, 2],
      [10, 2, 7],
      [15, 7, 13],
      [20, 13, 21],
      [25, 21, 21],
      [30, 21, 21],
    ]);
  });

  it('append mode emits each window once, when the watermark passes its end; a no-data batch emits without waiting', () => {
    const batches = runSpark(input, base, s(30));
    const emitted = batches.flatMap((b) =>
      b.emitted.map((e) => [b.atMs / 1000, e.window.startMs / 1000, e.value]),
    );
    // [0, 10) has a, b, d and f (f at 4 s arrived at 14 s, but the watermark was only 7 s): 4.
    expect(emitted).toEqual([
      [20, 0, 4],
      [25, 10, 2],
    ]);
    expect(batches[4]!.noData).toBe(true);
    // h (9 s) arrives at 27 s: its window ended at 10 s ≤ watermark 21 s: dropped.
    expect(batches[5]!.dropped).toEqual([{ id: 7, window: win(0, 10) }]);
  });

  it('without no-data batches the window waits for the next batch with data', () => {
    const batches = runSpark(input, { ...base, noDataBatches: false }, s(30));
    const emitted = batches.flatMap((b) => b.emitted.map((e) => [b.atMs / 1000, e.window.startMs / 1000]));
    expect(emitted).toEqual([
      [20, 0],
      [30, 10],
    ]);
  });

  it('a tuple whose window ends exactly at the watermark is already late (Spark ≤ 3.3: judged by this batch’s watermark)', () => {
    const input = recs([
      [20, 1],
      [19, 6],
    ]);
    const batches = runSpark(input, { ...base, delaysMs: [0], allowMultiple: false }, s(10));
    expect(batches[0]!.nextWatermarkMs).toBe(s(20));
    expect(batches[1]!.dropped).toEqual([{ id: 1, window: win(10, 20) }]);
  });

  it('since Spark 3.4 late rows are judged by the previous batch’s watermark, eviction by the current one', () => {
    const input = recs([
      [20, 1],
      [19, 6],
      [18, 11],
    ]);
    const batches = runSpark(input, { ...base, delaysMs: [0] }, s(15));
    // Batch 1 evicts with watermark 20 but filters late rows with batch 0's watermark (0): the 19 s row
    // is counted and its window [10, 20) emitted in the same batch.
    expect(batches[1]!.watermarkMs).toBe(s(20));
    expect(batches[1]!.lateWatermarkMs).toBe(0);
    expect(batches[1]!.dropped).toEqual([]);
    expect(batches[1]!.emitted.map((e) => [e.window.startMs, e.value])).toEqual([[s(10), 1]]);
    // Batch 2 judges late rows by batch 1's watermark (20): the 18 s row is dropped.
    expect(batches[2]!.dropped).toEqual([{ id: 2, window: win(10, 20) }]);
  });

  it('grouping by the raw event-time column: a tuple exactly at the watermark (eventTime <= watermark) is late', () => {
    const batches = runSpark(
      recs([
        [20, 1],
        [20, 6],
        [21, 7],
      ]),
      { ...base, window: { kind: 'eventTime' }, delaysMs: [0], allowMultiple: false },
      s(10),
    );
    expect(batches[0]!.nextWatermarkMs).toBe(s(20));
    // Append mode: the group for 20 s was emitted when the watermark reached 20 s …
    expect(batches[1]!.emitted.map((e) => [e.window.startMs, e.value])).toEqual([[s(20), 1]]);
    // … and the second tuple at exactly 20 s is dropped; 21 s is not.
    expect(batches[1]!.dropped).toEqual([{ id: 1, window: { startMs: s(20), endMs: s(20) } }]);
  });

  it('update mode emits every changed window each batch and evicts silently; complete keeps everything', () => {
    const update = runSpark(input, { ...base, outputMode: 'update' }, s(30));
    expect(
      update.map((b) => b.emitted.map((e) => `${e.window.startMs / 1000}:${e.value}:${e.kind}`)),
    ).toEqual([
      ['0:2:first'],
      ['0:3:update', '10:1:first'],
      ['0:4:update', '10:2:update'],
      ['20:1:first'],
      [],
      [],
    ]);
    expect(update[3]!.evicted).toEqual([win(0, 10)]);
    const complete = runSpark(input, { ...base, outputMode: 'complete' }, s(30));
    // Complete mode never drops: h still counts in [0, 10).
    expect(complete.at(-1)!.emitted.map((e) => `${e.window.startMs / 1000}:${e.value}`)).toEqual([
      '0:5',
      '10:2',
      '20:1',
    ]);
  });

  it('several inputs: the min policy waits for the slowest input (one with no data holds it at 0); max follows the fastest', () => {
    const two = recs([
      [30, 1, 'k', 0],
      [31, 2, 'k', 0],
    ]);
    const min = runSpark(two, { ...base, delaysMs: [s(5), s(5)] }, s(10));
    expect(min.map((b) => b.nextWatermarkMs)).toEqual([0]);
    const max = runSpark(two, { ...base, delaysMs: [s(5), s(5)], policy: 'max' }, s(10));
    // The watermark moved, so a no-data batch follows.
    expect(max.map((b) => [b.noData, b.nextWatermarkMs])).toEqual([
      [false, s(26)],
      [true, s(26)],
    ]);
  });
});

describe('Flink: bounded out-of-orderness watermarks and event-time windows', () => {
  const options = {
    window: { kind: 'tumbling' as const, sizeMs: s(10) },
    aggregate: 'count' as const,
    keyed: false,
    boundMs: s(2),
    autoWatermarkIntervalMs: s(1),
    allowedLatenessMs: 0,
    inputs: 1,
  };
  const input = recs([
    [1, 0.5],
    [5, 1.5],
    [11, 3],
    [8, 3.5],
    [13, 4.5],
    [9, 6],
  ]);

  it('emits max timestamp − bound − 1 periodically, only when it increases', () => {
    const run = runFlink(input, options, s(7));
    expect(run.watermarks.map((w) => [w.atMs / 1000, w.watermarkMs])).toEqual([
      [1, -1001],
      [2, 2999],
      [3, 8999],
      [5, 10999],
    ]);
  });

  it('a window fires when the watermark reaches end − 1; a tuple for a cleaned-up window is late', () => {
    const run = runFlink(input, options, s(7));
    expect(run.emissions.map((e) => [e.atMs / 1000, e.window.startMs / 1000, e.value, e.kind])).toEqual([
      [5, 0, 3, 'first'],
    ]);
    expect(run.late).toEqual([{ id: 5, atMs: s(6), watermarkMs: 10999 }]);
  });

  it('a watermark exactly at end − 1 fires the window and makes its tuples late', () => {
    const run = runFlink(
      recs([
        [3, 0.2],
        [12, 0.5],
        [5, 1.5],
      ]),
      options,
      s(2),
    );
    expect(run.watermarks[0]).toEqual({ atMs: s(1), watermarkMs: 9999 });
    expect(run.emissions.map((e) => [e.atMs, e.value])).toEqual([[s(1), 1]]);
    expect(run.late.map((l) => l.id)).toEqual([2]);
  });

  it('allowedLateness keeps the window and re-fires it for each late tuple', () => {
    const run = runFlink(input, { ...options, allowedLatenessMs: s(2) }, s(7));
    expect(run.emissions.map((e) => [e.atMs / 1000, e.value, e.kind])).toEqual([
      [5, 3, 'first'],
      [6, 4, 'late'],
    ]);
    expect(run.late).toEqual([]);
  });

  it('a two-input operator takes the minimum: an input without data holds every window open', () => {
    const run = runFlink(input, { ...options, inputs: 2 }, s(7));
    expect(run.watermarks).toEqual([]);
    expect(run.emissions).toEqual([]);
    expect(run.inputWatermarks[1]).toEqual([]);
    expect(NO_WATERMARK).toBe(Number.NEGATIVE_INFINITY);
  });

  it('session windows merge when they touch or overlap', () => {
    const run = runFlink(
      recs([
        [1, 0.1],
        [3, 0.2],
        [10, 0.3],
        [5, 0.4],
        [30, 0.5],
      ]),
      { ...options, window: { kind: 'session', gapMs: s(2) } },
      s(2),
    );
    // Sessions [1, 7) (1, 3, 5: 3 → [3, 5) touches [5, 7)) and [10, 12); 30 pushes the watermark past both.
    expect(run.emissions.map((e) => [e.window.startMs / 1000, e.window.endMs / 1000, e.value])).toEqual([
      [1, 7, 3],
      [10, 12, 1],
    ]);
  });
});

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

describe('references', () => {
  it('the perfect watermark is the oldest event time still on its way', () => {
    const input = recs([
      [1, 2],
      [3, 9],
      [6, 7],
    ]);
    expect(perfectWatermark(input, s(1))).toBe(s(1));
    expect(perfectWatermark(input, s(5))).toBe(s(3));
    expect(perfectWatermark(input, s(8))).toBe(s(3));
    expect(perfectWatermark(input, s(9))).toBe(s(9));
  });

  it('processing-time windows group by arrival, whatever the event time', () => {
    const input = recs([
      [1, 2],
      [3, 9],
      [6, 7],
    ]);
    expect(processingTimeWindows(input, s(5), s(10))).toEqual([
      { window: win(0, 5), ids: [0] },
      { window: win(5, 10), ids: [1, 2] },
    ]);
  });
});

/**
 * Cases from Spark's EventTimeWatermarkSuite (query: window(eventTime, 5 s), withWatermark 10 s,
 * count). Each AddData is one data batch; the suite's checks also wait for the no-data batch that
 * follows, so here each group of rows arrives 2 s after the previous one, with a 1 s trigger.
 */
describe('Spark EventTimeWatermarkSuite cases', () => {
  const suite = (
    groups: number[][],
    options: Partial<SparkOptions> = {},
  ): { answers: [number, number][][]; dropped: number[]; watermarks: number[] } => {
    const rows: [number, number][] = [];
    groups.forEach((g, k) => {
      for (const v of g) rows.push([v, 2 * k + 0.5]);
    });
    const batches = runSpark(
      recs(rows),
      {
        window: { kind: 'tumbling', sizeMs: s(5) },
        aggregate: 'count',
        keyed: false,
        delaysMs: [s(10)],
        triggerMs: s(1),
        outputMode: 'append',
        noDataBatches: true,
        policy: 'min',
        allowMultiple: true,
        ...options,
      },
      s(2 * groups.length + 2),
    );
    // What each AddData + check sees: the emissions of the data batch and of the batches up to the next group.
    const answers = groups.map((_, k) =>
      batches
        .filter((b) => b.atMs > s(2 * k) && b.atMs <= s(2 * k + 2))
        .flatMap((b) => b.emitted.map((e) => [e.window.startMs / 1000, e.value] as [number, number]))
        .sort((a, b) => a[0] - b[0]),
    );
    const dataBatches = batches.filter((b) => !b.noData);
    return {
      answers,
      dropped: dataBatches.map((b) => b.dropped.length),
      watermarks: dataBatches.map((b) => b.watermarkMs / 1000),
    };
  };

  it('"append mode"', () => {
    const r = suite([[10, 11, 12, 13, 14, 15], [25], [10]]);
    expect(r.answers).toEqual([[], [[10, 5]], []]);
    expect(r.dropped).toEqual([0, 0, 1]);
  });

  it('"update mode"', () => {
    const r = suite([[10, 11, 12, 13, 14, 15], [25], [10, 25], [10]], { outputMode: 'update' });
    expect(r.answers).toEqual([
      [
        [10, 5],
        [15, 1],
      ],
      [[25, 1]],
      [[25, 2]],
      [],
    ]);
    expect(r.dropped).toEqual([0, 0, 1, 1]);
  });

  it('"group by on raw timestamp"', () => {
    const r = suite([[10], [25]], { window: { kind: 'eventTime' } });
    expect(r.answers).toEqual([[], [[10, 1]]]);
  });

  it('"event time and watermark metrics with Trigger.Once": without no-data batches results wait a batch', () => {
    const r = suite([[15], [10, 12, 14], [25], [50], [50]], { noDataBatches: false });
    expect(r.watermarks).toEqual([0, 5, 5, 15, 40]);
    expect(r.answers).toEqual([
      [],
      [],
      [],
      [[10, 3]],
      [
        [15, 1],
        [25, 1],
      ],
    ]);
  });
});

/**
 * Cases from Flink's WindowOperatorTest: elements (key, value)@timestamp and explicit watermarks;
 * outputs (key, sum)@window.maxTimestamp(). Sums here, as SumReducer does.
 */
describe('Flink WindowOperatorTest cases', () => {
  type Step = ['e', string, number, number] | ['w', number];
  const run = (window: WindowSpec, steps: Step[], allowedLatenessMs = 0) => {
    const op = new FlinkWindowOperator({ window, aggregate: 'sum', keyed: true, allowedLatenessMs });
    const out: string[][] = [];
    const side: string[] = [];
    let id = 0;
    for (const step of steps) {
      const before = op.emissions.length;
      const lateBefore = op.late.length;
      if (step[0] === 'e') {
        const [, key, value, ts] = step;
        op.processElement({ id: id++, key, value, eventTimeMs: ts, arrivalMs: 0, input: 0 }, 0);
      } else op.processWatermark(step[1], 0);
      out.push(
        op.emissions
          .slice(before)
          .map((e) =>
            window.kind === 'session'
              ? `(${e.key}-${e.value},${e.window.startMs},${e.window.endMs})@${e.window.endMs - 1}`
              : `(${e.key},${e.value})@${e.window.endMs - 1}`,
          )
          .sort(),
      );
      if (op.late.length > lateBefore && step[0] === 'e') side.push(`(${step[1]},${step[2]})@${step[3]}`);
    }
    return { out, side };
  };
  const elements: Step[] = [
    ['e', 'key2', 1, 3999],
    ['e', 'key2', 1, 3000],
    ['e', 'key1', 1, 20],
    ['e', 'key1', 1, 0],
    ['e', 'key1', 1, 999],
    ['e', 'key2', 1, 1998],
    ['e', 'key2', 1, 1999],
    ['e', 'key2', 1, 1000],
  ];
  const watermarks = [999, 1999, 2999, 3999, 4999, 5999, 6999, 7999].map((w): Step => ['w', w]);

  it('testTumblingEventTimeWindows: window [0, 3000) fires at watermark 2999 = end − 1', () => {
    const { out } = run({ kind: 'tumbling', sizeMs: 3000 }, [...elements, ...watermarks]);
    expect(out.slice(8)).toEqual([
      [],
      [],
      ['(key1,3)@2999', '(key2,3)@2999'],
      [],
      [],
      ['(key2,2)@5999'],
      [],
      [],
    ]);
  });

  it('testSlidingEventTimeWindows: size 3 s, slide 1 s, windows with negative starts', () => {
    const { out } = run({ kind: 'sliding', sizeMs: 3000, slideMs: 1000 }, [...elements, ...watermarks]);
    expect(out.slice(8)).toEqual([
      ['(key1,3)@999'],
      ['(key1,3)@1999', '(key2,3)@1999'],
      ['(key1,3)@2999', '(key2,3)@2999'],
      ['(key2,5)@3999'],
      ['(key2,2)@4999'],
      ['(key2,2)@5999'],
      [],
      [],
    ]);
  });

  it('testSessionWindows: gap 3 s; sessions 1 ms apart do not merge', () => {
    const { out } = run({ kind: 'session', gapMs: 3000 }, [
      ['e', 'key2', 1, 0],
      ['e', 'key2', 2, 1000],
      ['e', 'key2', 3, 2500],
      ['e', 'key1', 1, 10],
      ['e', 'key1', 2, 1000],
      ['e', 'key1', 3, 2500],
      ['e', 'key2', 4, 5501],
      ['e', 'key2', 5, 6000],
      ['e', 'key2', 5, 6000],
      ['e', 'key2', 6, 6050],
      ['w', 12000],
      ['e', 'key2', 10, 15000],
      ['e', 'key2', 20, 15000],
      ['w', 17999],
    ]);
    expect(out[10]).toEqual(['(key1-6,10,5500)@5499', '(key2-20,5501,9050)@9049', '(key2-6,0,5500)@5499']);
    expect(out[13]).toEqual(['(key2-30,15000,18000)@17999']);
  });

  it('testSideOutputDueToLatenessTumbling: late once maxTimestamp + lateness <= watermark', () => {
    const { out, side } = run({ kind: 'tumbling', sizeMs: 2000 }, [
      ['e', 'key2', 1, 1000],
      ['w', 1985],
      ['e', 'key2', 1, 1980],
      ['w', 1999],
      ['e', 'key2', 1, 1998],
      ['e', 'key2', 1, 2001],
      ['w', 2999],
      ['w', 3999],
    ]);
    expect(out.flat()).toEqual(['(key2,2)@1999', '(key2,1)@3999']);
    expect(side).toEqual(['(key2,1)@1998']);
  });

  it('testSideOutputDueToLatenessSliding: an element late for one window still counts in the others', () => {
    const { out, side } = run({ kind: 'sliding', sizeMs: 3000, slideMs: 1000 }, [
      ['e', 'key2', 1, 1000],
      ['w', 1999],
      ['e', 'key2', 1, 2000],
      ['w', 3000],
      ['e', 'key1', 1, 3001],
      ['e', 'key2', 1, 2400],
      ['e', 'key2', 1, 2400],
      ['e', 'key1', 1, 3001],
      ['e', 'key2', 1, 3900],
      ['w', 6000],
      ['e', 'key1', 1, 3001],
      ['w', 25000],
    ]);
    expect(out[1]).toEqual(['(key2,1)@1999']);
    expect(out[3]).toEqual(['(key2,2)@2999']);
    expect(out[9]).toEqual(
      [
        '(key2,5)@3999',
        '(key1,2)@3999',
        '(key2,4)@4999',
        '(key1,2)@4999',
        '(key2,1)@5999',
        '(key1,2)@5999',
      ].sort(),
    );
    expect(side).toEqual(['(key1,1)@3001']);
  });

  // The shared steps of Flink's session-with-lateness tests: (key2,1)@10000 arrives when its own
  // session [10000, 13000) is past the watermark 14600, but [11600, 14600) may still be alive.
  const sessionLateness: Step[] = [
    ['e', 'key2', 1, 1000],
    ['w', 1999],
    ['e', 'key2', 1, 2000],
    ['w', 4998],
    ['e', 'key2', 1, 4500],
    ['e', 'key2', 1, 8500],
    ['w', 7400],
    ['e', 'key2', 1, 7000],
    ['w', 11501],
    ['e', 'key2', 1, 11600],
    ['w', 14600],
    ['e', 'key2', 1, 10000],
    ['e', 'key2', 1, 14500],
    ['w', 20000],
  ];

  it('testNotSideOutputDueToLatenessSessionWithLateness: a late element merges into a live session and fires it at once', () => {
    const { out, side } = run({ kind: 'session', gapMs: 3000 }, [...sessionLateness], 10);
    expect(out[8]).toEqual(['(key2-5,1000,11500)@11499']);
    expect(out[10]).toEqual(['(key2-1,11600,14600)@14599']);
    expect(out[11]).toEqual(['(key2-2,10000,14600)@14599']);
    expect(out[13]).toEqual(['(key2-3,10000,17500)@17499']);
    expect(side).toEqual([]);
  });

  it('testSideOutputDueToLatenessSessionZeroLateness: the same element goes to the side output', () => {
    const { out, side } = run({ kind: 'session', gapMs: 3000 }, [...sessionLateness]);
    expect(side).toEqual(['(key2,1)@10000']);
    expect(out[13]).toEqual(['(key2-1,14500,17500)@17499']);
  });
});
