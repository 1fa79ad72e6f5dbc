import { describe, expect, it } from 'vitest';
import { baseQuery, type FakeRow, fakeSource, s } from '../__fixtures__/structured';
import { StructuredQuery } from './query';
import { sinkContents } from './sinks';
import { rateLimit } from './sources';
import type { StructuredSpec } from './spec';

const run = (spec: StructuredSpec, rows: readonly FakeRow[], untilMs: number, partitions = 3) => {
  const q = new StructuredQuery(spec, fakeSource(rows, partitions));
  q.extendTo(untilMs);
  return q;
};

/** Two rows a second for 20 s, spread over 3 partitions, event time = arrival − 500 ms. */
const steady: FakeRow[] = Array.from({ length: 40 }, (_, i) => ({
  key: i % 2 === 0 ? 'a' : 'b',
  value: 1,
  eventTimeMs: 500 * i,
  arrivalMs: 500 * i + 500,
  partition: i % 3,
}));

describe('Kafka source', () => {
  it('maxOffsetsPerTrigger is split in proportion to what each partition has waiting (KafkaMicroBatchStream.rateLimit)', () => {
    // 10 over sizes 5, 15, 0: 2.5 → 2, 7.5 → 7, an empty partition keeps its end.
    expect(rateLimit(10, [0, 0, 4], [5, 15, 4])).toEqual([2, 7, 4]);
    // Prorates below 1 round up so a small partition is not starved: 2 × 1/101 → 1, 2 × 100/101 → 1.
    expect(rateLimit(2, [0, 0], [1, 100])).toEqual([1, 1]);
    expect(rateLimit(null, [0, 0], [1, 100])).toEqual([1, 100]);
  });

  it('offset ranges of committed batches are contiguous per partition and cover what arrived', () => {
    const q = run(baseQuery, steady, s(30));
    const committed = q.batches.filter((b) => !b.killed);
    for (let p = 0; p < 3; p++) {
      let next = 0;
      for (const b of committed) {
        const r = b.inputs[0]!.ranges[p]!;
        expect(r.fromOffset).toBe(next);
        next = r.untilOffset;
      }
      expect(next).toBe(steady.filter((r) => r.partition === p).length);
    }
    // The first batch runs at start (t = 0) only if something arrived by then; here it starts at 5 s.
    expect(committed[0]!.triggerMs).toBe(s(5));
    expect(committed[0]!.numInputRows).toBe(10);
  });

  it('startingOffsets latest skips what the topic held at start; explicit offsets start each partition there', () => {
    const latest = run(
      { ...baseQuery, startAtMs: s(5), inputs: [{ ...baseQuery.inputs[0]!, startingOffsets: 'latest' }] },
      steady,
      s(30),
    );
    expect(latest.batches[0]!.inputs[0]!.ranges.map((r) => r.fromOffset)).toEqual([4, 3, 3]);
    const explicit = run(
      { ...baseQuery, inputs: [{ ...baseQuery.inputs[0]!, startingOffsets: { '0': 2, '1': -2, '2': -1 } }] },
      steady,
      s(30),
    );
    expect(explicit.batches[0]!.inputs[0]!.ranges.map((r) => r.fromOffset)).toEqual([2, 0, 0]);
    // The source keeps its positions in the checkpoint, not in Kafka: sources/0/0 holds where it began.
    expect(explicit.files.find((f) => f.path === '/chk/sources/0/0')!.content).toEqual({
      readings: { '0': 2, '1': 0, '2': 0 },
    });
  });
});

