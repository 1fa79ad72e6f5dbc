/**
 * Streams of tuples and the three kinds of data, in the Three-sources scenario: a thermostat sends
 * structured rows, a phone app semi-structured JSON, a web server unstructured log lines. Which source's
 * tuples arrive out of order depends on its network, not on its kind of data; how many tuples of a kind
 * arrive depends on its source's rate and on whether the source is connected.
 */
import {
  type DelayModel,
  type PayloadSpec,
  type ProducerSpec,
  payloadOf,
  type TupleView,
} from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, arrivedBy, chooser, frameSimulation, range, secs, tuplesAt } from './frame';

const PRESET = 'three-kinds';

const KIND_TEXT: Record<PayloadSpec['kind'], string> = {
  structured: 'structured rows',
  semiStructured: 'semi-structured JSON documents',
  unstructured: 'unstructured text lines',
};

function delayText(d: DelayModel): string {
  if (d.kind === 'constant') return `every tuple takes ${secs(d.ms)} to arrive`;
  if (d.kind === 'uniform') return `its tuples take anywhere from ${secs(d.minMs)} to ${secs(d.maxMs)}`;
  return `its tuples take ${secs(d.meanMs)} on average, some much longer`;
}

/** Why a source's tuples can or cannot overtake each other: its pace and its network. */
function networkText(p: ProducerSpec): string {
  const pace =
    p.arrivals === 'fixed' ? `sends evenly, every ${secs(1000 / p.ratePerSec)}` : 'sends at random moments';
  const jitter =
    p.jitter.probability > 0
      ? `, and ${Math.round(p.jitter.probability * 100)}% are held up by up to ${secs(p.jitter.maxMs)} more`
      : '';
  return `${p.label} ${pace} and ${delayText(p.delay)}${jitter}`;
}

const nextOutOfOrder: PredictTemplate = {
  id: 'tuples-next-out-of-order',
  topic: 'tuples',
  kind: 'predict',
  title: 'Whose tuple is the next to arrive out of order?',
  hint: 'A tuple arrives out of order when a later tuple (by event time) from the same source has arrived before it. Compare each tuple on its way with what its own source has already delivered.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = nextAttempt(seed, attempt);
    if (!found) throw new Error(`tuples-next-out-of-order: no usable moment for seed ${seed}`);
    return found;
  },
};

interface Moment {
  readonly atMs: number;
  /** Per source, the arrived tuple with the newest event time. */
  readonly newest: (TupleView | undefined)[];
  readonly onWay: TupleView[];
  readonly first: TupleView;
}

/** Moments where what is visible decides the answer: one source has a tuple on its way that a later one overtook, and the next out-of-order arrival is one of those. */
function momentsOf(all: readonly TupleView[], producers: number, durationMs: number): Moment[] {
  const moments: Moment[] = [];
  const live = all.filter((t) => !t.dropped);
  const byEvent = [...live].sort((a, b) => a.eventTimeMs - b.eventTimeMs);
  const byArrival = live
    .filter((t) => t.arrivalTimeMs !== null)
    .sort((a, b) => a.arrivalTimeMs! - b.arrivalTimeMs!);
  const late = byArrival.filter((t) => t.outOfOrder);
  const newest: (TupleView | undefined)[] = new Array(producers).fill(undefined);
  const onWaySet = new Set<TupleView>();
  let e = 0;
  let a = 0;
  let l = 0;
  // One sweep over the moments: tuples join when they happen and leave when they arrive.
  for (const atMs of range(3000, durationMs - 3000, 500)) {
    for (; e < byEvent.length && byEvent[e]!.eventTimeMs <= atMs; e++) onWaySet.add(byEvent[e]!);
    for (; a < byArrival.length && byArrival[a]!.arrivalTimeMs! <= atMs; a++) {
      const t = byArrival[a]!;
      onWaySet.delete(t);
      const before = newest[t.producerIndex];
      if (!before || t.eventTimeMs > before.eventTimeMs) newest[t.producerIndex] = t;
    }
    for (; l < late.length && late[l]!.arrivalTimeMs! <= atMs; l++);
    const onWay = [...onWaySet].filter((t) => t.eventTimeMs <= atMs);
    if (onWay.length === 0 || onWay.length > 6) continue;
    if (onWay.some((t) => t.sentTimeMs === null || t.sentTimeMs > atMs)) continue; // an offline backlog
    const overtaken = onWay.filter(
      (t) => t.eventTimeMs < (newest[t.producerIndex]?.eventTimeMs ?? Number.POSITIVE_INFINITY),
    );
    if (overtaken.length === 0 || overtaken.some((t) => !t.outOfOrder)) continue;
    if (new Set(overtaken.map((t) => t.producerIndex)).size !== 1) continue;
    const first = late[l];
    if (!first || !overtaken.includes(first)) continue;
    if (late.some((t) => t.arrivalTimeMs === first.arrivalTimeMs && t.producerIndex !== first.producerIndex))
      continue;
    moments.push({ atMs, newest: [...newest], onWay: onWay.sort((x, y) => x.id - y.id), first });
  }
  return moments;
}

function nextAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(nextOutOfOrder.id, seed, attempt);
  const frame: FrameRef = { scenario: PRESET, seed: c.simSeed(1) };
  const sim = frameSimulation(frame);
  const { durationMs, tickMs } = sim.scenario.spec;
  const producers = sim.scenario.producers.map((p) => p.spec);
  const all = tuplesAt(sim, durationMs);
  const moments = momentsOf(all, producers.length, durationMs);
  if (moments.length === 0) return null;
  const { atMs, newest, onWay, first } = c.pick(2, moments);
  const source = producers[first.producerIndex]!;
  const oooSoFar = producers.map(
    (_, i) => all.filter((t) => t.producerIndex === i && t.outOfOrder && arrivedBy(t, atMs)).length,
  );
  const nextOf = (i: number) =>
    all
      .filter((t) => t.producerIndex === i && t.outOfOrder && !arrivedBy(t, atMs))
      .sort((a, b) => a.arrivalTimeMs! - b.arrivalTimeMs!)[0];
  // The tuple from the same source, already arrived, with the newest event time: it overtook `first`.
  const ahead = newest[first.producerIndex];
  if (!ahead) return null;
  const right: ChoiceOption = {
    text: `${source.label}: ${KIND_TEXT[source.payload.kind]}`,
    why: `Right: #${first.id} (event ${secs(first.eventTimeMs)}) was still on its way while a later tuple from the same source, #${ahead.id} (event ${secs(ahead.eventTimeMs)}), had already arrived, so it could only arrive out of order; it arrived at ${secs(first.arrivalTimeMs!)}. ${networkText(source)}.`,
  };
  const wrong: ChoiceOption[] = producers
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => i !== first.producerIndex)
    .map(({ p, i }) => {
      const next = nextOf(i);
      return {
        text: `${p.label}: ${KIND_TEXT[p.payload.kind]}`,
        why:
          `None of ${p.label}’s tuples on their way at ${secs(atMs)} was older than what it had already delivered; ` +
          `${next ? `its next out-of-order tuple, #${next.id}, arrived only at ${secs(next.arrivalTimeMs!)}` : 'none of its tuples arrived out of order after that'}. ` +
          `${networkText(p)}: whether tuples overtake each other depends on the network, not on the kind of data.`,
      };
    });
  wrong.push({
    text: 'None of them: a source’s tuples arrive in the order it sent them',
    why: `The network does not keep order: tuples take different times to arrive, so a later one can overtake an earlier one, as #${ahead.id} overtook #${first.id}.`,
  });
  const { options, answer } = arrange(right, wrong, c.int(3, 4));
  const onWayText = onWay
    .map((t) => `#${t.id} (${producers[t.producerIndex]!.label}, event ${secs(t.eventTimeMs)})`)
    .join(', ');
  const prompt =
    `Three-sources scenario (seed ${frame.seed}) at ${secs(atMs)}: ` +
    `${producers.map((p) => `${p.label} sends ${KIND_TEXT[p.payload.kind]}`).join(', ')}. ` +
    `The newest event time that has arrived from each: ${producers
      .map((p, i) => `${p.label} ${newest[i] ? secs(newest[i].eventTimeMs) : 'none'}`)
      .join(', ')}. ` +
    `On their way: ${onWayText}. Out of order so far: ${producers.map((p, i) => `${p.label} ${oooSoFar[i]}`).join(', ')}. ` +
    'Whose tuple will be the next to arrive out of order, after a later tuple from the same source?';
  const explanation =
    `#${first.id} from ${source.label} (event ${secs(first.eventTimeMs)}) had been overtaken by #${ahead.id} (event ${secs(ahead.eventTimeMs)}) ` +
    `before ${secs(atMs)} and arrived out of order at ${secs(first.arrivalTimeMs!)}, before any other tuple did. ` +
    `${networkText(source)}. The kind of data (structured, semi-structured or unstructured) says what a tuple looks like; ` +
    'its arrival order depends on how it travels.';
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: Math.ceil(first.arrivalTimeMs! / tickMs) * tickMs,
    answer: { kind: 'choice', options, answer },
    explanation,
  };
}

