/**
 * "See it in the simulator": every framed review question opens a moment that shows what its prompt
 * and answer rely on. Each check opens the frame as the app does (frameSimulation, cursor at
 * frame.timeMs) and reads only what has happened by then. This file checks the topics before the
 * brokers (tuples, event time, watermarks, windows) and any topic the other two files do not name;
 * frames.kafka.test.ts and frames.spark.test.ts check theirs. A new framed question needs a check.
 */
import { describe, expect, it } from 'vitest';
import { assignWindows, payloadOf, type Simulation, type TupleView } from '../../engine';
import { RATE_SCALES } from '../../scenarios/edits';
import { findPreset } from '../../scenarios/presets';
import { parseEventTime, parseStreaming } from '../../scenarios/validate';
import { eventTimeRun } from '../predict/eventTimeRun';
import { type FrameRef, TOPICS, type Topic } from '../types';
import { openFrame, uncheckedFrames } from './__fixtures__/framed';
import { staticQuestions } from './index';

/** The topics frames.kafka.test.ts and frames.spark.test.ts check (their own TOPICS lists). */
const CHECKED_ELSEWHERE: readonly Topic[] = [
  'messaging',
  'kafka-log',
  'replication',
  'consumer-groups',
  'dstreams',
  'stateful',
  'checkpointing',
  'structured-streaming',
];
const OWN_TOPICS: readonly Topic[] = TOPICS.map((t) => t.id).filter((t) => !CHECKED_ELSEWHERE.includes(t));

type Moment = (sim: Simulation, frame: FrameRef) => void;

const open = openFrame;

/** Tuples of one producer that have arrived by the cursor, in arrival order. */
function arrivedFrom(sim: Simulation, producer: string): TupleView[] {
  const index = sim.scenario.producers.findIndex((p) => p.spec.id === producer);
  return sim
    .arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs)
    .map((id) => sim.tuple(id)!)
    .filter((t) => t.producerIndex === index);
}

const payloadsOf = (sim: Simulation, producer: string) => {
  const spec = sim.scenario.producers.find((p) => p.spec.id === producer)!.spec;
  return arrivedFrom(sim, producer).map((t) => payloadOf(t, spec));
};

const fieldSets = (sim: Simulation) =>
  new Set(
    payloadsOf(sim, 'phone').map((p) => (p.kind === 'semiStructured' ? Object.keys(p.document!) : []).join()),
  );

/** The watch's backlog (10–25 s offline) reached the processor in one burst after 25 s, at the cursor. */
function backlogBurst(sim: Simulation) {
  const watch = arrivedFrom(sim, 'watch');
  const backlog = watch.filter((t) => t.backfilled);
  expect(watch.filter((t) => t.arrivalTimeMs! > 10_000 && t.arrivalTimeMs! < 25_000)).toEqual([]);
  expect(backlog.length).toBe(30);
  for (const t of backlog) {
    expect(t.eventTimeMs).toBeGreaterThanOrEqual(10_000);
    expect(t.eventTimeMs).toBeLessThan(25_000);
    expect(t.arrivalTimeMs).toBeGreaterThanOrEqual(25_000);
    expect(t.arrivalTimeMs).toBeLessThan(sim.timeMs);
  }
  const steady = arrivedFrom(sim, 'pedometer').filter((t) => t.arrivalTimeMs! > 10_000);
  expect(steady.filter((t) => t.arrivalTimeMs! < 25_000).length).toBeGreaterThanOrEqual(14);
  return backlog;
}

