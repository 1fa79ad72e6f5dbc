import { findPreset } from '../../scenarios/presets';
import type { FrameRef, Lesson, TaskContext } from '../types';

/** A numeric field of the inspected entity (e.g. a batch's partition), or null. */
function entityField(ctx: TaskContext, field: string): number | null {
  const value = (ctx.selectedEntity as Readonly<Record<string, unknown>> | null)?.[field];
  return typeof value === 'number' ? value : null;
}

/** Whether a windowed DStream of the application has produced an RDD by the cursor. */
function windowedRddExists(ctx: TaskContext): boolean {
  const run = ctx.sim.streaming();
  const windowed = run?.nodes.find((n) => n.windowMs !== null);
  if (!run || !windowed) return false;
  const now = ctx.sim.timeMs;
  return run.batches.some((b) => b.generatedAtMs <= now && run.rddAt(windowed.index, b.timeMs) !== null);
}

/** Whether a batch that has started by the cursor waited at least one batch interval to start. */
function fellBehind(ctx: TaskContext): boolean {
  const run = ctx.sim.streaming();
  if (!run) return false;
  const now = ctx.sim.timeMs;
  return run.batches.some(
    (b) => b.startMs !== null && b.startMs <= now && b.startMs - b.timeMs >= run.spec.batchIntervalMs,
  );
}

const slowPerRecordMs = 8;

/** The falling-behind application with records costing 8 ms: more than 1 s of work per 1 s batch. */
const slowFrame: FrameRef = {
  scenario: 'spark-falling-behind',
  seed: 3,
  timeMs: 10000,
  streaming: { ...findPreset('spark-falling-behind')!.scenario.streaming!, perRecordMs: slowPerRecordMs },
};

