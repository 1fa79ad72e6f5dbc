import { describe, expect, it } from 'vitest';
import { runOver, sinkOutput, streamingSpec, testSource } from '../__fixtures__/streaming';
import type { StreamOpSpec } from '../types';
import { processingMs } from './jobs';
import { maxMessagesPerPartition, PidRateEstimator } from './rates';
import { StreamingRun } from './run';
import { batchStatus } from './types';

const many = (perBatch: number[]) =>
  perBatch.map((n, b) => Array.from({ length: n }, (_, i) => [`k${(i + b) % 3}`, 1] as [string, number]));
const kafka = (extra: Partial<StreamOpSpec> = {}): StreamOpSpec[] => [
  { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest', ...extra },
  { id: 'out', op: 'sink', input: 'stream' },
];

describe('Kafka direct stream', () => {
  it('each batch reads from the last position to the latest offset, one RDD partition per Kafka partition', () => {
    const run = new StreamingRun(streamingSpec(kafka()), testSource(many([5, 3, 0, 4]), 1000, 2));
    run.extendTo(4000);
    const ranges = run.batches.map((b) =>
      run.rddAt(0, b.timeMs)!.splits!.map((s) => (s.kind === 'kafka' ? [s.fromOffset, s.untilOffset] : [])),
    );
    expect(ranges).toEqual([
      [
        [0, 3],
        [0, 2],
      ],
      [
        [3, 4],
        [2, 4],
      ],
      [
        [4, 4],
        [4, 4],
      ],
      [
        [4, 6],
        [4, 6],
      ],
    ]);
    expect(run.batches.map((b) => b.inputRecords)).toEqual([5, 3, 0, 4]);
  });

  it('maxRatePerPartition caps each partition per batch; the backlog is read later', () => {
    const run = new StreamingRun(
      streamingSpec(kafka({ maxRatePerPartition: 2 })),
      testSource(many([10, 0, 0, 0, 0]), 1000, 2),
    );
    run.extendTo(5000);
    expect(run.batches.map((b) => b.inputRecords)).toEqual([4, 4, 2, 0, 0]);
  });

  it('"latest" skips what was written before the context started', () => {
    const run = new StreamingRun(
      streamingSpec(kafka({ startingOffsets: 'latest' }), { startAtMs: 500 }),
      testSource(many([4, 2, 3]), 1000, 1),
    );
    run.extendTo(3000);
    // Started at 500 ms: the first batch (1000 ms) reads from the offset at start (4), not from 0.
    expect(run.batches.map((b) => [b.timeMs, b.inputRecords])).toEqual([
      [1000, 0],
      [2000, 2],
      [3000, 3],
    ]);
  });

  it('an input behind a window is only computed when the window needs it (lazy getOrCompute)', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest' },
      { id: 'w', op: 'window', input: 'stream', windowMs: 2000, slideMs: 2000 },
      { id: 'out', op: 'sink', input: 'w' },
    ];
    const run = new StreamingRun(streamingSpec(pipeline), testSource(many([2, 3, 4, 1]), 1000, 1));
    run.extendTo(4000);
    expect(run.batches.map((b) => b.jobs)).toEqual([0, 1, 0, 1]);
    // The 1 s RDD is computed while generating the 2 s batch, so it reads up to the latest offset then.
    expect(run.rddAt(0, 1000)!.computedAtMs).toBe(2000);
    expect(run.rddAt(0, 1000)!.splits).toEqual([
      { kind: 'kafka', partition: 0, fromOffset: 0, untilOffset: 5 },
    ]);
    expect(run.rddAt(0, 2000)!.splits).toEqual([
      { kind: 'kafka', partition: 0, fromOffset: 5, untilOffset: 5 },
    ]);
    expect(sinkOutput(run).map((o) => o.written.length)).toEqual([5, 5]);
  });
});

