import * as v from 'valibot';
import type { EventTimeSpec, ScenarioSpec } from '../engine';
import { sparkInterval } from './codeText';
import { ms } from './fields';

/** The `eventTime` block: an event-time windowed aggregation with Spark's or Flink's watermark rules. */

const positiveMs = (what: string) => v.pipe(ms(what), v.minValue(1, 'must be at least 1 ms'));

/** The window kinds both engines know (the `eventTime` block adds Spark's raw event-time grouping). */
/** A window offset (Flink) or start time (Spark): whole milliseconds, either sign. */
const offsetMs = v.optional(
  v.pipe(v.number(), v.integer('must be a whole number of milliseconds'), v.description('Window offset.')),
);

export const TIME_WINDOWS = [
  v.strictObject({ kind: v.literal('tumbling'), sizeMs: positiveMs('Window size.'), offsetMs }),
  v.strictObject({
    kind: v.literal('sliding'),
    sizeMs: positiveMs('Window size.'),
    slideMs: positiveMs('Slide.'),
    offsetMs,
  }),
  v.strictObject({ kind: v.literal('session'), gapMs: positiveMs('Session gap.') }),
] as const;

export const eventTimeSchema = v.strictObject({
  window: v.optional(
    v.variant(
      'kind',
      [...TIME_WINDOWS, v.strictObject({ kind: v.literal('eventTime') })],
      'kind must be "tumbling", "sliding", "session" or "eventTime"',
    ),
    { kind: 'tumbling', sizeMs: 5000 },
  ),
  aggregate: v.optional(
    v.picklist(['count', 'sum', 'min', 'max', 'avg'], 'must be "count", "sum", "min", "max" or "avg"'),
    'count',
  ),
  keyed: v.optional(v.pipe(v.boolean(), v.description('Group by key as well as by window.')), false),
  engine: v.optional(v.picklist(['spark', 'flink'], 'must be "spark" or "flink"'), 'spark'),
  inputs: v.optional(
    v.pipe(
      v.picklist(
        ['single', 'perProducer', 'perPartition'],
        'must be "single", "perProducer" or "perPartition"',
      ),
      v.description(
        'One watermarked input, one per producer, or (Flink reading the Kafka topic) one per partition.',
      ),
    ),
    'single',
  ),
  spark: v.optional(
    v.strictObject({
      delayMs: v.optional(
        v.pipe(
          v.number(),
          v.integer('must be a whole number of milliseconds'),
          v.description('withWatermark delay.'),
        ),
        2000,
      ),
      triggerMs: v.optional(positiveMs('Trigger.ProcessingTime interval.'), 1000),
      outputMode: v.optional(
        v.picklist(['append', 'update', 'complete'], 'must be "append", "update" or "complete"'),
        'append',
      ),
      noDataBatches: v.optional(v.boolean(), true),
      policy: v.optional(v.picklist(['min', 'max'], 'must be "min" or "max"'), 'min'),
      allowMultiple: v.optional(
        v.pipe(
          v.boolean(),
          v.description(
            'spark.sql.streaming.statefulOperator.allowMultiple: late rows judged by the previous batch’s watermark (Spark ≥ 3.4).',
          ),
        ),
        true,
      ),
    }),
    {},
  ),
  flink: v.optional(
    v.strictObject({
      boundMs: v.optional(ms('forBoundedOutOfOrderness bound.'), 2000),
      autoWatermarkIntervalMs: v.optional(positiveMs('pipeline.auto-watermark-interval.'), 200),
      allowedLatenessMs: v.optional(ms('allowedLateness.'), 0),
      sideOutput: v.optional(v.pipe(v.boolean(), v.description('sideOutputLateData.')), false),
      idlenessMs: v.optional(v.nullable(v.pipe(positiveMs('WatermarkStrategy.withIdleness timeout.'))), null),
      trigger: v.optional(
        v.pipe(
          v.picklist(['eventTime', 'purging'], 'must be "eventTime" or "purging"'),
          v.description('EventTimeTrigger, or PurgingTrigger.of(EventTimeTrigger.create()).'),
        ),
        'eventTime',
      ),
      watermarks: v.optional(
        v.nullable(
          v.pipe(
            v.array(
              v.strictObject({
                atMs: ms('When the watermark reaches the operator (processing time).'),
                watermarkMs: v.pipe(v.number(), v.integer('must be a whole number of milliseconds')),
              }),
            ),
            v.maxLength(500, 'at most 500 watermarks'),
            v.description('Watermarks carried by the input, instead of forBoundedOutOfOrderness.'),
          ),
        ),
        null,
      ),
    }),
    {},
  ),
});

export type EventTimeParsed = v.InferOutput<typeof eventTimeSchema>;

