import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logDeliveryArbitrary, scenarioArbitrary } from '../__fixtures__/scenarios';
import { streamingSpec } from '../__fixtures__/streaming';
import { Simulation } from '../simulation';
import type { ScenarioSpec, StreamOpSpec } from '../types';
import type { Value } from './values';

// Fast enough to run 1,000 random scenarios per invariant in CI (issue 8 asks for that).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** A scenario with a Kafka topic and no faults, and a streaming app reading it. */
const withKafkaApp = fc
  .tuple(
    scenarioArbitrary(),
    fc.integer({ min: 1, max: 20 }),
    fc.constantFrom(0, 0, 3, 50),
    fc.boolean(),
    fc.constantFrom(0, 1, 30),
    fc.constantFrom(1, 2, 4),
    fc.boolean(),
  )
  .chain(([spec, batchTicks, maxRate, backpressure, perRecordMs, cores, windowed]) =>
    logDeliveryArbitrary(spec.durationMs).map((delivery): ScenarioSpec => {
      const batchIntervalMs = batchTicks * spec.tickMs;
      const pipeline: StreamOpSpec[] = [
        { id: 'stream', op: 'kafkaDirectStream', startingOffsets: 'earliest', maxRatePerPartition: maxRate },
        windowed
          ? {
              id: 'w',
              op: 'window',
              input: 'stream',
              windowMs: 2 * batchIntervalMs,
              slideMs: 2 * batchIntervalMs,
            }
          : { id: 'w', op: 'filter', input: 'stream', fn: 'valueAbove', arg: Number.NEGATIVE_INFINITY },
        { id: 'out', op: 'sink', input: 'w' },
        { id: 'pairs', op: 'map', input: 'stream', fn: 'keyOne' },
        { id: 'counts', op: 'reduceByKey', input: 'pairs', reduce: 'sum' },
        { id: 'countsOut', op: 'sink', input: 'counts' },
      ];
      return {
        ...spec,
        delivery: { ...delivery, faults: [] },
        streaming: streamingSpec(pipeline, {
          batchIntervalMs,
          perRecordMs,
          cores,
          backpressure: { enabled: backpressure, initialRate: 0 },
        }),
      };
    }),
  );

describe('micro-batching invariants', () => {
  it('without failures every Kafka record is read by exactly one batch: offset ranges chain with no gap or overlap', () => {
    fc.assert(
      fc.property(withKafkaApp, (spec) => {
        const sim = new Simulation(spec, 1);
        sim.seek(sim.lastTick);
        const run = sim.streaming()!;
        expect(run.error).toBeNull();
        const next = new Array(spec.delivery!.partitions).fill(0);
        const seen = new Set<number>();
        // Input RDDs in the order they were computed (a window may compute an earlier time later).
        const inputs = run.batches
          .map((b) => run.rddAt(0, b.timeMs))
          .filter((r) => r !== null)
          .sort((a, b) => a.computedAtMs - b.computedAtMs || a.timeMs - b.timeMs);
        for (const rdd of inputs) {
          rdd.splits!.forEach((split, p) => {
            if (split.kind !== 'kafka') throw new Error('expected Kafka splits');
            expect(split.fromOffset).toBe(next[p]);
            expect(split.untilOffset).toBeGreaterThanOrEqual(split.fromOffset);
            next[p] = split.untilOffset;
            expect(rdd.partitions[p]!.length).toBe(split.untilOffset - split.fromOffset);
          });
          for (const id of rdd.partitions.flat() as number[]) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        // What was read is exactly the committed prefix of each partition.
        expect(seen.size).toBe(next.reduce((a, b) => a + b, 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('the per-batch counts of a stateless pipeline add up to counting all the input at once', () => {
    fc.assert(
      fc.property(withKafkaApp, (spec) => {
        const sim = new Simulation(spec, 2);
        sim.seek(sim.lastTick);
        const run = sim.streaming()!;
        const countsOut = run.nodes.findIndex((n) => n.spec.id === 'countsOut');
        const total = new Map<Value, number>();
        const expected = new Map<Value, number>();
        for (const b of run.batches) {
          const out = b.outputs.find((o) => o.node === countsOut);
          for (const [k, v] of (out?.written ?? []) as [string, number][])
            total.set(k, (total.get(k) ?? 0) + v);
          const input = run.rddAt(0, b.timeMs);
          // Only input RDDs computed for a job of this batch count (a window may compute one later).
          if (input && input.computedAtMs === b.timeMs && b.outputs.some((o) => o.node === countsOut))
            for (const id of input.partitions.flat() as number[]) {
              const key = sim.tuple(id)!.key;
              expected.set(key, (expected.get(key) ?? 0) + 1);
            }
        }
        expect(new Map([...total].sort())).toEqual(new Map([...expected].sort()));
      }),
      { numRuns: RUNS },
    );
  });

  it('a map and filter pipeline over all batches writes exactly what applying them to every arrived tuple gives', () => {
    const app = fc.tuple(
      scenarioArbitrary(),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 0, max: 100 }),
    );
    fc.assert(
      fc.property(app, ([spec, batchTicks, threshold]) => {
        const batchIntervalMs = batchTicks * spec.tickMs;
        const pipeline: StreamOpSpec[] = [
          { id: 'in', op: 'producerStream' },
          { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
          { id: 'big', op: 'filter', input: 'kv', fn: 'valueAbove', arg: threshold },
          { id: 'out', op: 'sink', input: 'big' },
        ];
        const sim = new Simulation({ ...spec, streaming: streamingSpec(pipeline, { batchIntervalMs }) }, 3);
        sim.seek(sim.lastTick);
        const run = sim.streaming()!;
        const written = run.batches.flatMap((b) => b.outputs.flatMap((o) => o.written ?? []));
        const lastBatch = run.batches.at(-1)?.timeMs ?? 0;
        // Every tuple that arrived before the last batch time, through the same functions.
        const expected = sim
          .arrivalsBetween(-1, lastBatch)
          .map((id) => sim.tuple(id)!)
          .filter((t) => t.arrivalTimeMs! < lastBatch)
          .map((t) => [t.key, typeof t.value === 'number' ? t.value : Number.NaN] as const)
          .filter(([, v]) => v > threshold);
        const canon = (xs: readonly Value[]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(canon(written)).toEqual(canon(expected as unknown as Value[]));
      }),
      { numRuns: RUNS },
    );
  });

  it('a run is a pure function of (scenario, seed): seeking back and forth gives the same batches', () => {
    fc.assert(
      fc.property(withKafkaApp, fc.integer({ min: 0, max: 1000 }), (spec, at) => {
        const a = new Simulation(spec, 5);
        a.seek(a.lastTick);
        const b = new Simulation(spec, 5);
        b.seek(Math.floor((at / 1000) * b.lastTick));
        b.seek(0);
        b.seek(b.lastTick);
        expect(JSON.stringify(b.streaming()!.batches)).toBe(JSON.stringify(a.streaming()!.batches));
      }),
      { numRuns: RUNS },
    );
  });
});
