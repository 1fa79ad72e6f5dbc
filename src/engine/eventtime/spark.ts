import { drain } from '../pieces';
import { StructuredQuery } from '../structured/query';
import type { StructuredSource } from '../structured/sources';
import type { StructuredSpec } from '../structured/spec';
import type { Aggregate, Emission, EventRecord, Window, WindowSpec } from './windows';

export type OutputMode = 'append' | 'update' | 'complete';

export interface SparkOptions {
  readonly window: WindowSpec;
  readonly aggregate: Aggregate;
  readonly keyed: boolean;
  /** withWatermark(eventTime, delay) on each input. */
  readonly delaysMs: readonly number[];
  /** Trigger.ProcessingTime(interval). */
  readonly triggerMs: number;
  readonly outputMode: OutputMode;
  /** spark.sql.streaming.noDataMicroBatches.enabled (true by default). */
  readonly noDataBatches: boolean;
  /** spark.sql.streaming.multipleWatermarkPolicy. */
  readonly policy: 'min' | 'max';
  /**
   * spark.sql.streaming.statefulOperator.allowMultiple (true by default since Spark 3.4): late rows
   * are judged by the previous batch's watermark (WatermarkPropagator.getInputWatermarkForLateEvents),
   * eviction and emission by the current one. False: both by the current one, as before 3.4.
   */
  readonly allowMultiple: boolean;
}

export interface SparkBatch {
  readonly id: number;
  readonly atMs: number;
  /** Tuples read by this batch (none in a no-data batch). */
  readonly records: readonly number[];
  /** The watermark this batch used for eviction and emission: computed when the previous batch ended. */
  readonly watermarkMs: number;
  /** The watermark late rows were judged by (the previous batch's, since Spark 3.4). */
  readonly lateWatermarkMs: number;
  /** The watermark the next batch will use. */
  readonly nextWatermarkMs: number;
  /** (tuple, window) pairs dropped because window.end ≤ watermark. */
  readonly dropped: readonly { readonly id: number; readonly window: Window }[];
  readonly emitted: readonly Emission[];
  /** Windows removed from the state store. */
  readonly evicted: readonly Window[];
  readonly noData: boolean;
}

/**
 * A Spark Structured Streaming windowed aggregation with a watermark over tuples that reach Spark
 * directly, as the event-time views ask for it: the running query (../structured/query.ts) with one
 * input per watermarked input, a processing-time trigger every `triggerMs` from `triggerMs` on, and
 * batches that take no time. The query's rules apply unchanged — watermark per input and policy,
 * late rows by the previous batch's watermark, eviction and emission per output mode, no-data
 * batches only where Spark runs them — so there is one Spark event-time model, not two.
 */
export function runSpark(records: readonly EventRecord[], o: SparkOptions, untilMs: number): SparkBatch[] {
  return drain(runSparkInPieces(records, o, untilMs));
}

/** Records indexed, or rows of batches converted, per piece of `runSparkInPieces`. */
const ROWS_PER_PIECE = 8192;

/**
 * `runSpark` a bounded piece at a time, each yielding the fraction done: the records indexed in
 * chunks, the query one trigger per piece (`extendTo` runs the triggers due by the time it is given,
 * so stopping at every trigger is the same run), the batches converted in chunks.
 */
