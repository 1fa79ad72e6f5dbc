import { drain } from '../pieces';
import { Simulation } from '../simulation';
import type { EventTimeSpec, ScenarioSpec } from '../types';
import { type FlinkRun, runFlink } from './flink';
import { runSparkInPieces, type SparkBatch } from './spark';
import { assignWindows, type Emission, type EventRecord, type Window } from './windows';

/** The watermark as a step function of processing time: it holds `watermarkMs` from `atMs` on. */
export interface WatermarkStep {
  readonly atMs: number;
  readonly watermarkMs: number;
}

/** Why a tuple was dropped, for the explanation a learner reads. */
export interface LateTuple {
  readonly id: number;
  readonly atMs: number;
  readonly eventTimeMs: number;
  readonly watermarkMs: number;
  /** The windows it missed. */
  readonly windows: readonly Window[];
}

/** One event-time query run over a whole run: the same shape for Spark and Flink. */
export interface EventTimeAnalysis {
  readonly spec: EventTimeSpec;
  readonly records: readonly EventRecord[];
  readonly watermark: readonly WatermarkStep[];
  readonly emissions: readonly Emission[];
  readonly late: readonly LateTuple[];
  /** Spark: the micro-batches; null for Flink. */
  readonly batches: readonly SparkBatch[] | null;
  readonly flink: FlinkRun | null;
}

/**
 * The tuples that reach the stream processor, in arrival order, as event-time records. Arrival
 * order is fixed by the run, so this is a pure function of (scenario, seed).
 */
export function eventRecords(spec: ScenarioSpec, seed: number): EventRecord[] {
  return drain(eventRecordsInPieces(spec, seed));
}

/** Records built per piece of `eventRecordsInPieces` (each a bounded amount of work). */
const RECORDS_PER_PIECE = 2048;

/**
 * `eventRecords` a bounded piece at a time: the run one tick per piece, then the records in chunks.
 * Each piece yields the fraction done (0 to 1), so a caller can spread the work out (the store does,
 * to keep the page responsive); the value it returns is `eventRecords`'s.
 */
export function* eventRecordsInPieces(spec: ScenarioSpec, seed: number): Generator<number, EventRecord[]> {
  const sim = new Simulation({ ...spec, streaming: undefined, eventTime: undefined, query: undefined }, seed);
  while (sim.step()) yield share(sim);
  return yield* recordsAtFrontier(sim, spec.eventTime?.inputs ?? 'single');
}

/** Ticks computed ahead per piece of `runRecordsInPieces`. */
const TICKS_PER_PIECE = 8;

/**
 * `eventRecords` of `sim`'s own run, read from it rather than from a second run of the scenario
 * (issue 19: a what-if ran its 200,000-tuple scenario twice, once more for these records): the run
 * is computed to its end a few ticks a piece while its cursor stays where it is (`computeAhead`),
 * then the records are read at the frontier in chunks. The same records as `eventRecords` for
 * `sim`'s scenario with `inputs` (its world does not depend on its streaming, event-time or query
 * parts), which the tests check.
 */
export function* runRecordsInPieces(
  sim: Simulation,
  inputs: EventTimeSpec['inputs'],
): Generator<number, EventRecord[]> {
  while (sim.computeAhead(TICKS_PER_PIECE)) yield share(sim);
  return yield* recordsAtFrontier(sim, inputs);
}

/** The share of the work done once the run is computed to `sim`'s frontier: the records take a tenth. */
function share(sim: Simulation): number {
  return (0.9 * sim.frontier) / Math.max(1, sim.lastTick);
}

/** The records of every tuple arrived by a run computed to its end, in chunks, read by `inputs`. */
function* recordsAtFrontier(
  sim: Simulation,
  inputs: EventTimeSpec['inputs'],
): Generator<number, EventRecord[]> {
  const perProducer = inputs === 'perProducer';
  // Flink reading Kafka, partition-aware: only records in the topic, each from its partition.
  const perPartition = inputs === 'perPartition';
  const ids = sim.arrivalsAtFrontier();
  const read = perPartition ? ids.filter((id) => sim.kafkaPartitionOf(id) !== null) : ids;
  const records: EventRecord[] = [];
  for (let from = 0; from < read.length; from += RECORDS_PER_PIECE) {
    for (const id of read.slice(from, from + RECORDS_PER_PIECE)) {
      const input = perProducer
        ? sim.tupleAtFrontier(id)!.producerIndex
        : perPartition
          ? sim.kafkaPartitionOf(id)!
          : 0;
      records.push(eventRecordOf(sim, id, input, true));
    }
    yield 0.9 + (0.1 * Math.min(read.length, from + RECORDS_PER_PIECE)) / read.length;
  }
  return records;
}

/**
 * A tuple that has arrived, as the event-time operators see it, read by watermarked input `input`:
 * as known at the cursor, or (`atFrontier`) at the computed run's frontier.
 */
