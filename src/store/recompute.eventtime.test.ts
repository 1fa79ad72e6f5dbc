/**
 * Event-time templates, answers recomputed another way: the run is built from the frame as the
 * store builds it, stepped tick by tick from the frozen moment to `runToMs`, and the tuples that
 * reached the query are fed to small re-implementations of Spark's and Flink's rules written here.
 */
import { describe, expect, it } from 'vitest';
import type { EventTimeSpec, Simulation } from '../engine';
import { predictTemplates } from '../learn/predict';
import { windowResultText } from '../learn/predict/windows';
import type { PredictInstance } from '../learn/types';
import { openFrame } from './frameLink';

const SEEDS = [1, 2, 3, 4, 5];

interface Arrival {
  readonly id: number;
  readonly eventTimeMs: number;
  readonly arrivalMs: number;
  readonly input: number;
}

/** Every tuple that reached the processor by `runToMs`, in arrival order, stepping tick by tick after the frame. */
function arrivals(sim: Simulation, runToMs: number, perProducer = false): Arrival[] {
  const at = (id: number): Arrival => {
    const t = sim.tuple(id)!;
    return {
      id,
      eventTimeMs: t.eventTimeMs,
      arrivalMs: t.arrivalTimeMs!,
      input: perProducer ? t.producerIndex : 0,
    };
  };
  const out = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs).map(at);
  while (sim.timeMs < runToMs && sim.step())
    out.push(...sim.arrivalsBetween(sim.timeMs - sim.scenario.spec.tickMs, sim.timeMs).map(at));
  return out;
}

const windowStart = (t: number, size: number) => t - (((t % size) + size) % size);

/** Spark Structured Streaming, append mode, tumbling count, as the Spark docs describe it (3.4+). */
function sparkModel(xs: readonly Arrival[], q: EventTimeSpec, untilMs: number, inputs: number) {
  const size = (q.window as { sizeMs: number }).sizeMs;
  const { triggerMs, delayMs } = q.spark;
  const maxSeen: (number | null)[] = new Array(inputs).fill(null);
  let wm = 0;
  let lastUsed: number | null = null;
  const state = new Map<number, number>();
  const batches: {
    atMs: number;
    nextWm: number;
    dropped: number[];
    emitted: { start: number; count: number }[];
  }[] = [];
  let i = 0;
  for (let at = triggerMs; at <= untilMs; at += triggerMs) {
    const batch: Arrival[] = [];
    while (i < xs.length && xs[i]!.arrivalMs <= at) batch.push(xs[i++]!);
    if (batch.length === 0 && !(lastUsed !== null && wm > lastUsed)) continue;
    const lateWm = lastUsed ?? 0;
    const dropped: number[] = [];
    for (const r of batch) {
      const start = windowStart(r.eventTimeMs, size);
      if (start + size <= lateWm) dropped.push(r.id);
      else state.set(start, (state.get(start) ?? 0) + 1);
      maxSeen[r.input] = Math.max(maxSeen[r.input] ?? r.eventTimeMs, r.eventTimeMs);
    }
    const emitted = [...state.entries()]
      .filter(([start]) => start + size <= wm)
      .sort((a, b) => a[0] - b[0])
      .map(([start, count]) => ({ start, count }));
    for (const e of emitted) state.delete(e.start);
    lastUsed = wm;
    wm = Math.max(wm, Math.min(...maxSeen.map((m) => (m === null ? 0 : Math.max(0, m - delayMs)))));
    batches.push({ atMs: at, nextWm: wm, dropped, emitted });
  }
  return batches;
}

/** Flink's event-time tumbling count with a periodic bounded-out-of-orderness watermark. */
function flinkModel(xs: readonly Arrival[], q: EventTimeSpec, untilMs: number) {
  const size = (q.window as { sizeMs: number }).sizeMs;
  const { boundMs, autoWatermarkIntervalMs, allowedLatenessMs } = q.flink;
  let wm = Number.NEGATIVE_INFINITY;
  let maxTs = Number.NEGATIVE_INFINITY;
  const state = new Map<number, { count: number; fired: boolean }>();
  const firings: { start: number; count: number; atMs: number }[] = [];
  let i = 0;
  const add = (r: Arrival) => {
    maxTs = Math.max(maxTs, r.eventTimeMs);
    const start = windowStart(r.eventTimeMs, size);
    if (start + size - 1 + allowedLatenessMs <= wm) return;
    const s = state.get(start) ?? { count: 0, fired: false };
    s.count++;
    state.set(start, s);
    if (start + size - 1 <= wm) firings.push({ start, count: s.count, atMs: r.arrivalMs });
  };
  for (let at = autoWatermarkIntervalMs; at <= untilMs; at += autoWatermarkIntervalMs) {
    while (i < xs.length && xs[i]!.arrivalMs <= at) add(xs[i++]!);
    const next = maxTs - boundMs - 1;
    if (next <= wm) continue;
    wm = next;
    for (const [start, s] of [...state.entries()].sort((a, b) => a[0] - b[0])) {
      if (!s.fired && start + size - 1 <= wm) {
        s.fired = true;
        firings.push({ start, count: s.count, atMs: at });
      }
      if (start + size - 1 + allowedLatenessMs <= wm) state.delete(start);
    }
  }
  return firings;
}

