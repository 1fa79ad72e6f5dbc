import * as v from 'valibot';
import { eventTimeSchema } from './eventTimeSchema';
import { ms } from './fields';
import { streamingSchema } from './streamingSchema';

/**
 * The scenario file format (JSON). Every field is documented here; the same descriptions end up in
 * the exported JSON Schema (`public/scenario.schema.json`). Times are whole milliseconds.
 */
const probability = (what: string) =>
  v.pipe(
    v.number(),
    v.minValue(0, 'must be between 0 and 1'),
    v.maxValue(1, 'must be between 0 and 1'),
    v.description(what),
  );
const name = (what: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(80, 'must be at most 80 characters'),
    v.description(what),
  );

export const keyDistributionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('uniform') }),
  v.strictObject({
    kind: v.literal('zipf'),
    exponent: v.pipe(
      v.number(),
      v.minValue(0.1, 'must be at least 0.1'),
      v.maxValue(5, 'must be at most 5'),
      v.description('Skew: key i is picked with weight 1 / i^exponent.'),
    ),
  }),
  v.strictObject({
    kind: v.literal('hotKey'),
    key: v.optional(v.pipe(v.string(), v.description('The hot key; defaults to the first key.'))),
    share: probability('Fraction of tuples that carry the hot key.'),
  }),
]);

export const delaySchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('constant'), ms: ms('Every tuple takes exactly this long.') }),
  v.strictObject({ kind: v.literal('uniform'), minMs: ms('Shortest delay.'), maxMs: ms('Longest delay.') }),
  v.strictObject({
    kind: v.literal('exponential'),
    meanMs: ms('Mean of an exponentially distributed delay.'),
  }),
]);

export const payloadSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('structured'),
    keyColumn: v.optional(name('Column that holds the key.'), 'key'),
    valueColumn: v.optional(name('Column that holds the value.'), 'value'),
    unit: v.optional(v.pipe(v.string(), v.maxLength(12), v.description('Unit shown with the value.')), ''),
  }),
  v.strictObject({ kind: v.literal('semiStructured') }),
  v.strictObject({
    kind: v.literal('unstructured'),
    templates: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
        v.minLength(1, 'needs at least one template'),
        v.description('Lines of text; {key}, {value} and {time} are filled in.'),
      ),
      ['{key} {value}'],
    ),
  }),
]);

export const keysSchema = v.union(
  [
    v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(40, 'keys must be at most 40 characters'))),
      v.minLength(1, 'needs at least one key'),
      v.maxLength(10000, 'at most 10000 keys'),
    ),
    v.strictObject({
      count: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(10000),
        v.description('Number of keys.'),
      ),
      prefix: v.optional(v.pipe(v.string(), v.maxLength(30)), 'key-'),
    }),
  ],
  'must be a list of key strings or { "count": N, "prefix": "..." }',
);

export const producerSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, "_", "-" or "."'),
    v.description('Unique id; explicit tuples refer to it.'),
  ),
  label: v.optional(name('Name shown on the producer lane; defaults to the id.')),
  ratePerSec: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must not be negative'),
      v.maxValue(1_000_000, 'must be at most 1,000,000'),
      v.description('Events per second (0: only explicit tuples).'),
    ),
    1,
  ),
  arrivals: v.optional(
    v.pipe(
      v.picklist(['fixed', 'poisson'], 'must be "fixed" or "poisson"'),
      v.description('Evenly spaced events, or a Poisson process.'),
    ),
    'fixed',
  ),
  startMs: v.optional(ms('Event time of the first event.'), 0),
  stopMs: v.optional(ms('Events stop at this event time (exclusive); defaults to durationMs.')),
  keys: v.optional(keysSchema, ['a', 'b', 'c']),
  keyDistribution: v.optional(keyDistributionSchema, { kind: 'uniform' }),
  value: v.optional(
    v.strictObject({
      min: v.optional(
        v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(-1e12), v.maxValue(1e12)),
        0,
      ),
      max: v.optional(
        v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(-1e12), v.maxValue(1e12)),
        100,
      ),
      decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)), 0),
    }),
    { min: 0, max: 100, decimals: 0 },
  ),
  payload: v.optional(payloadSchema, {
    kind: 'structured',
    keyColumn: 'key',
    valueColumn: 'value',
    unit: '',
  }),
  delay: v.optional(delaySchema, { kind: 'constant', ms: 0 }),
  jitter: v.optional(
    v.strictObject({
      probability: probability('Chance that a tuple is held back (out-of-order).'),
      maxMs: ms('Longest extra hold-back.'),
    }),
    { probability: 0, maxMs: 0 },
  ),
  offline: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          fromMs: ms('Producer goes offline.'),
          toMs: ms('Producer reconnects and backfills.'),
        }),
      ),
      v.maxLength(100),
      v.description('Periods without connection; events are buffered and sent on reconnect.'),
    ),
    [],
  ),
  dropProbability: v.optional(probability('Chance that the network loses a tuple.'), 0),
  keyed: v.optional(
    v.pipe(
      v.boolean(),
      v.description('Records carry the key to the broker (false: null keys, sticky partitioning).'),
    ),
    true,
  ),
});