describe('receiver stream', () => {
  it('blocks every block interval become the partitions of a batch', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'rs', op: 'receiverStream', blockIntervalMs: 200 },
      { id: 'out', op: 'sink', input: 'rs' },
    ];
    // Records arrive at 1, 2, 3 ms… (one block) and 1001… (another batch).
    const run = new StreamingRun(streamingSpec(pipeline), testSource(many([3, 2]), 1000));
    run.extendTo(2000);
    const splits = run.batches.map((b) => run.rddAt(0, b.timeMs)!.splits);
    expect(splits).toEqual([
      [{ kind: 'block', blockId: 'input-0-0', startMs: 0, endMs: 200 }],
      [{ kind: 'block', blockId: 'input-0-1000', startMs: 1000, endMs: 1200 }],
    ]);
  });

  it('a receiver holds a core: with one core, batches never run', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'rs', op: 'receiverStream', blockIntervalMs: 200 },
      { id: 'out', op: 'sink', input: 'rs' },
    ];
    const run = new StreamingRun(streamingSpec(pipeline, { cores: 1 }), testSource(many([3, 2]), 1000));
    run.extendTo(2000);
    expect(run.batches.map((b) => batchStatus(b, 10_000))).toEqual(['stalled', 'stalled']);
  });

  it('the receiver max rate holds records back at the source', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'rs', op: 'receiverStream', blockIntervalMs: 200 },
      { id: 'out', op: 'sink', input: 'rs' },
    ];
    const run = new StreamingRun(
      streamingSpec(pipeline, { receiverMaxRate: 5 }),
      testSource(many([12, 0, 0]), 1000),
    );
    run.extendTo(3000);
    // 5 records/s: one every 200 ms.
    expect(run.batches.map((b) => b.inputRecords)).toEqual([5, 5, 2]);
  });
});

describe('processing time, scheduling delay and backpressure', () => {
  it('tasks spread over cores; jobs pay their overhead', () => {
    expect(processingMs([100, 100, 100], 2, 1, 1, 10)).toBe(210);
    expect(processingMs([100, 100, 100], 3, 1, 2, 10)).toBe(120);
  });

  it('a batch starts when the previous one finishes: scheduling delay builds up', () => {
    const run = new StreamingRun(
      streamingSpec(kafka(), { perRecordMs: 100, cores: 1, jobOverheadMs: 0 }),
      testSource(many([15, 15, 15, 15]), 1000, 1),
    );
    run.extendTo(4000);
    const delays = run.batches.map((b) => b.startMs! - b.timeMs);
    expect(run.batches.map((b) => b.endMs! - b.startMs!)).toEqual([1500, 1500, 1500, 1500]);
    expect(delays).toEqual([0, 500, 1000, 1500]);
    expect(batchStatus(run.batches[3]!, 4000)).toBe('queued');
    expect(batchStatus(run.batches[0]!, 2000)).toBe('processing');
    expect(batchStatus(run.batches[0]!, 2500)).toBe('done');
  });

  it('PIDRateEstimator: the first completion only primes it, then the rate follows the processing rate', () => {
    const e = new PidRateEstimator(1000);
    expect(e.compute(1000, 1000, 2000, 0)).toBeNull();
    // processing rate 500/s; error = 500 − 500 = 0; historical error = 1000 · 500 / 1000 = 500.
    expect(e.compute(2000, 1000, 2000, 1000)).toBeCloseTo(500 - 0.2 * 500);
    expect(e.rateLimit).toBe(400);
    // Never below minRate.
    expect(e.compute(3000, 1, 1000, 100_000)).toBe(100);
  });

  it('maxMessagesPerPartition shares the rate by lag and caps it', () => {
    expect(maxMessagesPerPartition([30, 10], 2000, 0, 100)).toEqual([150, 50]);
    expect(maxMessagesPerPartition([30, 10], 2000, 40, 100)).toEqual([80, 50]);
    expect(maxMessagesPerPartition([30, 10], 1000, 0, null)).toBeNull();
    expect(maxMessagesPerPartition([0, 0], 1000, 0, 100)).toBeNull();
    expect(maxMessagesPerPartition([5, 0], 1000, 0, 0.5)).toEqual([1, 1]);
  });

  it('backpressure lowers what a slow application reads', () => {
    const spec = (enabled: boolean) =>
      streamingSpec(kafka(), {
        perRecordMs: 5,
        cores: 1,
        jobOverheadMs: 0,
        backpressure: { enabled, initialRate: 0 },
      });
    const input = many(Array(20).fill(400));
    const without = new StreamingRun(spec(false), testSource(input, 1000, 1));
    const withBp = new StreamingRun(spec(true), testSource(input, 1000, 1));
    without.extendTo(20_000);
    withBp.extendTo(20_000);
    const lastDelay = (r: StreamingRun) => r.batches.at(-1)!.startMs! - r.batches.at(-1)!.timeMs;
    expect(lastDelay(without)).toBeGreaterThan(15_000);
    expect(lastDelay(withBp)).toBeLessThan(lastDelay(without) / 2);
    expect(withBp.batches.some((b) => b.rateLimit !== null)).toBe(true);
  });
});