describe('triggers and processing time', () => {
  it('a processing-time trigger fires on multiples of the interval; a batch that overruns is followed at once', () => {
    const slow = run({ ...baseQuery, perRowMs: 800, cores: 1 }, steady, s(40));
    const [b0, b1] = slow.batches;
    // 10 rows × 800 ms per row, twice (read, then the stateful stage) on one core: 16 s + overheads.
    expect(b0!.commitMs - b0!.triggerMs).toBe(50 + 200 + 8000 + 8000 + 50);
    expect(b0!.fallingBehind).toBe(true);
    expect(b1!.triggerMs).toBe(b0!.commitMs);
    const fast = run(baseQuery, steady, s(30));
    expect(fast.batches.map((b) => b.triggerMs).slice(0, 4)).toEqual([s(5), s(10), s(15), s(20)]);
  });

  it('the default trigger starts the next batch as soon as the previous one ends, or polls every 10 ms until data comes', () => {
    const q = run({ ...baseQuery, trigger: { kind: 'default' } }, steady, s(8));
    expect(q.batches.length).toBeGreaterThan(5);
    for (let i = 1; i < q.batches.length; i++) {
      const b = q.batches[i]!;
      const prev = q.batches[i - 1]!;
      const firstArrival = Math.min(...b.records.map((id) => steady[id]!.arrivalMs));
      if (firstArrival <= prev.commitMs) expect(b.triggerMs).toBe(prev.commitMs);
      else {
        expect(b.triggerMs).toBeGreaterThanOrEqual(firstArrival);
        expect(b.triggerMs - firstArrival).toBeLessThan(10);
      }
    }
  });

  it('a batch that takes no time is not triggered again at once; ProcessingTime(0) polls like the default', () => {
    const free = { ...baseQuery, perRowMs: 0, batchOverheadMs: 0, planMs: 0, commitMs: 0 };
    // A processing-time timeout asks for a batch at every trigger: without the polling delay this
    // would never leave 5 s.
    const timeouts = {
      ...free,
      outputMode: 'update' as const,
      operator: {
        kind: 'flatMapGroupsWithState' as const,
        fn: 'sessionCount' as const,
        timeout: 'processingTime' as const,
        timeoutMs: s(2),
      },
    };
    for (const trigger of [
      { kind: 'default' as const },
      { kind: 'processingTime' as const, intervalMs: 0 },
    ]) {
      const q = run({ ...timeouts, trigger }, steady.slice(0, 10), s(6));
      const times = q.batches.map((b) => b.triggerMs);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(10);
      expect(times.at(-1)).toBeLessThanOrEqual(s(6));
    }
  });

  it('available-now reads what was there at start in batches capped by maxOffsetsPerTrigger, then stops', () => {
    const spec: StructuredSpec = {
      ...baseQuery,
      startAtMs: s(10),
      trigger: { kind: 'availableNow' },
      inputs: [{ ...baseQuery.inputs[0]!, maxOffsetsPerTrigger: 6, delayMs: s(2) }],
    };
    const q = run(spec, steady, s(60));
    const withData = q.batches.filter((b) => !b.noData);
    // 20 rows waiting (7, 7, 6 per partition): 6 × 7/20 = 2.1 → 2, 2, and 6 × 6/20 = 1.8 → 1, so
    // the first batch reads 5; the last reads the 1 + 1 + 1 left.
    expect(withData.map((b) => b.numInputRows)).toEqual([5, 6, 6, 3]);
    // Rows arriving after the start are not read; the watermark moved, so one no-data batch runs last.
    expect(q.batches.at(-1)!.noData).toBe(true);
    expect(q.runs[0]!.stopReason).toBe('finished');
  });
});

describe('watermark, late rows, output modes, state store', () => {
  const late: FakeRow[] = [
    { key: 'a', value: 1, eventTimeMs: s(1), arrivalMs: s(2), partition: 0 },
    { key: 'a', value: 1, eventTimeMs: s(25), arrivalMs: s(26), partition: 1 },
    // Arrives after a batch has run with watermark 15 s: its window [0, 10) ended long ago. (Had it
    // arrived at 33 s it would count: the batch at 35 s judges late rows by the watermark of the
    // batch at 30 s, which was still 0.)
    { key: 'a', value: 1, eventTimeMs: s(3), arrivalMs: s(43), partition: 2 },
  ];

  it('a row is dropped when its window ended at or before the previous batch’s watermark; state versions follow batch ids', () => {
    const q = run(baseQuery, late, s(50));
    const dropping = q.batches.find((b) => b.dropped.length > 0)!;
    expect(dropping.dropped).toEqual([{ id: 2, window: { startMs: 0, endMs: s(10) } }]);
    expect(dropping.lateWatermarkMs).toBe(s(15));
    expect(dropping.state.numRowsDroppedByWatermark).toBe(1);
    for (const b of q.batches) expect(b.state.version).toBe(b.batchId + 1);
  });

  it('complete mode runs no batch without data when the watermark moves; append and update do', () => {
    const append = run(baseQuery, late, s(50));
    const complete = run({ ...baseQuery, outputMode: 'complete' }, late, s(50));
    expect(append.batches.some((b) => b.noData)).toBe(true);
    expect(complete.batches.some((b) => b.noData)).toBe(false);
    // Complete never drops: the late row still counts.
    expect(complete.batches.at(-1)!.output.find((r) => r.window!.startMs === 0)!.value).toBe(2);
  });

  it('offsets/N is written before batch N runs and commits/N after its sink', () => {
    const q = run(baseQuery, steady, s(12));
    const at = (path: string) => q.files.find((f) => f.path === `/chk/${path}`)!.writtenAtMs;
    const b0 = q.batches[0]!;
    expect(at('offsets/0')).toBe(b0.triggerMs + 50);
    expect(at('commits/0')).toBe(b0.commitMs);
    expect(at('offsets/0')).toBeLessThan(b0.sinkMs);
    expect(q.files.find((f) => f.path === '/chk/offsets/1')!.content).toMatchObject({
      batchWatermarkMs: b0.nextWatermarkMs,
    });
  });
});

