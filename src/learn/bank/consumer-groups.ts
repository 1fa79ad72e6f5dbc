import type { StaticQuestion } from '../types';

export const consumerGroupsQuestions: readonly StaticQuestion[] = [
  {
    id: 'consumer-groups-idle-members',
    topic: 'consumer-groups',
    kind: 'numeric',
    prompt:
      'A topic has 4 partitions. A consumer group with 6 members subscribes to it. How many members get no partition at all?',
    answer: 2,
    unit: 'consumers',
    explanation:
      'Within a group each partition goes to exactly one member, so at most 4 members can have work; 6 − 4 = 2 stay idle (as standbys for a rebalance).',
    hint: 'Can two members of the same group share one partition?',
  },
  {
    id: 'consumer-groups-commit-offset',
    topic: 'consumer-groups',
    kind: 'numeric',
    prompt:
      "A consumer has processed partition 0's records up to and including offset 41. Which offset should it commit so the group resumes at the right record?",
    answer: 42,
    explanation:
      'A committed offset is the position of the next record to read, not the last one processed: 41 + 1 = 42. Committing 41 would make the record at 41 be read again after a restart.',
    hint: 'The committed offset is where reading resumes.',
  },
  {
    id: 'consumer-groups-lag',
    topic: 'consumer-groups',
    kind: 'numeric',
    prompt:
      "Partition 2's log end offset is 1500 and the group's committed offset for it is 1320. What is the group's lag on partition 2?",
    answer: 180,
    unit: 'records',
    explanation:
      'Lag is log end offset minus committed offset: 1500 − 1320 = 180 records written but not yet committed by the group. Growing lag means the group is falling behind.',
    hint: 'How many records lie between where the group will resume and the end of the log?',
  },
  {
    id: 'consumer-groups-commit-before-processing',
    topic: 'consumer-groups',
    kind: 'choice',
    prompt:
      'A consumer commits its offsets as soon as `poll()` returns, before processing the records. It crashes half-way through a batch. Which delivery guarantee does this give?',
    options: [
      {
        text: 'At-least-once',
        why: 'At-least-once needs processing before committing, so that a crash causes rereading, not skipping.',
      },
      {
        text: 'Exactly-once',
        why: 'Exactly-once needs processing and commit to happen atomically (for example in a Kafka transaction or with an idempotent sink).',
      },
      {
        text: 'At-most-once',
        why: 'Right: the unprocessed half of the batch was already committed, so the member that takes over skips it; nothing is processed twice, but records can be lost.',
      },
      {
        text: 'No guarantee: records can be both lost and duplicated.',
        why: 'Committing first can lose records but never duplicates them, since no committed record is read again.',
      },
    ],
    answer: 2,
    explanation:
      'Commit then process gives at-most-once (a crash loses the uncommitted work); process then commit gives at-least-once (a crash repeats it). Exactly-once needs both steps to succeed or fail together.',
    hint: 'After the crash, where does the next reader start?',
  },
  {
    id: 'consumer-groups-two-groups',
    topic: 'consumer-groups',
    kind: 'choice',
    prompt: 'Groups `billing` and `analytics` both subscribe to the topic `orders`. Who receives an order?',
    options: [
      {
        text: 'Exactly one consumer in total, across both groups.',
        why: 'Groups are independent: each keeps its own offsets and receives every record.',
      },
      {
        text: 'One member of `billing` and one member of `analytics`.',
        why: "Right: every group gets every record, and within a group the record's partition belongs to one member.",
      },
      {
        text: 'Every member of both groups.',
        why: 'Within a group, each partition is read by only one member, so members of a group split the records.',
      },
      {
        text: 'Only the group that subscribed first.',
        why: 'Subscription order does not matter; reading does not remove records from the log.',
      },
    ],
    answer: 1,
    explanation:
      'Consumer groups give Kafka both messaging models: publish/subscribe between groups and a shared queue among the members of one group.',
    hint: 'Think of the groups as separate subscribers, and of the members of a group as sharing the work.',
  },
  {
    id: 'consumer-groups-offset-reset-latest',
    topic: 'consumer-groups',
    kind: 'choice',
    prompt:
      'A brand-new consumer group, with no committed offsets, starts with `auto.offset.reset=latest` (the default). Which records does it read?',
    options: [
      {
        text: 'All records still in the log, from the beginning.',
        why: 'That is `auto.offset.reset=earliest`.',
      },
      {
        text: 'It fails because there is no committed offset.',
        why: 'That is `auto.offset.reset=none`, which throws an exception when no offset is found.',
      },
      {
        text: 'Nothing, until an offset is committed by hand.',
        why: 'The reset policy exists exactly so that a group without offsets can start on its own.',
      },
      {
        text: 'Only records written after it starts.',
        why: 'Right: latest starts at the end of each partition, so older records are skipped.',
      },
    ],
    answer: 3,
    explanation:
      'auto.offset.reset only applies when a group has no valid committed offset for a partition: earliest starts from the oldest retained record, latest from the end of the log.',
    hint: 'The setting is named after where in the log it starts.',
  },
  {
    id: 'consumer-groups-offset-reset-name',
    topic: 'consumer-groups',
    kind: 'short',
    prompt:
      'Which Kafka consumer setting decides where a group starts reading a partition for which it has no committed offset?',
    accept: ['auto.offset.reset', 'auto offset reset'],
    explanation:
      'auto.offset.reset is earliest, latest (the default) or none. Once the group has committed an offset, it resumes from there and the setting no longer matters.',
    hint: 'It is "reset" because the position is reset when none is found.',
  },
  {
    id: 'consumer-groups-rebalance-after-crash',
    topic: 'consumer-groups',
    kind: 'order',
    prompt: 'Consumer c1 of a two-member group crashes. Put what follows in order.',
    items: [
      'c1 stops sending heartbeats',
      'The session timeout expires and the group coordinator removes c1 from the group',
      "The group rebalances and c1's partitions are assigned to c2",
      "c2 resumes c1's partitions from their last committed offsets",
      'Records c1 had processed but not committed are processed again by c2',
    ],
    explanation:
      'The coordinator only notices a crash when the session times out; the rebalance then hands the partitions over, and the new owner starts from the committed offsets, which is why uncommitted work is repeated (at-least-once).',
    hint: 'The new owner knows only what was committed.',
    frame: { scenario: 'kafka-failover', timeMs: 16_500 },
  },
];
