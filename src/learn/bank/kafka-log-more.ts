/**
 * More on Kafka's log: segments and retention, compaction, record timestamps, the idempotent producer
 * and transactions. The simulator deletes whole segments when a scenario sets retention; it does not
 * compact logs, stamp `LogAppendTime`, retry sends or run transactions, so these questions have no frame.
 */
import type { StaticQuestion } from '../types';

export const kafkaLogMoreQuestions: readonly StaticQuestion[] = [
  {
    id: 'kafka-log-retention-whole-segments',
    topic: 'kafka-log',
    kind: 'numeric',
    prompt:
      "A partition's log is split into segments of 100 records: offsets 0–99, 100–199 and 200–299 are closed segments, and the active segment starts at 300. Under `cleanup.policy=delete`, every record up to offset 250 is now older than `retention.ms` and every later one is newer. After retention runs, what is the partition's log start offset?",
    answer: 200,
    // UnifiedLog.deleteRetentionMsBreachedSegments: a segment is deletable when
    // `startMs - segment.largestTimestamp > retentionMs`; deletableSegments walks "starting from the
    // oldest until the user-supplied predicate is false". TopicConfig.SEGMENT_BYTES_DOC: "Retention and
    // cleaning is always done a file at a time".
    explanation:
      'Retention deletes whole segments, oldest first, and a segment goes only once its newest record is past `retention.ms`. Segments 0–99 and 100–199 go; 200–299 still holds the newer offsets 251–299, so it stays, and the old offsets 200–250 stay with it. The log now starts at 200, and no offset changes.',
    hint: 'Look at the newest record of each segment.',
  },
  {
    id: 'kafka-log-compaction-latest-per-key',
    topic: 'kafka-log',
    kind: 'choice',
    prompt:
      'A topic with `cleanup.policy=compact` holds, in this order, `user-1 → a@x`, `user-2 → b@x` and `user-1 → a@y`. Once the log cleaner has processed these records, what is a consumer reading from the start guaranteed to find?',
    // Kafka design doc, "Log Compaction": compaction "will always retain at least the last known value
    // for each message key within the log of data for a single topic partition"; records keep "the
    // original offset assigned when they were first written". TopicConfig.CLEANUP_POLICY_DOC.
    options: [
      {
        text: 'Only `user-1 → a@y`: compaction keeps the newest record of the partition.',
        why: 'Compaction works key by key, not on the whole partition: the latest value of every key stays, so `user-2 → b@x` stays too.',
      },
      {
        text: 'All three records, because Kafka never removes a record once it has an offset.',
        why: 'Compaction does remove records: those that a later record with the same key has replaced. What it never changes is the offsets of the records that stay.',
      },
      {
        text: '`user-2 → b@x` and `user-1 → a@y`, at their original offsets.',
        why: 'Right: compaction keeps at least the last value of each key; the older `user-1` value is removed, and no offset changes.',
      },
      {
        text: '`user-1 → a@x` and `user-2 → b@x`: compaction keeps the first value of each key.',
        why: 'It is the other way round: a later record with the same key replaces the earlier one, so the newest value stays.',
      },
    ],
    answer: 2,
    explanation:
      'Log compaction is the other retention mode: instead of deleting old segments by age or size, it keeps at least the latest value of every key, so the topic always holds the current state of each key (a changelog, a table to restore). It runs in the background, so older values can linger for a while, and records keep their offsets. The simulator does not compact logs.',
    hint: 'Compaction works key by key.',
  },
  {
    id: 'kafka-log-tombstone',
    topic: 'kafka-log',
    kind: 'short',
    prompt:
      'In a compacted topic, what is a record with a key and a null value called, the record that deletes its key?',
    accept: ['tombstone', 'tombstone record', 'tombstone message', 'delete marker'],
    // Kafka design doc, "Log Compaction": "A message with a key and a null payload will be treated as a
    // delete from the log. Such a record is sometimes referred to as a tombstone"; delete markers are
    // kept for `delete.retention.ms` ("the default is 24 hours").
    explanation:
      'A tombstone makes compaction remove every earlier record with its key. Tombstones are removed too, after `delete.retention.ms` (24 hours by default), so a consumer that falls further behind than that can miss the delete.',
    hint: 'What marks a grave?',
  },
  {
    id: 'kafka-log-log-append-time',
    topic: 'kafka-log',
    kind: 'choice',
    prompt:
      "A producer sets each record's timestamp to the moment its sensor took the reading, 10:00:00. The topic has `message.timestamp.type=LogAppendTime`, and the broker appends the record at 10:00:03. Which timestamp does a consumer see on the record?",
    // ProducerRecord javadoc: with CreateTime "the timestamp in the producer record will be used by the
    // broker"; with LogAppendTime it "will be overwritten by the broker with the broker local time when
    // it appends the message to its log". ServerLogConfigs: log.message.timestamp.type defaults to CreateTime.
    options: [
      {
        text: '10:00:00, because Kafka always keeps the producer’s timestamp.',
        why: 'That is `CreateTime`, the default. With `LogAppendTime` the broker overwrites the producer’s timestamp.',
      },
      {
        text: '10:00:03, the broker’s time when it appended the record.',
        why: 'Right: the broker stamps its local time on append, so the timestamp becomes an ingestion time. Keep the event time in the value if you need it.',
      },
      {
        text: 'Both: a record carries a create time and an append time.',
        why: 'A record has one timestamp; the topic’s `message.timestamp.type` says which kind it is.',
      },
      {
        text: 'None: records only get a timestamp under `CreateTime`.',
        why: 'Every record has a timestamp; the setting only decides whether the producer’s or the broker’s is kept.',
      },
    ],
    answer: 1,
    // UnifiedLog.deleteRetentionMsBreachedSegments compares retention.ms with the segment's largest
    // record timestamp, whichever type it is.
    explanation:
      'Under the default `CreateTime` the producer’s timestamp is kept, often the event time. Under `LogAppendTime` the broker replaces it with its append time, an ingestion time. Time-based retention looks at whichever timestamp is stored, so with `CreateTime` a producer that stamps old event times can make its records expire early.',
    hint: 'Which clock does the name `LogAppendTime` point at?',
  },
  {
    id: 'kafka-log-idempotent-retry',
    topic: 'kafka-log',
    kind: 'choice',
    prompt:
      'An idempotent producer (`enable.idempotence=true`) sends a batch. The leader appends it, but the acknowledgement is lost, so the producer sends the batch again. What ends up in the partition?',
    // Kafka design doc, "Message Delivery Semantics": the idempotent option "guarantees that resending
    // will not result in duplicate entries in the log. To achieve this, the broker assigns each producer
    // an ID and deduplicates messages using a sequence number that is sent by the producer along with
    // every message." ProducerConfig.ENABLE_IDEMPOTENCE_DOC; on by default since 3.0 (KIP-679).
    options: [
      {
        text: 'The batch twice: a retry always writes a second copy.',
        why: 'That is what happens without idempotence; with it the broker recognises the retry.',
      },
      {
        text: 'Nothing: the broker rejects both copies to be safe.',
        why: 'The first copy was appended and stays; only the duplicate is left out.',
      },
      {
        text: 'The batch once, because the producer asks a consumer whether it arrived before retrying.',
        why: 'Producers never hear from consumers; the duplicate is caught by the broker.',
      },
      {
        text: 'The batch once: the broker sees the same producer id and sequence number again and does not append the copy.',
        why: 'Right: the broker gives each idempotent producer an id and checks the sequence number sent with every batch, so a resent batch is recognised as a duplicate.',
      },
    ],
    answer: 3,
    explanation:
      'Idempotence makes the producer’s retries safe: the broker deduplicates by producer id and sequence number, and it is on by default since Kafka 3.0 (in practice from 3.0.1, 3.1.1 and 3.2). It does not make a whole read-process-write pipeline exactly-once; that takes transactions. The simulator’s producers never retry, so it shows no such duplicates.',
    hint: 'What could the broker compare to notice that a batch is a resend?',
  },
  {
    id: 'kafka-log-read-committed-lso',
    topic: 'kafka-log',
    kind: 'numeric',
    prompt:
      'A partition holds plain records at offsets 0–9, then the records of a transaction that is still open at offsets 10–14, then plain records at 15–19; the high watermark is 20. Up to which offset can a consumer with `isolation.level=read_committed` read right now?',
    answer: 9,
    // ConsumerConfig.ISOLATION_LEVEL_DOC: "in read_committed mode, consumer.poll() will only return
    // messages up to the last stable offset (LSO), which is the one less than the offset of the first
    // open transaction. In particular any messages appearing after messages belonging to ongoing
    // transactions will be withheld"; read_uncommitted is the default.
    explanation:
      'A read_committed consumer reads only up to the last stable offset, which stops before the first open transaction: offsets 0–9. The plain records at 15–19 wait too, because records are returned in offset order; they come once the transaction commits or aborts (aborted records are then skipped). A consumer with the default `read_uncommitted` reads up to the high watermark, offset 19. The simulator does not model transactions.',
    hint: 'Records are returned in offset order.',
  },
];