const count = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
    v.description(what),
  );
const memberId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, "_", "-" or "."'),
);

export const consumerGroupSchema = v.strictObject({
  id: v.pipe(memberId, v.description('group.id')),
  assignor: v.optional(
    v.picklist(
      ['range', 'roundrobin', 'cooperative-sticky'],
      'must be "range", "roundrobin" or "cooperative-sticky"',
    ),
    'range',
  ),
  autoOffsetReset: v.optional(
    v.picklist(['earliest', 'latest'], 'must be "earliest" or "latest"'),
    'earliest',
  ),
  commitMode: v.optional(
    v.pipe(
      v.picklist(
        ['auto', 'afterProcessing', 'beforeProcessing'],
        'must be "auto", "afterProcessing" or "beforeProcessing"',
      ),
      v.description(
        'enable.auto.commit, commitSync after each processed batch, or commit before processing.',
      ),
    ),
    'auto',
  ),
  autoCommitIntervalMs: v.optional(ms('auto.commit.interval.ms'), 5000),
  sessionTimeoutMs: v.optional(
    ms('session.timeout.ms: how long a crashed member keeps its partitions.'),
    10000,
  ),
  maxPollRecords: v.optional(count('max.poll.records', 1, 10000), 50),
  pollIntervalMs: v.optional(
    v.pipe(ms('Time between polls of an idle consumer.'), v.minValue(1, 'must be at least 1 ms')),
    500,
  ),
  processingMsPerRecord: v.optional(ms('Time the application takes per record (0: instant).'), 20),
  members: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(memberId, v.description('Member name.')),
        instanceId: v.optional(v.pipe(memberId, v.description('group.instance.id (static membership).'))),
        joinAtMs: v.optional(ms('When the member starts.'), 0),
      }),
    ),
    v.minLength(1, 'a group needs at least one member'),
    v.maxLength(16, 'at most 16 members'),
  ),
});

export const faultSchema = v.variant('kind', [
  v.strictObject({
    atMs: ms('When the fault happens.'),
    kind: v.picklist(['crashBroker', 'restartBroker']),
    broker: count('Broker id (0-based).', 0, 4),
  }),
  v.strictObject({
    atMs: ms('When the fault happens.'),
    kind: v.picklist(['crashConsumer', 'restartConsumer', 'addConsumer', 'removeConsumer']),
    group: memberId,
    member: memberId,
  }),
]);

export const messagingSchema = v.strictObject({
  model: v.pipe(
    v.picklist(
      ['direct', 'queue'],
      'must be "direct" (push to online consumers) or "queue" (a broker that deletes on acknowledgement)',
    ),
    v.description('Messaging model.'),
  ),
  consumers: v.pipe(
    v.array(v.strictObject({ id: v.pipe(memberId, v.description('Consumer name.')) })),
    v.minLength(1, 'needs at least one consumer'),
    v.maxLength(8, 'at most 8 consumers'),
  ),
  processingMsPerRecord: v.optional(
    ms('Queue: time a consumer takes per message before acknowledging it.'),
    200,
  ),
  faults: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          atMs: ms('When it happens.'),
          kind: v.picklist(
            ['crashConsumer', 'restartConsumer'],
            'must be "crashConsumer" or "restartConsumer"',
          ),
          consumer: memberId,
        }),
      ),
      v.maxLength(200),
    ),
    [],
  ),
});

