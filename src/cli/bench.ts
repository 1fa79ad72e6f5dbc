/**
 * npm run bench — engine throughput, seek latency and memory, as medians over repeated runs.
 * Runs under `node --expose-gc` so memory is measured after a full collection.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { installUserLanguage, Simulation, StreamingRun } from '../engine';
import { language } from '../engine/lang';
import type { StreamSource } from '../engine/microbatch/types';
import { bareLoop } from './bareLoop';
import {
  benchScenario,
  kafkaBenchScenario,
  microBatchBenchScenario,
  structuredBenchScenario,
} from './benchScenarios';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const SEEKS = 2000;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/**
 * The Spark Streaming engine alone (no producers, no Kafka): 200,000 records in 20 batches through
 * map → filter → reduceByKey → updateStateByKey → sink, with the catalogue's functions or the same
 * functions written in the user-function language. Records/s of the streaming run itself.
 */
export function functionPipelines() {
  const batches = 20;
  const perBatch = 10_000;
  const keys = Array.from({ length: 200 }, (_, k) => `k${k}`);
  const n = batches * perBatch;
  const source: StreamSource = {
    kafkaPartitions: 0,
    producerIds: ['p'],
    key: (id) => keys[id % keys.length]!,
    value: (id) => (id * 7919) % 100,
    text: (id) => `${keys[id % keys.length]} ${(id * 7919) % 100}`,
    arrivalTime: (id) => Math.floor(id / perBatch) * 1000 + 1 + (id % perBatch) / perBatch,
    producerOf: () => 'p',
    arrivals: (from, to) => {
      const out: number[] = [];
      for (let id = 0; id < n; id++) {
        const at = Math.floor(id / perBatch) * 1000 + 1;
        if (at >= from && at < to) out.push(id);
      }
      return out;
    },
    latestOffset: () => 0,
    recordAt: () => 0,
  };
  const catalogue = [
    { id: 'in', op: 'producerStream' },
    { id: 'pairs', op: 'map', input: 'in', fn: 'toPair' },
    { id: 'big', op: 'filter', input: 'pairs', fn: 'valueAbove', arg: 10 },
    { id: 'sums', op: 'reduceByKey', input: 'big', reduce: 'sum' },
    { id: 'totals', op: 'updateStateByKey', input: 'sums', fn: 'runningSum' },
    { id: 'out', op: 'sink', input: 'totals' },
  ] as const;
  const own = [
    { id: 'in', op: 'producerStream' },
    { id: 'pairs', op: 'map', input: 'in', code: 'r => (r.key, r.value)' },
    { id: 'big', op: 'filter', input: 'pairs', code: '(k, v) => v > 10' },
    { id: 'sums', op: 'reduceByKey', input: 'big', code: '(a, b) => a + b' },
    {
      id: 'totals',
      op: 'updateStateByKey',
      input: 'sums',
      code: '(values, state) => Some(state.getOrElse(0.0) + values.sum)',
    },
    { id: 'out', op: 'sink', input: 'totals' },
  ] as const;
  const spec = (pipeline: readonly object[]) => ({
    batchIntervalMs: 1000,
    startAtMs: 0,
    checkpointDir: '/bench',
    cores: 4,
    perRecordMs: 0,
    jobOverheadMs: 10,
    backpressure: { enabled: false, initialRate: 0 },
    receiverMaxRate: 0,
    pipeline: pipeline as never,
  });
  const rate = (pipeline: readonly object[]) => {
    const start = performance.now();
    const run = new StreamingRun(spec(pipeline), source);
    run.extendTo(batches * 1000);
    if (run.error) throw new Error(run.error.text);
    return n / ((performance.now() - start) / 1000);
  };
  const cat: number[] = [];
  const mine: number[] = [];
  // Alternating, so a busy moment of the machine falls on both.
  for (let r = 0; r < REPEATS; r++) {
    cat.push(rate(catalogue));
    mine.push(rate(own));
  }
  return { catalogue: median(cat), own: median(mine), records: n };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Issue 19's targets for the engine. */
export const TARGETS = {
  producerToConsumer: 4_000_000,
  bareShare: 0.25,
  kafka: 1_000_000,
  sparkStreaming: 1_000_000,
  kafkaSeekP99Ms: 10,
  heapBytes: 200 * 2 ** 20,
} as const;

/** Random ticks, each seek from wherever the previous one left the cursor; latencies in ms. */
function seekLatencies(run: Simulation): number[] {
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const seeks: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const target = Math.floor(next() * (run.lastTick + 1));
    const start = performance.now();
    run.seek(target);
    seeks.push(performance.now() - start);
  }
  return seeks;
}

