import { Lcg, mixSeed, poissonCount, sampleGuided } from './rng';
import type { CompiledProducer, CompiledScenario } from './scenario';
import { timeOfTick } from './time';
import { type NewTuple, TupleFlag, type TupleSink, type TupleTable } from './tuples';
import type { DelayModel, ProducerSpec } from './types';

const STREAM_PRODUCER = 1;
const STREAM_EXPLICIT = 2;

/**
 * The tuples whose event time falls in tick `tick`, i.e. in ((tick−1)·tickMs, tick·tickMs]
 * (tick 0: time ≤ 0), ordered by event time, then producer, then creation order.
 * A pure function of (scenario, seed, tick): nothing about earlier ticks is needed.
 */
export function generateTick(scenario: CompiledScenario, seed: number, tick: number): NewTuple[] {
  const { tickMs } = scenario.spec;
  // Integer-millisecond event times in [fromMs, toMs].
  const fromMs = tick === 0 ? Number.NEGATIVE_INFINITY : timeOfTick(tick - 1, tickMs) + 1;
  const toMs = timeOfTick(tick, tickMs);
  const out: NewTuple[] = [];
  const sink: TupleSink = (
    producerIndex,
    keyIndex,
    value,
    eventTimeMs,
    sentTimeMs,
    arrivalTimeMs,
    payloadSeed,
    flags,
  ) => {
    out.push({ producerIndex, keyIndex, value, eventTimeMs, sentTimeMs, arrivalTimeMs, payloadSeed, flags });
  };
  for (const producer of scenario.producers) {
    if (producer.spec.ratePerSec > 0 && producer.keyIndices.length > 0) {
      generateForProducer(producer, seed, tick, fromMs, toMs, sink);
    }
  }
  appendExplicit(scenario, seed, fromMs, toMs, out);
  if (scenario.producers.length > 1 || scenario.explicit.length > 0) {
    // Each producer's run is already in event-time order; a stable sort merges them.
    out.sort((a, b) => a.eventTimeMs - b.eventTimeMs || a.producerIndex - b.producerIndex);
  }
  return out;
}

/**
 * `generateTick` written straight into the tuple table's columns (no object per tuple, issue 19):
 * the same tuples in the same order. Ticks with explicit tuples take `generateTick`'s path.
 */
export function generateTickInto(
  scenario: CompiledScenario,
  seed: number,
  tick: number,
  table: TupleTable,
): void {
  const { tickMs } = scenario.spec;
  const fromMs = tick === 0 ? Number.NEGATIVE_INFINITY : timeOfTick(tick - 1, tickMs) + 1;
  const toMs = timeOfTick(tick, tickMs);
  if (hasExplicit(scenario, fromMs, toMs)) {
    for (const t of generateTick(scenario, seed, tick)) table.append(t);
    return;
  }
  const sink = table.appendRaw;
  const plans: ProducerTick[] = [];
  let integral = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const producer of scenario.producers) {
    if (producer.spec.ratePerSec > 0 && producer.keyIndices.length > 0) {
      const plan = planProducerTick(producer, seed, tick, fromMs, toMs);
      if (plan === null || plan.count === 0) continue;
      plans.push(plan);
      const { times, count } = plan;
      for (let i = 0; i < count; i++) if (!Number.isInteger(times[i])) integral = false;
      if (times[0]! < min) min = times[0]!;
      if (times[count - 1]! > max) max = times[count - 1]!;
    }
  }
  if (plans.length === 1) {
    const [{ producer, rng, times, count }] = plans as [ProducerTick];
    for (let i = 0; i < count; i++) makeTuple(producer, times[i]!, rng, sink);
    return;
  }
  if (integral && max - min < MERGE_SPAN) {
    // Each producer's times are sorted: walking the milliseconds and, in each, the producers in index
    // order gives generateTick's order (event time, then producer, then creation) with no sort
    // (issue 19: sorting and permuting the table's columns). Every producer still draws its numbers
    // in its own order, from its own source.
    const next = new Int32Array(plans.length);
    for (let t = min; t <= max; t++) {
      for (let k = 0; k < plans.length; k++) {
        const { producer, rng, times, count } = plans[k]!;
        let i = next[k]!;
        for (; i < count && times[i] === t; i++) makeTuple(producer, t, rng, sink);
        next[k] = i;
      }
    }
    return;
  }
  // Fractional times (or a long tick): a merge of the producers' sorted times, the lowest producer
  // index first among equal times.
  const next = new Int32Array(plans.length);
  for (;;) {
    let best = -1;
    let bestAt = Number.POSITIVE_INFINITY;
    for (let k = 0; k < plans.length; k++) {
      const at = next[k]! < plans[k]!.count ? plans[k]!.times[next[k]!]! : Number.POSITIVE_INFINITY;
      if (at < bestAt) {
        best = k;
        bestAt = at;
      }
    }
    if (best < 0) return;
    const plan = plans[best]!;
    next[best]!++;
    makeTuple(plan.producer, bestAt, plan.rng, sink);
  }
}