export const dstreamsLesson: Lesson = {
  id: 'dstreams',
  topic: 'dstreams',
  title: 'DStreams and micro-batching',
  summary:
    'Spark Streaming cuts a stream into small batches: a DStream is a sequence of RDDs, one per batch interval, processed by ordinary Spark jobs.',
  steps: [
    {
      title: 'Micro-batches',
      body: [
        'Spark Streaming (the DStream API) does not handle tuples one at a time. It collects the input for one batch interval (1 s here) and then runs an ordinary Spark job over that batch. The stream becomes a series of small batch jobs: micro-batching.',
        'A DStream (discretized stream) is a sequence of RDDs, one per batch interval. In the DStream timeline each column is a batch and each box an RDD. The input here is Kafka’s direct stream, so each RDD has one partition per Kafka partition, holding the range of offsets it read.',
      ],
      frame: { scenario: 'dstream-windows', seed: 7, timeMs: 3500 },
      highlight: ['dstream'],
      task: {
        text: 'Click the header of a batch (such as “2 s”) in the DStream timeline. The inspector lists its RDDs, their partitions and what the batch printed.',
        hint: 'The headers are the rounded boxes with a time and a status at the top of each column.',
        check: (ctx) => ctx.selectedEntity?.kind === 'batch',
      },
    },
    {
      title: 'Transformations make new DStreams',
      body: [
        'An operation on a DStream is applied to each of its RDDs. `stream.map(…)` is a DStream whose RDD at every batch is the map of the input’s RDD at that batch; `reduceByKey` then sums per key within each batch. The Pipeline panel shows the program and the Spark code for it.',
        'Every RDD remembers how it was computed from its parents, its lineage. If a partition is lost, Spark recomputes it from there instead of keeping copies.',
      ],
      frame: { scenario: 'dstream-windows', seed: 7, timeMs: 3500 },
      highlight: ['dstream', 'pipeline'],
      task: {
        text: 'Click the name `counts` at the left of the timeline to see that DStream’s lineage.',
        hint: 'Each row of the timeline starts with the DStream’s name and operation; the names are buttons.',
        check: (ctx) => ctx.selectedEntity?.kind === 'dstream',
      },
    },
    {
      title: 'Windows over batches',
      body: [
        '`reduceByKeyAndWindow(_ + _, Seconds(3), Seconds(2))` sums over the last 3 s, every 2 s. Its DStream has an RDD only at every second batch, and each covers the last three batch intervals (the brackets under its row).',
        'DStream windows are measured in batch time, that is processing time, not event time. The window length and the slide must both be multiples of the batch interval; Spark refuses anything else.',
      ],
      frame: { scenario: 'dstream-windows', seed: 7, timeMs: 1000 },
      highlight: ['dstream'],
      task: {
        text: 'Press ] to step from batch to batch until `windowed` has its first RDD.',
        hint: '] jumps to the next batch time and [ to the previous one.',
        check: windowedRddExists,
      },
    },
    {
      title: 'Receivers and blocks',
      body: [
        'A receiver-based input works differently. A receiver runs as a long-lived task on an executor and holds a core for as long as the application runs. Every block interval (200 ms here) it cuts what it has received into a block, and at each batch (every 2 s) the blocks become the partitions of that batch’s RDD: up to ten per batch.',
        'So a receiver application needs more cores than it has receivers (`local[n]` with n greater than the number of receivers), or no core is left to process the batches. Without a write-ahead log, what a receiver holds lives only on the executors (in memory, spilling to their local disk), copied to two executors by default: that survives losing one executor, but not a driver failure, which takes every executor with it.',
        // Spark Streaming Programming Guide, “Fault-tolerance Semantics”: received data is replicated
        // to two executors by default (receivers store blocks at StorageLevel.MEMORY_AND_DISK_SER_2),
        // and a driver failure loses the executors with their in-memory data.
      ],
      frame: { scenario: 'receiver-wordcount', seed: 11, timeMs: 4500 },
      highlight: ['dstream', 'pipeline'],
      task: {
        text: 'Click a box in the `lines` row, then one of its partitions, to see the log lines that arrived in that block.',
        hint: 'The inspector lists the RDD’s partitions; clicking one shows its records.',
        check: (ctx) => ctx.selectedEntity?.kind === 'batch' && entityField(ctx, 'partition') !== null,
      },
    },
    {
      title: 'Falling behind',
      body: [
        'A micro-batch application is stable only if each batch is processed in less time than the batch interval. At 5 ms per record, the 300 or so records of each 1 s batch are 1.5 s of work, which this application’s 2 cores share: about 0.8 s per batch (a busy batch a little more), so it keeps up. If a batch takes longer, the next one has to wait, and the scheduling delay (how long a batch waits before it starts) grows batch after batch.',
        'The Streaming metrics panel draws what Spark’s streaming UI shows: input rate, scheduling delay, processing time and total delay per batch.',
      ],
      frame: { scenario: 'spark-falling-behind', seed: 3, timeMs: 5000 },
      highlight: ['metrics', 'dstream'],
      task: {
        text: `In the Streaming context settings of this panel, set Cost per record to ${slowPerRecordMs} ms, then play until a batch waits a whole second or more before it starts.`,
        hint: 'Each batch now takes more than a second, so every one starts later than the one before. Raising the producer rate works too.',
        check: fellBehind,
      },
    },
    {
      title: 'Backpressure',
      body: [
        'Backpressure (`spark.streaming.backpressure.enabled`) lets Spark adapt. From each finished batch a PID controller estimates how many records per second the application can process, and the direct stream reads no more than that from Kafka. The rest waits in Kafka, where it is safe.',
        'The rate comes down until the processing time fits the batch interval again, and the scheduling delay falls back to zero. Spark never goes below `spark.streaming.backpressure.pid.minRate`, 100 records per second by default.',
      ],
      frame: slowFrame,
      highlight: ['metrics'],
      task: {
        text: 'Tick Backpressure in the Streaming context settings and watch the input rate and the scheduling delay.',
        hint: 'The checkbox is among the settings at the top of the Streaming metrics panel.',
        check: (ctx) => {
          const run = ctx.sim.streaming();
          return (
            run?.spec.backpressure.enabled === true &&
            run.batches.some((b) => b.generatedAtMs <= ctx.sim.timeMs && b.rateLimit !== null)
          );
        },
      },
    },
  ],
};
