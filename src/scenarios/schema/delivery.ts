import * as v from 'valibot';
import { ms } from '../fields';
import { count } from './common';

/** Where arriving tuples go: a Kafka-style log (consumer groups, faults), or direct messaging or a queue. */

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
    // Kafka broker configs: a JoinGroup's session.timeout.ms must lie within group.min.session.timeout.ms
    // (6 s) and group.max.session.timeout.ms (30 min) by default; the consumer default is 45 s (KIP-735).
    ms(
      'session.timeout.ms: how long a crashed member keeps its partitions. A default broker accepts 6 s (group.min.session.timeout.ms) to 30 min; the simulator accepts shorter ones, as a broker with a lowered minimum would.',
    ),
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
