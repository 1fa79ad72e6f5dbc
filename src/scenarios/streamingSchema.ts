import * as v from 'valibot';
import type { ScenarioSpec, StreamingSpec, StreamOpKind, StreamOpSpec } from '../engine';
import { codeField, ms } from './fields';
import { isReservedName } from './reservedNames';

/** The `streaming` block of a scenario: a Spark Streaming application and its DStream program. */

const positiveMs = (what: string) => v.pipe(ms(what), v.minValue(1, 'must be at least 1 ms'));

export const STREAM_OPS: readonly StreamOpKind[] = [
  'kafkaDirectStream',
  'receiverStream',
  'producerStream',
  'map',
  'flatMap',
  'filter',
  'reduceByKey',
  'countByValue',
  'union',
  'transform',
  'window',
  'reduceByKeyAndWindow',
  'countByWindow',
  'countByValueAndWindow',
  'updateStateByKey',
  'mapWithState',
  'groupByKey',
  'groupByKeyAndWindow',
  'print',
  'foreachRDD',
  'sink',
];

const identifier = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,39}$/,
    'must be a variable name: a letter or "_", then letters, digits or "_"',
  ),
);

/** A state value in a file: a number, text, true/false, or an array for a tuple (the engine checks it against the state's type). */
const stateJson = v.union(
  [
    v.number(),
    v.pipe(v.string(), v.maxLength(80)),
    v.boolean(),
    v.pipe(v.array(v.unknown()), v.maxLength(22)),
  ],
  'must be a number, a text, true/false or an array',
);

export const streamOpSchema = v.strictObject({
  id: v.pipe(identifier, v.description('The variable this DStream is assigned to in the generated code.')),
  op: v.pipe(
    v.picklist(STREAM_OPS, `must be one of: ${STREAM_OPS.join(', ')}`),
    v.description('The DStream operation.'),
  ),
  input: v.optional(v.pipe(identifier, v.description('The DStream it is applied to.'))),
  other: v.optional(v.pipe(identifier, v.description('union: the other DStream.'))),
  fn: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(40),
      v.description('map / flatMap / filter / transform / foreachRDD: the function.'),
    ),
  ),
  code: codeField('Your own function instead of fn or reduce, e.g. (k, v) => (k, v * 2).'),
  stateType: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(80),
      v.description(
        'updateStateByKey / mapWithState with code: the state’s type, as Scala writes it (default: the values’ type).',
      ),
    ),
  ),
  checkpointMs: v.optional(positiveMs('DStream.checkpoint(interval): how often its RDDs are checkpointed.')),
  arg: v.optional(
    v.union([v.number(), v.pipe(v.string(), v.maxLength(80))], 'must be a number or a text'),
    undefined,
  ),
  reduce: v.optional(v.picklist(['sum', 'max', 'min'], 'must be "sum", "max" or "min"')),
  windowMs: v.optional(positiveMs('Window length.')),
  slideMs: v.optional(positiveMs('Slide interval (default: the parent’s slide, i.e. every batch).')),
  inverse: v.optional(v.pipe(v.boolean(), v.description('reduceByKeyAndWindow with an inverse function.'))),
  filterZero: v.optional(
    v.pipe(v.boolean(), v.description('With an inverse function: drop keys whose value is 0.')),
  ),
  num: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(100, 'must be at most 100'),
    ),
  ),
  maxRatePerPartition: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must not be negative'),
      v.description('spark.streaming.kafka.maxRatePerPartition (0: no cap).'),
    ),
  ),
  startingOffsets: v.optional(v.picklist(['earliest', 'latest'], 'must be "earliest" or "latest"')),
  blockIntervalMs: v.optional(positiveMs('spark.streaming.blockInterval.')),
  writeAheadLog: v.optional(v.boolean()),
  producers: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(16))),
  guarantee: v.optional(
    v.picklist(
      ['atMostOnce', 'atLeastOnce', 'idempotent', 'transactional'],
      'must be "atMostOnce", "atLeastOnce", "idempotent" or "transactional"',
    ),
  ),
  timeoutMs: v.optional(positiveMs('StateSpec.timeout: idle keys time out (at checkpointed batches).')),
  initialState: v.optional(
    v.pipe(
      v.array(v.tuple([v.pipe(v.string(), v.maxLength(80)), stateJson], 'must be [key, state] pairs')),
      v.maxLength(200, 'at most 200 keys'),
      v.description('Initial state as [key, state] pairs (a tuple state is an array).'),
    ),
  ),
});