describe('failures and restarts', () => {
  const crashAt = (phase: 'beforeOffsets' | 'midBatch' | 'afterSink', sink: StructuredSpec['sink']) =>
    run(
      {
        ...baseQuery,
        sink,
        faults: [{ kind: 'driverCrash', atBatch: { batchId: 2, phase }, restartAfterMs: s(3) }],
      },
      steady,
      s(40),
    );

  it('a batch killed mid-way is re-run with exactly the offsets and watermark in offsets/2, from state version 2', () => {
    const q = crashAt('midBatch', { kind: 'file', path: '/out' });
    const killed = q.batches.find((b) => b.killed)!;
    const rerun = q.batches.find((b) => b.reRun)!;
    expect(killed.batchId).toBe(2);
    expect(killed.killed!.phase).toBe('midBatch');
    expect(rerun.batchId).toBe(2);
    expect(rerun.inputs).toEqual(killed.inputs);
    expect(rerun.watermarkMs).toBe(killed.watermarkMs);
    expect(rerun.batchTimestampMs).toBe(killed.batchTimestampMs);
    expect(rerun.triggerMs).toBe(killed.killed!.atMs + s(3));
    expect(killed.sink).toBeNull();
    expect(rerun.sink).toBe('written');
  });

  it('after the sink wrote and before the commit: the file sink skips the re-run, console and Kafka repeat it, an idempotent foreachBatch replaces it', () => {
    const outcome = (sink: StructuredSpec['sink']) =>
      crashAt('afterSink', sink).batches.find((b) => b.reRun)!.sink;
    expect(outcome({ kind: 'file', path: '/out' })).toBe('skipped');
    expect(outcome({ kind: 'console' })).toBe('duplicated');
    expect(outcome({ kind: 'kafka', topic: 'counts' })).toBe('duplicated');
    expect(outcome({ kind: 'foreachBatch', idempotent: true })).toBe('replaced');
    expect(outcome({ kind: 'foreachBatch', idempotent: false })).toBe('duplicated');
  });

  it('a crash before offsets/N is written plans batch N afresh after the restart, with the offsets available then', () => {
    const q = crashAt('beforeOffsets', { kind: 'file', path: '/out' });
    const killed = q.batches.find((b) => b.killed)!;
    const next = q.batches[q.batches.indexOf(killed) + 1]!;
    expect(killed.offsetsWrittenMs).toBeNull();
    expect(next.reRun).toBe(false);
    expect(next.batchId).toBe(2);
    expect(next.numInputRows).toBeGreaterThan(killed.numInputRows);
  });

  it('with no late rows, an exactly-once sink ends with the same rows as the run without a crash', () => {
    const plain = run(baseQuery, steady, s(60));
    for (const phase of ['beforeOffsets', 'midBatch', 'afterSink'] as const) {
      const crashed = crashAt(phase, { kind: 'file', path: '/out' });
      const rows = (q: StructuredQuery) =>
        sinkContents(q.sinkWrites, s(60))
          .flatMap((w) => w.rows.map((r) => `${r.key}@${r.window!.startMs}=${r.value}`))
          .sort();
      expect(rows(crashed), phase).toEqual(rows(plain));
    }
  });

  it('two inputs, min policy: after a restart the global watermark comes back and each input’s starts over (EventTimeWatermarkSuite)', () => {
    const two: StructuredSpec = {
      ...baseQuery,
      inputs: [
        { ...baseQuery.inputs[0]!, id: 'one', source: 'producers', producers: ['p1'], delayMs: s(10) },
        { ...baseQuery.inputs[0]!, id: 'two', source: 'producers', producers: ['p2'], delayMs: s(10) },
      ],
      faults: [{ kind: 'driverCrash', atMs: s(12), restartAfterMs: s(1) }],
    };
    const rows: FakeRow[] = [
      { key: 'a', value: 1, eventTimeMs: s(100), arrivalMs: s(1), partition: 0, producer: 'p1' },
      { key: 'a', value: 1, eventTimeMs: s(50), arrivalMs: s(2), partition: 0, producer: 'p2' },
      // After the restart only input two has data: min(0 for input one, 130) would be 0, but the
      // global watermark never goes back, so it stays at 40 s.
      { key: 'a', value: 1, eventTimeMs: s(140), arrivalMs: s(16), partition: 0, producer: 'p2' },
    ];
    const q = run(two, rows, s(30), 1);
    const first = q.batches[0]!;
    expect(first.nextWatermarkMs).toBe(s(40));
    const after = q.batches.filter((b) => b.runIndex === 1 && !b.noData);
    expect(after[0]!.watermarkMs).toBe(s(40));
    expect(after[0]!.nextWatermarkMs).toBe(s(40));
  });

  it('a restart that changes the grouping keys is refused with a state schema error; a new rate limit is accepted', () => {
    const refused = run(
      {
        ...baseQuery,
        faults: [
          {
            kind: 'restart',
            atMs: s(12),
            change: {
              operator: {
                ...(baseQuery.operator as { kind: 'windowAggregation' } & typeof baseQuery.operator),
                keyed: false,
              },
            },
          },
        ],
      },
      steady,
      s(30),
    );
    expect(refused.error!.errorClass).toBe('STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE');
    expect(refused.batches.every((b) => b.triggerMs < s(12))).toBe(true);
    const limited = run(
      { ...baseQuery, faults: [{ kind: 'restart', atMs: s(12), change: { maxOffsetsPerTrigger: 3 } }] },
      steady,
      s(30),
    );
    expect(limited.error).toBeNull();
    expect(
      limited.batches.filter((b) => b.runIndex === 1 && !b.noData).every((b) => b.numInputRows <= 3),
    ).toBe(true);
  });
});

