/**
 * DStreams and micro-batching:
 * - the value a windowed DStream prints at a batch, given the per-batch counts.
 *   reduceByKeyAndWindow(window W, slide S) at time T reduces the batches in (T − W, T];
 * - the scheduling delay of the next batch when batches take longer than the interval: batches run
 *   one at a time, so a batch starts at its time or when the one before it ends, whichever is later.
 */
import { type Batch, valueKey } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { chooser, frameSimulation, plural, secs } from './frame';
import { editedStreaming, pairsAt, playStreaming, tickCeil } from './streamingRun';

const PRESET = 'dstream-windows';

const windowValue: PredictTemplate = {
  id: 'dstream-window-value',
  topic: 'dstreams',
  kind: 'predict',
  title: 'What will the windowed DStream print for this key?',
  hint: 'A window of W seconds at batch time T covers the batches after T − W, up to and including T.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = attemptAt(seed, attempt);
    if (!found) throw new Error(`dstream-window-value: no usable batch for seed ${seed}`);
    return found;
  },
};

function attemptAt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(windowValue.id, seed, attempt);
  const windowMs = c.pick(1, [3000, 4000, 5000, 6000]);
  const slideMs = c.pick(2, [1000, 2000]);
  const rate = c.pick(3, [1, 1, 1.5, 2]);
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(4),
    streaming: editedStreaming(PRESET, { windowed: { windowMs, slideMs } }),
    ...(rate === 1 ? {} : { rate }),
  };
  const played = playStreaming(frame);
  const { run, tickMs, durationMs } = played;
  const B = run.spec.batchIntervalMs;
  const counts = played.node('counts');
  const windowed = played.node('windowed');
  const countOf = (t: number, key: string) =>
    pairsAt(run, counts, t).find(([k]) => valueKey(k) === valueKey(key))?.[1] ?? 0;
  const moments: { t: number; key: string; value: number }[] = [];
  for (const b of run.batches) {
    const t = b.timeMs;
    if (t < windowMs + 2 * B || b.endMs === null || b.endMs > durationMs - tickMs) continue;
    if (!run.isTimeValid(windowed.index, t)) continue;
    for (const [k, v] of pairsAt(run, windowed, t)) {
      const key = String(k);
      // Meaningful: the batch just outside the window has this key, so counting one batch too many shows.
      if (countOf(t - windowMs, key) > 0) moments.push({ t, key, value: v });
    }
  }
  if (moments.length === 0) return null;
  const m = c.pick(5, moments);
  const batch = run.batchAt(m.t)!;
  const shown: string[] = [];
  for (let t = m.t - windowMs - B; t <= m.t; t += B) shown.push(`${countOf(t, m.key)} at ${secs(t)}`);
  const covered: number[] = [];
  for (let t = m.t - windowMs + B; t <= m.t; t += B) covered.push(t);
  const prompt =
    `DStream-windows scenario (seed ${frame.seed}${rate === 1 ? '' : `, sensors at ×${rate}`}): batches every ${secs(B)}; ` +
    `counts = pairs.reduceByKey(_ + _) gives each batch's readings per room, and windowed = pairs.reduceByKeyAndWindow(_ + _, ` +
    `Seconds(${windowMs / 1000}), Seconds(${slideMs / 1000})). The batch at ${secs(m.t)} has just been generated. ` +
    `counts for ${m.key}, batch by batch: ${shown.join(', ')}. What will windowed print for ${m.key} at ${secs(m.t)}?`;
  const explanation =
    `A ${secs(windowMs)} window at ${secs(m.t)} covers the batches after ${secs(m.t - windowMs)}: ${covered.map(secs).join(', ')}. ` +
    `Their counts for ${m.key} add up to ${covered.map((t) => countOf(t, m.key)).join(' + ')} = ${m.value}. ` +
    `The batch at ${secs(m.t - windowMs)} (${countOf(m.t - windowMs, m.key)}) is just outside. ` +
    `The slide (${secs(slideMs)}) only says how often the window is computed: at ${secs(m.t)} it is, because ${secs(m.t)} is a multiple of ${secs(slideMs)} after the start.`;
  return {
    prompt,
    frame: { ...frame, timeMs: m.t },
    runToMs: tickCeil(batch.endMs!, tickMs),
    answer: { kind: 'numeric', answer: m.value, unit: 'readings' },
    explanation,
  };
}

