import * as v from 'valibot';
import type { ScenarioSpec, StructuredSpec } from '../engine';
import { sparkInterval } from './codeText';
import { checkWindowOffset, TIME_WINDOWS } from './eventTimeSchema';
import { codeField, ms } from './fields';

/** The `query` block: a Spark Structured Streaming query running on the micro-batch engine. */

const positiveMs = (what: string) => v.pipe(ms(what), v.minValue(1, 'must be at least 1 ms'));
const count = (what: string) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.description(what),
  );

const inputSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(40),
    v.description('The input’s name (the topic, or a label).'),
  ),
  source: v.optional(
    v.pipe(
      v.picklist(['kafka', 'producers'], 'must be "kafka" or "producers"'),
      v.description('Read the scenario’s Kafka topic, or the producers directly.'),
    ),
    'kafka',
  ),
  producers: v.optional(
    v.pipe(
      v.array(v.string()),
      v.description('producers source: which producers feed this input (empty: all).'),
    ),
    [],
  ),
  startingOffsets: v.optional(
    v.union(
      [
        v.picklist(['earliest', 'latest']),
        v.record(
          v.pipe(v.string(), v.regex(/^\d+$/, 'partition numbers are whole numbers')),
          v.pipe(v.number(), v.integer(), v.minValue(-2, 'an offset, or -2 (earliest) or -1 (latest)')),
        ),
      ],
      'must be "earliest", "latest" or offsets per partition like {"0": 5, "1": -2}',
    ),
    'earliest',
  ),
  maxOffsetsPerTrigger: v.optional(
    v.nullable(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
    null,
  ),
  delayMs: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number of milliseconds'),
      v.description('withWatermark delay on this input.'),
    ),
    10000,
  ),
  redefineDelayMs: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number of milliseconds'),
      v.description('A second withWatermark on this input, after the first.'),
    ),
  ),
});

const windowSchema = v.variant('kind', TIME_WINDOWS, 'kind must be "tumbling", "sliding" or "session"');

const operatorSchema = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('windowAggregation'),
      window: v.optional(windowSchema, { kind: 'tumbling', sizeMs: 10000 }),
      aggregate: v.optional(
        v.picklist(['count', 'sum', 'min', 'max', 'avg'], 'must be "count", "sum", "min", "max" or "avg"'),
        'count',
      ),
      keyed: v.optional(v.boolean(), true),
    }),
    v.strictObject({ kind: v.literal('dropDuplicates') }),
    v.strictObject({
      kind: v.literal('flatMapGroupsWithState'),
      fn: v.optional(v.picklist(['sessionCount', 'runningSum'], 'must be "sessionCount" or "runningSum"')),
      code: codeField('Your own function instead of fn: (key, values, state) => Seq(…), with a GroupState.'),
      stateType: v.optional(
        v.pipe(v.string(), v.maxLength(80), v.description('With code: the state’s Scala type.')),
      ),
      timeout: v.optional(
        v.picklist(
          ['none', 'processingTime', 'eventTime'],
          'must be "none", "processingTime" or "eventTime"',
        ),
        'processingTime',
      ),
      timeoutMs: v.optional(
        positiveMs('Timeout duration (processing time) or gap after the newest event (event time).'),
        10000,
      ),
    }),
  ],
  'kind must be "windowAggregation", "dropDuplicates" or "flatMapGroupsWithState"',
);

const triggerSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('processingTime'), intervalMs: ms('Trigger.ProcessingTime interval.') }),
    v.strictObject({ kind: v.literal('availableNow') }),
    v.strictObject({ kind: v.literal('default') }),
  ],
  'kind must be "processingTime", "availableNow" or "default"',
);

const sinkSchema = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('file'),
      path: v.optional(v.pipe(v.string(), v.startsWith('/', 'must start with /')), '/output'),
    }),
    v.strictObject({ kind: v.literal('console') }),
    v.strictObject({ kind: v.literal('foreachBatch'), idempotent: v.optional(v.boolean(), true) }),
    v.strictObject({ kind: v.literal('kafka'), topic: v.optional(v.string(), 'results') }),
  ],
  'kind must be "file", "console", "foreachBatch" or "kafka"',
);

const changeSchema = v.strictObject({
  maxOffsetsPerTrigger: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  trigger: v.optional(triggerSchema),
  delaysMs: v.optional(v.array(ms('withWatermark delay.'))),
  sink: v.optional(sinkSchema),
  operator: v.optional(operatorSchema),
  outputMode: v.optional(v.picklist(['append', 'update', 'complete'])),
  inputs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4))),
});

