import { StreamingRun } from '../microbatch/run';
import type { StreamSource } from '../microbatch/types';
import type { Value } from '../microbatch/values';
import type { StreamingSpec, StreamOpSpec } from '../types';

/**
 * A hand-made world for tests, like Spark's TestInputStream: batch i (1-based) of `input` arrives
 * during ((i−1)·interval, i·interval). Record n also goes to Kafka partition n mod `kafkaPartitions`,
 * readable (below the high watermark) from the moment it arrives.
 */
export function testSource(
  input: readonly (readonly (readonly [string, number])[])[],
  batchIntervalMs = 1000,
  kafkaPartitions = 1,
): StreamSource {
  const keys: string[] = [];
  const values: number[] = [];
  const arrivals: number[] = [];
  const logs: { id: number; at: number }[][] = Array.from({ length: kafkaPartitions }, () => []);
  input.forEach((batch, i) => {
    batch.forEach(([k, v], j) => {
      const id = keys.length;
      keys.push(k);
      values.push(v);
      const at = i * batchIntervalMs + 1 + j;
      arrivals.push(at);
      logs[id % kafkaPartitions]!.push({ id, at });
    });
  });
  return {
    kafkaPartitions,
    producerIds: ['p'],
    key: (id) => keys[id]!,
    value: (id) => values[id]!,
    text: (id) => `${keys[id]} ${values[id]}`,
    arrivalTime: (id) => arrivals[id]!,
    producerOf: () => 'p',
    arrivals: (from, to) =>
      arrivals
        .map((at, id) => [at, id] as const)
        .filter(([at]) => at >= from && at < to)
        .map(([, id]) => id),
    latestOffset: (p, t) => logs[p]!.filter((r) => r.at <= t).length,
    recordAt: (p, o) => logs[p]![o]!.id,
  };
}

export function streamingSpec(
  pipeline: StreamOpSpec[],
  overrides: Partial<StreamingSpec> = {},
): StreamingSpec {
  return {
    batchIntervalMs: 1000,
    startAtMs: 0,
    checkpointDir: '/tmp/checkpoint',
    cores: 2,
    perRecordMs: 0,
    jobOverheadMs: 10,
    backpressure: { enabled: false, initialRate: 0 },
    receiverMaxRate: 0,
    pipeline,
    ...overrides,
  };
}

/** Runs `pipeline` over `input` until `untilMs`; returns what its `sink` wrote, per batch that wrote. */
export function sinkOutput(
  run: StreamingRun,
  sinkId = 'out',
): { timeMs: number; written: readonly Value[] }[] {
  const node = run.nodes.findIndex((n) => n.spec.id === sinkId);
  return run.batches.flatMap((b) => {
    const out = b.outputs.find((o) => o.node === node);
    return out?.written ? [{ timeMs: b.timeMs, written: out.written }] : [];
  });
}

export function runOver(
  input: readonly (readonly (readonly [string, number])[])[],
  pipeline: StreamOpSpec[],
  untilMs: number,
  overrides: Partial<StreamingSpec> = {},
): StreamingRun {
  const run = new StreamingRun(
    streamingSpec(pipeline, overrides),
    testSource(input, overrides.batchIntervalMs),
  );
  run.extendTo(untilMs);
  return run;
}