export function normaliseEventTime(e: EventTimeParsed): EventTimeSpec {
  return {
    window: e.window,
    aggregate: e.aggregate,
    keyed: e.keyed,
    engine: e.engine,
    inputs: e.inputs,
    spark: {
      delayMs: e.spark.delayMs ?? 2000,
      triggerMs: e.spark.triggerMs ?? 1000,
      outputMode: e.spark.outputMode ?? 'append',
      noDataBatches: e.spark.noDataBatches ?? true,
      policy: e.spark.policy ?? 'min',
      allowMultiple: e.spark.allowMultiple ?? true,
    },
    flink: {
      boundMs: e.flink.boundMs ?? 2000,
      autoWatermarkIntervalMs: e.flink.autoWatermarkIntervalMs ?? 200,
      allowedLatenessMs: e.flink.allowedLatenessMs ?? 0,
      sideOutput: e.flink.sideOutput ?? false,
      idlenessMs: e.flink.idlenessMs ?? null,
      trigger: e.flink.trigger ?? 'eventTime',
      watermarks: e.flink.watermarks ?? null,
    },
  };
}

/** Spark's own rule for window(): the slide may not exceed the window (TimeWindow's check). */
export function checkEventTime(s: ScenarioSpec, add: (path: string, message: string) => void): void {
  const e = s.eventTime;
  if (!e) return;
  if (e.window.kind === 'eventTime' && e.engine === 'flink')
    add(
      'eventTime.window.kind',
      'Flink aggregates event time through a window assigner: "eventTime" (grouping by the raw timestamp) is Spark only',
    );
  if (e.inputs === 'perPartition' && e.engine !== 'flink')
    add(
      'eventTime.inputs',
      'One watermark per Kafka partition is Flink’s (Kafka-partition-aware watermark generation); Spark keeps one watermark per input: use "single" or "perProducer"',
    );
  if (e.inputs === 'perPartition' && s.delivery?.model !== 'log')
    add(
      'eventTime.inputs',
      'reads the Kafka topic per partition, but the scenario has none: add a "delivery" block with "model": "log"',
    );
  checkWindowOffset(e.window, e.engine, 'eventTime.window.offsetMs', add);
  // Dataset.withWatermark: require(!IntervalUtils.isNegative(parsedDelay), s"delay threshold ($delayThreshold) should not be negative.")
  if (e.engine === 'spark' && e.spark.delayMs < 0)
    add(
      'eventTime.spark.delayMs',
      `java.lang.IllegalArgumentException: requirement failed: delay threshold (${sparkInterval(e.spark.delayMs)}) should not be negative.`,
    );
  if (e.window.kind === 'sliding' && e.window.slideMs > e.window.sizeMs && e.engine === 'spark')
    add(
      'eventTime.window.slideMs',
      `The slide duration (${e.window.slideMs} ms) must be less than or equal to the windowDuration (${e.window.sizeMs} ms) — Spark's window() rule`,
    );
}

/**
 * A window's offset, as each engine checks it when the window is defined:
 * - Spark, TimeWindow.checkInputDataTypes (sql/catalyst/.../expressions/TimeWindow.scala):
 *   "The absolute value of start time ($startTime) must be less than the slideDuration
 *   ($slideDuration)." — its durations in microseconds; a tumbling window's slide is its size.
 * - Flink, the assigners' constructors (TumblingEventTimeWindows / SlidingEventTimeWindows):
 *   IllegalArgumentException when |offset| ≥ size (tumbling) or ≥ slide (sliding).
 */
export function checkWindowOffset(
  w: {
    readonly kind: string;
    readonly sizeMs?: number;
    readonly slideMs?: number;
    readonly offsetMs?: number;
  },
  engine: 'spark' | 'flink',
  path: string,
  add: (path: string, message: string) => void,
): void {
  if (w.offsetMs === undefined || (w.kind !== 'tumbling' && w.kind !== 'sliding')) return;
  const slide = w.kind === 'sliding' ? w.slideMs! : w.sizeMs!;
  if (Math.abs(w.offsetMs) < slide) return;
  if (engine === 'spark')
    add(
      path,
      `The absolute value of start time (${w.offsetMs * 1000}) must be less than the slideDuration (${slide * 1000}). — Spark's window() rule (durations in microseconds)`,
    );
  else add(path, flinkAssignerMessage(w.kind === 'sliding'));
}

/** The IllegalArgumentException Flink's assigner constructors throw for a bad offset. */
function flinkAssignerMessage(sliding: boolean): string {
  return sliding
    ? "java.lang.IllegalArgumentException: SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0 — Flink's window assigner rule"
    : "java.lang.IllegalArgumentException: TumblingEventTimeWindows parameters must satisfy abs(offset) < size — Flink's window assigner rule";
}