const template = (id: string) => predictTemplates.find((t) => t.id === id)!;
const cases = (id: string) => SEEDS.map((s) => [s, template(id).generate(s)] as [number, PredictInstance]);

describe('watermark-late-in-flight, recomputed', () => {
  it.each(cases('watermark-late-in-flight'))('seed %i: the tuples on their way that Spark drops', (_, x) => {
    const sim = openFrame(x.frame);
    const onWay = sim.pending();
    for (const id of onWay) expect(x.prompt).toContain(`#${id} `);
    const xs = arrivals(sim, x.runToMs);
    for (const id of onWay) expect(xs.some((a) => a.id === id)).toBe(true);
    const dropped = new Set(sparkModel(xs, x.frame.eventTime!, x.runToMs, 1).flatMap((b) => b.dropped));
    expect(onWay.filter((id) => dropped.has(id)).length).toBe(x.answer.answer);
  });
});

describe('watermark-next-batch, recomputed', () => {
  it.each(cases('watermark-next-batch'))('seed %i: the watermark after the batch at runToMs', (_, x) => {
    const q = x.frame.eventTime!;
    const sim = openFrame(x.frame);
    const perProducer = q.inputs === 'perProducer';
    const inputs = perProducer ? sim.scenario.producers.length : 1;
    const xs = arrivals(sim, x.runToMs, perProducer);
    const last = sparkModel(xs, q, x.runToMs, inputs).at(-1)!;
    expect(last.atMs).toBe(x.runToMs);
    expect(Math.abs(last.nextWm / 1000 - x.answer.answer)).toBeLessThan(1e-9);
    // And straight from the definition: per input, newest event time minus the delay; the minimum.
    const perInput = Array.from({ length: inputs }, (_, i) => {
      const seen = xs.filter((a) => a.input === i).map((a) => a.eventTimeMs);
      return seen.length === 0 ? 0 : Math.max(0, Math.max(...seen) - q.spark.delayMs);
    });
    expect(Math.min(...perInput) / 1000).toBeCloseTo(x.answer.answer, 9);
  });
});

describe('window-next-emitted, recomputed', () => {
  it.each(cases('window-next-emitted'))('seed %i: the next window emitted after the frame', (_, x) => {
    if (x.answer.kind !== 'choice') throw new Error('choice expected');
    const q = x.frame.eventTime!;
    const size = (q.window as { sizeMs: number }).sizeMs;
    const frozen = x.frame.timeMs!;
    const sim = openFrame(x.frame);
    const batches = sparkModel(arrivals(sim, x.runToMs), q, x.runToMs, 1);
    const next = batches.find((b) => b.atMs > frozen && b.emitted.length > 0)!;
    expect(next.atMs).toBe(x.runToMs);
    const e = next.emitted[0]!;
    expect(x.answer.options[x.answer.answer]!.text).toBe(
      windowResultText({ startMs: e.start, endMs: e.start + size }, e.count),
    );
  });
});

describe('window-first-result, recomputed', () => {
  it.each(cases('window-first-result'))('seed %i: the first result of the window in the prompt', (_, x) => {
    const q = x.frame.eventTime!;
    const m = /\[(\d+\.\d+) s, (\d+\.\d+) s\) has not produced a result yet/.exec(x.prompt)!;
    const start = Math.round(Number(m[1]) * 1000);
    const sim = openFrame(x.frame);
    const xs = arrivals(sim, x.runToMs);
    const first =
      q.engine === 'flink'
        ? flinkModel(xs, q, x.runToMs).find((f) => f.start === start)
        : sparkModel(xs, q, x.runToMs, 1)
            .flatMap((b) => b.emitted.map((e) => ({ ...e, atMs: b.atMs })))
            .find((e) => e.start === start);
    expect(first).toBeDefined();
    expect(first!.atMs).toBe(x.runToMs);
    expect(first!.count).toBe(x.answer.answer);
  });
});

describe('out-of-order-in-span, recomputed', () => {
  it.each(cases('out-of-order-in-span'))('seed %i: tuples of the span overtaken by a later one', (_, x) => {
    const m = /event times in \[(\d+\.\d+) s, (\d+\.\d+) s\)/.exec(x.prompt)!;
    const [from, to] = [Math.round(Number(m[1]) * 1000), Math.round(Number(m[2]) * 1000)];
    const sim = openFrame(x.frame);
    const xs = arrivals(sim, x.runToMs, true);
    const newest = new Map<number, number>();
    let outOfOrder = 0;
    let inSpan = 0;
    for (const a of xs) {
      const before = newest.get(a.input);
      if (a.eventTimeMs >= from && a.eventTimeMs < to) {
        inSpan++;
        if (before !== undefined && a.eventTimeMs < before) outOfOrder++;
      }
      newest.set(a.input, Math.max(before ?? a.eventTimeMs, a.eventTimeMs));
    }
    expect(x.prompt).toContain(`${inSpan} tuples have event times`);
    expect(outOfOrder).toBe(x.answer.answer);
  });
});
