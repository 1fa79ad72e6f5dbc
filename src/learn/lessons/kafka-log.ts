import { partitionForKey } from '../../engine';
import type { Lesson, TaskContext } from '../types';

/** The partition the selected tuple's key hashes to, when it is a record the broker holds. */
function selectedRecordPartition(ctx: TaskContext): number | null {
  const d = ctx.sim.delivery();
  if (!d || ctx.selectedTuple === null) return null;
  const t = ctx.sim.tuple(ctx.selectedTuple);
  if (t?.status !== 'arrived') return null;
  return partitionForKey(t.key, d.cluster.partitions.length);
}

export const kafkaLogLesson: Lesson = {
  id: 'kafka-log',
  topic: 'kafka-log',
  title: 'Kafka’s partitioned log',
  summary:
    'A Kafka topic is a set of append-only logs: keys choose the partition, offsets number the records, and order holds within a partition.',
  steps: [
    {
      title: 'A topic is a set of logs',
      body: [
        'Kafka stores a stream as a topic and splits the topic into partitions. Each partition is a log: an ordered sequence of records that only ever grows at its end. Every record gets the next number in its partition, its offset: 0, 1, 2 and so on.',
        'In the Broker panel each block is one partition, and each row in it one broker’s copy (copies are the next lesson). Each cell is a record at its offset, coloured by its key. Records are appended, never changed in place, and reading them does not remove them.',
        'The pipeline map at the top draws the same topic from afar: the producer’s records cross the network to the three partitions, and the consumers read them from there.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 5000 },
      highlight: ['map:partitions', 'broker'],
      task: {
        text: 'Click “Partition 0”, on the map or as the title of its block in the Broker panel. The inspector shows its leader, its high watermark and its newest records with their offsets.',
        hint: 'The title is the bold line above each block; after Tab, Enter opens it too.',
        check: (ctx) => ctx.selectedEntity?.kind === 'partition',
      },
    },
    {
      title: 'The key chooses the partition',
      body: [
        'When a record has a key, Kafka’s default partitioner picks its partition from a hash of the key (murmur2) modulo the number of partitions. The same key always lands in the same partition, so all the clicks of one user stay in order, one after another.',
        'A hash spreads keys, not load. This topic has twelve users and three partitions, and only one user’s key, `user-8`, hashes to partition 0: see how much shorter its log is. Records without a key are spread differently: the sticky partitioner fills one partition for a while, then moves on.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 5000 },
      highlight: ['broker', 'inspector'],
      task: {
        text: 'Click a record (a coloured cell) in partition 0. The inspector shows its key.',
        hint: 'Partition 0 is the first block; all its cells have the same colour because they all carry the same key.',
        check: (ctx) => selectedRecordPartition(ctx) === 0,
      },
    },
    {
      title: 'Offsets mark progress',
      body: [
        'Consumers pull records from a partition in offset order. A consumer’s position is the offset it will fetch next (a blue ▼ in the Broker panel). Now and then the consumer group commits its positions to Kafka (a purple ▲): the committed offset is the offset of the next record to read, not of the last one read.',
        'Order is kept within a partition only. Records in different partitions are read in no particular order relative to each other, so whatever must stay in order (one account, one user) must share a key.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 1000 },
      highlight: ['broker', 'consumers'],
      task: {
        text: 'Play until the group `analytics` commits its first offsets: a purple ▲ appears and the Committed column in the Consumers panel fills in.',
        hint: 'This group commits automatically every 3 s (`auto.commit.interval.ms`; Kafka’s default is 5 s).',
        check: (ctx) => Object.keys(ctx.sim.delivery()?.groups[0]?.committed ?? {}).length > 0,
      },
    },
    {
      title: 'Skewed keys, hot partitions',
      body: [
        'Partitioning by key spreads the load only if the keys are spread. These three streams have the same rate but different key distributions: uniform, Zipf-skewed, and one hot key carrying 70% of the tuples.',
        'With a hot key, 70% of the traffic goes to a single partition and is read by a single consumer, however many partitions and consumers there are: adding more does not split one key. Common remedies are to add a random suffix to the hot key (salting) and combine the partial results afterwards, or to aggregate before the data is shuffled.',
      ],
      frame: { scenario: 'skewed-keys', seed: 11, timeMs: 15000 },
      highlight: ['producers'],
      task: {
        text: 'Click tuples in the lane “One hot key (70%)” until you find one carrying the hot key `user-0`.',
        hint: 'Most tuples in that lane are `user-0`; the inspector shows the key next to the source.',
        check: (ctx) => {
          if (ctx.selectedTuple === null) return false;
          const t = ctx.sim.tuple(ctx.selectedTuple);
          const producer = t && ctx.sim.scenario.producers[t.producerIndex]?.spec;
          return producer?.keyDistribution.kind === 'hotKey' && t?.key === producer.keyDistribution.key;
        },
      },
    },
    {
      title: 'Segments, retention and compaction',
      body: [
        // TopicConfig.SEGMENT_BYTES_DOC: "Retention and cleaning is always done a file at a time";
        // TopicConfig.RETENTION_MS_DOC / RETENTION_BYTES_DOC: discard old log segments past the time or size
        // limit; UnifiedLog.deleteRetentionMsBreachedSegments compares the segment's largest timestamp.
        'On disk a partition is a series of segment files; new records go into the newest, the active segment, and Kafka rolls a new one when it is full (`segment.bytes`) or old enough (`segment.ms`). Retention never deletes single records: under the default `cleanup.policy=delete` it deletes whole segments, oldest first, once a segment’s newest record is older than `retention.ms` (a week by default) or while the partition is larger than `retention.bytes`. The log start offset moves forward; no offset ever changes.',
        // Kafka design doc, "Log Compaction": retains "at least the last known value for each message key";
        // a key with a null payload is a delete marker (tombstone). TopicConfig.CLEANUP_POLICY_DOC.
        'The other retention mode is compaction (`cleanup.policy=compact`): Kafka keeps at least the latest value of every key and removes older values behind it, and a record with a key and a null value, a tombstone, deletes its key. A compacted topic holds the current state of every key, which is what a changelog or a table needs.',
        'Nothing is deleted in this scenario: retention is off and every record stays for the whole run. The simulator can delete whole segments (of 50 records) by time or size when a scenario sets `retention` (Edit scenario, JSON tab, under `delivery`); the Broker panel then shows where each log now starts. The simulator does not compact logs.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 20000 },
      highlight: ['broker'],
    },
  ],
};
