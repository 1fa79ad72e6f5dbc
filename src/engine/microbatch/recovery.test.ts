import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logDeliveryArbitrary, scenarioArbitrary } from '../__fixtures__/scenarios';
import { streamingSpec, testSource } from '../__fixtures__/streaming';
import { Simulation } from '../simulation';
import type { ScenarioSpec, StreamingSpec, StreamOpSpec } from '../types';
import { StreamingRun } from './run';
import { elementKeys, sinkLedger } from './sinks';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const perBatch = (counts: number[]) =>
  counts.map((n, b) => Array.from({ length: n }, (_, i) => [`k${i % 2}`, b * 10 + i] as [string, number]));
const pipeline: StreamOpSpec[] = [
  { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest' },
  { id: 'values', op: 'map', input: 'stream', fn: 'value' },
  { id: 'out', op: 'sink', input: 'values' },
];

function run(spec: Partial<StreamingSpec>, counts = [3, 3, 3, 3, 3, 3, 3, 3]) {
  const r = new StreamingRun(
    streamingSpec(pipeline, { perRecordMs: 100, cores: 1, jobOverheadMs: 0, ...spec }),
    testSource(perBatch(counts), 1000, 1),
  );
  r.extendTo(counts.length * 1000);
  return r;
}

describe('driver failure and recovery (JobGenerator.restart)', () => {
  // Each batch takes 300 ms. The driver dies at 3.5 s (batch 3 s finished at 3.3 s) and is back at 4.5 s.
  const crashed = run({ faults: [{ atMs: 3500, kind: 'driverCrash', restartAfterMs: 1000 }] });

  it('recovers from the last metadata checkpoint: re-runs pending batches and those of its down time', () => {
    const rec = crashed.recoveries[0]!;
    expect(rec.checkpointMs).toBe(3000);
    expect(rec.restartMs).toBe(5000);
    // checkpoint-3000 was rewritten when batch 3 s completed (3.3 s), no longer listing it; the
    // down time starts at the checkpoint's own time (checkpointTime.until(restartTime)), so 3 s
    // runs again all the same.
    expect(rec.pendingTimes).toEqual([]);
    expect(rec.downTimes).toEqual([3000, 4000]);
    const reruns = crashed.batches
      .filter((b) => b.attempt === 2)
      .map((b) => [b.timeMs, b.recovery, b.generatedAtMs]);
    expect(reruns).toEqual([
      [3000, 'downtime', 5000],
      [4000, 'downtime', 5000],
    ]);
  });

  it('writes checkpoint-<t> when batch t is generated and again when it completes (JobGenerator DoCheckpoint)', () => {
    const atGeneration = crashed.metadataCheckpointAt(3000);
    expect(atGeneration).toMatchObject({ writtenAtMs: 3000, written: 'generated', pendingTimes: [3000] });
    expect(crashed.metadataCheckpointAt(3000, 3299)).toMatchObject({
      written: 'generated',
      pendingTimes: [3000],
    });
    expect(crashed.metadataCheckpointAt(3000, 3300)).toMatchObject({
      writtenAtMs: 3300,
      written: 'completed',
      pendingTimes: [],
    });
  });

  it('a batch still running at the crash stays pending in the checkpoint the new driver reads', () => {
    // Crash at 3.2 s: batch 3 s (3.0–3.3 s) is running, so checkpoint-3000 still lists it.
    const r = run({ faults: [{ atMs: 3200, kind: 'driverCrash', restartAfterMs: 1000 }] });
    expect(r.recoveries[0]).toMatchObject({ checkpointMs: 3000, pendingTimes: [3000] });
    expect(r.batches.filter((b) => b.attempt === 2).map((b) => [b.timeMs, b.recovery])).toEqual([
      [3000, 'pending'],
      [4000, 'downtime'],
    ]);
  });

  it('an earlier batch that finished after the next was generated is re-run only if that next one had not completed', () => {
    // 200 ms per record on one core: batch 2 s (6 records) runs 2.0–3.2 s, so it is still running
    // when batch 3 s is generated; batch 3 s (3 records) then runs 3.2–3.8 s.
    const slow = (atMs: number) =>
      run(
        { perRecordMs: 200, faults: [{ atMs, kind: 'driverCrash', restartAfterMs: 1000 }] },
        [3, 6, 3, 3, 3, 3, 3, 3],
      );
    const clean = run({ perRecordMs: 200 }, [3, 6, 3, 3, 3, 3, 3, 3]);
    const b2 = clean.batches.find((b) => b.timeMs === 2000)!;
    const b3 = clean.batches.find((b) => b.timeMs === 3000)!;
    expect(b2.endMs).toBeGreaterThan(3000);
    // At generation, checkpoint-3000 lists batch 2 s (still running) and 3 s.
    expect(clean.metadataCheckpointAt(3000)!.pendingTimes).toEqual([2000, 3000]);
    // Crash after batch 2 s ended but while 3 s runs: the file is still the generation one.
    const mid = slow(Math.floor((b2.endMs! + b3.endMs!) / 2));
    expect(mid.recoveries[0]!.pendingTimes).toEqual([2000, 3000]);
    // Crash after batch 3 s completed: the rewritten file lists neither.
    const after = slow(b3.endMs! + 1);
    expect(after.recoveries[0]!.pendingTimes).toEqual([]);
  });

  it('a down-time batch reads Kafka up to the latest offset at restart; the batch at restart reads nothing new', () => {
    const at4 = crashed.rddAt(0, 4000)!;
    expect(at4.computedAtMs).toBe(5000);
    expect(at4.splits).toEqual([{ kind: 'kafka', partition: 0, fromOffset: 9, untilOffset: 15 }]);
    expect(crashed.rddAt(0, 5000)!.splits).toEqual([
      { kind: 'kafka', partition: 0, fromOffset: 15, untilOffset: 15 },
    ]);
  });

  it('sinks: at least once duplicates the re-run batch; idempotent and transactional do not', () => {
    const end = 9000;
    const clean = run({});
    const expected = elementKeys(sinkLedger(clean, 2, 'atLeastOnce', end).contents);
    const atLeast = sinkLedger(crashed, 2, 'atLeastOnce', end);
    expect(atLeast.duplicates).toBe(3);
    expect(atLeast.writes.find((w) => w.fate === 'duplicate')?.batchTimeMs).toBe(3000);
    for (const g of ['idempotent', 'transactional'] as const) {
      const l = sinkLedger(crashed, 2, g, end);
      expect(l.duplicates).toBe(0);
      expect(elementKeys(l.contents)).toEqual(expected);
    }
  });

  it('at most once loses the batch that was running when the driver died', () => {
    // Crash at 3.2 s: batch 3 s (3.0–3.3 s) is running.
    const r = run({ faults: [{ atMs: 3200, kind: 'driverCrash', restartAfterMs: 1000 }] });
    expect(r.recoveries[0]!.killed.map((i) => r.batches[i]!.timeMs)).toEqual([3000]);
    const atMost = sinkLedger(r, 2, 'atMostOnce', 9000);
    expect(atMost.lostBatches).toEqual([3000]);
    const atLeast = sinkLedger(r, 2, 'atLeastOnce', 9000);
    expect(atLeast.lostBatches).toEqual([]);
    expect(atLeast.duplicates).toBe(0);
  });

  it('without a checkpoint directory the new driver starts a new application: "latest" skips the down time', () => {
    const r = run({
      checkpointDir: null,
      faults: [{ atMs: 3500, kind: 'driverCrash', restartAfterMs: 1000 }],
    });
    expect(r.recoveries[0]!.checkpointMs).toBeNull();
    expect(r.freshStartMs).toBe(5000);
    expect(r.batches.filter((b) => b.attempt === 2)).toEqual([]);
  });
});

/** A Kafka scenario without broker faults, a stateful and a stateless pipeline, and one driver crash. */
const crashScenario = fc
  .tuple(
    scenarioArbitrary(),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.constantFrom(0, 1),
  )
  .chain(([spec, batchTicks, crashAt, restartAfter, perRecordMs]) =>
    logDeliveryArbitrary(spec.durationMs).map((delivery): [ScenarioSpec, ScenarioSpec] => {
      const batchIntervalMs = batchTicks * spec.tickMs;
      const streaming = (faults: StreamingSpec['faults']) =>
        streamingSpec(
          [
            { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest' },
            { id: 'kv', op: 'map', input: 'stream', fn: 'toPair' },
            { id: 'values', op: 'map', input: 'kv', fn: 'valueOnly' },
            { id: 'out', op: 'sink', input: 'values' },
            { id: 'totals', op: 'updateStateByKey', input: 'kv', fn: 'runningSum' },
            { id: 'saveTotals', op: 'sink', input: 'totals' },
          ],
          { batchIntervalMs, perRecordMs, faults },
        );
      const base = { ...spec, delivery: { ...delivery, faults: [] } };
      const crash = Math.floor((crashAt / 1000) * spec.durationMs * 0.4);
      const restartAfterMs = Math.floor((restartAfter / 1000) * spec.durationMs * 0.2);
      return [
        { ...base, streaming: streaming([]) },
        {
          ...base,
          streaming: streaming([{ atMs: crash, kind: 'driverCrash', restartAfterMs }]),
        },
      ];
    }),
  );

describe('recovery properties', () => {
  it('with checkpoints: exactly-once sinks equal the run without a crash; at least once adds only duplicates; state after recovery matches', () => {
    let checked = 0;
    fc.assert(
      fc.property(crashScenario, ([cleanSpec, crashSpec]) => {
        const clean = new Simulation(cleanSpec, 1);
        clean.seek(clean.lastTick);
        const crash = new Simulation(crashSpec, 1);
        crash.seek(crash.lastTick);
        const a = clean.streaming()!;
        const b = crash.streaming()!;
        const end = Number.POSITIVE_INFINITY;
        const out = a.nodes.findIndex((n) => n.spec.id === 'out');
        const expected = elementKeys(sinkLedger(a, out, 'atLeastOnce', end).contents);
        // Compare only runs in which every batch finished (the last one may end after the run's end).
        const lastRestart = b.recoveries.at(-1)?.restartMs ?? 0;
        const bothDone = (x: typeof a) => x.batches.every((batch) => batch.endMs !== null);
        // The driver must have come back (and finished every batch) within the run.
        if (
          b.recoveries.length === 0 ||
          !b.recoveries.every((x) => x.recovered) ||
          !bothDone(a) ||
          !bothDone(b) ||
          lastRestart > crashSpec.durationMs
        )
          return;
        checked++;
        for (const g of ['idempotent', 'transactional'] as const) {
          expect(elementKeys(sinkLedger(b, out, g, end).contents)).toEqual(expected);
        }
        const atLeast = sinkLedger(b, out, 'atLeastOnce', end);
        const counts = (xs: string[]) =>
          xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
        const want = counts(expected);
        const got = counts(elementKeys(atLeast.contents));
        for (const [k, n] of want) expect(got.get(k) ?? 0).toBeGreaterThanOrEqual(n);
        for (const k of got.keys()) expect(want.has(k)).toBe(true);
        // State after recovery equals the state of the run without a crash at the same batch.
        const totals = a.nodes.findIndex((n) => n.spec.id === 'totals');
        for (const batch of b.batches.filter((x) => x.generatedAtMs >= lastRestart && x.attempt === 1)) {
          const sa = a.stateAt(totals, batch.timeMs);
          const sb = b.stateAt(totals, batch.timeMs);
          if (!sa || !sb) continue;
          // Sums of doubles grouped into other batches may differ in the last bits, as in Spark.
          const rounded = (x: typeof sa) =>
            [...x.state.entries()].map(([k, e]) => [k, Math.round((e.value as number) * 1e6) / 1e6]).sort();
          expect(rounded(sb)).toEqual(rounded(sa));
        }
      }),
      { numRuns: RUNS },
    );
    // Most random runs recover within the run and are compared (not skipped).
    expect(checked).toBeGreaterThan(RUNS * 0.75);
  });
});

describe('executor loss and receiver failures', () => {
  it('an executor loss makes the running batch recompute its lineage back to the last data checkpoint', () => {
    const stateful: StreamOpSpec[] = [
      { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest' },
      { id: 'kv', op: 'map', input: 'stream', fn: 'toPair' },
      { id: 'totals', op: 'updateStateByKey', input: 'kv', fn: 'runningSum' },
      { id: 'out', op: 'sink', input: 'totals' },
    ];
    const make = (faults: StreamingSpec['faults']) => {
      const r = new StreamingRun(
        streamingSpec(stateful, { perRecordMs: 10, cores: 1, jobOverheadMs: 0, faults }),
        testSource(perBatch(Array(14).fill(3)), 1000, 1),
      );
      r.extendTo(14_000);
      return r;
    };
    const clean = make([]);
    const lost = make([{ atMs: 13_010, kind: 'executorLoss' }]);
    const loss = lost.executorLosses[0]!;
    // The batch at 13 s runs 13.0–13.03 s; its lineage goes back to the checkpoint at 10 s (3 batches + itself).
    expect(loss.batchTimeMs).toBe(13_000);
    expect(loss.fromCheckpointMs).toBe(10_000);
    expect(loss.lineageBatches).toBe(4);
    expect(loss.recomputedRecords).toBe(12);
    const at13 = (r: StreamingRun) => r.batches.find((b) => b.timeMs === 13_000)!;
    expect(at13(lost).endMs! - at13(clean).endMs!).toBe(120);
    // Same results: recomputation is deterministic.
    expect(JSON.stringify(lost.batches.map((b) => b.outputs))).toBe(
      JSON.stringify(clean.batches.map((b) => b.outputs)),
    );
  });

  const receiver = (writeAheadLog: boolean): StreamOpSpec[] => [
    { id: 'lines', op: 'receiverStream', blockIntervalMs: 200, writeAheadLog },
    { id: 'values', op: 'map', input: 'lines', fn: 'value' },
    { id: 'out', op: 'sink', input: 'values' },
  ];

  it('a receiver failure loses what it held in memory without a write-ahead log, and misses what arrives while down', () => {
    const make = (wal: boolean) => {
      const r = new StreamingRun(
        streamingSpec(receiver(wal), {
          cores: 2,
          faults: [{ atMs: 2500, kind: 'receiverFailure', downMs: 1000 }],
        }),
        testSource(perBatch([3, 3, 3, 3, 3, 3]), 1000),
      );
      r.extendTo(6000);
      return r;
    };
    // Records of batch 3 arrive at 2.001–2.003 s: received before the failure (2.5 s), not yet allocated.
    const reasons = (r: StreamingRun) => r.receiverLosses(6000).map((l) => l.reason);
    expect(reasons(make(false))).toEqual(['memory', 'memory', 'memory', 'down', 'down', 'down']);
    // With the log they survive; what arrived while it was down (3.001–3.003 s) is still missed.
    expect(reasons(make(true))).toEqual(['down', 'down', 'down']);
  });

  it('a driver failure loses the blocks of re-run batches without a write-ahead log, and not with it', () => {
    const make = (wal: boolean) => {
      const r = new StreamingRun(
        streamingSpec(receiver(wal), {
          cores: 2,
          perRecordMs: 400,
          jobOverheadMs: 0,
          faults: [{ atMs: 3500, kind: 'driverCrash', restartAfterMs: 1000 }],
        }),
        testSource(perBatch([3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0]), 1000),
      );
      r.extendTo(12_000);
      return r;
    };
    const withoutLog = make(false);
    const rerun = withoutLog.batches.filter((b) => b.attempt === 2 && b.recovery === 'pending');
    expect(rerun.length).toBeGreaterThan(0);
    expect(withoutLog.receiverLosses(12_000).some((l) => l.reason === 'memory')).toBe(true);
    const withLog = make(true);
    expect(withLog.receiverLosses(12_000).filter((l) => l.reason === 'memory')).toEqual([]);
    const written = (r: StreamingRun) => sinkLedger(r, 2, 'idempotent', 12_000).contents.length;
    expect(written(withLog)).toBeGreaterThan(written(withoutLog));
  });
});

describe('receiver data after a driver failure', () => {
  it('without the write-ahead log, a window recomputed after the restart sees no pre-crash receiver data', () => {
    const pipelineW = (writeAheadLog: boolean): StreamOpSpec[] => [
      { id: 'lines', op: 'receiverStream', blockIntervalMs: 200, writeAheadLog },
      { id: 'values', op: 'map', input: 'lines', fn: 'value' },
      { id: 'w', op: 'window', input: 'values', windowMs: 4000, slideMs: 1000 },
      { id: 'out', op: 'sink', input: 'w' },
    ];
    const make = (wal: boolean) => {
      const r = new StreamingRun(
        streamingSpec(pipelineW(wal), {
          cores: 2,
          faults: [{ atMs: 3500, kind: 'driverCrash', restartAfterMs: 500 }],
        }),
        testSource(perBatch([2, 2, 2, 2, 2, 2, 2]), 1000),
      );
      r.extendTo(7000);
      return r;
    };
    // The window at the restart (5 s) covers 2–5 s. Everything in it was received before the crash at
    // 3.5 s: batches 2 s and 3 s, and two records for 4 s that the write-ahead log keeps.
    const windowAt5 = (r: StreamingRun) => r.rddAt(2, 5000)!.partitions.flat().length;
    expect(windowAt5(make(true))).toBe(6);
    expect(windowAt5(make(false))).toBe(0);
  });
});