function main(): void {
  const spec = benchScenario();
  const rates: number[] = [];
  const bareRates: number[] = [];
  let sim: Simulation | undefined;
  // The engine and the bare loop alternate, so a busy moment of the machine falls on both.
  for (let r = 0; r < REPEATS; r++) {
    sim = undefined;
    gc();
    const start = performance.now();
    sim = new Simulation(spec, 42 + r);
    while (sim.step());
    rates.push(sim.frame().created / ((performance.now() - start) / 1000));
    const bareStart = performance.now();
    const bare = bareLoop(10, 100_000, 10_000, 120, spec.lateness.boundMs, 42 + r);
    bareRates.push(bare.tuples / ((performance.now() - bareStart) / 1000));
  }
  const run = sim!;
  const tuples = run.frame().created;
  gc();
  const mem = process.memoryUsage();
  const seeks = seekLatencies(run);

  const kafkaRates: number[] = [];
  const kafka = kafkaBenchScenario();
  let kafkaRun: Simulation | undefined;
  for (let r = 0; r < REPEATS; r++) {
    kafkaRun = undefined;
    const start = performance.now();
    kafkaRun = new Simulation(kafka, 7 + r);
    while (kafkaRun.step());
    kafkaRates.push(kafkaRun.frame().created / ((performance.now() - start) / 1000));
  }
  const kafkaSeeks = seekLatencies(kafkaRun!);
  kafkaRun = undefined;

  const microRates: number[] = [];
  const micro = microBatchBenchScenario();
  let read = 0;
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    const m = new Simulation(micro, 7 + r);
    while (m.step());
    const run = m.streaming()!;
    read = run.batches.reduce((a, b) => a + b.inputRecords, 0);
    microRates.push(read / ((performance.now() - start) / 1000));
  }

  const structuredRates: number[] = [];
  const structured = structuredBenchScenario();
  let structuredRead = 0;
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    const m = new Simulation(structured, 7 + r);
    while (m.step());
    structuredRead = m.query()!.batches.reduce((a, b) => a + (b.killed ? 0 : b.numInputRows), 0);
    structuredRates.push(structuredRead / ((performance.now() - start) / 1000));
  }

  installUserLanguage(language);
  const fns = functionPipelines();

  const lines = [
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
    `run: ${tuples.toLocaleString('en')} tuples, ${run.lastTick} ticks, ${run.keyframeCount} keyframes`,
    `producer → consumer throughput: ${Math.round(median(rates)).toLocaleString('en')} tuples/s (median of ${REPEATS}; min ${Math.round(Math.min(...rates)).toLocaleString('en')})`,
    `bare loop (seeded times and delays, typed arrays, counting sort by arrival, in-order and late flags): ${Math.round(median(bareRates)).toLocaleString('en')} tuples/s (median of ${REPEATS}, alternating with the engine); engine/bare ${(median(rates) / median(bareRates)).toFixed(2)}`,
    `seek latency over ${SEEKS} random seeks: median ${median(seeks).toFixed(2)} ms, p99 ${quantile(seeks, 0.99).toFixed(2)} ms, max ${Math.max(...seeks).toFixed(2)} ms`,
    `producer → Kafka log (3 brokers, RF 2, acks=all) → consumer group: ${Math.round(median(kafkaRates)).toLocaleString('en')} tuples/s (median of ${REPEATS}, 200,000 tuples)`,
    `seek latency on the Kafka run over ${SEEKS} random seeks: median ${median(kafkaSeeks).toFixed(2)} ms, p99 ${quantile(kafkaSeeks, 0.99).toFixed(2)} ms, max ${Math.max(...kafkaSeeks).toFixed(2)} ms`,
    `producer → Kafka log → Spark Streaming (direct stream, map, reduceByKey, 3 s window with inverse reduce): ${Math.round(median(microRates)).toLocaleString('en')} records/s end to end (median of ${REPEATS}, ${read.toLocaleString('en')} records read)`,
    `producer → Kafka log → Structured Streaming (2 s windowed count per key, watermark, file sink, checkpoint): ${Math.round(median(structuredRates)).toLocaleString('en')} records/s end to end (median of ${REPEATS}, ${structuredRead.toLocaleString('en')} records read)`,
    `Spark Streaming alone, map → filter → reduceByKey → updateStateByKey over ${fns.records.toLocaleString('en')} records: catalogue functions ${Math.round(fns.catalogue).toLocaleString('en')} records/s, the same written as your own functions ${Math.round(fns.own).toLocaleString('en')} records/s (${Math.round((100 * fns.own) / fns.catalogue)} %; medians of ${REPEATS}, alternating)`,
    `memory after 1 M tuples: JS heap ${mb(mem.heapUsed)} + typed arrays ${mb(mem.arrayBuffers)} = ${mb(mem.heapUsed + mem.arrayBuffers)} (engine's own estimate ${mb(run.memoryBytes())})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const heap = mem.heapUsed + mem.arrayBuffers;
  const misses = [
    // Issue 17's floor: the learner's own functions keep at least half the catalogue's throughput.
    fns.own < 0.5 * fns.catalogue && 'your own functions fell below 50 % of the catalogue pipeline',
    median(rates) < TARGETS.producerToConsumer &&
      `producer → consumer ${fmt(median(rates))} tuples/s < ${fmt(TARGETS.producerToConsumer)}`,
    median(rates) < TARGETS.bareShare * median(bareRates) &&
      `producer → consumer ${fmt(median(rates))} tuples/s < 1/4 of the bare loop's ${fmt(median(bareRates))}`,
    median(kafkaRates) < TARGETS.kafka &&
      `Kafka path ${fmt(median(kafkaRates))} tuples/s < ${fmt(TARGETS.kafka)}`,
    median(microRates) < TARGETS.sparkStreaming &&
      `Kafka → Spark Streaming ${fmt(median(microRates))} records/s < ${fmt(TARGETS.sparkStreaming)}`,
    quantile(kafkaSeeks, 0.99) > TARGETS.kafkaSeekP99Ms &&
      `seek p99 on the Kafka run ${quantile(kafkaSeeks, 0.99).toFixed(2)} ms > ${TARGETS.kafkaSeekP99Ms} ms`,
    heap > TARGETS.heapBytes && `heap after 1 M tuples ${mb(heap)} > ${mb(TARGETS.heapBytes)}`,
  ].filter((m): m is string => typeof m === 'string');
  for (const m of misses) process.stderr.write(`target missed: ${m}\n`);
  if (misses.length > 0) process.exitCode = 1;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

if (!process.env.BENCH_NO_MAIN) main();
