import type { StaticQuestion } from '../types';
import { FLAGSHIP, structuredRecoveryQuestions } from './structured-streaming-recovery';

/*
 * Structured Streaming end to end. Each rule below has its source beside it: the guide
 * (https://spark.apache.org/docs/latest/streaming/apis-on-dataframes-and-datasets.html), the Kafka
 * guide (https://spark.apache.org/docs/latest/structured-streaming-kafka-integration.html) or an
 * apache/spark class and member. Numbers about the flagship come from the engine (lessons.test.ts).
 */

export const structuredStreamingQuestions: readonly StaticQuestion[] = [
  {
    // MicroBatchExecution: constructNextBatch → markMicroBatchStart (offsetLog.add) before runBatch;
    // runBatch → addBatch (the sink) → markMicroBatchEnd (commitLog.add with the next watermark).
    // CommitLog.scala: "obtain batch 1 offsets and write to offset log … write batch 1 to completion log".
    id: 'structured-streaming-batch-lifecycle',
    topic: 'structured-streaming',
    kind: 'order',
    prompt: 'Put the steps of one Structured Streaming micro-batch, batch N, in order.',
    items: [
      'The trigger fires and the driver asks each Kafka partition for its latest offset',
      'The end offsets of the batch are written to `offsets/N` in the checkpoint',
      'The batch runs: rows are read, late rows dropped, the state store updated',
      'The sink receives the batch’s output',
      '`commits/N` is written, with the watermark for the next batch',
    ],
    explanation:
      'The offset log is written before the batch runs, so a restart knows exactly which ranges batch N covers; the commit log is written only after the sink has the output. A batch with `offsets/N` but no `commits/N` is run again after a restart, with the same offsets.',
    hint: 'After a crash, the checkpoint must tell a batch that was planned apart from one that finished.',
    // Batch 8 just done: offsets/8, late rows dropped, the sink's output, commits/8 (at 5 s batch 0 had only triggered).
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 45_600 },
  },
  {
    // KafkaMicroBatchStream.commit is empty; Kafka guide, "Kafka Specific Configurations":
    // "enable.auto.commit: Kafka source doesn't commit any offset"; startingOffsets: "this only
    // applies when a new query is started, and that resuming will always pick up from where the
    // query left off".
    id: 'structured-streaming-kafka-positions',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'A Structured Streaming query reads a Kafka topic and has a checkpoint location. Where does it keep the offsets it has read?',
    options: [
      {
        text: 'In Kafka, committed for the query’s consumer group after each batch',
        why: 'The Kafka source commits nothing to Kafka: its `commit` does nothing, and `enable.auto.commit` cannot be set ("Kafka source doesn\'t commit any offset").',
      },
      {
        text: 'In the checkpoint location: `offsets/N` when a batch is planned, `commits/N` when it is done',
        why: 'Right: the query’s positions are the end offsets of its batches, in its own offset and commit logs.',
      },
      {
        text: 'In the sink, next to the output rows',
        why: 'Only the file sink keeps a log of batch ids (`_spark_metadata`), and that records output, not input positions.',
      },
      {
        text: 'Nowhere: after a restart the query reads from `startingOffsets` again',
        why: '`startingOffsets` applies only when a new query starts; "resuming will always pick up from where the query left off".',
      },
    ],
    answer: 1,
    explanation:
      'The source is not a member of a consumer group that commits: it only fetches records and latest offsets from Kafka. Tools that show consumer-group lag find no committed offsets for it. The Consumers view shows its positions, taken from the checkpoint.',
    hint: 'Kafka offers committed group offsets, but is that what Spark uses?',
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 12000 },
  },
  {
    // WatermarkTracker.updateWatermark: eventTimeStats.max - delayMs; stored as nextBatchWatermarkMs in
    // commits/N and read into offsets/N+1 as batchWatermarkMs (MicroBatchExecution.constructNextBatch).
    id: 'structured-streaming-next-watermark',
    topic: 'structured-streaming',
    kind: 'numeric',
    prompt:
      'In the Kafka → Structured Streaming scenario the watermark delay is 5 s. Batch 7, at 40 s, ran with watermark 29 s and read readings whose newest event time is 39.5 s. What watermark does batch 8 run with, in seconds?',
    answer: 34.5,
    unit: 's',
    explanation:
      'After batch 7 the watermark becomes the largest event time seen minus the delay: 39.5 s − 5 s = 34.5 s. It is written to `commits/7` and carried into `offsets/8`, so it is used by the next batch, not by the batch that read the data.',
    hint: 'The delay is subtracted from one particular event time.',
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 45000 },
  },
  {
    // statefulOperators.scala, WatermarkSupport.eventTimeWatermarkForLateEvents: "This should be the
    // previous batch state eviction watermark"; PropagateWatermarkSimulator.getInputWatermarkForLateEvents
    // uses batchId - 1; watermarkExpression: LessThanOrEqual(window.end, watermark).
    id: 'structured-streaming-late-previous-watermark',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'Spark 3.5, append mode, 10 s tumbling windows. Batch 7 ran with watermark 29 s; batch 8 runs with 34.5 s. Batch 8 reads a reading with event time 24 s, in window [20 s, 30 s), which has not been emitted yet. What happens to it?',
    options: [
      {
        text: 'It is dropped: 30 s ≤ 34.5 s, the watermark of batch 8',
        why: 'That was the rule before Spark 3.4. Now late rows are judged by the previous batch’s watermark, 29 s, and 30 s > 29 s.',
      },
      {
        text: 'It is dropped, because its event time, 24 s, is below the watermark',
        why: 'For a windowed aggregation the test is on the window’s end, not on the row’s event time: a row is late when the window’s end ≤ the watermark.',
      },
      {
        text: 'It is counted, and the window is emitted in this same batch, because 30 s ≤ 34.5 s',
        why: 'Right: late rows are judged by the previous batch’s watermark (30 s > 29 s, so not late), and state is evicted, and in append mode emitted, by the batch’s own (30 s ≤ 34.5 s).',
      },
      {
        text: 'It is counted, and the window stays open for a later batch',
        why: 'Eviction uses batch 8’s own watermark, 34.5 s, which is past 30 s: the window is final in batch 8.',
      },
    ],
    answer: 2,
    explanation:
      'Since Spark 3.4 a stateful operator uses two watermarks: the previous batch’s to filter late rows, and the current batch’s to evict state. In the scenario, phone B’s readings of window [20 s, 30 s) arrive in batch 8 and still count, while its readings of [10 s, 20 s) are dropped (20 s ≤ 29 s).',
    hint: 'Two watermarks are in play in one batch: which one decides “late”, and which one decides “final”?',
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 46000 },
  },
  {
    // WatermarkTracker: `if (chosenGlobalWatermark > globalWatermarkMs)`, per input only when
    // `newWatermarkMs > prevWatermarkMs`; eventTimeStats.max is the batch's newest event time.
    id: 'structured-streaming-watermark-forward',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'The watermark is 29 s (delay 5 s) when phone B’s backlog arrives, with readings from event time 15 s on. What does the backlog do to the watermark?',
    options: [
      {
        text: 'It cannot move it back: the watermark follows the newest event time seen, and only moves forward',
        why: 'Right: old readings lower neither the newest event time nor the watermark; they are judged against it.',
      },
      {
        text: 'It moves it back to 10 s, the oldest backlog reading minus the delay',
        why: 'The watermark comes from the largest event time, and Spark keeps the global watermark only if the new value is larger.',
      },
      {
        text: 'It becomes the average event time of the batch minus the delay',
        why: 'Spark uses the maximum event time of the batch (`eventTimeStats.max`), not the average.',
      },
      {
        text: 'It stops moving until the backlog has been processed',
        why: 'Batches go on as usual; the backlog’s readings are simply compared with the watermark.',
      },
    ],
    answer: 0,
    explanation:
      'Each batch computes max event time − delay, and Spark keeps it only if it is larger than the current watermark. That is why a late backlog cannot reopen windows that were emitted: their rows are dropped instead.',
    hint: 'Which event time of a batch does Spark look at, and may the result be smaller than before?',
    // Batch 8 has read the backlog and committed the watermark it moved forward (at 45 s it had just started).
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 46_000 },
  },
  {
    // spark.sql.streaming.noDataMicroBatches.enabled (default true); MicroBatchExecution.constructNextBatch:
    // lastExecutionRequiresAnotherBatch; StateStoreSaveExec.shouldRunAnotherBatch (Append or Update and
    // newInputWatermark > eventTimeWatermarkForEviction).
    id: 'structured-streaming-no-data-batch',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'Append mode, a windowed count with a watermark, default settings. Batch 12 ran with watermark 18 s and moved it to 23 s. Window [10 s, 20 s) is still in the state store. Then no new rows arrive. What happens at the next trigger?',
    options: [
      {
        text: 'No batch runs until a new row arrives, so the window waits in the state store',
        why: 'That is what happens with `spark.sql.streaming.noDataMicroBatches.enabled` set to false. By default Spark runs a batch when the watermark has moved.',
      },
      {
        text: 'The whole topic is read again to recompute the window',
        why: 'Nothing is re-read: the counts are in the state store.',
      },
      {
        text: 'Batch 12 runs again with the new watermark',
        why: 'Batch 12 is committed; a re-run only happens after a restart, for a batch without `commits/N`.',
      },
      {
        text: 'Batch 13 runs with no data and watermark 23 s: it emits window [10 s, 20 s) and removes it from the state store',
        why: 'Right: a no-data batch applies the new watermark to the state; 20 s ≤ 23 s, so the window is final.',
      },
    ],
    answer: 3,
    explanation:
      'After a batch, Spark asks each stateful operator whether the new watermark calls for another batch. For an aggregation in append or update mode it does when the watermark has passed the one used for eviction. That batch gets the next id and its own `offsets/N`, with empty offset ranges.',
    hint: 'Without a batch, who would apply the new watermark to the state?',
  },
  {
    // Guide, Output Modes / watermarking: "Complete mode requires all aggregate data to be preserved,
    // and hence cannot use watermarking to drop intermediate state"; StateStoreSaveExec.shouldRunAnotherBatch
    // is true only for Append or Update.
    id: 'structured-streaming-complete-mode',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'A windowed count with `withWatermark`. In which output mode are late rows never dropped, and no batch without data ever runs just because the watermark moved?',
    options: [
      {
        text: 'Append',
        why: 'Append drops rows whose window has ended at or before the watermark, and runs a no-data batch to emit windows as the watermark passes them.',
      },
      {
        text: 'Update',
        why: 'Update drops late rows and evicts state by the watermark too, and it also runs no-data batches.',
      },
      {
        text: 'Complete',
        why: 'Right: complete mode keeps every window and writes the whole table in every batch, so there is nothing to drop or evict.',
      },
      {
        text: 'None: every mode uses the watermark in the same way',
        why: 'The watermark only bounds state in append and update mode.',
      },
    ],
    answer: 2,
    explanation:
      'Complete mode must be able to output every window at any time, so it cannot use the watermark to drop state, and its state grows without bound. Append and update mode use the watermark to drop late rows and evict finished windows.',
    hint: 'Which mode writes out the whole result table every time?',
  },
  {
    // KafkaMicroBatchStream.rateLimit: prorate = limit * (size / total), floor when ≥ 1 (ceil below 1:
    // "Don't completely starve small topicpartitions"); Kafka guide: "The specified total number of
    // offsets will be proportionally split across topicPartitions of different volume."
    id: 'structured-streaming-max-offsets',
    topic: 'structured-streaming',
    kind: 'numeric',
    prompt:
      'The Kafka source has `maxOffsetsPerTrigger` 20. When a batch is planned, partitions 0, 1 and 2 have 30, 14 and 32 records waiting (76 in all). How many records does the batch read?',
    answer: 18,
    unit: 'records',
    explanation:
      'The limit is split in proportion to what each partition has waiting: 20 × 30/76 = 7.9, 20 × 14/76 = 3.7 and 20 × 32/76 = 8.4. Each share is rounded down (a share below 1 would be rounded up, so that no partition starves): 7 + 3 + 8 = 18.',
    hint: 'Split the 20 in proportion to what each partition has waiting, then round each share.',
  },
  {
    // WatermarkTracker: MultipleWatermarkPolicy.DEFAULT_POLICY_NAME = "min"; guide, "Policy for
    // handling multiple watermarks": "By default, the minimum is chosen as the global watermark".
    id: 'structured-streaming-min-policy',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'A query joins two Kafka inputs, each with its own `withWatermark`. After a batch, input A’s watermark is 40 s and input B’s is 25 s. With the default `spark.sql.streaming.multipleWatermarkPolicy`, what is the query’s watermark?',
    options: [
      {
        text: '40 s: the input that is furthest ahead',
        why: 'That is the `max` policy, which you must set yourself.',
      },
      {
        text: '32.5 s: the average of the two',
        why: 'Spark chooses the minimum or the maximum, never an average.',
      },
      {
        text: '0 s, until both inputs have the same watermark',
        why: 'The inputs need not agree: Spark combines their watermarks every batch.',
      },
      {
        text: '25 s: the input that is furthest behind holds it back',
        why: 'Right: the default policy is `min`, so nothing of the slower input is dropped as late too early.',
      },
    ],
    answer: 3,
    explanation:
      'With several inputs, each has its own watermark and the query’s global watermark is their minimum by default ("the global watermark will advance only if all the individual operator watermarks have advanced"). Setting the policy to `max` lets the fastest input lead, at the risk of dropping the slower one’s rows.',
    hint: 'Which choice makes sure no input’s rows are judged late too early?',
  },
  ...structuredRecoveryQuestions,
];