const kindArrivals: PredictTemplate = {
  id: 'tuples-kind-arrivals',
  topic: 'tuples',
  kind: 'predict',
  title: 'How many tuples of this kind will arrive?',
  hint: 'First work out which source sends this kind of data. Then think about how often it sends, and whether it is connected during that time.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = kindAttempt(seed, attempt);
    if (!found) throw new Error(`tuples-kind-arrivals: no usable moments for seed ${seed}`);
    return found;
  },
};

const meanDelayMs = (d: DelayModel) =>
  d.kind === 'constant' ? d.ms : d.kind === 'uniform' ? (d.minMs + d.maxMs) / 2 : d.meanMs;

/** Length of [fromMs, toMs) outside the producer's offline periods, and inside them. */
function onlineSplit(p: ProducerSpec, fromMs: number, toMs: number): { online: number; offline: number } {
  const span = Math.max(0, toMs - fromMs);
  let offline = 0;
  for (const o of p.offline) offline += Math.max(0, Math.min(toMs, o.toMs) - Math.max(fromMs, o.fromMs));
  return { online: span - offline, offline };
}

/** One example of a source's payload, as the Tuple inspector shows it. */
function exampleOf(t: TupleView, p: ProducerSpec): string {
  const payload = payloadOf(t, p);
  if (payload.kind === 'unstructured') return payload.text;
  if (payload.kind === 'semiStructured') return JSON.stringify(payload.document);
  return payload.columns.map((col) => `${col.name} = ${col.value}`).join(', ');
}

const KIND_WHAT: Record<PayloadSpec['kind'], string> = {
  structured: 'every one has the same typed columns, like a row of a table',
  semiStructured: 'each document names its own fields, and the fields vary from one to the next',
  unstructured: 'free text, with no fields until a processor parses it',
};

function kindAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(kindArrivals.id, seed, attempt);
  const frame: FrameRef = { scenario: PRESET, seed: c.simSeed(1) };
  const kind = c.pick(2, ['structured', 'semiStructured', 'semiStructured', 'unstructured'] as const);
  const sim = frameSimulation(frame);
  const { durationMs } = sim.scenario.spec;
  const producers = sim.scenario.producers.map((p) => p.spec);
  const index = producers.findIndex((p) => p.payload.kind === kind);
  const source = producers[index]!;
  const spanMs = c.pick(4, [3000, 4000, 5000, 6000, 8000, 10000]);
  const atMs = c.pick(3, range(3000, durationMs - spanMs - 1000, 500));
  const toMs = atMs + spanMs;
  // A reconnect just before the end of the span leaves its backlog half-arrived: too close to call.
  if (source.offline.some((o) => o.toMs > toMs - 2000 && o.toMs <= toMs)) return null;
  const all = tuplesAt(sim, toMs);
  const created = all.filter((t) => t.eventTimeMs <= atMs && !t.dropped && !arrivedBy(t, atMs));
  const held = (t: TupleView) => t.sentTimeMs === null || t.sentTimeMs > atMs;
  const onWay = producers.map((_, i) => created.filter((t) => t.producerIndex === i && !held(t)).length);
  const holding = producers.map((_, i) => created.filter((t) => t.producerIndex === i && held(t)).length);
  const mine = all.filter((t) => t.producerIndex === index && arrivedBy(t, toMs) && !arrivedBy(t, atMs));
  const answer = mine.length;
  // What a student can work out at `atMs`: what is on its way, the backlog if the source reconnects
  // in time, and the source's rate over the rest of the span.
  const reconnects = source.offline.some((o) => o.toMs > atMs && o.toMs <= toMs);
  const fresh = onlineSplit(source, atMs, toMs - meanDelayMs(source.delay));
  const backlogMs = reconnects ? onlineSplit(source, atMs, toMs).offline : 0;
  const random = (source.ratePerSec * (fresh.online + backlogMs)) / 1000;
  const expected = onWay[index]! + (reconnects ? holding[index]! : 0) + random;
  const tolerance = source.arrivals === 'fixed' ? 1 : Math.max(1, Math.round(1.5 * Math.sqrt(random)));
  if (Math.abs(answer - expected) > tolerance) return null;
  const sample = all.filter((t) => t.producerIndex === index && arrivedBy(t, atMs)).pop();
  if (!sample) return null;
  const wasOnWay = mine.filter((t) => t.eventTimeMs <= atMs && !held(t)).length;
  const wasHeld = mine.filter((t) => t.eventTimeMs <= atMs && held(t)).length;
  const rates = producers
    .map((p) =>
      p.arrivals === 'fixed'
        ? `${p.label} sends a tuple every ${secs(1000 / p.ratePerSec)}`
        : `${p.label} about ${p.ratePerSec} a second at random moments`,
    )
    .join('; ');
  const offline = producers
    .flatMap((p) =>
      p.offline.map(
        (o) =>
          `${p.label} is offline from ${secs(o.fromMs)} to ${secs(o.toMs)}: it keeps what it records and sends it all when it reconnects. `,
      ),
    )
    .join('');
  const pending = producers
    .map(
      (p, i) => `${p.label} ${onWay[i]}${holding[i]! > 0 ? ` (and ${holding[i]} held while offline)` : ''}`,
    )
    .join(', ');
  const kindWord = KIND_TEXT[kind].split(' ')[0]!;
  const prompt =
    `Three-sources scenario (seed ${frame.seed}) at ${secs(atMs)}: ${rates}. ${offline}` +
    `On their way at ${secs(atMs)}: ${pending}. ` +
    `How many ${kindWord} tuples will arrive between ${secs(atMs)} and ${secs(toMs)} (within ±${tolerance})?`;
  const explanation =
    `${kindWord[0]!.toUpperCase()}${kindWord.slice(1)} tuples are what ${source.label} sends: ${KIND_WHAT[kind]} ` +
    `(for example \`${exampleOf(sample, source)}\`). ${answer} of them arrived between ${secs(atMs)} and ${secs(toMs)}: ` +
    `${wasOnWay} that ${wasOnWay === 1 ? 'was on its way' : 'were on their way'} at ${secs(atMs)}, ${wasHeld > 0 ? `${wasHeld} held while it was offline, ` : ''}` +
    `and ${answer - wasOnWay - wasHeld} recorded after ${secs(atMs)}. From its rate and connection about ${Math.round(expected)} were to be expected. ` +
    `In the database they are the rows of \`readings\` with \`payload_kind = '${kind}'\`.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: toMs,
    answer: { kind: 'numeric', answer, tolerance, unit: 'tuples' },
    explanation,
  };
}

export const tuplesTemplates: readonly PredictTemplate[] = [nextOutOfOrder, kindArrivals];