export function* runSparkInPieces(
  records: readonly EventRecord[],
  o: SparkOptions,
  untilMs: number,
): Generator<number, SparkBatch[]> {
  // Record ids are tuple ids: an index by id in a typed array (a Map lookup per row and field was
  // most of a trigger on a large run: issue 19), or a Map for ids far sparser than the records.
  let maxId = -1;
  for (const r of records) if (r.id > maxId) maxId = r.id;
  const dense = maxId < 4 * records.length + 65_536;
  const indexOf = dense ? new Int32Array(maxId + 1).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  let inArrivalOrder = true;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (indexOf) indexOf[r.id] = i;
    else sparse!.set(r.id, i);
    if (i > 0 && r.arrivalMs < records[i - 1]!.arrivalMs) inArrivalOrder = false;
    if ((i + 1) % ROWS_PER_PIECE === 0) yield (0.1 * i) / records.length;
  }
  const position = (id: number) => (indexOf ? indexOf[id]! : sparse!.get(id)!);
  const at = (id: number) => records[position(id)]!;
  const inputNames = o.delaysMs.map((_, i) => `input${i}`);
  // Records come in arrival order from eventRecords; the sort is for any other caller.
  const sorted = inArrivalOrder
    ? records
    : [...records].sort((a, b) => a.arrivalMs - b.arrivalMs || position(a.id) - position(b.id));
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.arrivalMs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const source: StructuredSource = {
    kafkaPartitions: 0,
    latestOffset: () => 0,
    recordAt: () => -1,
    arrivals: (fromMs, toMs) => sorted.slice(firstAtOrAfter(fromMs), firstAtOrAfter(toMs)).map((r) => r.id),
    arrivalTime: (id) => at(id).arrivalMs,
    eventTime: (id) => at(id).eventTimeMs,
    key: (id) => at(id).key,
    value: (id) => at(id).value,
    producerOf: (id) => inputNames[at(id).input] ?? `input${at(id).input}`,
  };
  const spec: StructuredSpec = {
    startAtMs: o.triggerMs,
    inputs: o.delaysMs.map((delayMs, i) => ({
      id: `input${i}`,
      source: 'producers',
      producers: [`input${i}`],
      startingOffsets: 'earliest',
      maxOffsetsPerTrigger: null,
      delayMs,
    })),
    policy: o.policy,
    minValue: null,
    operator: { kind: 'windowAggregation', window: o.window, aggregate: o.aggregate, keyed: o.keyed },
    outputMode: o.outputMode,
    trigger: { kind: 'processingTime', intervalMs: o.triggerMs },
    sink: { kind: 'console' },
    checkpointLocation: '/checkpoint',
    noDataBatches: o.noDataBatches,
    allowMultiple: o.allowMultiple,
    cores: 1,
    perRowMs: 0,
    batchOverheadMs: 0,
    planMs: 0,
    commitMs: 0,
    faults: [],
  };
  const query = new StructuredQuery(spec, source);
  for (let t = o.triggerMs; t < untilMs; t += o.triggerMs) {
    query.extendTo(t);
    yield 0.1 + (0.8 * t) / untilMs;
  }
  query.extendTo(untilMs);
  // Rows in arrival order, as they reached Spark (the query reads input by input).
  const byArrival = (a: number, b: number) => position(a) - position(b);
  const out: SparkBatch[] = [];
  let rows = 0;
  for (const [i, b] of query.batches.entries()) {
    out.push(sparkBatchOf(b, byArrival));
    rows += b.records.length + 1;
    if (rows >= ROWS_PER_PIECE) {
      rows = 0;
      yield 0.9 + (0.1 * i) / query.batches.length;
    }
  }
  return out;
}

/** A query's micro-batch as the event-time views read it. */
function sparkBatchOf(
  b: StructuredQuery['batches'][number],
  byArrival: (a: number, b: number) => number,
): SparkBatch {
  return {
    id: b.batchId,
    atMs: b.triggerMs,
    records: [...b.records].sort(byArrival),
    watermarkMs: b.watermarkMs,
    lateWatermarkMs: b.lateWatermarkMs,
    nextWatermarkMs: b.nextWatermarkMs!,
    dropped: b.dropped.map((d) => ({ id: d.id, window: d.window! })).sort((x, y) => byArrival(x.id, y.id)),
    emitted: b.output.map((e) => ({
      window: e.window!,
      key: e.key,
      value: e.value,
      count: e.count,
      atMs: b.triggerMs,
      kind: e.kind === 'update' ? 'update' : 'first',
    })),
    evicted: b.state.removed.map((r) => r.window!),
    noData: b.noData,
  };
}
