import type { StaticQuestion } from '../types';

export const replicationQuestions: readonly StaticQuestion[] = [
  {
    id: 'replication-leader-failover',
    topic: 'replication',
    kind: 'choice',
    prompt:
      'Broker 0 crashes. It led some partitions, each of which has a follower in the ISR on another broker. What happens to those partitions?',
    options: [
      {
        text: 'They stay offline until broker 0 restarts.',
        why: 'That only happens when no other in-sync replica exists; here each partition has one.',
      },
      {
        text: 'Producers write to any surviving replica, and the replicas merge their logs later.',
        why: 'Kafka always has a single leader per partition; writes go only to it.',
      },
      {
        text: 'A new leader is elected from the surviving in-sync replicas, and clients switch to it.',
        why: 'Right: the controller picks a new leader from the ISR, so no committed record is lost and the partition stays available.',
      },
      {
        text: "Consumers read from the followers, but producers wait for broker 0's return.",
        why: 'Once a follower is elected leader it takes both reads and writes; nobody waits for the old leader.',
      },
    ],
    answer: 2,
    explanation:
      'Replication lets a partition survive a broker crash: a follower that is in sync already has every committed record, so it can take over as leader.',
    hint: 'Which replicas are safe to promote?',
    frame: { scenario: 'kafka-failover', timeMs: 8500 },
  },
  {
    id: 'replication-acks-1-loss',
    topic: 'replication',
    kind: 'choice',
    prompt:
      'A producer uses `acks=1`. The leader appends a record and acknowledges it, then crashes before any follower has copied it. A follower becomes the new leader. What happens to the record?',
    options: [
      {
        text: 'It is lost, although the producer was told it was written.',
        why: 'Right: with acks=1 only the leader had it, and the new leader never received it.',
      },
      {
        text: 'It is safe, because acks=1 waits for one follower to copy it.',
        // ProducerConfig.ACKS_DOC: acks=all waits for "the full set of in-sync replicas", leader included.
        why: 'acks=1 waits for the leader alone; waiting for the whole ISR (the leader and its in-sync followers) is acks=all.',
      },
      {
        text: "The new leader fetches it from the crashed broker's disk.",
        why: 'A crashed broker serves nothing; when it returns, it truncates its log to match the new leader.',
      },
      {
        text: 'The producer notices the crash and sends the record again.',
        why: 'The producer already got its acknowledgement, so it has no reason to resend.',
      },
    ],
    answer: 0,
    explanation:
      'acks=1 acknowledges once the leader has the record, so a leader crash before replication can lose acknowledged data. acks=all (with min.insync.replicas) closes that window.',
    hint: 'How many copies existed at the moment of the acknowledgement?',
  },
  {
    id: 'replication-unclean-election',
    topic: 'replication',
    kind: 'choice',
    prompt:
      'All in-sync replicas of a partition are down; only an out-of-sync follower is alive. With `unclean.leader.election.enable=false` (the default), what does Kafka do?',
    options: [
      {
        text: 'Elects the out-of-sync follower at once.',
        why: 'That is unclean leader election, which is what this setting turns off: the follower lacks committed records.',
      },
      {
        text: 'Elects the follower and fetches its missing records from the producers.',
        why: 'Producers do not keep records they have already had acknowledged.',
      },
      {
        text: 'Deletes the partition and creates an empty one.',
        why: 'Kafka never deletes a partition because of failures.',
      },
      {
        text: 'Keeps the partition unavailable until an in-sync replica returns, rather than lose committed records.',
        why: 'Right: consistency over availability. Enabling unclean election would trade lost records for availability.',
      },
    ],
    answer: 3,
    explanation:
      'Only in-sync replicas are guaranteed to hold every committed record. Electing an out-of-sync one (unclean election) restores availability at the cost of losing the records it is missing.',
    hint: 'What would the out-of-sync follower be missing?',
  },
  {
    id: 'replication-rf-tolerates',
    topic: 'replication',
    kind: 'numeric',
    prompt:
      'A partition has replication factor 3 and all its replicas are in sync. How many of its brokers can fail without losing any record acknowledged with `acks=all`?',
    answer: 2,
    unit: 'brokers',
    explanation:
      'With acks=all every acknowledged record is on all in-sync replicas, here 3; as long as one survives, it has them all: 3 − 1 = 2 failures.',
    hint: 'How many copies of each acknowledged record exist?',
  },
  {
    id: 'replication-min-isr-writes',
    topic: 'replication',
    kind: 'numeric',
    prompt:
      "Replication factor 3, `min.insync.replicas=2`, producers use `acks=all`. How many of the partition's replica brokers can be down while writes still succeed?",
    answer: 1,
    unit: 'brokers',
    explanation:
      'Writes with acks=all need at least min.insync.replicas = 2 in-sync replicas; 3 − 2 = 1 may be down. This is the usual setting: one failure is tolerated without losing durability or availability.',
    hint: 'Subtract the minimum number of in-sync replicas from the replication factor.',
    // kafka-rf3 at 7 s: broker 1 is down, every partition keeps two in-sync replicas and writes go
    // on (kafka-min-isr, with replication factor 2, refuses them: the contrast).
    frame: { scenario: 'kafka-rf3', timeMs: 7000 },
  },
  {
    id: 'replication-not-enough-replicas',
    topic: 'replication',
    kind: 'choice',
    prompt:
      'Replication factor 2, `min.insync.replicas=2`, `acks=all`. Broker 1 crashes, leaving some partitions with a single in-sync replica. What do producers writing to those partitions get?',
    options: [
      {
        text: 'Errors (NOT_ENOUGH_REPLICAS): the leader refuses the write rather than keep a single copy.',
        why: 'Right: durability over availability. The partition accepts writes again once enough replicas are in sync.',
      },
      {
        text: 'Success: the leader writes the record alone and the follower catches up later.',
        why: 'That is how acks=1 behaves. acks=all with too few in-sync replicas is refused instead.',
      },
      {
        text: 'Success, after Kafka creates a new replica on another broker automatically.',
        why: 'Kafka does not move or re-create replicas on its own; reassignment is an operator action.',
      },
      {
        text: 'Their records are routed to a partition that still has two replicas.',
        why: 'The partitioner picks the partition from the key, not from the health of replicas.',
      },
    ],
    answer: 0,
    explanation:
      'min.insync.replicas sets how many copies an acks=all write needs. When the ISR shrinks below it, the leader rejects such writes so that no acknowledged record lives on one broker only.',
    hint: 'acks=all asks for the whole ISR, and the ISR is now smaller than the minimum.',
    frame: { scenario: 'kafka-min-isr', timeMs: 7000 },
  },
  {
    id: 'replication-high-watermark',
    topic: 'replication',
    kind: 'numeric',
    prompt:
      "A partition's leader has records at offsets 0 to 100. Its only other in-sync replica has copied offsets 0 to 97 so far. What is the highest offset a consumer can read now?",
    answer: 97,
    explanation:
      'Consumers only see records below the high watermark, the point every in-sync replica has reached: here offset 98, so the highest readable offset is 97. Offsets 98 to 100 are not yet committed.',
    hint: 'Consumers only read records that every in-sync replica already has.',
  },
  {
    id: 'replication-isr-name',
    topic: 'replication',
    kind: 'short',
    prompt:
      "What does Kafka call the set of a partition's replicas that are fully caught up with the leader? (Abbreviation or full name.)",
    accept: ['ISR', 'in-sync replicas', 'in sync replicas', 'in-sync replica set'],
    // Kafka quickstart (`kafka-topics.sh --describe`): "isr" is "the subset of the replicas list that is
    // currently alive and caught-up to the leader", and its example lists the leader in Isr.
    explanation:
      'The ISR is the leader plus the followers that keep up with it; a follower that lags too long is removed from it. Only ISR members are eligible as clean leaders.',
    hint: 'Three letters; the S stands for a word meaning "caught up".',
  },
  {
    id: 'replication-acks-all-write',
    topic: 'replication',
    kind: 'order',
    prompt: 'Put the steps of a write with `acks=all` in order.',
    items: [
      'The producer sends the record to the partition leader',
      'The leader appends it to its own log',
      'The followers in the ISR fetch the record and append it to their logs',
      'The leader sends the acknowledgement to the producer',
    ],
    explanation:
      'With acks=all the leader answers only after every in-sync replica has the record, so an acknowledged record survives the loss of any one of them.',
    hint: 'The acknowledgement waits for the followers.',
    frame: { scenario: 'kafka-failover', timeMs: 4000 },
  },
  {
    id: 'replication-producer-defaults',
    topic: 'replication',
    kind: 'choice',
    prompt:
      'A Java producer on Kafka 3.2 or later (or 3.0.1, 3.1.1) sets neither `acks` nor `enable.idempotence`. What does it use?',
    // KIP-679 made acks=all and idempotence the defaults in 3.0; KAFKA-13598: the idempotence default
    // is properly applied only from 3.0.1, 3.1.1 and 3.2.0 (Kafka upgrade notes).
    // Kafka 3.0 upgrade notes: "The producer has stronger delivery guarantees by default: idempotence is
    // enabled and acks is set to all instead of 1. See KIP-679"; a bug kept the idempotence default off
    // in 3.0.0 and 3.1.0 (KAFKA-13598). ProducerConfig.ENABLE_IDEMPOTENCE_DOC: idempotence is disabled
    // when conflicting settings are given and it is not explicitly enabled.
    options: [
      {
        text: '`acks=all`, with idempotence on.',
        why: 'Right: KIP-679 made the strongest guarantee the default in Kafka 3.0 (a bug kept idempotence off in 3.0.0 and 3.1.0).',
      },
      {
        text: '`acks=1`, with idempotence off.',
        why: 'Those were the defaults before Kafka 3.0.',
      },
      {
        text: '`acks=0`, so that sends never wait.',
        why: '`acks=0` has never been the Java producer’s default: the producer would not learn whether a record arrived.',
      },
      {
        text: '`acks=all`, but idempotence only if it is asked for.',
        why: 'Since Kafka 3.0 idempotence is on by default too, unless another setting conflicts with it (such as `acks=1`).',
      },
    ],
    answer: 0,
    // ServerLogConfigs.MIN_IN_SYNC_REPLICAS_DEFAULT = 1; TopicConfig.MIN_IN_SYNC_REPLICAS_DOC.
    explanation:
      'Kafka 3.0 changed the producer defaults to `acks=all` and `enable.idempotence=true`: an acknowledged record is on every in-sync replica, and retries write no duplicates. `min.insync.replicas` still defaults to 1, so when the ISR has shrunk to the leader alone, `acks=all` is satisfied by the leader; set it to 2 to require a second copy.',
    hint: 'Kafka 3.0 changed these defaults towards safety.',
  },
  {
    id: 'replication-isr-includes-leader',
    topic: 'replication',
    kind: 'numeric',
    prompt:
      "A partition has replicas on brokers 1, 2 and 3, and broker 1 leads it. Broker 2's replica is caught up; broker 3's has not caught up for longer than `replica.lag.time.max.ms`. How many replicas are in the partition's ISR?",
    answer: 2,
    unit: 'replicas',
    // Kafka quickstart: "isr" is "the subset of the replicas list that is currently alive and caught-up
    // to the leader" (its example: `Leader: 1 Replicas: 1,2,0 Isr: 1,2,0`). Kafka design doc,
    // "Replication": lagging replicas are judged by replica.lag.time.max.ms; "With this ISR model and f+1
    // replicas, a Kafka topic can tolerate f failures".
    explanation:
      'The ISR counts the leader too: it is the set of replicas that are alive and caught up with the leader, and the leader always is. Here that is brokers 1 and 2; broker 3 was dropped for lagging and rejoins once it catches up. `kafka-topics.sh --describe` lists the leader in its Isr column, and `min.insync.replicas` counts it.',
    hint: 'Is the leader in sync with itself?',
  },
];
