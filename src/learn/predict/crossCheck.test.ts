/**
 * The answers of the second templates of event time, Kafka's log, DStreams and checkpointing,
 * derived again from a fresh run of each frame by another route than the template's own (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import type { PredictInstance } from '../types';
import { frameScenario, predictTemplates } from '.';
import { secs } from './frame';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function instances(id: string): PredictInstance[] {
  const t = predictTemplates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return SEEDS.map((s) => t.generate(s));
}

/** A fresh run of the frame, with its cursor at `timeMs`. */
function runAt(x: PredictInstance, timeMs: number): Simulation {
  const { spec, seed } = frameScenario(x.frame);
  const sim = new Simulation(spec, seed);
  sim.seekTime(timeMs);
  return sim;
}

const numeric = (x: PredictInstance) => (x.answer.kind === 'numeric' ? x.answer.answer : Number.NaN);

it('gives event time, Kafka’s log, DStreams and checkpointing two templates each at least', () => {
  for (const topic of ['event-time', 'kafka-log', 'dstreams', 'checkpointing'])
    expect(predictTemplates.filter((t) => t.topic === topic).length, topic).toBeGreaterThanOrEqual(2);
});

describe('three-clocks-processing-lag', () => {
  it('is the start of the first batch whose offset range holds the record, minus its event time', () => {
    for (const x of instances('three-clocks-processing-lag')) {
      const sim = runAt(x, x.runToMs);
      const id = x.frame.tuple!;
      const t = sim.tuple(id)!;
      const appended = sim.traceForTuple(id).find((e) => e.kind === 'appended')!;
      // Spark's Kafka source reads [fromOffset, untilOffset) of each partition in a batch.
      const batch = sim
        .query()!
        .batches.find((b) =>
          b.inputs[0]!.ranges.some(
            (r) => r.partition === appended.a && r.fromOffset <= appended.b && appended.b < r.untilOffset,
          ),
        )!;
      expect(numeric(x)).toBeCloseTo((batch.triggerMs - t.eventTimeMs) / 1000, 9);
      expect(batch.triggerMs).toBeGreaterThan(t.arrivalTimeMs!);
      // The frozen moment shows the record appended, and no batch has read it yet.
      expect(x.frame.timeMs!).toBeGreaterThanOrEqual(t.arrivalTimeMs!);
      expect(x.frame.timeMs!).toBeLessThan(batch.triggerMs);
      expect(x.prompt).toContain(`happened at ${secs(t.eventTimeMs)}`);
      expect(x.prompt).toContain(`at ${secs(t.arrivalTimeMs!)}: its ingestion time`);
    }
  });
});

describe('kafka-log-end-offset', () => {
  it('is one past the newest offset appended to the partition by the time it is run to', () => {
    for (const x of instances('kafka-log-end-offset')) {
      const p = Number(/partition (\d+)'s log end\?$/.exec(x.prompt)![1]);
      const sim = runAt(x, x.runToMs);
      const appends = sim
        .traceRange(0, sim.frame().traceLength)
        .filter((e) => e.kind === 'appended' && e.a === p);
      const endBy = (ms: number) =>
        1 + Math.max(-1, ...appends.filter((e) => e.timeMs <= ms).map((e) => e.b));
      expect(numeric(x)).toBe(endBy(x.runToMs));
      expect(x.prompt).toContain(`offset ${endBy(x.frame.timeMs!)} (partition ${p})`);
      // Every tuple the prompt lists is on its way at the frozen moment.
      const listed = [...x.prompt.matchAll(/#(\d+) \(key/g)].map((m) => Number(m[1]));
      const onWay = runAt(x, x.frame.timeMs!).pending();
      for (const id of listed) expect(onWay).toContain(id);
    }
  });
});

describe('dstream-scheduling-delay', () => {
  it("is the batch's start minus its time, and it starts when due or when the batch before it ends", () => {
    for (const x of instances('dstream-scheduling-delay')) {
      const T = 1000 * Number(/scheduling delay of the batch of ([\d.]+) s/.exec(x.prompt)![1]);
      const run = runAt(x, x.runToMs).streaming()!;
      const batch = run.batchAt(T)!;
      const previous = run.batchAt(T - run.spec.batchIntervalMs)!;
      expect(numeric(x)).toBeCloseTo((batch.startMs! - T) / 1000, 9);
      expect(batch.startMs).toBe(Math.max(T, previous.endMs!));
      expect(x.frame.timeMs).toBe(T - run.spec.batchIntervalMs);
      expect(x.runToMs).toBeGreaterThanOrEqual(batch.endMs!);
    }
  });
});

describe('driver-recovery-batches', () => {
  it('is the checkpoint’s pending times and the batch times from the checkpoint to the restart', () => {
    for (const x of instances('driver-recovery-batches')) {
      const fault = x.frame.streaming?.faults?.[0];
      if (fault?.kind !== 'driverCrash') throw new Error('expected a driver crash');
      const B = x.frame.streaming!.batchIntervalMs;
      const run = runAt(x, x.runToMs).streaming()!;
      // The latest checkpoint is the latest batch generated before the crash; the timer restarts at
      // the first batch time after the driver is back.
      const checkpointMs = Math.floor(fault.atMs / B) * B;
      const restartMs = (Math.floor((fault.atMs + fault.restartAfterMs) / B) + 1) * B;
      // The file as the crash left it: rewritten without its batch if that batch completed first.
      const times = new Set(run.metadataCheckpointAt(checkpointMs, fault.atMs)!.pendingTimes);
      for (let t = checkpointMs; t < restartMs; t += B) times.add(t);
      const expected = [...times].sort((a, b) => a - b);
      const rerun = run.batches.filter((b) => b.attempt > 1).map((b) => b.timeMs);
      expect(rerun.sort((a, b) => a - b)).toEqual(expected);
      if (x.answer.kind !== 'choice') throw new Error('expected a choice');
      const shown = x.answer.options[x.answer.answer]!.text;
      expect(shown.split(/, | and /).map((s) => Math.round(1000 * Number.parseFloat(s)))).toEqual(expected);
    }
  });
});