const schedulingDelay: PredictTemplate = {
  id: 'dstream-scheduling-delay',
  topic: 'dstreams',
  kind: 'predict',
  title: 'What will the next batch’s scheduling delay be?',
  hint: 'Batches run one at a time. A batch is generated on time, but it starts only when it is due and the batch before it has finished.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = delayAttempt(seed, attempt);
    if (!found) throw new Error(`dstream-scheduling-delay: no usable batch for seed ${seed}`);
    return found;
  },
};

const BEHIND = 'spark-falling-behind';

function delayAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(schedulingDelay.id, seed, attempt);
  // Half the preset's rate, and a per-record cost around the break-even point (1 s of work per batch).
  const perRecordMs = c.pick(1, [12, 13, 14, 16]);
  const frame: FrameRef = {
    scenario: BEHIND,
    seed: c.simSeed(2),
    rate: 0.5,
    streaming: editedStreaming(BEHIND, {}, { perRecordMs }),
  };
  const sim = frameSimulation(frame);
  const { tickMs, durationMs } = sim.scenario.spec;
  const askMs = 1000 * (3 + c.int(3, 8));
  sim.seekTime(askMs + 1000);
  const run = sim.streaming()!;
  const B = run.spec.batchIntervalMs;
  const next = run.batchAt(askMs + B);
  // The batches generated by now that have not finished: one running, the others queued behind it.
  const ahead = run.batches.filter((b) => b.timeMs <= askMs && b.endMs !== null && b.endMs > askMs);
  if (!next || next.startMs === null || next.endMs === null || ahead.length === 0) return null;
  if ([...ahead, next].some((b) => b.attempt > 1 || b.startMs === null)) return null;
  const running = ahead[0]!;
  if (running.startMs! > askMs) return null;
  const chainEndMs = ahead.reduce((end, b) => Math.max(end, b.timeMs) + processing(b), running.startMs!);
  // JobScheduler runs jobs on spark.streaming.concurrentJobs threads, 1 by default: a batch's jobs start
  // once the previous batch's have finished (and not before its own time).
  if (next.startMs !== Math.max(next.timeMs, chainEndMs)) return null;
  const runToMs = tickCeil(next.endMs, tickMs);
  if (runToMs > durationMs) return null;
  const delayMs = next.startMs - next.timeMs;
  // A few milliseconds of delay would read as none: ask only clear cases.
  if (delayMs > 0 && delayMs < 50) return null;
  const queued = ahead.slice(1);
  const prompt =
    `Spark-falling-behind scenario (seed ${frame.seed}, orders at ×0.5, ${perRecordMs} ms per record): batches every ${secs(B)}, run one at a time on ${run.spec.cores} cores. ` +
    `At ${secs(askMs)} the batch of ${secs(askMs)} has just been generated. The batch of ${secs(running.timeMs)} started at ${secs(running.startMs!)} with ${running.inputRecords} records; its jobs take ${secs(processing(running))}` +
    (queued.length > 0
      ? `; ${plural(queued.length, 'batch waits', 'batches wait')} behind it: ${queued.map((b) => `${secs(b.timeMs)} (${b.inputRecords} records, taking ${secs(processing(b))})`).join(', ')}. `
      : '. ') +
    `What will the scheduling delay of the batch of ${secs(next.timeMs)} be (how long after its batch time it starts), in seconds?`;
  const steps = ahead.map((b) => `${secs(b.timeMs)} ends at ${secs(b.endMs!)}`).join(', then ');
  // Spark Streaming Programming Guide, "Monitoring Applications": scheduling delay is the time a batch
  // waits in a queue for the processing of previous batches to finish.
  const explanation =
    `One batch at a time: the batch of ${steps}. The batch of ${secs(next.timeMs)} is generated on time, with its records fixed, ` +
    (delayMs > 0
      ? `but waits until ${secs(next.startMs)}: a scheduling delay of ${secs(delayMs)}. `
      : `and nothing is left to wait for then, so it starts at once: a scheduling delay of 0 s. `) +
    'Scheduling delay is the time a batch waits for the batches before it; when batch after batch takes longer than the interval, it grows with every batch.';
  return {
    prompt,
    frame: { ...frame, timeMs: askMs },
    runToMs,
    answer: { kind: 'numeric', answer: delayMs / 1000, tolerance: 0.01, unit: 's' },
    explanation,
  };
}

const processing = (b: Batch) => b.endMs! - b.startMs!;

export const dstreamTemplates: readonly PredictTemplate[] = [windowValue, schedulingDelay];
