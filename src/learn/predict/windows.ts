/**
 * Window templates: which window a Spark append-mode query emits next (and with what count), and the
 * count of a window's first result under Flink's or Spark's rules. Moments are chosen so that no
 * tuple of the window arrives between the frozen moment and the result: what the learner sees then
 * (tuples arrived, tuples still on the way, the watermark) decides the answer.
 */
import { type Emission, type Window, watermarkAt } from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import {
  arrivedBy,
  type EventTimeRun,
  eventTimeRun,
  flinkQuery,
  newest,
  onTheWay,
  sameWindow,
  sparkQuery,
  tupleList,
  windowText,
} from './eventTimeRun';
import { arrange, chooser, plural, secs } from './frame';

/** What the learner can see of a window at a moment: tuples counted so far, tuples on their way. */
function windowAt(run: EventTimeRun, w: Window, atMs: number) {
  const inWindow = (t: number) => t >= w.startMs && t < w.endMs;
  const dropped = new Set(run.analysis.late.filter((l) => l.atMs <= atMs).map((l) => l.id));
  const counted = arrivedBy(run, atMs).filter((r) => inWindow(r.eventTimeMs) && !dropped.has(r.id));
  const way = onTheWay(run, atMs).filter((t) => inWindow(t.eventTimeMs));
  const all = run.records.filter((r) => inWindow(r.eventTimeMs));
  const arrivesBefore = (toMs: number) =>
    all.some((r) => r.arrivalMs > atMs && r.arrivalMs <= toMs && !dropped.has(r.id));
  return { counted: counted.length, way, all: all.length, arrivesBefore };
}

/** "[10.0 s, 15.0 s) with 12 tuples" — the option text for a window result. */
export function windowResultText(w: Window, count: number): string {
  return `${windowText(w)} with ${plural(count, 'tuple')}`;
}

const nextEmitted: PredictTemplate = {
  id: 'window-next-emitted',
  topic: 'windows',
  kind: 'predict',
  title: 'Which window is emitted next, and with what count?',
  hint: 'In append mode a window is emitted once, final, when the watermark has passed its end — oldest window first. Tuples still on their way are not waited for.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = nextAttempt(seed, attempt);
    if (!found) throw new Error(`window-next-emitted: no usable moment for seed ${seed}`);
    return found;
  },
};

function nextAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(nextEmitted.id, seed, attempt);
  const preset = c.pick(1, ['watermarks', 'watermarks', 'offline-backfill']);
  const sizeMs = c.pick(2, [4000, 5000, 6000]);
  const delayMs = c.pick(3, [1000, 2000, 3000]);
  const frame: FrameRef = {
    scenario: preset,
    seed: c.simSeed(4),
    eventTime: sparkQuery(preset, { sizeMs, delayMs }),
  };
  const run = eventTimeRun(frame);
  const first = run.analysis.emissions.filter((e) => e.kind === 'first');
  const before = c.pick(5, [300, 700, 1200, 1800]);
  const moments: { e: Emission; prev: Emission; atMs: number; way: number }[] = [];
  first.forEach((e, i) => {
    const prev = first[i - 1];
    const atMs = e.atMs - before;
    if (!prev || atMs <= prev.atMs) return;
    // One window per batch: "which is emitted next" then has one answer.
    if (first.some((x) => x !== e && x.atMs === e.atMs)) return;
    const seen = windowAt(run, e.window, atMs);
    if (seen.arrivesBefore(e.atMs) || seen.counted !== e.value) return;
    moments.push({ e, prev, atMs, way: seen.way.length });
  });
  const waiting = moments.filter((m) => m.way > 0);
  const pool = waiting.length > 0 && c.int(6, 3) !== 0 ? waiting : moments;
  if (pool.length === 0) return null;
  const { e, prev, atMs } = c.pick(7, pool);
  const seen = windowAt(run, e.window, atMs);
  const nextWindow = { startMs: e.window.endMs, endMs: e.window.endMs + sizeMs };
  const nextSeen = windowAt(run, nextWindow, atMs);
  const wm = watermarkAt(run.analysis.watermark, atMs, 0);
  const answer: ChoiceOption = {
    text: windowResultText(e.window, e.value),
    why: `Right: the watermark passed ${secs(e.window.endMs)} (the window's end), so the micro-batch at ${secs(e.atMs)} emitted it, once and final, with the ${plural(e.value, 'tuple')} counted by then.`,
  };
  const distractors: ChoiceOption[] = [
    {
      text: windowResultText(e.window, e.value + seen.way.length),
      why: `Spark does not wait for the ${plural(seen.way.length, 'tuple')} still on the way: the window is emitted as soon as the watermark passes its end, and tuples arriving afterwards are dropped.`,
    },
    {
      text: windowResultText(nextWindow, nextSeen.counted),
      why: `Windows are emitted oldest first. ${windowText(nextWindow)} ends at ${secs(nextWindow.endMs)}, and the watermark must pass that first.`,
    },
    {
      text: windowResultText(e.window, seen.all),
      why: `${plural(seen.all, 'tuple')} have event times in ${windowText(e.window)} over the whole run, but a streaming query cannot wait for all of them: some arrive after the window was emitted.`,
    },
    {
      text: windowResultText(prev.window, prev.value),
      why: `${windowText(prev.window)} was already emitted at ${secs(prev.atMs)}; append mode emits each window once.`,
    },
  ];
  const { options, answer: index } = arrange(answer, distractors, c.int(8, 4));
  const prompt =
    `${preset === 'watermarks' ? 'Watermarks' : 'Offline-then-backfill'} scenario (seed ${frame.seed}): a Spark query counts tuples in ` +
    `${secs(sizeMs)} tumbling event-time windows in append mode, watermark delay ${secs(delayMs)}, a micro-batch every second. ` +
    `At ${secs(atMs)} the watermark is ${secs(wm)} and the newest event time seen is ${secs(newest(arrivedBy(run, atMs))!.eventTimeMs)}. ` +
    `The last window emitted was ${windowText(prev.window)} at ${secs(prev.atMs)}. ` +
    `${plural(seen.counted, 'tuple')} with event times in ${windowText(e.window)} ${seen.counted === 1 ? 'has' : 'have'} arrived so far` +
    (seen.way.length > 0
      ? ` and ${plural(seen.way.length, 'tuple')} with event times in it ${seen.way.length === 1 ? 'is' : 'are'} on the way (${tupleList(seen.way)})`
      : '') +
    `; ${nextSeen.counted} in ${windowText(nextWindow)}. Which window will be emitted next, and with what count?`;
  const explanation =
    `The micro-batch at ${secs(e.atMs)} used watermark ${secs(watermarkAt(run.analysis.watermark, e.atMs - 1, 0))}, past the end of ${windowText(e.window)}: ` +
    `it emitted ${windowResultText(e.window, e.value)} and dropped its state.` +
    (seen.way.length > 0
      ? ` The ${plural(seen.way.length, 'tuple')} still on the way at ${secs(atMs)} arrived after that and ${seen.way.length === 1 ? 'was' : 'were'} not counted.`
      : '') +
    ` ${windowText(nextWindow)} waits until the watermark passes ${secs(nextWindow.endMs)}.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: e.atMs,
    answer: { kind: 'choice', options, answer: index },
    explanation,
  };
}

const firstResult: PredictTemplate = {
  id: 'window-first-result',
  topic: 'windows',
  kind: 'predict',
  title: 'What count will the window’s first result show?',
  hint: 'Flink fires a window when the watermark reaches its end − 1 ms; Spark emits it in the micro-batch after the watermark passes its end. Neither waits for tuples still on the way.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = firstAttempt(seed, attempt);
    if (!found) throw new Error(`window-first-result: no usable moment for seed ${seed}`);
    return found;
  },
};

function firstAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(firstResult.id, seed, attempt);
  const engine = c.pick(1, ['flink', 'flink', 'spark'] as const);
  const boundMs = c.pick(2, [1000, 2000, 3000]);
  const allowedLatenessMs = c.pick(3, [0, 0, 2000]);
  const preset = 'watermarks';
  const query =
    engine === 'flink'
      ? flinkQuery(preset, { sizeMs: 5000, boundMs, allowedLatenessMs })
      : sparkQuery(preset, { sizeMs: 5000, delayMs: boundMs });
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(4), eventTime: query };
  const run = eventTimeRun(frame);
  const before = c.pick(5, engine === 'flink' ? [100, 200, 300] : [300, 500]);
  const moments: { e: Emission; atMs: number; way: number }[] = [];
  for (const e of run.analysis.emissions) {
    if (e.kind !== 'first' || e.atMs - before < 2000) continue;
    const atMs = e.atMs - before;
    const seen = windowAt(run, e.window, atMs);
    if (seen.arrivesBefore(e.atMs) || seen.counted !== e.value) continue;
    moments.push({ e, atMs, way: seen.way.length });
  }
  const waiting = moments.filter((m) => m.way > 0);
  const pool = waiting.length > 0 ? waiting : moments;
  if (pool.length === 0) return null;
  const { e, atMs } = c.pick(6, pool);
  const seen = windowAt(run, e.window, atMs);
  const wm = watermarkAt(run.analysis.watermark, atMs, engine === 'flink' ? Number.NEGATIVE_INFINITY : 0);
  const rules =
    engine === 'flink'
      ? `Flink's rules: a bounded-out-of-orderness watermark ${secs(boundMs)} behind (emitted every 200 ms), allowed lateness ${secs(allowedLatenessMs)}`
      : `Spark's rules: watermark delay ${secs(boundMs)}, a micro-batch every second, append mode`;
  const prompt =
    `Watermarks scenario (seed ${frame.seed}), counting tuples in 5 s tumbling event-time windows with ${rules}. ` +
    `At ${secs(atMs)} the watermark is ${Number.isFinite(wm) ? secs(wm) : 'not yet set'} and the newest event time seen is ${secs(newest(arrivedBy(run, atMs))!.eventTimeMs)}. ` +
    `${windowText(e.window)} has not produced a result yet: ${plural(seen.counted, 'tuple')} with event times in it have arrived` +
    (seen.way.length > 0
      ? `, and ${plural(seen.way.length, 'is', 'are')} on the way: ${tupleList(seen.way)}`
      : '') +
    '. What count will its first result show?';
  const late = new Set(run.analysis.late.map((l) => l.id));
  const later = run.analysis.emissions.filter((x) => sameWindow(x.window, e.window) && x.atMs > e.atMs);
  const fate = (t: { id: number }) => {
    const at = `arrived at ${secs(run.byId.get(t.id)!.arrivalMs)}`;
    if (late.has(t.id)) return `${at}, dropped as late`;
    const again = later.find((x) => x.atMs >= run.byId.get(t.id)!.arrivalMs);
    return again ? `${at}, counted in a later result (${again.value} at ${secs(again.atMs)})` : `${at}`;
  };
  const fateOfWay =
    seen.way.length === 0
      ? ''
      : ` The tuples on the way came too late for it: ${tupleList(seen.way, 6, fate)}.`;
  const explanation =
    (engine === 'flink'
      ? `Flink fires ${windowText(e.window)} when the watermark (newest event time − ${secs(boundMs)} − 1 ms) reaches its end − 1 ms, ${secs(e.window.endMs - 1)}: that happened at ${secs(e.atMs)}. `
      : `Spark emits ${windowText(e.window)} in the first micro-batch whose watermark is past ${secs(e.window.endMs)}: the batch at ${secs(e.atMs)}. `) +
    `It counted the ${plural(e.value, 'tuple')} that had arrived by then.` +
    fateOfWay;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: e.atMs,
    answer: { kind: 'numeric', answer: e.value, unit: 'tuples' },
    explanation,
  };
}

export const windowTemplates: readonly PredictTemplate[] = [nextEmitted, firstResult];