export function eventRecordOf(sim: Simulation, id: number, input: number, atFrontier = false): EventRecord {
  const t = (atFrontier ? sim.tupleAtFrontier(id) : sim.tuple(id))!;
  return {
    id,
    key: t.key,
    value: typeof t.value === 'number' ? t.value : Number.NaN,
    eventTimeMs: t.eventTimeMs,
    arrivalMs: t.arrivalTimeMs!,
    input,
  };
}

/** Runs the query with Spark's or Flink's rules over `records` until `untilMs`. */
export function analyseEventTime(
  spec: EventTimeSpec,
  records: readonly EventRecord[],
  inputCount: number,
  untilMs: number,
  /** Kafka partitions, for one input per partition. */
  partitions = 1,
): EventTimeAnalysis {
  return drain(analyseEventTimeInPieces(spec, records, inputCount, untilMs, partitions));
}

/**
 * `analyseEventTime` a bounded piece at a time, yielding the fraction done: Spark's query a trigger
 * per piece (runSparkInPieces). Flink's run is one piece (not yet split: long on a large run).
 */
export function* analyseEventTimeInPieces(
  spec: EventTimeSpec,
  records: readonly EventRecord[],
  inputCount: number,
  untilMs: number,
  partitions = 1,
): Generator<number, EventTimeAnalysis> {
  const inputs =
    spec.inputs === 'perProducer'
      ? Math.max(1, inputCount)
      : spec.inputs === 'perPartition'
        ? Math.max(1, partitions)
        : 1;
  if (spec.engine === 'spark') {
    const batches = yield* runSparkInPieces(
      records,
      {
        window: spec.window,
        aggregate: spec.aggregate,
        keyed: spec.keyed,
        delaysMs: new Array(inputs).fill(spec.spark.delayMs),
        triggerMs: spec.spark.triggerMs,
        outputMode: spec.spark.outputMode,
        noDataBatches: spec.spark.noDataBatches,
        policy: spec.spark.policy,
        allowMultiple: spec.spark.allowMultiple,
      },
      untilMs,
    );
    // Only the dropped records are looked up: a map of those, not of every record.
    const droppedIds = new Set(batches.flatMap((b) => b.dropped.map((d) => d.id)));
    const byId = new Map<number, EventRecord>();
    for (const r of records) if (droppedIds.has(r.id)) byId.set(r.id, r);
    yield 1;
    const late = new Map<number, LateTuple>();
    for (const b of batches) {
      for (const d of b.dropped) {
        const r = byId.get(d.id)!;
        const known = late.get(d.id);
        late.set(d.id, {
          id: d.id,
          atMs: b.atMs,
          eventTimeMs: r.eventTimeMs,
          watermarkMs: b.lateWatermarkMs,
          windows: [...(known?.windows ?? []), d.window],
        });
      }
    }
    // A batch uses the watermark computed when the previous one ended.
    const watermark: WatermarkStep[] = [{ atMs: 0, watermarkMs: 0 }];
    for (const b of batches) {
      if (b.nextWatermarkMs !== watermark[watermark.length - 1]!.watermarkMs)
        watermark.push({ atMs: b.atMs, watermarkMs: b.nextWatermarkMs });
    }
    return {
      spec,
      records,
      watermark,
      emissions: batches.flatMap((b) => b.emitted),
      late: [...late.values()].sort((a, b) => a.atMs - b.atMs || a.id - b.id),
      batches,
      flink: null,
    };
  }
  yield 0;
  const flink = runFlink(
    records,
    {
      window: spec.window,
      aggregate: spec.aggregate,
      keyed: spec.keyed,
      boundMs: spec.flink.boundMs,
      autoWatermarkIntervalMs: spec.flink.autoWatermarkIntervalMs,
      allowedLatenessMs: spec.flink.allowedLatenessMs,
      inputs,
      idlenessMs: spec.flink.idlenessMs ?? null,
      trigger: spec.flink.trigger ?? 'eventTime',
      explicitWatermarks: spec.flink.watermarks ?? null,
    },
    untilMs,
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    spec,
    records,
    watermark: flink.watermarks,
    emissions: flink.emissions,
    late: flink.late.map((l) => {
      const eventTimeMs = byId.get(l.id)!.eventTimeMs;
      return { ...l, eventTimeMs, windows: assignWindows(spec.window, eventTimeMs) };
    }),
    batches: null,
    flink,
  };
}

/** The watermark in force at processing time `atMs` (−∞ before the first for Flink, 0 for Spark). */
export function watermarkAt(steps: readonly WatermarkStep[], atMs: number, initial: number): number {
  let w = initial;
  for (const s of steps) {
    if (s.atMs > atMs) break;
    w = s.watermarkMs;
  }
  return w;
}