export const streamingSchema = v.strictObject({
  batchIntervalMs: v.pipe(
    positiveMs('The batch interval of the StreamingContext.'),
    v.maxValue(3_600_000, 'must be at most one hour'),
  ),
  startAtMs: v.optional(ms('When ssc.start() is called.'), 0),
  checkpointDir: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200))),
    null,
  ),
  cores: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(64, 'must be at most 64'),
      v.description('Executor cores (local[n]).'),
    ),
    2,
  ),
  perRecordMs: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must not be negative'),
      v.maxValue(10_000, 'must be at most 10000'),
      v.description('Processing time per input record.'),
    ),
    1,
  ),
  jobOverheadMs: v.optional(ms('Fixed processing time of every job.'), 20),
  backpressure: v.optional(
    v.strictObject({
      enabled: v.optional(v.boolean(), false),
      initialRate: v.optional(v.pipe(v.number(), v.minValue(0, 'must not be negative')), 0),
    }),
    { enabled: false, initialRate: 0 },
  ),
  receiverMaxRate: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must not be negative'),
      v.description('spark.streaming.receiver.maxRate (0: no limit).'),
    ),
    0,
  ),
  faults: v.optional(
    v.pipe(
      v.array(
        v.variant(
          'kind',
          [
            v.strictObject({
              atMs: ms('When the driver dies.'),
              kind: v.literal('driverCrash'),
              restartAfterMs: v.optional(ms('How long until the driver is back.'), 2000),
            }),
            v.strictObject({ atMs: ms('When an executor dies.'), kind: v.literal('executorLoss') }),
            v.strictObject({
              atMs: ms('When the receivers fail.'),
              kind: v.literal('receiverFailure'),
              downMs: v.optional(ms('How long they stay down.'), 2000),
            }),
          ],
          'kind must be "driverCrash", "executorLoss" or "receiverFailure"',
        ),
      ),
      v.maxLength(10, 'at most 10 failures'),
    ),
    [],
  ),
  pipeline: v.pipe(
    v.array(streamOpSchema),
    v.minLength(1, 'a pipeline needs at least an input stream'),
    v.maxLength(40, 'at most 40 operations'),
  ),
});

export type StreamingParsed = v.InferOutput<typeof streamingSchema>;

/** Which fields each operation takes; any other is reported. Required ones first. */
const FIELDS: Record<
  StreamOpKind,
  { required: readonly (keyof StreamOpSpec)[]; optional: readonly (keyof StreamOpSpec)[] }
> = {
  kafkaDirectStream: { required: [], optional: ['maxRatePerPartition', 'startingOffsets'] },
  receiverStream: { required: [], optional: ['blockIntervalMs', 'writeAheadLog', 'producers'] },
  producerStream: { required: [], optional: ['producers'] },
  map: { required: ['input'], optional: ['fn', 'code', 'arg', 'checkpointMs'] },
  flatMap: { required: ['input'], optional: ['fn', 'code', 'arg', 'checkpointMs'] },
  filter: { required: ['input'], optional: ['fn', 'code', 'arg', 'checkpointMs'] },
  reduceByKey: { required: ['input'], optional: ['reduce', 'code', 'checkpointMs'] },
  countByValue: { required: ['input'], optional: [] },
  union: { required: ['input', 'other'], optional: [] },
  transform: { required: ['input', 'fn'], optional: [] },
  window: { required: ['input', 'windowMs'], optional: ['slideMs'] },
  reduceByKeyAndWindow: {
    required: ['input', 'windowMs'],
    optional: ['slideMs', 'reduce', 'code', 'inverse', 'filterZero', 'checkpointMs'],
  },
  groupByKey: { required: ['input'], optional: ['checkpointMs'] },
  groupByKeyAndWindow: { required: ['input', 'windowMs'], optional: ['slideMs', 'checkpointMs'] },
  countByWindow: { required: ['input', 'windowMs'], optional: ['slideMs'] },
  countByValueAndWindow: { required: ['input', 'windowMs'], optional: ['slideMs'] },
  print: { required: ['input'], optional: ['num'] },
  foreachRDD: { required: ['input', 'fn'], optional: [] },
  updateStateByKey: {
    required: ['input'],
    optional: ['fn', 'code', 'stateType', 'initialState', 'checkpointMs'],
  },
  mapWithState: {
    required: ['input'],
    optional: ['fn', 'code', 'stateType', 'timeoutMs', 'initialState', 'checkpointMs'],
  },
  sink: { required: ['input'], optional: ['guarantee'] },
};

export function fieldsOf(op: StreamOpKind) {
  return FIELDS[op];
}

