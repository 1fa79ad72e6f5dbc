/**
 * Event time vs processing time:
 * - how many tuples of an event-time span arrive out of order — after a later tuple (by event time)
 *   from the same producer, the engine's `outOfOrder` flag, drawn as such in the producer lanes;
 * - the three clocks of one Kafka record: event time (the phone's stamp), ingestion time (when the
 *   broker appended it) and processing time (when the micro-batch that reads it starts).
 */
import type { QueryBatch, TupleView } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { chooser, frameSimulation, plural, secs } from './frame';
import { baseQuery, FLAGSHIP, playQuery, tickCeil } from './structuredRun';

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

const threeClocks: PredictTemplate = {
  id: 'three-clocks-processing-lag',
  topic: 'event-time',
  kind: 'predict',
  title: 'How long after its event time is this reading processed?',
  hint: 'Three clocks: when the reading happened, when the broker appended it, and when the first micro-batch that can read it starts. Which trigger comes first after the append?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = clocksAttempt(seed, attempt);
    if (!found) throw new Error(`three-clocks-processing-lag: no usable reading for seed ${seed}`);
    return found;
  },
};

/**
 * A reading between the broker and the query: appended at least this long before the next trigger,
 * so the followers have copied it and the high watermark covers it when the batch asks for the
 * latest offsets (Kafka design, "Replicated Logs": only committed messages are given out to consumers).
 */
const HW_MARGIN_MS = 500;

function clocksAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(threeClocks.id, seed, attempt);
  const triggerMs = c.pick(1, [5000, 5000, 2000, 10000]);
  const own = baseQuery(FLAGSHIP).trigger;
  if (own?.kind !== 'processingTime' || own.intervalMs !== 5000)
    throw new Error('three-clocks-processing-lag: the flagship query no longer triggers every 5 s');
  const query =
    triggerMs === 5000
      ? null
      : baseQuery(FLAGSHIP, { trigger: { kind: 'processingTime', intervalMs: triggerMs } });
  const frame: FrameRef = { scenario: FLAGSHIP, seed: c.simSeed(2), ...(query ? { query } : {}) };
  const { sim, query: run, tickMs, durationMs } = playQuery(frame);
  const readBy = new Map<number, QueryBatch>();
  for (const b of run.batches) for (const id of b.records) if (!readBy.has(id)) readBy.set(id, b);
  const candidates: { t: TupleView; batch: QueryBatch }[] = [];
  for (let id = 0; id < sim.frame().created; id++) {
    const t = sim.tuple(id)!;
    const batch = readBy.get(id);
    if (!batch || batch.reRun || t.arrivalTimeMs === null) continue;
    // ProcessingTimeExecutor.nextBatchTime (TriggerExecutor.scala): the next multiple of the interval
    // after now. KafkaMicroBatchStream.latestOffset: a batch reads up to the offsets fetched as it starts.
    const next = Math.floor(t.arrivalTimeMs / triggerMs) * triggerMs + triggerMs;
    if (batch.triggerMs !== next || next - t.arrivalTimeMs < HW_MARGIN_MS) continue;
    if (tickCeil(batch.sinkMs, tickMs) > durationMs) continue;
    candidates.push({ t, batch });
  }
  // Half the time a reading from phone B's backlog, whose event time is far behind its ingestion time.
  const backlog = candidates.filter((x) => x.t.backfilled);
  const pool = backlog.length > 0 && c.int(3, 2) === 0 ? backlog : candidates;
  if (pool.length === 0) return null;
  const { t, batch } = c.pick(4, pool);
  const appended = sim.traceForTuple(t.id).find((e) => e.kind === 'appended');
  if (!appended) return null;
  const ingestMs = t.arrivalTimeMs!;
  const processMs = batch.triggerMs;
  const producer = sim.scenario.producers[t.producerIndex]!.spec.label;
  const answer = (processMs - t.eventTimeMs) / 1000;
  const prompt =
    `Kafka → Structured Streaming scenario (seed ${frame.seed}): reading #${t.id} from ${producer} happened at ${secs(t.eventTimeMs)} (its event time)` +
    `${t.backfilled ? `; the phone held it while offline and sent it at ${secs(t.sentTimeMs!)}` : ''}. ` +
    `The broker appended it to partition ${appended.a} at offset ${appended.b} at ${secs(ingestMs)}: its ingestion time. ` +
    `The query starts a micro-batch every ${secs(triggerMs)} (at ${secs(0)}, ${secs(triggerMs)}, ${secs(2 * triggerMs)} … while it keeps up), ` +
    'and each batch reads what the topic holds when it starts. ' +
    'How many seconds after its event time will the query process it (the start of the batch that reads it: its processing time)?';
  const explanation =
    `Event time ${secs(t.eventTimeMs)} → ingestion time ${secs(ingestMs)}: ${secs(ingestMs - t.eventTimeMs)} ` +
    `${t.backfilled ? 'held by the offline phone, then on the network' : 'on the network'}. ` +
    `Ingestion time → processing time ${secs(processMs)}: ${secs(processMs - ingestMs)} waiting for the next trigger; batch ${batch.batchId} read it. ` +
    `In all, processing time lags event time by ${secs(processMs - t.eventTimeMs)}. ` +
    // Flink's pre-1.12 "Event Time" docs (TimeCharacteristic.IngestionTime): ingestion time is stamped once where data enters, between event
    // time and processing time. Kafka's topic config `message.timestamp.type=LogAppendTime` stamps the
    // broker's append time into the record instead of the producer's CreateTime.
    'Ingestion time is stamped once, where the reading enters the system (Kafka can store it as the record’s timestamp with `LogAppendTime`), so every operator agrees on it; ' +
    'processing time depends on when the query runs, and only event time says when the reading happened.';
  return {
    prompt,
    frame: { ...frame, timeMs: tickCeil(ingestMs, tickMs), tuple: t.id },
    runToMs: tickCeil(batch.sinkMs, tickMs),
    answer: { kind: 'numeric', answer, tolerance: 0.01, unit: 's' },
    explanation,
  };
}

export const outOfOrderTemplates: readonly PredictTemplate[] = [outOfOrder, threeClocks];
