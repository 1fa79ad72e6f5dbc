/**
 * Event time vs processing time: how many tuples of an event-time span arrive out of order — after a
 * later tuple (by event time) from the same producer, the engine's `outOfOrder` flag, drawn as such
 * in the producer lanes.
 */
import type { TupleView } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { chooser, frameSimulation, plural, secs } from './frame';

const NAMES: Record<string, string> = {
  watermarks: 'Watermarks',
  'three-kinds': 'Three-sources',
};

const outOfOrder: PredictTemplate = {
  id: 'out-of-order-in-span',
  topic: 'event-time',
  kind: 'predict',
  title: 'How many tuples of this span arrive out of order?',
  hint: 'A tuple is out of order when a tuple from the same producer with a later event time has reached the processor before it.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = attemptAt(seed, attempt);
    if (!found) throw new Error(`out-of-order-in-span: no usable span for seed ${seed}`);
    return found;
  },
};

function attemptAt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(outOfOrder.id, seed, attempt);
  const preset = c.pick(1, ['watermarks', 'three-kinds']);
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(2) };
  const sim = frameSimulation(frame);
  const { durationMs, tickMs } = sim.scenario.spec;
  sim.seek(sim.lastTick);
  const all: TupleView[] = [];
  for (let id = 0; id < sim.frame().created; id++) all.push(sim.tuple(id)!);
  const producers = sim.scenario.producers.map((p) => p.spec);
  const sizeMs = c.pick(3, [4000, 5000]);
  const extraMs = c.pick(4, [0, 500, 1000]);
  const spans: { fromMs: number; atMs: number; members: TupleView[]; way: TupleView[] }[] = [];
  for (let fromMs = 2 * sizeMs; fromMs + sizeMs + extraMs < durationMs - 2000; fromMs += sizeMs) {
    const toMs = fromMs + sizeMs;
    const atMs = toMs + extraMs;
    const members = all.filter((t) => t.eventTimeMs >= fromMs && t.eventTimeMs < toMs && !t.dropped);
    if (members.some((t) => t.arrivalTimeMs === null || t.arrivalTimeMs > durationMs)) continue;
    const way = members.filter((t) => t.arrivalTimeMs! > atMs);
    if (way.length === 0) continue;
    // Only spans where what is visible at `atMs` decides each fate: a tuple on its way is out of order
    // exactly when its producer has already delivered a later event time.
    const newestNow = newestByProducer(all, atMs, producers.length);
    if (!way.every((t) => t.outOfOrder === t.eventTimeMs < newestNow[t.producerIndex]!)) continue;
    if (!members.some((t) => t.outOfOrder)) continue;
    spans.push({ fromMs, atMs, members, way });
  }
  if (spans.length === 0) return null;
  const s = c.pick(5, spans);
  const toMs = s.fromMs + sizeMs;
  const arrived = s.members.filter((t) => t.arrivalTimeMs! <= s.atMs);
  const arrivedOoo = arrived.filter((t) => t.outOfOrder).length;
  const newestNow = newestByProducer(all, s.atMs, producers.length);
  const answer = s.members.filter((t) => t.outOfOrder).length;
  const runToMs = Math.ceil(Math.max(...s.members.map((t) => t.arrivalTimeMs!)) / tickMs) * tickMs;
  const label = (t: TupleView) => producers[t.producerIndex]!.label;
  const wayText = s.way
    .map(
      (t) =>
        `#${t.id} (${label(t)}, event ${secs(t.eventTimeMs)}${t.backfilled ? ', held back while offline' : ''})`,
    )
    .join(', ');
  const prompt =
    `${NAMES[preset]} scenario (seed ${frame.seed}): ${plural(s.members.length, 'tuple has', 'tuples have')} event times in ` +
    `[${secs(s.fromMs)}, ${secs(toMs)}). At ${secs(s.atMs)}, ${arrived.length} of them have arrived (${arrivedOoo} out of order) and ` +
    `${s.way.length} ${s.way.length === 1 ? 'is' : 'are'} still on the way: ${wayText}. ` +
    `The newest event time that has arrived from each producer: ${producers
      .map((p, i) => `${p.label} ${newestNow[i] === undefined ? 'none' : secs(newestNow[i]!)}`)
      .join(', ')}. ` +
    `Once all ${s.members.length} have arrived, how many will have arrived out of order (after a later tuple from the same producer)?`;
  const wayFates = s.way.map(
    (t) =>
      `#${t.id} arrived at ${secs(t.arrivalTimeMs!)} ${t.outOfOrder ? `after #${t.overtakenBy?.id} (event ${secs(t.overtakenBy?.eventTimeMs ?? 0)}): out of order` : 'before any later tuple of its producer: in order'}`,
  );
  const explanation =
    `${arrivedOoo} had already arrived out of order by ${secs(s.atMs)}. Of those still on the way, ${wayFates.join('; ')}. ` +
    `A tuple whose producer has already delivered a later event time can only arrive out of order. Total: ${answer} of ${s.members.length}.`;
  return {
    prompt,
    frame: { ...frame, timeMs: s.atMs },
    runToMs,
    answer: { kind: 'numeric', answer, unit: 'tuples' },
    explanation,
  };
}

/** Per producer, the newest event time among its tuples that arrived by `atMs`. */
function newestByProducer(
  all: readonly TupleView[],
  atMs: number,
  producers: number,
): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(producers).fill(undefined);
  for (const t of all) {
    if (t.arrivalTimeMs === null || t.arrivalTimeMs > atMs) continue;
    out[t.producerIndex] = Math.max(out[t.producerIndex] ?? t.eventTimeMs, t.eventTimeMs);
  }
  return out;
}

export const outOfOrderTemplates: readonly PredictTemplate[] = [outOfOrder];