/** Ticks whose producers' times span fewer milliseconds than this are merged without a sort. */
const MERGE_SPAN = 1 << 16;

/** One producer's event times in a tick, and the generator its tuples then draw from. */
interface ProducerTick {
  readonly producer: CompiledProducer;
  readonly rng: Lcg;
  /** The times are `times[0, count)` (a buffer reused from tick to tick: `timesBuffer`). */
  readonly times: Float64Array;
  readonly count: number;
}

/**
 * Per producer index, the buffer its tick's times are written into, reused from tick to tick and
 * from run to run (issue 19: a new array per producer per tick was most of the garbage a run left
 * once compiled). Only read within the generateTick(Into) call that wrote it.
 */
const timeBuffers: Float64Array[] = [];

function timesBuffer(index: number, size: number): Float64Array {
  const old = timeBuffers[index];
  if (old !== undefined && old.length >= size) return old;
  const buffer = new Float64Array(Math.max(size, 2 * (old?.length ?? 32)));
  if (old) buffer.set(old);
  timeBuffers[index] = buffer;
  return buffer;
}

/** What generateForProducer draws before its first tuple: the tick's event times, in order. */
function planProducerTick(
  producer: CompiledProducer,
  seed: number,
  tick: number,
  fromMs: number,
  toMs: number,
): ProducerTick | null {
  const p = producer.spec;
  const lo = Math.max(fromMs, p.startMs);
  const hi = Math.min(toMs, p.stopMs - 1);
  if (lo > hi) return null;
  const rng = new Lcg(seed, STREAM_PRODUCER, producer.index, tick);
  if (p.arrivals === 'fixed') {
    const at = (n: number) => p.startMs + Math.floor((n * 1000) / p.ratePerSec);
    let n = Math.max(0, Math.floor(((lo - p.startMs) * p.ratePerSec) / 1000) - 1);
    while (at(n) < lo) n++;
    let times = timesBuffer(producer.index, 64);
    let count = 0;
    for (; at(n) <= hi; n++) {
      if (count === times.length) times = timesBuffer(producer.index, count + 1);
      times[count++] = at(n);
    }
    return { producer, rng, times, count };
  }
  const spanMs = hi - lo + 1;
  const count = poissonCount(() => rng.next(), (p.ratePerSec * spanMs) / 1000);
  const times = timesBuffer(producer.index, count);
  uniformTimes(rng, lo, spanMs, count, times);
  return { producer, rng, times, count };
}

/**
 * `count` times drawn uniformly from the whole milliseconds in [lo, lo + spanMs), one draw each in
 * turn, written sorted into `times[0, count)`.
 */
export function uniformTimes(rng: Lcg, lo: number, spanMs: number, count: number, times: Float64Array): void {
  if (Number.isInteger(lo) && Number.isInteger(spanMs) && spanMs <= 4 * count + 64) {
    // Whole milliseconds in a short span: counted per millisecond, then written in order — the same
    // sorted times as the sort below (issue 19: the typed array's sort was 5 % of a run).
    const counts = new Int32Array(spanMs);
    for (let i = 0; i < count; i++) counts[Math.floor(rng.next() * spanMs)]!++;
    let i = 0;
    for (let ms = 0; ms < spanMs; ms++) for (let c = counts[ms]!; c > 0; c--) times[i++] = lo + ms;
    return;
  }
  for (let i = 0; i < count; i++) times[i] = lo + Math.floor(rng.next() * spanMs);
  times.subarray(0, count).sort();
}

