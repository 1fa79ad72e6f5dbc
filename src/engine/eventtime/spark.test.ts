import { describe, expect, it } from 'vitest';
import { recs, s, win } from '../__fixtures__/eventRecords';
import { runSpark, type SparkOptions } from './spark';

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
