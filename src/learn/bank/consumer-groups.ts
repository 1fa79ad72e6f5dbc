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
      "Partition 2's high watermark is 1500 and the group's committed offset for it is 1320. What is the group's lag on partition 2, as `kafka-consumer-groups.sh` reports it?",
    answer: 180,
    unit: 'records',
    // ConsumerGroupCommand: LAG = getLogEndOffsets (ListOffsets OffsetSpec.latest(), default
    // ListOffsetsOptions = READ_UNCOMMITTED) − committed offset; Partition.fetchOffsetForTimestamp answers
    // latest with the high watermark under READ_UNCOMMITTED (the last stable offset under READ_COMMITTED).
    explanation:
      'Lag is the high watermark minus the committed offset: 1500 − 1320 = 180 records the group could read but has not committed yet. It is measured to the high watermark, not to the leader’s log end offset, because no consumer can read past the high watermark. Growing lag means the group is falling behind.',
    hint: 'How many records lie between where the group will resume and the high watermark?',
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
  {
    id: 'consumer-groups-lag-to-high-watermark',
    topic: 'consumer-groups',
    kind: 'choice',
    prompt:
      'A partition’s leader holds offsets 0 to 119 (log end offset 120), but its in-sync follower has copied only up to offset 99, so the high watermark is 100. The group has committed offset 100. What lag does `kafka-consumer-groups.sh` report?',
    // ConsumerGroupCommand.getLogEndOffsets uses OffsetSpec.latest() with the default ListOffsetsOptions
    // (READ_UNCOMMITTED), which Partition.fetchOffsetForTimestamp answers with localLog.highWatermark;
    // the consumer's records-lag metric is SubscriptionState.partitionLag: highWatermark − position
    // (lastStableOffset − position under READ_COMMITTED).
    options: [
      {
        text: '20: lag counts every record the leader has, up to its log end offset.',
        why: 'Records above the high watermark are not committed yet and no consumer can read them, so counting them would show a lag the group cannot close. The tool’s LOG-END-OFFSET column is in fact the high watermark.',
      },
      {
        text: '0: the group has committed everything a consumer can read so far.',
        why: 'Right: lag is the high watermark minus the committed offset, 100 − 100 = 0. The 20 newer records count once every in-sync replica has them.',
      },
      {
        text: '100: lag is the committed offset itself.',
        why: 'The committed offset is a position, not a distance; lag is how far that position is behind the high watermark.',
      },
      {
        text: 'Nothing until the follower catches up.',
        why: 'The tool reports a lag at once, measured to the current high watermark.',
      },
    ],
    answer: 1,
    explanation:
      'This course measures lag as Kafka’s tools do: the high watermark minus the committed offset. `kafka-consumer-groups.sh` asks the broker for each partition’s latest offset, and the broker answers with the high watermark (for a read_committed client, the last stable offset), whatever the column is called. The consumer’s own `records-lag` metric uses the same end point, with its fetch position in place of the committed offset.',
    hint: 'Can any consumer fetch offset 110 yet?',
  },
  {
    id: 'consumer-groups-static-member-restart',
    topic: 'consumer-groups',
    kind: 'choice',
    prompt:
      'Consumer c1 is a static member (`group.instance.id=c1-host`) with `session.timeout.ms=45000`. It is restarted for an upgrade and is back 20 s later. What happens to its partitions?',
    // ConsumerConfig.GROUP_INSTANCE_ID_DOC: a static member; "only one instance with this ID is allowed in
    // the consumer group at any time. This can be used in combination with a larger session timeout to
    // avoid group rebalances caused by transient unavailability (e.g. process restarts)". KIP-345: a
    // static member sends no LeaveGroup, and rejoining with a known instance id returns its assignment.
    options: [
      {
        text: 'The group rebalances twice: when c1 leaves and when it rejoins.',
        why: 'That is what a dynamic member causes. A static member sends no LeaveGroup, and rejoining under the same id within the session timeout triggers no rebalance.',
      },
      {
        text: 'They move to the other members at once and stay there.',
        why: 'Nothing moves before the session timeout expires, and c1 is back before that.',
      },
      {
        text: 'They stay assigned to c1, which rejoins under the same id and resumes them from the committed offsets, with no rebalance.',
        why: 'Right: the coordinator recognises the `group.instance.id` and gives back the same assignment. While c1 was away nobody read its partitions, so their lag grew for 20 s.',
      },
      {
        text: 'The restart fails, because the old instance still holds the id.',
        why: 'Only one instance with that id may be in the group at a time, and the new process simply takes the old one’s place.',
      },
    ],
    answer: 2,
    explanation:
      'Static membership (KIP-345) trades quick failure detection for stability: a static member keeps its partitions through a restart shorter than `session.timeout.ms`, so rolling upgrades cause no rebalances. If it is not back in time, its session expires and the group rebalances as usual.',
    hint: 'What does the coordinator know about c1 while it is away?',
  },
  {
    id: 'consumer-groups-cooperative-revoked',
    topic: 'consumer-groups',
    kind: 'numeric',
    prompt:
      'A group of two members uses `CooperativeStickyAssignor` on a topic with 6 partitions, 3 each. A third member joins. How many partitions are revoked from their owners during the rebalance?',
    answer: 2,
    unit: 'partitions',
    // ConsumerPartitionAssignor.RebalanceProtocol: EAGER "requires a consumer to always revoke all its
    // owned partitions"; COOPERATIVE "allows a consumer to retain its currently owned partitions" and the
    // assignor "may indicate consumers the need for partition revocation so that the revoked partitions
    // can be reassigned to other consumers in the next rebalance event" (KIP-429). CooperativeStickyAssignor
    // follows the sticky assignment logic.
    explanation:
      'The sticky assignment moves as little as it can: the target is 2 partitions per member, so each old member gives up one. Under the cooperative protocol (KIP-429) members keep reading the partitions that stay theirs and revoke only those that move; a second rebalance hands the 2 revoked partitions to the newcomer. An eager assignor such as range would have all 6 revoked first, and nobody would read until the new assignment arrived.',
    hint: 'Each member ends up with 6 / 3 partitions.',
  },
  {
    id: 'consumer-groups-cooperative-steps',
    topic: 'consumer-groups',
    kind: 'order',
    prompt: 'A third member joins a group that uses `CooperativeStickyAssignor`. Put the rebalance in order.',
    // ConsumerPartitionAssignor.RebalanceProtocol#COOPERATIVE (KIP-429): owned partitions are kept while
    // rejoining; revoked partitions are reassigned "in the next rebalance event".
    items: [
      'The new member joins the group and a rebalance starts',
      'The existing members rejoin, still reading the partitions they own',
      'The new assignment tells each existing member which partitions to give up, and it revokes only those',
      'A second rebalance starts because partitions were revoked',
      'The revoked partitions are assigned to the new member',
    ],
    explanation:
      'A cooperative rebalance takes two rounds: the first only takes away what has to move, while everything else keeps being read; the second hands the freed partitions to their new owner.',
    hint: 'A partition must be given up before another member may take it.',
  },
];
