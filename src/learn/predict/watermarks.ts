/**
 * Watermark templates: which tuples on their way will be dropped as late, and the watermark after
 * the next micro-batch. Spark's rules as the engine runs them (eventtime/spark.ts): the watermark is
 * the newest event time seen minus the delay, computed when a micro-batch ends, never decreasing.
 */
import { type SparkBatch, watermarkAt } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import {
  arrivedBy,
  type EventTimeRun,
  eventTimeRun,
  newest,
  onTheWay,
  sparkQuery,
  tupleList,
  windowOf,
  windowText,
} from './eventTimeRun';
import { chooser, plural, secs } from './frame';

const PRESET = 'watermarks';

const lateInFlight: PredictTemplate = {
  id: 'watermark-late-in-flight',
  topic: 'watermarks',
  kind: 'predict',
  title: 'Which tuples on their way will be dropped as late?',
  hint: 'Compare each tuple’s window end with the watermark: a window that has ended at or before the watermark takes no more tuples.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = lateAttempt(seed, attempt);
    if (!found) throw new Error(`watermark-late-in-flight: no usable moment for seed ${seed}`);
    return found;
  },
};

function lateAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(lateInFlight.id, seed, attempt);
  const sizeMs = c.pick(1, [4000, 5000]);
  const delayMs = c.pick(2, [500, 1000, 1500, 2000]);
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(3),
    eventTime: sparkQuery(PRESET, { sizeMs, delayMs }),
  };
  const run = eventTimeRun(frame);
  const trigger = run.query.spark.triggerMs;
  const late = new Map(run.analysis.late.map((l) => [l.id, l]));
  const moments: { atMs: number; wm: number; way: ReturnType<typeof onTheWay>; dropped: number }[] = [];
  for (let atMs = 6500; atMs <= run.durationMs - 4 * trigger; atMs += trigger) {
    const wm = watermarkAt(run.analysis.watermark, atMs, 0);
    const way = onTheWay(run, atMs);
    if (way.length < 2) continue;
    if (way.some((t) => run.byId.get(t.id)!.arrivalMs > run.durationMs - trigger)) continue;
    // Only moments where the rule the learner can apply now (window end ≤ watermark now) decides
    // every fate: no tuple is caught by a watermark that moves on before it arrives.
    const ruleHolds = way.every((t) => late.has(t.id) === windowOf(run.query, t.eventTimeMs).endMs <= wm);
    const dropped = way.filter((t) => late.has(t.id)).length;
    if (ruleHolds && dropped > 0 && dropped < way.length) moments.push({ atMs, wm, way, dropped });
  }
  if (moments.length === 0) return null;
  const m = c.pick(4, moments);
  const arrivals = m.way.map((t) => run.byId.get(t.id)!.arrivalMs);
  const runToMs = Math.ceil(Math.max(...arrivals) / trigger) * trigger;
  const seen = newest(arrivedBy(run, m.atMs))!;
  const way = [...m.way].sort((a, b) => a.eventTimeMs - b.eventTimeMs);
  const dropped = way.filter((t) => late.has(t.id));
  const kept = way.filter((t) => !late.has(t.id));
  const prompt =
    `Watermarks scenario (seed ${frame.seed}): a Spark query counts tuples in ${secs(sizeMs)} tumbling ` +
    `event-time windows, with a watermark ${secs(delayMs)} behind the newest event time and a micro-batch every ${secs(trigger)}. ` +
    `At ${secs(m.atMs)} the watermark is ${secs(m.wm)} and the newest event time seen is ${secs(seen.eventTimeMs)}. ` +
    `${plural(way.length, 'tuple is', 'tuples are')} still on the way to the query: ${tupleList(way, 8)}. ` +
    `How many of these ${way.length} will be dropped as late when they arrive?`;
  const explanation =
    `A Spark query drops a tuple whose window ended at or before the watermark (window end ≤ watermark; since Spark 3.4 ` +
    `judged by the previous batch's watermark). The watermark was ${secs(m.wm)} at ${secs(m.atMs)}, and it only grows. ` +
    `Dropped: ${tupleList(dropped, 6, (t) => describeDrop(run, t.id))}. ` +
    `Counted: ${tupleList(kept, 6, (t) => `window ${windowText(windowOf(run.query, t.eventTimeMs))} still open`)}.`;
  return {
    prompt,
    frame: { ...frame, timeMs: m.atMs },
    runToMs,
    answer: { kind: 'numeric', answer: dropped.length, unit: 'tuples' },
    explanation,
  };
}

function describeDrop(run: EventTimeRun, id: number): string {
  const l = run.analysis.late.find((x) => x.id === id)!;
  return `window ${windowText(l.windows[0]!)}, arrived at ${secs(run.byId.get(id)!.arrivalMs)}, dropped in the batch at ${secs(l.atMs)} against watermark ${secs(l.watermarkMs)}`;
}

