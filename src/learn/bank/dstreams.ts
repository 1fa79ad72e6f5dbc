import type { StreamingSpec } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import type { StaticQuestion } from '../types';

/** dstream-windows' application with another batch interval and window (a link can carry an edited application). */
function dstreamWindowsWith(batchIntervalMs: number, windowMs: number, slideMs: number): StreamingSpec {
  const own = findPreset('dstream-windows')?.scenario.streaming;
  if (!own) throw new Error('bank: preset "dstream-windows" has no streaming application');
  const pipeline = own.pipeline.map((op) => (op.id === 'windowed' ? { ...op, windowMs, slideMs } : op));
  return { ...own, batchIntervalMs, pipeline };
}

export const dstreamsQuestions: readonly StaticQuestion[] = [
  {
    id: 'dstreams-what-is-a-dstream',
    topic: 'dstreams',
    kind: 'choice',
    prompt: 'What is a DStream in Spark Streaming?',
    options: [
      {
        text: 'A single RDD that grows as records arrive.',
        why: 'RDDs are immutable; a DStream makes a new RDD for each batch instead of growing one.',
      },
      {
        text: 'An unbounded table that every new record is appended to as a row.',
        // Structured Streaming Programming Guide, "Basic Concepts": "Treat the live data stream as a
        // table that is being continuously appended … new data … is like a new row being appended".
        why: 'That is the model of Spark Structured Streaming, the newer API (an input table that new rows are appended to); DStreams are built from RDDs.',
      },
      {
        text: 'A Kafka topic that Spark reads one record at a time.',
        why: 'Spark Streaming does not process record by record: it collects records into batches.',
      },
      {
        text: 'A continuous sequence of RDDs, one for each batch interval.',
        why: 'Right: every batch interval the received data becomes one RDD, and DStream operations apply to each of them.',
      },
    ],
    answer: 3,
    explanation:
      'A DStream (discretized stream) cuts the stream into micro-batches; each batch is an ordinary RDD, so the usual Spark transformations run on it.',
    hint: 'The D stands for discretized.',
    frame: { scenario: 'dstream-windows', timeMs: 6000 },
  },
  {
    id: 'dstreams-batch-becomes',
    topic: 'dstreams',
    kind: 'short',
    prompt:
      "In Spark Streaming, the data of one batch interval becomes one ___, Spark's basic immutable, distributed collection. Name it.",
    accept: ['RDD', 'resilient distributed dataset', 'an RDD'],
    explanation:
      'Each batch is a Resilient Distributed Dataset. DStream transformations like `map` or `reduceByKey` become the same RDD transformations applied batch by batch.',
    hint: 'Three letters.',
  },
  {
    id: 'dstreams-window-multiples',
    topic: 'dstreams',
    kind: 'choice',
    prompt:
      'The batch interval is 2 s. Which window length and slide interval can be given to `reduceByKeyAndWindow`?',
    options: [
      {
        text: 'Window 5 s, slide 2 s',
        why: 'A 5 s window is not a multiple of the 2 s batch interval, so it would have to cut a batch in half.',
      },
      {
        text: 'Window 6 s, slide 4 s',
        why: 'Right: both are multiples of the batch interval, so each window is made of 3 whole batches and one is computed every 2 batches.',
      },
      {
        text: 'Window 6 s, slide 3 s',
        why: 'The slide must also be a multiple of the batch interval; windows can only be computed at batch boundaries.',
      },
      {
        text: 'Window 3 s, slide 1 s',
        why: 'Neither is a multiple of 2 s: a DStream cannot see anything finer than one batch.',
      },
    ],
    answer: 1,
    explanation:
      'DStream windows combine whole batches, so both the window length and the slide interval must be multiples of the batch interval.',
    hint: 'The smallest unit a DStream knows is one batch.',
    // The question's batch interval (2 s) with its answer, a 6 s window sliding every 4 s.
    frame: { scenario: 'dstream-windows', timeMs: 13_000, streaming: dstreamWindowsWith(2000, 6000, 4000) },
  },
  {
    id: 'dstreams-window-batches',
    topic: 'dstreams',
    kind: 'numeric',
    prompt:
      'Batch interval 5 s, window length 30 s, slide interval 10 s. How many batches does each windowed RDD combine?',
    answer: 6,
    unit: 'batches',
    explanation:
      'The window covers 30 s / 5 s = 6 batches; a new windowed RDD is produced every 10 s / 5 s = 2 batches.',
    hint: 'Only the window length and the batch interval matter here.',
  },
  {
    id: 'dstreams-receiver-tasks',
    topic: 'dstreams',
    kind: 'numeric',
    prompt:
      "A receiver cuts what it receives into a block every 200 ms (`spark.streaming.blockInterval`), and the batch interval is 2 s. How many partitions, and so tasks, does each batch's RDD from this receiver have?",
    answer: 10,
    unit: 'partitions',
    explanation:
      "Each block becomes one partition of the batch's RDD: 2000 ms / 200 ms = 10 blocks, so about 10 tasks per batch for this receiver.",
    hint: 'How many blocks fit in one batch?',
    // Spark skips empty blocks: at the preset's 3 lines/s most batches have 4–6 blocks; ×5 fills all 10.
    frame: { scenario: 'receiver-wordcount', seed: 10, rate: 5, timeMs: 8000 },
  },
  {
    id: 'dstreams-scheduling-delay',
    topic: 'dstreams',
    kind: 'numeric',
    prompt:
      'Batch interval 1 s. Every batch takes 1.5 s to process and batches run one at a time. The first batch is due at 0 s and starts at once. What is the scheduling delay of the fifth batch, in seconds?',
    answer: 2,
    unit: 's',
    explanation:
      'Batch n is due at n − 1 seconds but can only start when the previous one finishes, 1.5 s after it started, so each batch waits 0.5 s longer than the one before: 0, 0.5, 1, 1.5, 2 s.',
    hint: 'Work out when each batch starts; each one starts when the previous one ends.',
  },
  {
    id: 'dstreams-falling-behind',
    topic: 'dstreams',
    kind: 'choice',
    prompt:
      'Batch after batch, a Spark Streaming application takes longer to process a batch than the batch interval. What happens?',
    options: [
      {
        text: 'Batches queue up: the scheduling delay grows with every batch and the application falls further behind.',
        why: 'Right: new batches are created on schedule but wait for the ones before them, so the delay keeps growing.',
      },
      {
        text: 'Spark drops the records that did not fit in the time.',
        why: 'Spark does not drop data to catch up; it processes every batch, just later and later.',
      },
      {
        text: 'Spark makes the batch interval longer on its own.',
        why: 'The batch interval is fixed when the StreamingContext is created. Backpressure lowers the ingestion rate instead.',
      },
      {
        text: 'Each batch is late, but by the same amount every time.',
        why: 'Each batch inherits the delay of the one before and adds its own overrun, so the delay grows rather than staying constant.',
      },
    ],
    answer: 0,
    explanation:
      'A stable Spark Streaming application needs processing time below the batch interval. Otherwise the backlog grows without bound, until the rate is lowered (for example by backpressure) or the work per batch is reduced.',
    hint: 'New batches keep being created on time. What happens to them?',
    // At the preset's own rate a batch takes 0.8 s and keeps up; ×1.5 takes 1.1–1.3 s a batch.
    frame: { scenario: 'spark-falling-behind', rate: 1.5, timeMs: 10_000 },
  },
  {
    id: 'dstreams-direct-partitions',
    topic: 'dstreams',
    kind: 'choice',
    prompt:
      "With the direct Kafka approach (`KafkaUtils.createDirectStream`), how are a batch's RDD partitions formed?",
    options: [
      {
        text: 'One partition per block interval, as a receiver cuts blocks.',
        why: 'That is the receiver-based approach; the direct approach has no receiver and no blocks.',
      },
      {
        text: 'A single partition per batch, so that records are totally ordered.',
        why: 'A single partition would throw away the parallelism Kafka partitions give.',
      },
      {
        text: 'One RDD partition per Kafka partition, each holding the offset range read in that batch.',
        why: 'Right: each batch defines an offset range per Kafka partition and reads it directly, one-to-one.',
      },
      {
        text: 'One partition per member of the Kafka consumer group.',
        why: 'RDD partitions follow Kafka partitions, not consumers: the driver decides an offset range for every Kafka partition and each becomes one RDD partition.',
      },
    ],
    answer: 2,
    explanation:
      'The direct approach maps Kafka partitions one-to-one onto RDD partitions and tracks offset ranges itself (in checkpoints), which also removes the need for a write-ahead log.',
    hint: 'There is no receiver. What does Spark ask Kafka for in each batch?',
    frame: { scenario: 'dstream-windows', timeMs: 6000 },
  },
  {
    id: 'dstreams-local-one-thread',
    topic: 'dstreams',
    kind: 'choice',
    prompt:
      'A receiver-based Spark Streaming application is started locally with master `local[1]`. What happens?',
    options: [
      {
        text: 'The receiver occupies the only thread, so data is received but never processed.',
        why: 'Right: a receiver is a long-running task that keeps a core; with one thread nothing is left for the batches.',
      },
      {
        text: 'It works, only more slowly.',
        why: 'It does not slow down, it stops processing: the receiver never gives its thread back.',
      },
      {
        text: 'It fails at start-up with a configuration error.',
        why: 'Spark starts it (at most with a warning in the log); the problem shows only as batches that never run.',
      },
      {
        text: 'Spark skips the receiver and reads the source directly.',
        why: 'A receiver-based input always runs its receiver; reading directly is a different API (the direct approach).',
      },
    ],
    answer: 0,
    explanation:
      'Each receiver needs a core of its own for as long as the application runs, so the number of cores must exceed the number of receivers, for example `local[2]` for one receiver.',
    hint: 'How long does a receiver run?',
  },
  {
    id: 'dstreams-receiver-path',
    topic: 'dstreams',
    kind: 'order',
    prompt: 'Word count with a receiver: put the path of a log line in order.',
    items: [
      'The receiver receives the line from the source',
      'At the next block interval, the receiver puts it in a block',
      "At the end of the batch interval, the batch's blocks become the partitions of one RDD",
      'A job runs `flatMap` and `reduceByKey` on that RDD',
      "An output operation such as `print` shows the batch's word counts",
    ],
    explanation:
      'Receivers turn records into blocks, batches turn blocks into RDD partitions, and output operations trigger the jobs that run the transformations.',
    hint: 'Blocks come before batches.',
    frame: { scenario: 'receiver-wordcount', timeMs: 8000 },
  },
];
