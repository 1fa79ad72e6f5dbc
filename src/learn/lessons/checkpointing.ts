import { type Simulation, type SinkGuarantee, type StreamingSpec, sinkLedger } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import type { FrameRef, Lesson, TaskContext } from '../types';

/** The driver dies here in the prepared frames, while the batch at 10 s is still in its checkpoint. */
const CRASH_MS = 10500;
const DOWN_MS = 2000;

/** A preset's streaming application with a driver crash at CRASH_MS (and optional changes). */
function withCrash(preset: string, change: Partial<StreamingSpec> = {}): StreamingSpec {
  const own = findPreset(preset)!.scenario.streaming!;
  return {
    ...own,
    ...change,
    faults: [{ atMs: CRASH_MS, kind: 'driverCrash', restartAfterMs: DOWN_MS }],
  };
}

const crashedStateful: FrameRef = {
  scenario: 'stateful-streams',
  seed: 9,
  timeMs: 16000,
  streaming: withCrash('stateful-streams'),
};

/** Whether a driver failure has happened and the driver is back, by the cursor. */
function recovered(sim: Simulation): boolean {
  const now = sim.timeMs;
  return sim.streaming()?.recoveries.some((r) => r.crashMs <= now && r.restartMs <= now) ?? false;
}

/** The guarantee the learner chose for the sink `id`, or null when there is no such sink. */
function guaranteeOf(ctx: TaskContext, id: string): SinkGuarantee | null {
  const op = ctx.sim.scenario.spec.streaming?.pipeline.find((o) => o.id === id && o.op === 'sink');
  return op ? (op.guarantee ?? 'atLeastOnce') : null;
}

/** Batches whose output the sink `id` has lost for good under its chosen guarantee, by the cursor. */
function lostBatches(ctx: TaskContext, id: string): readonly number[] {
  const run = ctx.sim.streaming();
  const guarantee = guaranteeOf(ctx, id);
  const node = run?.nodes.find((n) => n.spec.id === id);
  if (!run || !node || guarantee === null) return [];
  return sinkLedger(run, node.index, guarantee, ctx.sim.timeMs).lostBatches;
}