const moments: Record<string, Moment> = {
  'tuples-json-kind': (sim) => {
    const docs = payloadsOf(sim, 'phone');
    expect(docs.length).toBeGreaterThanOrEqual(10);
    expect(docs.every((p) => p.kind === 'semiStructured')).toBe(true);
    // Self-describing documents whose fields vary from message to message.
    expect(fieldSets(sim).size).toBeGreaterThanOrEqual(3);
  },
  'tuples-log-line-kind': (sim) => {
    const lines = payloadsOf(sim, 'webserver');
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const p of lines)
      expect(p.kind === 'unstructured' && p.text).toMatch(/^(GET|POST) \/\w+ \d{3} in \d+ ms$/);
  },
  'tuples-schema-rigidity': (sim) => {
    const rows = payloadsOf(sim, 'thermostat');
    const columns = new Set(
      rows.map((p) => (p.kind === 'structured' ? p.columns.map((c) => c.name).join() : '')),
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(columns.size).toBe(1); // one fixed schema
    expect(fieldSets(sim).size).toBeGreaterThanOrEqual(2); // fields that vary
    expect(payloadsOf(sim, 'webserver').every((p) => p.kind === 'unstructured')).toBe(true);
  },
  'event-time-slide-late-reading': (sim) => {
    const late = arrivedFrom(sim, 'sensor').find((t) => t.eventTimeMs === 2500)!;
    expect(late).toMatchObject({ arrivalTimeMs: 11_000, delayMs: 8500, late: true });
    const others = arrivedFrom(sim, 'sensor').filter((t) => t.id !== late.id && t.eventTimeMs !== 3000);
    expect(others.every((t) => t.delayMs === 500)).toBe(true);
  },
  'event-time-overtaken-count': (sim) => {
    // Exactly the readings the prompt lists have arrived; two later ones overtook the 3.0 s reading.
    const seen = arrivedFrom(sim, 'sensor').map((t) => [t.eventTimeMs, t.arrivalTimeMs]);
    expect(seen.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [1000, 1500],
      [2000, 2500],
      [3000, 6200],
      [4000, 4500],
      [5000, 5500],
      [6000, 6500],
    ]);
    expect(seen.filter(([e, a]) => e! > 3000 && a! < 6200).map(([e]) => e)).toEqual([4000, 5000]);
  },
  'event-time-out-of-order-cause': (sim) => {
    const a = arrivedFrom(sim, 'sensor').find((t) => t.eventTimeMs === 3000)!;
    expect(a).toMatchObject({ outOfOrder: true, overtakenBy: { eventTimeMs: 5000 }, delayMs: 3200 });
  },
  'event-time-backfill-processing-windows': (sim) => {
    // 5 s windows of processing time: nothing from the watch in 10–25 s, its whole backlog in [25, 30).
    expect(backlogBurst(sim).every((t) => Math.floor(t.arrivalTimeMs! / 5000) === 5)).toBe(true);
  },
  'event-time-backfill-journey': (sim) => {
    const reading = backlogBurst(sim)[0]!;
    // Stamped when recorded, held while offline, sent on reconnect, then processed.
    expect(sim.traceForTuple(reading.id).map((e) => [e.kind, e.timeMs])).toEqual([
      ['emitted', reading.eventTimeMs],
      ['sent', 25_000],
      ['arrived', reading.arrivalTimeMs],
    ]);
  },
  'event-time-ingestion-windows': (sim) => {
    // Stamped on arrival, the backlog lands in [25 s, 30 s), far from its event times (10–25 s).
    const backlog = backlogBurst(sim);
    expect(new Set(backlog.map((t) => Math.floor(t.arrivalTimeMs! / 5000)))).toEqual(new Set([5]));
    expect(new Set(backlog.map((t) => Math.floor(t.eventTimeMs / 5000)))).toEqual(new Set([2, 3, 4]));
  },
  'watermarks-meaning': (_, frame) => {
    const { analysis, records } = eventTimeRun(frame);
    const t = frame.timeMs!;
    const batches = analysis.batches!.filter((b) => b.atMs <= t);
    const w = batches.at(-1)!.watermarkMs;
    const newest = Math.max(...records.filter((r) => r.arrivalMs <= t).map((r) => r.eventTimeMs));
    // W trails the newest event time; the windows emitted so far are those that end by W.
    expect(w).toBe(16_631);
    expect(newest - w).toBe(analysis.spec.spark.delayMs);
    const emitted = analysis.emissions.filter((e) => e.atMs <= t).map((e) => e.window.endMs);
    expect(emitted).toEqual([5000, 10_000, 15_000]);
  },
  'watermarks-longer-delay': (_, frame) => {
    const t = frame.timeMs!;
    const run = (delayMs: number) => {
      const query = eventTimeRun(frame).query;
      const { analysis, sim } = eventTimeRun({
        ...frame,
        eventTime: { ...query, spark: { ...query.spark, delayMs } },
      });
      sim.seek(sim.lastTick);
      const late = analysis.late.filter((l) => l.atMs <= t).map((l) => sim.tuple(l.id)!.producerIndex);
      return { late, emittedAt: new Map(analysis.emissions.map((e) => [e.window.endMs, e.atMs])) };
    };
    expect(eventTimeRun(frame).query.spark.delayMs).toBe(2000);
    const [two, six] = [run(2000), run(6000)];
    // Phone tuples (producer 1) arrive too late with a 2 s delay; none with 6 s; windows 4 s later.
    expect(two.late.length).toBeGreaterThanOrEqual(3);
    expect(two.late.every((p) => p === 1)).toBe(true);
    expect(six.late.length).toBeLessThan(two.late.length);
    for (const end of [5000, 10_000, 15_000])
      expect(six.emittedAt.get(end)! - two.emittedAt.get(end)!).toBe(4000);
  },
  'watermarks-spark-batch-steps': (_, frame) => {
    const { analysis, byId } = eventTimeRun(frame);
    const batches = analysis.batches!.filter((b) => b.atMs <= frame.timeMs!);
    expect(batches.length).toBeGreaterThanOrEqual(15);
    for (const [i, b] of batches.entries()) {
      // The watermark a batch uses was computed at the end of the one before …
      if (i > 0) expect(b.watermarkMs).toBe(batches[i - 1]!.nextWatermarkMs);
      // … from its newest event time minus the delay, and finished windows go out with the next batch.
      const newest = Math.max(...b.records.map((id) => byId.get(id)!.eventTimeMs));
      expect(b.nextWatermarkMs).toBe(Math.max(b.watermarkMs, newest - analysis.spec.spark.delayMs));
      for (const e of b.emitted) expect(e.window.endMs).toBeLessThanOrEqual(b.watermarkMs);
    }
  },
  'windows-tumbling-start': (sim, frame) => {
    const { query, analysis } = eventTimeRun(frame);
    expect(query.window).toEqual({ kind: 'tumbling', sizeMs: 5000 });
    expect(assignWindows(query.window, 12_300)).toEqual([{ startMs: 10_000, endMs: 15_000 }]);
    // Readings of [10 s, 15 s) have arrived, and that window is still open.
    const inWindow = sim
      .arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs)
      .filter((id) => Math.floor(sim.tuple(id)!.eventTimeMs / 5000) === 2);
    expect(inWindow.length).toBeGreaterThanOrEqual(10);
    expect(analysis.emissions.find((e) => e.window.startMs === 10_000)!.atMs).toBeGreaterThan(sim.timeMs);
  },
};