const faultSchema = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('driverCrash'),
      atMs: v.optional(ms('When the driver dies.')),
      atBatch: v.optional(
        v.strictObject({
          batchId: count('The batch it dies in.'),
          phase: v.picklist(
            ['beforeOffsets', 'midBatch', 'afterSink'],
            'must be "beforeOffsets", "midBatch" or "afterSink"',
          ),
        }),
      ),
      restartAfterMs: v.optional(ms('How long until the query is started again.'), 3000),
    }),
    v.strictObject({ kind: v.literal('executorLoss'), atMs: ms('When an executor dies.') }),
    v.strictObject({
      kind: v.literal('restart'),
      atMs: ms('When the query is stopped and started again.'),
      change: changeSchema,
    }),
  ],
  'kind must be "driverCrash", "executorLoss" or "restart"',
);

export const querySchema = v.strictObject({
  startAtMs: v.optional(ms('When start() runs.'), 0),
  inputs: v.optional(
    v.pipe(
      v.array(inputSchema),
      v.minLength(1, 'needs at least one input'),
      v.maxLength(4, 'at most 4 inputs'),
    ),
    [{ id: 'events' }],
  ),
  policy: v.optional(v.picklist(['min', 'max'], 'must be "min" or "max"'), 'min'),
  minValue: v.optional(
    v.nullable(v.pipe(v.number(), v.description('filter(value >= minValue) before the stateful operator.'))),
    null,
  ),
  map: v.optional(
    v.nullable(
      v.variant(
        'kind',
        [
          v.strictObject({
            kind: v.literal('keyPrefix'),
            chars: v.pipe(
              v.number(),
              v.integer('must be a whole number'),
              v.minValue(1, 'must be at least 1'),
              v.maxValue(40),
            ),
          }),
          v.strictObject({
            kind: v.literal('scaleValue'),
            factor: v.pipe(v.number(), v.finite('must be a number')),
          }),
        ],
        'kind must be "keyPrefix" or "scaleValue"',
      ),
    ),
    null,
  ),
  operator: v.optional(operatorSchema, { kind: 'windowAggregation' }),
  outputMode: v.optional(
    v.picklist(['append', 'update', 'complete'], 'must be "append", "update" or "complete"'),
    'append',
  ),
  trigger: v.optional(triggerSchema, { kind: 'processingTime', intervalMs: 5000 }),
  sink: v.optional(sinkSchema, { kind: 'file' }),
  checkpointLocation: v.optional(
    v.pipe(v.string(), v.startsWith('/', 'must start with /')),
    '/checkpoints/query',
  ),
  noDataBatches: v.optional(v.boolean(), true),
  allowMultiple: v.optional(v.boolean(), true),
  cores: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'), v.maxValue(64)), 2),
  perRowMs: v.optional(v.pipe(v.number(), v.minValue(0, 'must not be negative'), v.maxValue(10000)), 1),
  batchOverheadMs: v.optional(ms('Fixed cost of each batch’s job.'), 200),
  planMs: v.optional(ms('Reading the latest offsets and writing offsets/N.'), 50),
  commitMs: v.optional(ms('Writing commits/N.'), 50),
  faults: v.optional(v.pipe(v.array(faultSchema), v.maxLength(20)), []),
});

export type QueryParsed = v.InferOutput<typeof querySchema>;

export function normaliseQuery(q: QueryParsed): StructuredSpec {
  return {
    ...q,
    inputs: q.inputs.map((i) => ({
      id: i.id,
      source: i.source ?? 'kafka',
      producers: i.producers ?? [],
      startingOffsets: i.startingOffsets ?? 'earliest',
      maxOffsetsPerTrigger: i.maxOffsetsPerTrigger ?? null,
      // Two withWatermark calls on one stream (allowed only with allowMultiple = false): both
      // watermarks count and the global one is their minimum, i.e. the larger delay (EventTimeWatermarkSuite).
      delayMs: Math.max(i.delayMs ?? 10000, i.redefineDelayMs ?? Number.NEGATIVE_INFINITY),
      ...(i.redefineDelayMs !== undefined
        ? { firstDelayMs: i.delayMs ?? 10000, redefineDelayMs: i.redefineDelayMs }
        : {}),
    })),
    operator:
      q.operator.kind === 'windowAggregation'
        ? {
            kind: 'windowAggregation',
            window: q.operator.window ?? { kind: 'tumbling', sizeMs: 10000 },
            aggregate: q.operator.aggregate ?? 'count',
            keyed: q.operator.keyed ?? true,
          }
        : q.operator.kind === 'dropDuplicates'
          ? q.operator
          : {
              kind: 'flatMapGroupsWithState',
              fn: q.operator.fn ?? 'sessionCount',
              ...(q.operator.code !== undefined ? { code: q.operator.code } : {}),
              ...(q.operator.stateType !== undefined ? { stateType: q.operator.stateType } : {}),
              timeout: q.operator.timeout ?? 'processingTime',
              timeoutMs: q.operator.timeoutMs ?? 10000,
            },
    sink:
      q.sink.kind === 'file'
        ? { kind: 'file', path: q.sink.path ?? '/output' }
        : q.sink.kind === 'foreachBatch'
          ? { kind: 'foreachBatch', idempotent: q.sink.idempotent ?? true }
          : q.sink.kind === 'kafka'
            ? { kind: 'kafka', topic: q.sink.topic ?? 'results' }
            : q.sink,
    faults: q.faults.map((f) =>
      f.kind === 'driverCrash' ? { ...f, restartAfterMs: f.restartAfterMs ?? 3000 } : f,
    ),
  } as StructuredSpec;
}