describe('map and filter before the stateful operator', () => {
  it('a key prefix groups sensors together; a filter drops rows before the state (they still move the watermark)', () => {
    const rows: FakeRow[] = [
      { key: 'temp-a', value: 1, eventTimeMs: s(1), arrivalMs: s(1), partition: 0 },
      { key: 'temp-b', value: 5, eventTimeMs: s(2), arrivalMs: s(2), partition: 1 },
      { key: 'light-a', value: 9, eventTimeMs: s(30), arrivalMs: s(3), partition: 2 },
    ];
    const q = run({ ...baseQuery, map: { kind: 'keyPrefix', chars: 4 }, minValue: 2 }, rows, s(12));
    const first = q.batches[0]!;
    expect(first.filteredOut).toBe(1);
    expect(first.state.rows.map((r) => `${r.key}@${r.window!.startMs}=${r.value}`)).toEqual([
      'temp@0=1',
      'ligh@30000=1',
    ]);
    // The filtered row's event time (1 s) and the others' moved the watermark all the same: 30 − 10 s.
    expect(first.nextWatermarkMs).toBe(s(20));
  });
});

describe('dropDuplicates and flatMapGroupsWithState', () => {
  const dupes: FakeRow[] = [
    { key: 'a', value: 1, eventTimeMs: s(1), arrivalMs: s(1), partition: 0 },
    { key: 'a', value: 1, eventTimeMs: s(1), arrivalMs: s(7), partition: 1 },
    { key: 'b', value: 1, eventTimeMs: s(30), arrivalMs: s(31), partition: 0 },
    // After the no-data batch at 40 s evicted a@1 s with watermark 20 s, a third copy is late.
    { key: 'a', value: 1, eventTimeMs: s(1), arrivalMs: s(46), partition: 2 },
  ];

  it('dropDuplicates passes a (key, event time) once, drops repeats, and drops rows at or below the watermark', () => {
    const q = run({ ...baseQuery, operator: { kind: 'dropDuplicates' } }, dupes, s(55));
    expect(q.batches.flatMap((b) => b.output.map((r) => r.recordId))).toEqual([0, 2]);
    expect(q.batches.reduce((n, b) => n + b.duplicatesDropped, 0)).toBe(1);
    expect(q.batches.flatMap((b) => b.dropped.map((d) => d.id))).toEqual([3]);
  });

  it('a processing-time timeout runs a batch at every trigger and ends a session once its timeout has passed', () => {
    const q = run(
      {
        ...baseQuery,
        outputMode: 'update',
        operator: {
          kind: 'flatMapGroupsWithState',
          fn: 'sessionCount',
          timeout: 'processingTime',
          timeoutMs: s(8),
        },
      },
      dupes.slice(0, 1),
      s(30),
    );
    const triggers = q.batches.map((b) => b.triggerMs);
    expect(triggers).toEqual([s(5), s(10), s(15), s(20), s(25), s(30)]);
    // Timeout set at 5 s + 8 s = 13 s; the first batch whose timestamp passes it is at 15 s.
    const timedOut = q.batches.find((b) => b.output.some((r) => r.kind === 'timeout'))!;
    expect(timedOut.triggerMs).toBe(s(15));
    expect(timedOut.state.numRowsTotal).toBe(0);
  });
});
