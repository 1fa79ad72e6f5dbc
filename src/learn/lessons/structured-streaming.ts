import type { QueryBatch, Simulation } from '../../engine';
import type { Lesson, TaskContext } from '../types';

/**
 * Structured Streaming end to end, on the flagship preset: phones → a Kafka topic → a query that
 * counts readings per sensor in 10 s event-time windows (watermark 5 s, a trigger every 5 s, append
 * mode, a file sink). The numbers the prose states come from the engine; lessons.test.ts checks them.
 *
 * Sources (every rule below, with the Spark class or doc page it comes from):
 * - Micro-batch lifecycle: MicroBatchExecution.constructNextBatch → markMicroBatchStart writes
 *   offsets/N before the batch runs; runBatch → addBatch (the sink), then markMicroBatchEnd writes
 *   commits/N with the next watermark (CommitLog.scala class comment: "obtain batch 1 offsets and
 *   write to offset log, process batch 1, write batch 1 to completion log").
 * - Restart: MicroBatchExecution.populateStartOffsets ("First assume that we are re-executing the
 *   latest known batch in the offset log"; isCurrentBatchConstructed = true).
 * - Kafka source: KafkaMicroBatchStream.commit is empty; Kafka integration guide, "Kafka Specific
 *   Configurations": "enable.auto.commit: Kafka source doesn't commit any offset"
 *   (https://spark.apache.org/docs/latest/structured-streaming-kafka-integration.html).
 * - Watermark: WatermarkTracker.updateWatermark (max event time − delay, only forward), stored in
 *   commits/N as nextBatchWatermarkMs and read into offsets/N+1's batchWatermarkMs.
 * - Late rows vs eviction: statefulOperators.scala, WatermarkSupport.watermarkExpression
 *   (LessThanOrEqual on the window's end) and eventTimeWatermarkForLateEvents ("should be the
 *   previous batch state eviction watermark"); WatermarkPropagator.PropagateWatermarkSimulator.
 * - No-data batches: spark.sql.streaming.noDataMicroBatches.enabled (default true) and
 *   StateStoreSaveExec.shouldRunAnotherBatch.
 * - Sinks: the guide's Output Sinks table
 *   (https://spark.apache.org/docs/latest/streaming/apis-on-dataframes-and-datasets.html):
 *   file sink exactly-once, Kafka at-least-once, console not fault-tolerant, foreachBatch "Depends
 *   on the implementation"; FileStreamSink.addBatch skips a batch id already in _spark_metadata
 *   ("Skipping already committed batch").
 */

/** The query's batches whose part `at` had happened by the cursor (none without a query). */
function batchesBy(sim: Simulation, at: (b: QueryBatch) => number | null): QueryBatch[] {
  const now = sim.timeMs;
  return (sim.query()?.batches ?? []).filter((b) => {
    const t = at(b);
    return t !== null && t <= now;
  });
}

/** Whether the checkpoint file ending with `suffix` had been written by the cursor. */
function fileWritten(ctx: TaskContext, suffix: string): boolean {
  const now = ctx.sim.timeMs;
  return ctx.sim.query()?.files.some((f) => f.path.endsWith(suffix) && f.writtenAtMs <= now) ?? false;
}

/** Whether a committed batch had removed state rows of the window starting at `startMs` by the cursor. */
function windowEvicted(sim: Simulation, startMs: number): boolean {
  return batchesBy(sim, (b) => (b.killed ? null : b.commitMs)).some((b) =>
    b.state.removed.some((r) => r.window?.startMs === startMs),
  );
}