function generateForProducer(
  producer: CompiledProducer,
  seed: number,
  tick: number,
  fromMs: number,
  toMs: number,
  sink: TupleSink,
): void {
  const plan = planProducerTick(producer, seed, tick, fromMs, toMs);
  if (plan === null) return;
  for (let i = 0; i < plan.count; i++) makeTuple(producer, plan.times[i]!, plan.rng, sink);
}

/** Every tuple draws the same six numbers in the same order, whatever its settings. */
function makeTuple(producer: CompiledProducer, eventTimeMs: number, rng: Lcg, sink: TupleSink): void {
  const p = producer.spec;
  const uKey = rng.next();
  const uValue = rng.next();
  const uDelay = rng.next();
  const uJitter = rng.next();
  const uJitterAmount = rng.next();
  const uDrop = rng.next();
  const payloadSeed = (rng.next() * 0x100000000) >>> 0;
  let flags = 0;
  const sentTimeMs = sendTime(p, eventTimeMs);
  if (sentTimeMs !== eventTimeMs) flags |= TupleFlag.backfilled;
  let arrivalTimeMs = sentTimeMs + networkDelay(p.delay, uDelay);
  if (uJitter < p.jitter.probability && p.jitter.maxMs > 0) {
    flags |= TupleFlag.jittered;
    arrivalTimeMs += Math.max(1, Math.ceil(uJitterAmount * p.jitter.maxMs));
  }
  if (uDrop < p.dropProbability) flags |= TupleFlag.dropped;
  sink(
    producer.index,
    producer.keyIndices[sampleGuided(producer.keyCdf, producer.keyGuide, uKey)]!,
    roundTo(p.value.min + uValue * (p.value.max - p.value.min), producer.valueFactor),
    eventTimeMs,
    sentTimeMs,
    arrivalTimeMs,
    payloadSeed,
    flags,
  );
}

/**
 * A producer that is offline buffers what it creates and sends it when it reconnects. Periods are
 * sorted; one that starts the moment another ends keeps the backlog buffered until it ends too.
 */
export function sendTime(p: ProducerSpec, eventTimeMs: number): number {
  let t = eventTimeMs;
  for (const period of p.offline) {
    if (t >= period.fromMs && t < period.toMs) t = period.toMs;
  }
  return t;
}

export function networkDelay(model: DelayModel, u: number): number {
  switch (model.kind) {
    case 'constant':
      return model.ms;
    case 'uniform':
      return Math.round(model.minMs + u * (model.maxMs - model.minMs));
    case 'exponential':
      // Inverse CDF of the exponential distribution, the transform d3-random's randomExponential uses.
      return Math.round(-Math.log1p(-u) * model.meanMs);
  }
}

/** Whether any explicit tuple has its event time in [fromMs, toMs]. */
function hasExplicit(scenario: CompiledScenario, fromMs: number, toMs: number): boolean {
  const list = scenario.explicit;
  const lo = firstExplicitAtOrAfter(list, fromMs);
  return lo < list.length && list[lo]!.eventTime <= toMs;
}

/** The first explicit tuple (in event-time order) with an event time ≥ fromMs; the length if none. */
function firstExplicitAtOrAfter(list: CompiledScenario['explicit'], fromMs: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.eventTime < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function appendExplicit(
  scenario: CompiledScenario,
  seed: number,
  fromMs: number,
  toMs: number,
  out: NewTuple[],
) {
  const list = scenario.explicit;
  if (list.length === 0) return;
  for (let i = firstExplicitAtOrAfter(list, fromMs); i < list.length && list[i]!.eventTime <= toMs; i++) {
    const t = list[i]!;
    const numeric = typeof t.value === 'number';
    out.push({
      producerIndex: t.producerIndex,
      keyIndex: scenario.keyIndex.get(t.key)!,
      value: numeric ? (t.value as number) : Number.NaN,
      ...(numeric ? {} : { jsonValue: t.value }),
      eventTimeMs: t.eventTime,
      sentTimeMs: t.eventTime,
      arrivalTimeMs: t.arrivalTime,
      payloadSeed: mixSeed(seed, STREAM_EXPLICIT, t.order),
      flags: TupleFlag.explicit,
    });
  }
}

function roundTo(x: number, f: number): number {
  return Math.round(x * f) / f;
}