export const checkpointingLesson: Lesson = {
  id: 'checkpointing',
  topic: 'checkpointing',
  title: 'Checkpoints, recovery and delivery guarantees',
  summary:
    'What Spark Streaming writes to its checkpoint directory, how a crashed driver recovers from it, and what at-most-once, at-least-once and exactly-once output mean.',
  steps: [
    {
      title: 'What a checkpoint holds',
      body: [
        'Spark Streaming writes two kinds of checkpoint to the directory given to `ssc.checkpoint(dir)`. Metadata checkpoints hold what a driver needs to restart: the configuration, the DStream graph, the batches not yet completed and, for Kafka, the offset ranges of those batches. Spark writes one when it generates each batch and writes the same file again when that batch completes, no longer listing it as pending; the panel shows each file as it stands at the moment you look.',
        // JobGenerator.generateJobs posts DoCheckpoint(time, clearCheckpointDataLater = false); clearMetadata,
        // on batch completion, posts DoCheckpoint(time, clearCheckpointDataLater = true). JobGenerator.restart:
        // downTimes = checkpointTime.until(restartTime, batchDuration) starts at the checkpoint's own time.
        'Data checkpoints save RDDs themselves, here the state of `totals` and `sessions` every 10 s. They cut the lineage, so after a failure the state is reloaded instead of being recomputed from the very first batch.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 5000 },
      highlight: ['checkpoints'],
      task: {
        text: 'Play past 10 s until the first state checkpoint is written, then click it in the Checkpoints panel to see what it holds.',
        hint: 'The file list shows the newest files first; a state checkpoint is named after its DStream, such as `totals: rdd-…`.',
        check: (ctx) =>
          ctx.sim.streaming()?.dataCheckpoints.some((c) => c.writtenAtMs <= ctx.sim.timeMs) ?? false,
      },
    },
    {
      title: 'The driver dies',
      body: [
        'If the driver fails, the whole application stops: running and queued batches are killed. A restarted driver calls `StreamingContext.getOrCreate(dir, …)`, which rebuilds the context from the newest metadata checkpoint instead of starting afresh.',
        'It re-runs the batches that were pending in that checkpoint, generates the batches for the time it was down, reloads the state from its data checkpoint and reads the same Kafka offset ranges again. Kafka still has the records, so nothing is lost. A receiver would have lost what it held in memory, unless its write-ahead log was on.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: CRASH_MS },
      highlight: ['recovery', 'dstream'],
      task: {
        text: 'Press “Crash the driver now” in the Recovery panel, then play until the driver is back, and read what was restored and re-run.',
        hint: '“back after” sets how long the driver stays down (2 s unless you change it). Re-run batches are marked in the DStream timeline.',
        check: (ctx) => recovered(ctx.sim),
      },
    },
    {
      title: 'At least once: written twice',
      body: [
        'Here the driver died at 10.5 s and was running batches again from 13 s. The batch at 10 s had already written its output, yet it ran again: recovery re-runs the batch of the checkpoint it starts from. So its output reached each sink a second time, and an at-least-once sink now holds duplicates.',
        'Spark’s output operations are at-least-once. Exactly-once output needs the sink’s help: an idempotent write (keyed by batch time and element, so a re-run overwrites the same rows) or a transactional one (the output and the batch id commit together, so a batch already committed is skipped).',
      ],
      frame: crashedStateful,
      highlight: ['recovery'],
      task: {
        text: 'In the Recovery panel, set the guarantee of the sink `saveTotals` to exactly once (idempotent) or exactly once (transactional), and compare the duplicates column.',
        hint: 'Each sink has its own Guarantee menu; the table under it shows what the sink would hold under every guarantee.',
        check: (ctx) => {
          const g = guaranteeOf(ctx, 'saveTotals');
          return (g === 'idempotent' || g === 'transactional') && recovered(ctx.sim);
        },
      },
    },
    {
      title: 'At most once: lost',
      body: [
        'The opposite choice records a batch as done when it starts. A batch killed while running is then never written again: there are no duplicates, but its output is lost. That is at-most-once.',
        'In this application each batch takes about 0.8 s, so when the driver dies at 10.5 s the batch at 10 s is still running.',
      ],
      frame: {
        scenario: 'spark-falling-behind',
        seed: 3,
        timeMs: 14000,
        streaming: withCrash('spark-falling-behind', { checkpointDir: '/tmp/streamscope' }),
      },
      highlight: ['recovery', 'dstream'],
      task: {
        text: 'Set the guarantee of the sink `save` to at most once, and find the batch it lost in the table.',
        hint: 'The column “batches lost” names the batch times whose output never reached the sink.',
        check: (ctx) => guaranteeOf(ctx, 'save') === 'atMostOnce' && lostBatches(ctx, 'save').length > 0,
      },
    },
    {
      title: 'No checkpoint, no recovery',
      body: [
        'Without a checkpoint directory there is nothing to recover from: the restarted driver starts a new application. The batches in flight are lost, any state is gone, and where it resumes reading Kafka depends on its starting offsets.',
        'This application reads from `earliest`, so it would process the whole topic again; with `latest` it would skip everything that arrived while it was down. Neither is what you want.',
        // Spark's Kafka integration guide (docs/streaming-kafka-0-10-integration.md, "Storing Offsets"):
        // checkpoints, Kafka itself (CanCommitOffsets.commitAsync), or your own data store.
        'Spark’s Kafka integration documents three places to keep the offsets so that a restart resumes where it stopped: the checkpoint (as here, once you set one); Kafka itself, by committing each batch’s offset ranges after its output with `stream.asInstanceOf[CanCommitOffsets].commitAsync(offsetRanges)`, which a new application in the same group then resumes from (at least once: a batch whose output was written but whose commit was not is read again); or your own data store, written in the same transaction as the results, which gives exactly-once output.',
      ],
      frame: {
        scenario: 'spark-falling-behind',
        seed: 3,
        timeMs: 14000,
        streaming: withCrash('spark-falling-behind'),
      },
      highlight: ['recovery', 'metrics'],
      task: {
        text: 'Type a directory (such as /tmp/streamscope) into Checkpoint directory in the Streaming context settings, and read the Recovery panel again.',
        hint: 'The settings are at the top of the Streaming metrics panel. The driver still dies at 10.5 s; now it recovers from a checkpoint.',
        check: (ctx) =>
          ctx.sim.scenario.spec.streaming?.checkpointDir != null &&
          (ctx.sim
            .streaming()
            ?.recoveries.some((r) => r.checkpointMs !== null && r.restartMs <= ctx.sim.timeMs) ??
            false),
      },
    },
    {
      title: 'Exactly once, end to end',
      body: [
        'End-to-end exactly-once needs three things together: a source that can replay (Kafka, with the offsets kept in the checkpoint), processing that gives the same result when re-run, and an idempotent or transactional sink. Structured Streaming is built on the same idea: its checkpoint location holds an offset log and a commit log, one entry per micro-batch.',
        'Flink gets there another way. It takes consistent snapshots of all operator state together with the source offsets while the stream runs, and its two-phase-commit sinks make their output visible only when a snapshot completes.',
      ],
      frame: { ...crashedStateful, timeMs: 20000 },
      highlight: ['recovery', 'checkpoints'],
    },
  ],
};