describe('frames show what their questions rely on', () => {
  it('has a check for every framed question of its topics, and none for others', () => {
    // Without a check: a framed question nobody looked at. Stale: no such question, or it has no frame.
    expect(uncheckedFrames(OWN_TOPICS, Object.keys(moments))).toEqual({ withoutCheck: [], stale: [] });
  });

  it('carries only edits its link can carry: a listed rate, an accepted application or query', () => {
    for (const q of staticQuestions.filter((x) => x.frame)) {
      const frame = q.frame!;
      const base = findPreset(frame.scenario)!.scenario;
      if (frame.rate !== undefined) expect(RATE_SCALES, q.id).toContain(frame.rate);
      // The link carries edits as JSON; the app parses them back (edited Structured Streaming queries: bank.test.ts).
      const linked = (x: unknown) => JSON.parse(JSON.stringify(x));
      const app = frame.streaming && parseStreaming(linked(frame.streaming), base);
      if (app) expect(app, q.id).toEqual({ ok: true, value: frame.streaming });
      const eventTime = frame.eventTime && parseEventTime(linked(frame.eventTime), base);
      if (eventTime) expect(eventTime, q.id).toEqual({ ok: true, value: frame.eventTime });
    }
  });

  it.each(Object.keys(moments))('%s', (id) => {
    const { sim, frame } = open(id);
    moments[id]!(sim, frame);
  });
});
