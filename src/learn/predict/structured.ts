/**
 * Structured Streaming templates on the flagship (phones → Kafka → a windowed count, file sink):
 * - after a driver crash in the middle of batch N, the restarted query runs batch N again with the
 *   offsets logged in offsets/N (MicroBatchExecution.populateStartOffsets: "re-executing the latest
 *   known batch in the offset log"), not with newer ones;
 * - in the batch that reads phone B's backlog, rows whose window ended at or before the previous
 *   batch's watermark are dropped (statefulOperators.scala, WatermarkSupport.watermarkExpression and
 *   eventTimeWatermarkForLateEvents; Spark ≥ 3.4), while state is evicted by the batch's own.
 * Every number comes from the engine's run of the frame.
 */
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, plural, secs } from './frame';
import { baseQuery, FLAGSHIP, latestOffsets, playQuery, rangesText, tickCeil } from './structuredRun';

const rerunOffsets: PredictTemplate = {
  id: 'structured-rerun-offsets',
  topic: 'structured-streaming',
  kind: 'predict',
  title: 'Which offsets does the re-run batch read after a driver crash?',
  hint: 'The checkpoint holds offsets/N for every planned batch and commits/N for every finished one. What does a restart do with a batch that has the first but not the second?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = rerunAttempt(seed, attempt);
    if (!found) throw new Error(`structured-rerun-offsets: no usable crash for seed ${seed}`);
    return found;
  },
};

function rerunAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(rerunOffsets.id, seed, attempt);
  const limit = c.pick(2, [null, null, 20, 30]);
  const restartAfterMs = c.pick(3, [1000, 2000, 3000, 5000]);
  const own = baseQuery(FLAGSHIP);
  const query = baseQuery(FLAGSHIP, {
    inputs: own.inputs.map((i) => ({ ...i, maxOffsetsPerTrigger: limit })),
  });
  const plain: FrameRef = { scenario: FLAGSHIP, seed: c.simSeed(1), query };
  const { query: before, tickMs, durationMs } = playQuery(plain);
  // A moment on the tick grid after offsets/N was written and before commits/N, in a batch with rows.
  const moments = before.batches.flatMap((b) => {
    if (b.batchId < 1 || b.numInputRows === 0 || b.offsetsWrittenMs === null) return [];
    const ticks: number[] = [];
    for (let t = tickCeil(b.offsetsWrittenMs + 1, tickMs); t < b.commitMs; t += tickMs) ticks.push(t);
    return ticks.map((atMs) => ({ batchId: b.batchId, atMs }));
  });
  if (moments.length === 0) return null;
  const { batchId, atMs } = c.pick(4, moments);
  const frame: FrameRef = {
    ...plain,
    query: { ...query, faults: [{ kind: 'driverCrash', atMs, restartAfterMs }] },
  };
  const { sim, query: run } = playQuery(frame);
  const killed = run.batches.find((b) => b.killed);
  const rerun = run.batches.find((b) => b.reRun);
  const previous = run.batches.find((b) => b.batchId === batchId - 1 && !b.killed);
  if (!killed?.killed || killed.batchId !== batchId || rerun?.batchId !== batchId || !previous) return null;
  const runToMs = tickCeil(rerun.commitMs, tickMs);
  if (runToMs > durationMs) return null;
  const planned = killed.inputs[0]!.ranges;
  const latest = latestOffsets(sim, rerun.triggerMs);
  const from = planned.map((r) => r.fromOffset);
  const until = planned.map((r) => r.untilOffset);
  const span = (f: readonly number[], u: readonly number[]) =>
    rangesText(f.map((fromOffset, p) => ({ fromOffset, untilOffset: u[p]! })));
  const right: ChoiceOption = {
    text: rangesText(rerun.inputs[0]!.ranges),
    why: `Right: batch ${batchId} is in offsets/${batchId} without commits/${batchId}, so it runs again exactly as planned: from where batch ${batchId - 1} ended to the end offsets in offsets/${batchId}.`,
  };
  const distractors: ChoiceOption[] = [
    {
      text: span(until, latest),
      why: `That starts where batch ${batchId} would have ended and skips its rows: nothing committed batch ${batchId}, so it must run first.`,
    },
    {
      text: span(from, latest),
      why: `A batch already in the offset log is not planned again: offsets/${batchId} fixed its end offsets before it ran. Only a crash before offsets/${batchId} is written lets a batch be planned afresh.`,
    },
    {
      text: span(
        latest.map(() => 0),
        latest,
      ),
      why: '`startingOffsets` (earliest here) applies only when a new query starts; a restart resumes from its checkpoint.',
    },
    {
      text: rangesText(previous.inputs[0]!.ranges),
      why: `Batch ${batchId - 1} has commits/${batchId - 1}: it is finished and is not run again.`,
    },
  ];
  const turn = c.int(5, distractors.length);
  const rotated = [...distractors.slice(turn), ...distractors.slice(0, turn)];
  const { options, answer } = arrange(right, rotated, c.int(6, 4));
  const phase =
    killed.killed.phase === 'afterSink'
      ? `after its output reached the file sink (at ${secs(killed.sinkMs)}) but before commits/${batchId} was written`
      : `while it is running (offsets/${batchId} was written at ${secs(killed.offsetsWrittenMs!)}; no commits/${batchId} yet)`;
  const prompt =
    `Kafka → Structured Streaming scenario (seed ${frame.seed})` +
    (limit === null ? '' : `, with maxOffsetsPerTrigger ${limit}`) +
    `: a micro-batch every 5 s reads the topic's 3 partitions (ranges are from → until, the until offset excluded). ` +
    `Batch ${batchId - 1} committed, ending at offsets ${previous.inputs[0]!.ranges.map((r) => r.untilOffset).join(', ')}. ` +
    `Batch ${batchId} was triggered at ${secs(killed.triggerMs)} and its offsets/${batchId} lists end offsets ${until.join(', ')}. ` +
    `The driver dies at ${secs(atMs)}, ${phase}, and is back at ${secs(rerun.triggerMs)}, when the partitions hold offsets up to ${latest.join(', ')}. ` +
    'Which offset ranges does the restarted query read in its first batch?';
  const explanation =
    `The restarted query found offsets/${batchId} but no commits/${batchId}, so it ran batch ${batchId} again (marked re-run) ` +
    `with the ranges of offsets/${batchId}: ${right.text}, ${plural(rerun.numInputRows, 'row')}, the same watermark (${secs(rerun.watermarkMs)}) ` +
    `and the same batch timestamp; it did not ask Kafka for newer offsets. ` +
    (rerun.sink === 'skipped'
      ? `The file sink already had batch ${batchId} in _spark_metadata and skipped the second write. `
      : `Its output reached the file sink for the first time. `) +
    `commits/${batchId} was written at ${secs(rerun.commitMs)}; only then did batch ${batchId + 1} plan new ranges from where batch ${batchId} ended.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs,
    answer: { kind: 'choice', options, answer },
    explanation,
  };
}

const backlogDropped: PredictTemplate = {
  id: 'structured-backlog-dropped',
  topic: 'structured-streaming',
  kind: 'predict',
  title: 'How many of the backlog batch’s rows does the watermark drop?',
  hint: 'A row is late when its window ends at or before the watermark. Since Spark 3.4, which batch’s watermark judges late rows: this one’s or the previous one’s?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = backlogAttempt(seed, attempt);
    if (!found) throw new Error(`structured-backlog-dropped: no usable run for seed ${seed}`);
    return found;
  },
};

function backlogAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(backlogDropped.id, seed, attempt);
  const delayMs = c.pick(2, [2000, 3000, 5000, 8000]);
  const sizeMs = c.pick(3, [5000, 10000]);
  const intervalMs = c.pick(4, [5000, 10000]);
  const own = baseQuery(FLAGSHIP);
  if (own.operator.kind !== 'windowAggregation') throw new Error('predict: the flagship counts in windows');
  const query = baseQuery(FLAGSHIP, {
    inputs: own.inputs.map((i) => ({ ...i, delayMs })),
    operator: { ...own.operator, window: { kind: 'tumbling', sizeMs } },
    trigger: { kind: 'processingTime', intervalMs },
  });
  const frame: FrameRef = { scenario: FLAGSHIP, seed: c.simSeed(1), query };
  const { sim, query: run, tickMs, durationMs } = playQuery(frame);
  const batch = run.batches.find((b) => !b.killed && b.records.some((id) => sim.tuple(id)?.backfilled));
  if (!batch || batch.batchId === 0) return null;
  const runToMs = tickCeil(batch.commitMs, tickMs);
  if (runToMs > durationMs) return null;
  // The rows the batch reads, by tumbling window.
  const byWindow = new Map<number, number>();
  for (const id of batch.records) {
    const start = Math.floor(sim.tuple(id)!.eventTimeMs / sizeMs) * sizeMs;
    byWindow.set(start, (byWindow.get(start) ?? 0) + 1);
  }
  const windows = [...byWindow.entries()].sort((a, b) => a[0] - b[0]);
  const lateBy = (wm: number) => windows.filter(([s]) => s + sizeMs <= wm).reduce((n, [, k]) => n + k, 0);
  const dropped = batch.dropped.length;
  // The rule the explanation states must be the engine's.
  if (lateBy(batch.lateWatermarkMs) !== dropped) return null;
  const byOwn = lateBy(batch.watermarkMs);
  const windowName = (s: number) => `[${secs(s)}, ${secs(s + sizeMs)})`;
  const listed = windows.map(([s, n]) => `${windowName(s)}: ${n}`).join(', ');
  const late = windows.filter(([s]) => s + sizeMs <= batch.lateWatermarkMs);
  const emitted = [...new Set(batch.output.map((r) => r.window!.startMs))].sort((a, b) => a - b);
  const prompt =
    `Kafka → Structured Streaming scenario (seed ${frame.seed}): the query counts readings per sensor in ${secs(sizeMs)} tumbling event-time windows, ` +
    `with withWatermark delay ${secs(delayMs)}, a micro-batch every ${secs(intervalMs)} and append mode (Spark 3.5). ` +
    `Phone B was offline from 15 s to 40 s and has sent its backlog. Batch ${batch.batchId}, at ${secs(batch.triggerMs)}, will read ${plural(batch.numInputRows, 'row')}; by window: ${listed}. ` +
    `Batch ${batch.batchId - 1} ran with watermark ${secs(batch.lateWatermarkMs)} and moved it to ${secs(batch.watermarkMs)}, which batch ${batch.batchId} runs with. ` +
    `How many rows will batch ${batch.batchId} drop as too late?`;
  const explanation =
    `Since Spark 3.4 a batch judges late rows by the previous batch's watermark (${secs(batch.lateWatermarkMs)}, from offsets/${batch.batchId - 1}) ` +
    `and evicts state by its own (${secs(batch.watermarkMs)}). A row is late when its window ends at or before ${secs(batch.lateWatermarkMs)}: ` +
    (late.length > 0
      ? `${late.map(([s, n]) => `${windowName(s)} (${n})`).join(', ')}, so ${plural(dropped, 'row is', 'rows are')} dropped (numRowsDroppedByWatermark ${dropped}). `
      : 'no window it reads ended that early, so nothing is dropped. ') +
    (byOwn !== dropped
      ? `Judged by the batch's own watermark, as before Spark 3.4, ${byOwn} would have been dropped. `
      : '') +
    (emitted.length > 0
      ? `Windows ending at or before ${secs(batch.watermarkMs)} are then emitted and removed in the same batch: ${emitted.map(windowName).join(', ')}.`
      : `No window ends at or before ${secs(batch.watermarkMs)} yet, so the batch emits nothing.`);
  return {
    prompt,
    frame: { ...frame, timeMs: batch.triggerMs - tickMs },
    runToMs,
    answer: { kind: 'numeric', answer: dropped, unit: 'rows' },
    explanation,
  };
}

export const structuredTemplates: readonly PredictTemplate[] = [rerunOffsets, backlogDropped];