export const logDeliverySchema = v.strictObject({
  model: v.pipe(
    v.literal('log', 'must be "log" (a Kafka-style partitioned, replicated log)'),
    v.description('Delivery model.'),
  ),
  brokers: v.optional(count('Number of brokers.', 1, 5), 3),
  partitions: v.optional(count('Partitions of the topic.', 1, 16), 3),
  replicationFactor: v.optional(count('Replicas of each partition.', 1, 5), 2),
  minInsyncReplicas: v.optional(count('min.insync.replicas', 1, 5), 1),
  replicaLagTimeMaxMs: v.optional(ms('replica.lag.time.max.ms'), 30000),
  replicaFetchDelayMs: v.optional(ms('How far behind the leader followers fetch.'), 200),
  acks: v.optional(v.union([v.literal(0), v.literal(1), v.literal('all')], 'must be 0, 1 or "all"'), 'all'),
  unkeyedPartitioner: v.optional(
    v.picklist(['sticky', 'roundRobin'], 'must be "sticky" or "roundRobin"'),
    'sticky',
  ),
  stickyBatchRecords: v.optional(
    count('Records per sticky batch before switching partition.', 1, 100000),
    16,
  ),
  groups: v.optional(v.pipe(v.array(consumerGroupSchema), v.maxLength(4, 'at most 4 groups')), []),
  faults: v.optional(v.pipe(v.array(faultSchema), v.maxLength(200)), []),
  retention: v.optional(
    v.strictObject({
      ms: v.optional(
        v.nullable(ms('retention.ms: delete segments whose newest record is older (null: forever).')),
        null,
      ),
      records: v.optional(
        v.nullable(count('retention.bytes, counted in records (null: no limit).', 0, 10_000_000)),
        null,
      ),
      segmentRecords: v.optional(
        count('Records per log segment (segment.bytes, counted in records).', 1, 1_000_000),
        50,
      ),
    }),
    { ms: null, records: null, segmentRecords: 50 },
  ),
});

const jsonValue: v.GenericSchema = v.lazy(() =>
  v.union([
    v.null(),
    v.boolean(),
    v.number(),
    v.pipe(v.string(), v.maxLength(1000)),
    v.array(jsonValue),
    v.record(v.string(), jsonValue),
  ]),
);

export const explicitTupleSchema = v.strictObject({
  producer: v.optional(
    v.pipe(v.string(), v.description('Producer lane; defaults to "scripted".')),
    'scripted',
  ),
  key: v.pipe(v.string(), v.maxLength(40), v.description('The tuple key.')),
  value: v.pipe(jsonValue, v.description('The tuple value: a number, or any JSON value.')),
  eventTime: ms('When the event happened at the source.'),
  arrivalTime: ms('When it reaches the stream processor (processing time); not before eventTime.'),
});

export const scenarioSchema = v.strictObject({
  $schema: v.optional(v.string()),
  version: v.pipe(
    v.literal(1, 'must be 1 (the only format version so far)'),
    v.description('Format version.'),
  ),
  name: name('Title of the scenario.'),
  description: v.optional(
    v.pipe(v.string(), v.maxLength(2000), v.description('What the scenario shows.')),
    '',
  ),
  durationMs: v.pipe(
    ms('Length of the run in processing time; a whole number of ticks.'),
    v.minValue(1, 'must be at least 1 ms'),
    v.maxValue(24 * 3600 * 1000, 'must be at most 24 hours'),
  ),
  tickMs: v.optional(
    v.pipe(
      ms('Length of one simulation step.'),
      v.minValue(1, 'must be at least 1 ms'),
      v.maxValue(60000, 'must be at most 60000 ms'),
    ),
    100,
  ),
  seed: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(0),
      v.maxValue(2 ** 31 - 1),
      v.description('Default seed for random choices.'),
    ),
    1,
  ),
  lateness: v.optional(
    v.strictObject({
      boundMs: ms('A tuple more than this far behind the newest event time is marked late.'),
    }),
    { boundMs: 2000 },
  ),
  producers: v.optional(v.pipe(v.array(producerSchema), v.maxLength(16, 'at most 16 producers')), []),
  tuples: v.optional(
    v.pipe(v.array(explicitTupleSchema), v.maxLength(10000, 'at most 10000 explicit tuples')),
    [],
  ),
  delivery: v.optional(
    v.pipe(
      logDeliverySchema,
      v.description('Where arriving tuples go; absent: straight to the stream processor.'),
    ),
  ),
  messaging: v.optional(
    v.pipe(messagingSchema, v.description('Direct messaging or a queue broker instead of a log.')),
  ),
  streaming: v.optional(
    v.pipe(streamingSchema, v.description('A Spark Streaming application (DStreams) reading the run.')),
  ),
  eventTime: v.optional(
    v.pipe(eventTimeSchema, v.description('An event-time windowed aggregation with watermarks.')),
  ),
});

export type ScenarioInput = v.InferInput<typeof scenarioSchema>;
export type ScenarioParsed = v.InferOutput<typeof scenarioSchema>;