/** The rules Spark checks when the query starts (UnsupportedOperationChecker, window(), the Kafka source). */
export function checkQuery(s: ScenarioSpec, add: (path: string, message: string) => void): void {
  const q = s.query;
  if (!q) return;
  const producers = new Set(s.producers.map((p) => p.id));
  q.inputs.forEach((input, i) => {
    const at = `query.inputs.${i}`;
    // Dataset.withWatermark: require(!IntervalUtils.isNegative(parsedDelay), s"delay threshold ($delayThreshold) should not be negative.")
    for (const [field, d] of [
      ['delayMs', input.firstDelayMs ?? input.delayMs],
      ['redefineDelayMs', input.redefineDelayMs],
    ] as const)
      if (d !== undefined && d < 0)
        add(
          `${at}.${field}`,
          `java.lang.IllegalArgumentException: requirement failed: delay threshold (${sparkInterval(d)}) should not be negative.`,
        );
    // A second withWatermark on a watermarked stream fails when the first batch is planned, unless
    // spark.sql.streaming.statefulOperator.allowMultiple is false (_LEGACY_ERROR_TEMP_3076).
    if (input.redefineDelayMs !== undefined && q.allowMultiple)
      add(
        `${at}.redefineDelayMs`,
        "org.apache.spark.sql.AnalysisException: Redefining watermark is disallowed. You can set the config 'spark.sql.streaming.statefulOperator.allowMultiple' to 'false' to restore the previous behavior. Note that multiple stateful operators will be disallowed.",
      );
    if (input.source === 'kafka' && !s.delivery)
      add(
        `${at}.source`,
        'reads the Kafka topic, but the scenario has none: add a "delivery" block with "model": "log", or read "producers"',
      );
    if (input.source === 'kafka' && s.delivery && typeof input.startingOffsets === 'object')
      for (const p of Object.keys(input.startingOffsets))
        if (Number(p) >= s.delivery.partitions)
          add(`${at}.startingOffsets.${p}`, `the topic has partitions 0–${s.delivery.partitions - 1}`);
    for (const p of input.producers)
      if (!producers.has(p)) add(`${at}.producers`, `"${p}" is not a producer of this scenario`);
  });
  const op = q.operator;
  if (op.kind === 'windowAggregation')
    checkWindowOffset(op.window, 'spark', 'query.operator.window.offsetMs', add);
  if (op.kind === 'windowAggregation' && op.window.kind === 'sliding' && op.window.slideMs > op.window.sizeMs)
    add(
      'query.operator.window.slideMs',
      `The slide duration (${op.window.slideMs} ms) must be less than or equal to the windowDuration (${op.window.sizeMs} ms) — Spark's window() rule`,
    );
  // "Update mode" as output mode is not supported (session windows — Structured Streaming guide).
  if (op.kind === 'windowAggregation' && op.window.kind === 'session' && q.outputMode === 'update')
    add(
      'query.outputMode',
      'Update mode is not supported with session windows (Spark’s guide): use "append" or "complete"',
    );
  // UnsupportedOperationChecker: "Complete output mode not supported when there are no streaming aggregations".
  if (op.kind !== 'windowAggregation' && q.outputMode === 'complete')
    add(
      'query.outputMode',
      'Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
    );
  q.faults.forEach((f, i) => {
    if (f.kind === 'driverCrash' && (f.atMs === undefined) === (f.atBatch === undefined))
      add(`query.faults.${i}`, 'a driver crash needs either "atMs" or "atBatch" (not both)');
  });
}