describe('outputs', () => {
  it('print shows Spark’s header, the first num elements and "..." when there are more', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'in', op: 'producerStream' },
      { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
      { id: 'p', op: 'print', input: 'kv', num: 2 },
    ];
    const run = runOver(
      [
        [
          ['a', 1],
          ['b', 2.5],
          ['c', 3],
        ],
      ],
      pipeline,
      1000,
    );
    expect(run.batches[0]!.outputs[0]!.lines).toEqual([
      '-------------------------------------------',
      'Time: 1000 ms',
      '-------------------------------------------',
      '(a,1.0)',
      '(b,2.5)',
      '...',
    ]);
  });

  it('reduceByKey shuffles into spark.default.parallelism (= cores) partitions by key hash', () => {
    const pipeline: StreamOpSpec[] = [
      { id: 'in', op: 'producerStream' },
      { id: 'kv', op: 'map', input: 'in', fn: 'keyOne' },
      { id: 'r', op: 'reduceByKey', input: 'kv', reduce: 'sum' },
      { id: 'out', op: 'sink', input: 'r' },
    ];
    const run = runOver(
      [
        [
          ['a', 0],
          ['b', 0],
          ['a', 0],
          ['c', 0],
        ],
      ],
      pipeline,
      1000,
      { cores: 2 },
    );
    // "a".hashCode = 97 → partition 1, "b" = 98 → 0, "c" = 99 → 1.
    expect(run.rddAt(2, 1000)!.partitions).toEqual([
      [['b', 1]],
      [
        ['a', 2],
        ['c', 1],
      ],
    ]);
  });
});

describe('other transformations', () => {
  const input: [string, number][][] = [
    [
      ['b', 2],
      ['a', 5],
      ['b', 1],
    ],
    [['c', 4]],
  ];
  const sinkOf = (pipeline: StreamOpSpec[]) =>
    sinkOutput(runOver(input, pipeline, 2000)).map((o) => o.written);

  it('union concatenates both RDDs’ partitions; countByValue counts each distinct element', () => {
    const out = sinkOf([
      { id: 'in', op: 'producerStream' },
      { id: 'keys', op: 'map', input: 'in', fn: 'key' },
      { id: 'again', op: 'map', input: 'in', fn: 'key' },
      { id: 'both', op: 'union', input: 'keys', other: 'again' },
      { id: 'counted', op: 'countByValue', input: 'both' },
      { id: 'out', op: 'sink', input: 'counted' },
    ]);
    expect(out.map((b) => [...b].sort())).toEqual([
      [
        ['a', 2],
        ['b', 4],
      ],
      [['c', 2]],
    ]);
  });

  it('transform(sortByKey) sorts across partitions; distinct keeps one of each', () => {
    const sorted = sinkOf([
      { id: 'in', op: 'producerStream' },
      { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
      { id: 's', op: 'transform', input: 'kv', fn: 'sortByKey' },
      { id: 'out', op: 'sink', input: 's' },
    ]);
    expect(sorted[0]).toEqual([
      ['a', 5],
      ['b', 2],
      ['b', 1],
    ]);
    const distinct = sinkOf([
      { id: 'in', op: 'producerStream' },
      { id: 'k', op: 'map', input: 'in', fn: 'key' },
      { id: 'd', op: 'transform', input: 'k', fn: 'distinct' },
      { id: 'out', op: 'sink', input: 'd' },
    ]);
    expect([...distinct[0]!].sort()).toEqual(['a', 'b']);
  });

  it('flatMap splits lines into words and filter keeps what passes', () => {
    const words = sinkOf([
      { id: 'in', op: 'producerStream' },
      { id: 'text', op: 'map', input: 'in', fn: 'line' },
      { id: 'w', op: 'flatMap', input: 'text', fn: 'words' },
      { id: 'big', op: 'filter', input: 'w', fn: 'longWords', arg: 0 },
      { id: 'out', op: 'sink', input: 'big' },
    ]);
    // The test source's text of a record is "key value".
    expect(words[0]).toEqual(['b', '2', 'a', '5', 'b', '1']);
  });

  it('reduceByKey with max and min', () => {
    const run = (reduce: 'max' | 'min') =>
      sinkOf([
        { id: 'in', op: 'producerStream' },
        { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
        { id: 'r', op: 'reduceByKey', input: 'kv', reduce },
        { id: 'out', op: 'sink', input: 'r' },
      ])[0]!;
    expect([...run('max')].sort()).toEqual([
      ['a', 5],
      ['b', 2],
    ]);
    expect([...run('min')].sort()).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
  });
});