export const structuredStreamingLesson: Lesson = {
  id: 'structured-streaming',
  topic: 'structured-streaming',
  title: 'Structured Streaming end to end',
  summary:
    'Follow sensor readings from three phones through a Kafka topic into a Spark Structured Streaming query: micro-batches planned from offsets, the watermark, the state store, late rows, an exactly-once file sink, and a driver crash it recovers from.',
  steps: [
    {
      title: 'Readings into a Kafka log',
      body: [
        'Three phones send sensor readings to a Kafka topic with 3 partitions. Each reading’s key (the sensor) picks its partition, and the partition keeps it in a durable, replicated log at an offset. Nothing is removed when it is read, so any range of offsets can be read again later.',
        'Partition 0 holds one sensor only, `temp-b` on phone B. Phone B is offline from 15 s to 40 s, so partition 0 gets nothing in that time, and then all of B’s backlog at once.',
        // KafkaMicroBatchStream.commit is a no-op; Kafka guide: "Kafka source doesn't commit any offset".
        'The query reads the topic with Spark’s Kafka source. It is not a member of a consumer group and commits nothing to Kafka: it keeps the offsets it has read in its own checkpoint. The Consumers view shows where it stands in each partition, taken from that checkpoint.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 3000 },
      highlight: ['producers', 'broker', 'consumers'],
      task: {
        text: 'Click the title “Partition 0” in the Broker panel and look at the keys of the records it holds.',
        hint: 'The title is the bold line above each block; the inspector then shows the partition’s newest records.',
        check: (ctx) =>
          ctx.selectedEntity?.kind === 'partition' &&
          (ctx.selectedEntity as { partition?: unknown }).partition === 0,
      },
    },
    {
      title: 'A micro-batch is planned from offsets',
      body: [
        // MicroBatchExecution.constructNextBatch → markMicroBatchStart → offsetLog.add(batchId, …).
        'Every 5 s the trigger fires. The driver asks each partition for its latest offset and writes the end offsets of the new batch to `offsets/N` in the checkpoint location, together with the batch’s watermark and timestamp. Only then does the batch run. Batch 0, at 5 s, reads offsets 0–4, 0–9 and 0–10 of the three partitions: 23 rows.',
        // runBatch: addBatch (the sink) then markMicroBatchEnd → commitLog.add(batchId, CommitMetadata(watermark)).
        'The batch is done when its output has reached the sink and `commits/N` is written. A batch with an `offsets/N` but no `commits/N` is unfinished, and that is what a restart looks for.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 5000 },
      highlight: ['qprogress', 'qcheckpoint'],
      task: {
        text: 'Play until batch 0 has finished, and find `offsets/0` and `commits/0` in the Checkpoints panel. Which one was written first?',
        hint: 'Batch 0 takes less than half a second. The files carry the time they were written.',
        check: (ctx) => fileWritten(ctx, '/commits/0'),
      },
    },
    {
      title: 'The watermark and the state store',
      body: [
        // WatermarkTracker.updateWatermark: max event time − delay, only forward; used by the next batch.
        'After each batch, the watermark becomes the newest event time read so far minus the 5 s delay. It never moves back, and it is used by the next batch. Batch 1 read readings up to 9 s, so batch 2 runs with a watermark of 4 s.',
        // statefulOperators.scala: StateStoreSaveExec evicts keys with window.end <= watermark; Append emits them then.
        'The state store keeps one row per sensor and window, holding the running count. In append mode a window’s row stays in the store until the window’s end is at or below the watermark. Then it is emitted once, as final, and removed. Window [0 s, 10 s) leaves in batch 4 at 25 s, whose watermark is 14 s.',
        // noDataMicroBatches.enabled + StateStoreSaveExec.shouldRunAnotherBatch (Append or Update only).
        'If no new data came but the watermark had moved, Spark would still run a batch without data, so finished windows are not held back until the next reading arrives.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 20000 },
      highlight: ['qstate', 'qprogress'],
      task: {
        text: 'Play until the rows of window [0 s, 10 s) leave the state store. Compare that batch’s watermark with the window’s end.',
        hint: 'The State store panel marks the rows a batch removed; the Query progress table gives each batch’s watermark.',
        check: (ctx) => windowEvicted(ctx.sim, 0),
      },
    },
    {
      title: 'Phone B’s backlog: late rows',
      body: [
        'Phone B comes back at 40 s and sends 25 s of readings at once. Batch 8, at 45 s, reads 76 rows; partition 0 alone has 30 of them.',
        // WatermarkSupport.eventTimeWatermarkForLateEvents; PropagateWatermarkSimulator.getInputWatermarkForLateEvents (batchId - 1).
        'Since Spark 3.4 a batch judges late rows by the previous batch’s watermark (29 s here) and evicts state by its own (34.5 s). A row is late when its window’s end is at or below that watermark. B’s 10 readings of window [10 s, 20 s) are dropped: 20 ≤ 29. That window was emitted in batch 6 and cannot change.',
        'B’s readings of window [20 s, 30 s) still count, since 30 > 29. That window is then emitted in the same batch, because 30 ≤ 34.5.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 44000 },
      highlight: ['qprogress', 'qstate'],
      task: {
        text: 'Play until batch 8 has run, and find how many rows it dropped by the watermark.',
        hint: 'The Query progress table has a column for rows dropped as late; click the batch’s number for the details.',
        check: (ctx) =>
          batchesBy(ctx.sim, (b) => (b.killed ? null : b.sinkMs)).some((b) => b.dropped.length > 0),
      },
    },
    {
      title: 'The sink: exactly once for files',
      body: [
        // FileStreamSink.addBatch: `if (batchId <= fileLog.getLatestBatchId()...) logInfo("Skipping already committed batch")`.
        'The file sink writes each batch’s rows to files under /data/sensor-counts. It then records the batch in the directory’s own log, `_spark_metadata/N`. If the same batch id is handed to it again after a restart, it finds the batch in that log and skips it. That is how the file sink gets exactly-once output.',
        // Output Sinks table, "Fault-tolerant" column.
        'Other sinks do not all do this. The Kafka sink is at-least-once: a re-run batch writes its records again. The console sink is not fault-tolerant. With `foreachBatch` it depends on your code: writing keyed by the batch id makes it exactly-once.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 46000 },
      highlight: ['qsink', 'qcheckpoint'],
    },
    {
      title: 'Crash the driver mid-batch',
      body: [
        'At 35.2 s batch 6 is running: `offsets/6` was written at 35.05 s and there is no `commits/6` yet. If the driver dies now, the batch is lost with it, but its offsets are not.',
        // MicroBatchExecution.populateStartOffsets: latest offsets/N without commits/N → re-execute batch N.
        'The restarted query finds `offsets/6` without `commits/6`, so it runs batch 6 again with the same offset ranges, the same watermark (24 s) and the same batch timestamp. It does not ask Kafka for newer offsets. State is restored from version 6 of the state store, the one batch 5 committed.',
        // MicroBatchExecution.markMicroBatchEnd → commitLog.add; FileStreamSink.addBatch skips a logged batch.
        'When the re-run has written to the sink, `commits/6` is written and batch 7 carries on from where batch 6 ended. Had the crash come after the sink wrote, the file sink would find batch 6 in `_spark_metadata` and skip the second write.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 35200 },
      highlight: ['qprogress', 'qcheckpoint'],
      task: {
        text: 'Press “Crash the driver now” in the Query progress panel, then play until the re-run of batch 6 has committed. Compare its offset ranges with the killed attempt’s.',
        hint: '“back after” sets how long the driver stays down (3 s unless you change it). A re-run batch is marked “(re-run)” in the progress table.',
        check: (ctx) => batchesBy(ctx.sim, (b) => (b.reRun ? b.commitMs : null)).length > 0,
      },
    },
  ],
};
