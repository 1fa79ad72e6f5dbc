/**
 * The Structured Streaming templates, answers recomputed from the run the store opens for the frame,
 * stepped tick by tick from the frozen moment to `runToMs`: the checkpoint files read back, and the
 * late-row rule applied by hand to the batch's rows.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import type { PredictInstance } from '../types';
import { frameScenario, predictTemplates } from '.';

const SEEDS = [1, 2, 3, 4, 5, 6];

const template = (id: string) => predictTemplates.find((t) => t.id === id)!;
const cases = (id: string) => SEEDS.map((s) => [s, template(id).generate(s)] as [number, PredictInstance]);

function runTo(x: PredictInstance): Simulation {
  const { spec, seed } = frameScenario(x.frame);
  const sim = new Simulation(spec, seed);
  sim.seekTime(x.frame.timeMs!);
  while (sim.timeMs < x.runToMs && sim.step()) {}
  expect(sim.timeMs).toBe(x.runToMs);
  return sim;
}

describe('structured-rerun-offsets, recomputed', () => {
  it.each(cases('structured-rerun-offsets'))(
    'seed %i: the re-run reads offsets/N as logged before the crash, from where batch N−1 ended',
    (_, x) => {
      const sim = runTo(x);
      const q = sim.query()!;
      const killed = q.batches.find((b) => b.killed)!;
      expect(killed.killed!.atMs).toBe(x.frame.timeMs);
      const n = killed.batchId;
      const logged = q.files.filter((f) => f.path.endsWith(`/offsets/${n}`));
      expect(logged).toHaveLength(1);
      expect(logged[0]!.writtenAtMs).toBeLessThan(killed.killed!.atMs);
      const rerun = q.batches.find((b) => b.reRun)!;
      expect(rerun.batchId).toBe(n);
      expect(rerun.triggerMs).toBeGreaterThan(killed.killed!.atMs);
      const ends = (logged[0]!.content as { sources: Record<string, number>[] }).sources[0]!;
      const ranges = rerun.inputs[0]!.ranges;
      expect(ranges.map((r) => r.untilOffset)).toEqual(ranges.map((r) => ends[String(r.partition)]));
      const previous = q.batches.filter((b) => b.batchId === n - 1 && !b.killed).at(-1)!;
      expect(ranges.map((r) => r.fromOffset)).toEqual(previous.inputs[0]!.ranges.map((r) => r.untilOffset));
      const commits = q.files.filter((f) => f.path.endsWith(`/commits/${n}`));
      expect(commits.map((f) => f.writtenAtMs)).toEqual([rerun.commitMs]);
      expect(rerun.commitMs).toBeLessThanOrEqual(x.runToMs);
      const a = x.answer;
      if (a.kind !== 'choice') throw new Error('a choice question');
      expect(a.options[a.answer]!.text).toBe(
        ranges.map((r) => `p${r.partition} ${r.fromOffset}→${r.untilOffset}`).join(', '),
      );
    },
  );
});

describe('structured-backlog-dropped, recomputed', () => {
  it.each(cases('structured-backlog-dropped'))(
    'seed %i: the rows dropped are those whose window ended by the watermark in offsets/N−1',
    (_, x) => {
      const sim = runTo(x);
      const q = sim.query()!;
      const operator = x.frame.query!.operator;
      if (operator.kind !== 'windowAggregation' || operator.window.kind !== 'tumbling')
        throw new Error('a tumbling-window count');
      const sizeMs = operator.window.sizeMs;
      const batch = q.batches.find((b) => b.records.some((id) => sim.tuple(id)!.backfilled))!;
      expect(batch.triggerMs).toBeGreaterThan(x.frame.timeMs!);
      expect(batch.commitMs).toBeLessThanOrEqual(x.runToMs);
      const previous = q.files.find((f) => f.path.endsWith(`/offsets/${batch.batchId - 1}`))!;
      const lateWatermarkMs = (previous.content as { batchWatermarkMs: number }).batchWatermarkMs;
      const windowEnd = (id: number) => Math.floor(sim.tuple(id)!.eventTimeMs / sizeMs) * sizeMs + sizeMs;
      const late = batch.records.filter((id) => windowEnd(id) <= lateWatermarkMs);
      expect(x.answer).toMatchObject({ kind: 'numeric', answer: late.length });
      expect(batch.state.numRowsDroppedByWatermark).toBe(late.length);
      expect(batch.dropped.map((d) => d.id).sort((a, b) => a - b)).toEqual([...late].sort((a, b) => a - b));
    },
  );
});