/** Fills Spark's defaults (print shows 10, blockInterval 200 ms, auto.offset.reset "latest"). */
export function normaliseStreaming(s: StreamingParsed): StreamingSpec {
  return {
    ...s,
    pipeline: s.pipeline.map((o) => {
      const op: StreamOpSpec = Object.fromEntries(
        Object.entries(o).filter(([, x]) => x !== undefined),
      ) as unknown as StreamOpSpec;
      switch (o.op) {
        case 'kafkaDirectStream':
          return {
            ...op,
            maxRatePerPartition: o.maxRatePerPartition ?? 0,
            startingOffsets: o.startingOffsets ?? 'latest',
          };
        case 'receiverStream':
          return {
            ...op,
            blockIntervalMs: o.blockIntervalMs ?? 200,
            writeAheadLog: o.writeAheadLog ?? false,
          };
        case 'reduceByKey':
          return o.code === undefined ? { ...op, reduce: o.reduce ?? 'sum' } : op;
        case 'reduceByKeyAndWindow':
          return {
            ...op,
            ...(o.code === undefined ? { reduce: o.reduce ?? 'sum' } : {}),
            inverse: o.inverse ?? false,
            filterZero: o.filterZero ?? false,
          };
        case 'print':
          return { ...op, num: o.num ?? 10 };
        case 'sink':
          return { ...op, guarantee: o.guarantee ?? 'atLeastOnce' };
        default:
          return op;
      }
    }),
  };
}

/** Rules a schema cannot express. Spark's own rules (window multiples, checkpointing) are left to the engine, which reports them as Spark does. */
export function checkStreaming(s: ScenarioSpec, add: (path: string, message: string) => void): void {
  const st = s.streaming;
  if (!st) return;
  const crashes = [...(st.faults ?? [])].map((f) => f.atMs);
  crashes.forEach((t, i) => {
    if (i > 0 && t < crashes[i - 1]!)
      add(`streaming.faults[${i}].atMs`, 'failures must be listed in time order');
    if (t >= s.durationMs)
      add(`streaming.faults[${i}].atMs`, `must be before the end of the run (${s.durationMs} ms)`);
  });
  if (st.batchIntervalMs % s.tickMs !== 0)
    add('streaming.batchIntervalMs', `must be a whole number of ticks (a multiple of tickMs = ${s.tickMs})`);
  if (st.startAtMs >= s.durationMs)
    add('streaming.startAtMs', `must be before the end of the run (${s.durationMs} ms)`);
  const ids = new Set<string>();
  const producerIds = new Set(s.producers.map((p) => p.id));
  st.pipeline.forEach((o, i) => {
    const at = `streaming.pipeline[${i}]`;
    if (ids.has(o.id)) add(`${at}.id`, `"${o.id}" is already used by an earlier operation`);
    else if (isReservedName(o.id))
      add(
        `${at}.id`,
        `"${o.id}" is a reserved word in Scala or Python (or names the context); choose another name`,
      );
    ids.add(o.id);
    const { required, optional } = FIELDS[o.op];
    for (const f of required) if (o[f] === undefined) add(`${at}.${f}`, `is required for ${o.op}`);
    for (const [f, x] of Object.entries(o)) {
      if (x === undefined || f === 'id' || f === 'op') continue;
      if (!required.includes(f as keyof StreamOpSpec) && !optional.includes(f as keyof StreamOpSpec))
        add(`${at}.${f}`, `does not apply to ${o.op}`);
    }
    // map, flatMap, filter and the state operations take a catalogue function or the learner's code.
    const takesFn = optional.includes('fn');
    if (takesFn && o.fn === undefined && o.code === undefined)
      add(`${at}.fn`, `${o.op} needs "fn" (from the catalogue) or "code" (your own)`);
    if (o.fn !== undefined && o.code !== undefined) add(`${at}.code`, 'give "fn" or "code", not both');
    if (o.reduce !== undefined && o.code !== undefined)
      add(`${at}.code`, 'give "reduce" or "code", not both');
    if (o.stateType !== undefined && o.code === undefined) add(`${at}.stateType`, 'applies only with "code"');
    if (o.op === 'kafkaDirectStream' && s.delivery === undefined)
      add(`${at}.op`, 'kafkaDirectStream reads a Kafka topic: add a "delivery" block with "model": "log"');
    (o.producers ?? []).forEach((p, j) => {
      if (!producerIds.has(p)) add(`${at}.producers[${j}]`, `"${p}" is not one of the producers`);
    });
  });
}