const nextWatermark: PredictTemplate = {
  id: 'watermark-next-batch',
  topic: 'watermarks',
  kind: 'predict',
  title: 'What will the watermark be after the next micro-batch?',
  hint: 'The watermark moves only when a micro-batch ends: newest event time seen minus the delay, and it never goes back. With one watermark per input, Spark takes the minimum.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = watermarkAttempt(seed, attempt);
    if (!found) throw new Error(`watermark-next-batch: no usable moment for seed ${seed}`);
    return found;
  },
};

function watermarkAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(nextWatermark.id, seed, attempt);
  const delayMs = c.pick(1, [1000, 2000, 3000]);
  const triggerMs = c.pick(2, [1000, 2000]);
  const inputs = c.pick(3, ['single', 'single', 'perProducer'] as const);
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(4),
    eventTime: sparkQuery(PRESET, { sizeMs: 5000, delayMs, triggerMs, inputs }),
  };
  const run = eventTimeRun(frame);
  const batches = run.analysis.batches!;
  const before = c.pick(5, [100, 200, 400]);
  const moments: { batch: SparkBatch; atMs: number; wm: number; changes: boolean }[] = [];
  batches.forEach((b, i) => {
    const atMs = b.atMs - before;
    if (b.atMs < 4000 || i === 0 || atMs <= batches[i - 1]!.atMs) return;
    // Fair moments only: nothing arriving in the last moments before the batch changes the maxima.
    if (maxima(run, atMs).join() !== maxima(run, b.atMs).join()) return;
    const wm = watermarkAt(run.analysis.watermark, atMs, 0);
    moments.push({ batch: b, atMs, wm, changes: b.nextWatermarkMs !== wm });
  });
  const changing = moments.filter((m) => m.changes);
  const pool = changing.length > 0 && c.int(6, 4) !== 0 ? changing : moments;
  if (pool.length === 0) return null;
  const m = c.pick(7, pool);
  const max = maxima(run, m.atMs);
  const perInput = inputs === 'perProducer';
  const seenText = perInput
    ? run.producerIds.map((p, i) => `${p} ${max[i] === null ? 'nothing yet' : secs(max[i]!)}`).join(', ')
    : secs(max[0]!);
  const answerMs = m.batch.nextWatermarkMs;
  const prompt =
    `Watermarks scenario (seed ${frame.seed}): a Spark query with a watermark delay of ${secs(delayMs)} and a micro-batch every ${secs(triggerMs)}` +
    `${perInput ? ', one watermarked stream per producer combined with the default policy (min)' : ''}. ` +
    `At ${secs(m.atMs)} the watermark is ${secs(m.wm)}; ${perInput ? `the newest event times that have reached the query are: ${seenText}` : `the newest event time that has reached the query is ${seenText}`}. ` +
    `The next micro-batch runs at ${secs(m.batch.atMs)}. What will the watermark be after it, in seconds of event time (to 0.01 s)?`;
  const rule = perInput
    ? `each producer's watermark is its newest event time minus ${secs(delayMs)} (${run.producerIds
        .map(
          (p, i) => `${p}: ${max[i] === null ? 'none, counted as 0' : secs(Math.max(0, max[i]! - delayMs))}`,
        )
        .join(', ')}) and the query takes the minimum`
    : `it is the newest event time minus the delay: ${secs(max[0]!)} − ${secs(delayMs)}`;
  const explanation =
    `When the micro-batch at ${secs(m.batch.atMs)} ends, Spark computes the watermark the next batch will use: ${rule}; ` +
    `it never decreases. So it ${answerMs === m.wm ? 'stays at' : `moves from ${secs(m.wm)} to`} ${secs(answerMs)}. ` +
    'Between micro-batches it does not move, however many tuples arrive.';
  return {
    prompt,
    frame: { ...frame, timeMs: m.atMs },
    runToMs: m.batch.atMs,
    answer: { kind: 'numeric', answer: answerMs / 1000, tolerance: 0.01, unit: 's' },
    explanation,
  };
}

/** Newest event time per watermarked input among the records arrived by `atMs` (null: none yet). */
function maxima(run: EventTimeRun, atMs: number): (number | null)[] {
  const inputs = run.query.inputs === 'perProducer' ? run.producerIds.length : 1;
  const out: (number | null)[] = new Array(inputs).fill(null);
  for (const r of arrivedBy(run, atMs)) out[r.input] = Math.max(out[r.input] ?? r.eventTimeMs, r.eventTimeMs);
  return out;
}

export const watermarkTemplates: readonly PredictTemplate[] = [lateInFlight, nextWatermark];
