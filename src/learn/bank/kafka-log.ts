import type { StaticQuestion } from '../types';

export const kafkaLogQuestions: readonly StaticQuestion[] = [
  {
    id: 'kafka-log-same-key-same-partition',
    topic: 'kafka-log',
    kind: 'choice',
    prompt:
      "Clicks are produced to a Kafka topic keyed by user id, with the default partitioner and a fixed number of partitions. What holds for user-42's clicks?",
    options: [
      {
        text: 'They are spread evenly over all partitions to balance the load.',
        why: 'Spreading happens across keys, not within one: every record with the same key hashes to the same partition.',
      },
      {
        text: 'They all go to partition 42.',
        why: 'The partition is the hash of the serialized key modulo the number of partitions, not a number taken from the key.',
      },
      {
        text: "They are ordered with respect to every other user's clicks as well.",
        why: "Other users' clicks may be in other partitions, and Kafka orders records only within a partition.",
      },
      {
        text: 'They all go to the same partition, so a consumer reads them in the order that partition stored them.',
        why: 'Right: same key, same hash, same partition, and a partition is an ordered, append-only log.',
      },
    ],
    answer: 3,
    explanation:
      'The default partitioner hashes the key (murmur2) modulo the partition count, so a key always lands in the same partition while the count stays the same. That is how Kafka gives per-key ordering.',
    hint: 'The partition is computed from the key alone (and the number of partitions).',
    frame: { scenario: 'kafka-failover', timeMs: 5000 },
  },
  {
    id: 'kafka-log-order-scope',
    topic: 'kafka-log',
    kind: 'choice',
    prompt: 'A topic has 3 partitions. Which ordering does Kafka guarantee to its consumers?',
    options: [
      {
        text: 'A total order over the whole topic, by offset.',
        why: 'Offsets are numbered per partition: offset 7 exists in every partition, so offsets cannot order the topic.',
      },
      {
        text: 'Order within each partition; records of different partitions have no defined order between them.',
        why: 'Right: each partition is its own append-only log, read in offset order.',
      },
      {
        text: 'Order by event time.',
        why: 'Kafka stores records in the order they are appended, whatever timestamps they carry.',
      },
      {
        text: 'No order at all, even within a partition.',
        why: 'Within a partition records are read in exactly the order of their offsets.',
      },
    ],
    answer: 1,
    explanation:
      'A partition is the unit of ordering in Kafka. For records that must stay in order, give them the same key so they share a partition.',
    hint: 'Where are offsets numbered?',
  },
  {
    id: 'kafka-log-hash-name',
    topic: 'kafka-log',
    kind: 'short',
    prompt:
      "Which hash function does the Java client's default partitioner apply to a record's serialized key to choose its partition?",
    accept: ['murmur2', 'murmur 2', 'murmurhash2', 'murmur hash 2', 'murmur2 hash'],
    explanation:
      'The partition is the positive murmur2 hash of the key bytes modulo the number of partitions. Clients in other languages must use the same hash to agree on where a key goes.',
    hint: 'A fast non-cryptographic hash whose name sounds like a quiet voice, with a version number.',
  },
  {
    id: 'kafka-log-next-offset',
    topic: 'kafka-log',
    kind: 'numeric',
    prompt:
      'Partition 1 of a topic holds records at offsets 0 to 41 (no transactions). What offset will the next record appended to partition 1 get?',
    answer: 42,
    explanation:
      "Offsets number a partition's records consecutively from 0; the next append gets the log end offset, one past the last record: 42.",
    hint: 'Offsets count up by one per record.',
  },
  {
    id: 'kafka-log-retention-default',
    topic: 'kafka-log',
    kind: 'numeric',
    // KafkaConfig: log.retention.hours defaults to LogConfig.DEFAULT_RETENTION_MS in hours (7 days).
    prompt:
      "By default (`log.retention.hours`), after how many hours may a Kafka broker delete a topic's records, whether or not anyone has read them?",
    answer: 168,
    unit: 'hours',
    // TopicConfig.CLEANUP_POLICY_DOC: "delete" discards old segments when their retention time or size
    // limit is reached; "compact" keeps the latest value for each key. UnifiedLog
    // .deleteRetentionMsBreachedSegments deletes a segment once its largest timestamp is older than retention.ms.
    explanation:
      'The default is 168 hours, one week. Retention is by time (or size), never by consumption: reading a record does not remove it. It deletes whole segments, once the newest record in a segment is older than that, so a record can stay longer. Compaction (`cleanup.policy=compact`) is the other retention mode.',
    hint: 'It is a whole number of days.',
  },
  {
    id: 'kafka-log-consumed-not-deleted',
    topic: 'kafka-log',
    kind: 'choice',
    prompt: 'A consumer group has read every record in a topic. What happens to those records?',
    options: [
      {
        text: 'They stay until retention removes them, so other groups can read them and this group can rewind.',
        why: 'Right: the log is independent of its readers; each group only tracks its own position (offset).',
      },
      {
        text: 'They are deleted, as in a queue.',
        why: 'Kafka does not delete records on consumption; that is the queue model.',
      },
      {
        text: 'They are moved to an archive topic.',
        why: 'Kafka does not move records between topics; consumed records stay where they are.',
      },
      {
        text: 'They are kept only until every other group has read them too.',
        // TopicConfig.CLEANUP_POLICY_DOC: deletion follows the retention time or size, or compaction.
        why: 'Kafka does not track who has read what for deletion; records go when retention (by time or size) deletes their segment, or, in a compacted topic, when a newer record has the same key.',
      },
    ],
    answer: 0,
    // TopicConfig.SEGMENT_BYTES_DOC: "Retention and cleaning is always done a file at a time".
    explanation:
      'A Kafka topic is a durable log: consumers keep their own offsets, and retention deletes whole old segments by age or size (or, with `cleanup.policy=compact`, removes records a newer value of their key has replaced). This is what makes replay and multiple independent readers possible.',
    hint: 'What does a consumer actually change when it reads?',
  },
  {
    id: 'kafka-log-hot-key-share',
    topic: 'kafka-log',
    kind: 'numeric',
    prompt:
      "One key carries 70% of a topic's records. The topic has 6 partitions and uses the default key-based partitioner. At least what percentage of the records does the busiest partition receive?",
    answer: 70,
    unit: '%',
    explanation:
      'All records with the hot key hash to one partition, so it gets at least 70% however many partitions there are. Adding partitions does not help a single hot key.',
    hint: 'Can the records of one key be split over several partitions?',
    frame: { scenario: 'skewed-keys', timeMs: 15_000 },
  },
  {
    id: 'kafka-log-add-partitions',
    topic: 'kafka-log',
    kind: 'choice',
    prompt: 'A keyed topic grows from 3 to 4 partitions. What happens?',
    options: [
      {
        text: "New records for a key may go to a different partition than the key's older records; existing records stay where they are.",
        why: 'Right: the partition is the hash modulo the partition count, so changing the count changes where many keys go.',
      },
      {
        text: "Kafka moves existing records so that each key's records are together again.",
        why: 'Kafka never rewrites or moves records between partitions; the log is append-only.',
      },
      {
        text: "Nothing changes: a key's partition depends only on the key.",
        why: 'It depends on the key and on the number of partitions; the modulo changes when the count changes.',
      },
      {
        text: 'The topic must be emptied before partitions can be added.',
        why: 'Partitions can be added to a live topic; the catch is the changed key mapping, not a required wipe.',
      },
    ],
    answer: 0,
    explanation:
      "After adding partitions, a key's old and new records can sit in different partitions, so per-key order across the change is no longer guaranteed. Keyed topics are therefore usually created with enough partitions up front.",
    hint: 'Which input of the partition formula changed?',
  },
  {
    id: 'kafka-log-produce-path',
    topic: 'kafka-log',
    kind: 'order',
    prompt: 'Put the path of one keyed record through Kafka in order.',
    items: [
      "The producer serializes the record's key and value",
      "The partitioner picks a partition from the key's hash",
      'The record is sent to the broker that leads that partition',
      "The leader appends it to the partition's log at the next offset",
      'A consumer fetches it by its offset',
    ],
    explanation:
      'The partition is chosen on the producer side from the key, the partition leader appends the record to its log, and consumers read it later by offset.',
    hint: 'The partition must be known before the producer knows which broker to send to.',
  },
];
