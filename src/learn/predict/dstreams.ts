/**
 * DStreams and micro-batching: the value a windowed DStream prints at a batch, given the per-batch
 * counts. reduceByKeyAndWindow(window W, slide S) at time T reduces the batches in (T − W, T].
 */
import { valueKey } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { chooser, secs } from './frame';
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

export const dstreamTemplates: readonly PredictTemplate[] = [windowValue];
