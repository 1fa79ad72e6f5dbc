/**
 * The DBMS vs stream templates, answers recomputed the way the Database pane fills `readings`: the
 * ids the run has delivered by a moment (`arrivalsBetween`, as store/db/readings does), counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import type { PredictInstance } from '../types';
import { frameScenario, predictTemplates } from '.';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const template = (id: string) => predictTemplates.find((t) => t.id === id)!;
const cases = (id: string) => SEEDS.map((s) => [s, template(id).generate(s)] as [number, PredictInstance]);

/** The run the simulator opens for the frame, with the rows `readings` holds at `ms`. */
function rowsAt(x: PredictInstance, ms: number) {
  const { spec, seed } = frameScenario(x.frame);
  const sim = new Simulation(spec, seed);
  sim.seekTime(ms);
  expect(sim.timeMs).toBe(ms);
  return sim.arrivalsBetween(Number.NEGATIVE_INFINITY, ms).map((id) => sim.tuple(id)!);
}

describe('dbms-stale-answer, recomputed', () => {
  it.each(cases('dbms-stale-answer'))(
    'seed %i: the stored answer keeps the count at the first moment; the continuous query counts every arrival',
    (_, x) => {
      const key = x.prompt.match(/key `([^`]+)` \(sent by/)![1]!;
      const atMs = x.frame.timeMs!;
      const n = rowsAt(x, atMs).filter((t) => t.key === key).length;
      const m = rowsAt(x, x.runToMs).filter((t) => t.key === key).length;
      expect(x.prompt).toContain(`has n = ${n},`);
      expect(x.prompt).toContain(`At ${(x.runToMs / 1000).toFixed(1)} s`);
      const a = x.answer;
      if (a.kind !== 'choice') throw new Error('a choice question');
      expect(a.options[a.answer]!.text).toBe(`Your answer says n = ${n}; the continuous query says n = ${m}`);
      // The answer can be missed: the pairs a wrong model gives are offered, and differ from it.
      expect(m).toBeGreaterThan(n);
      const texts = a.options.map((o) => o.text);
      expect(texts).toContain(`Your answer says n = ${m}; the continuous query says n = ${m}`);
      expect(texts).toContain(`Your answer says n = ${n}; the continuous query says n = ${n}`);
    },
  );

  it('puts the right option at different places', () => {
    const places = new Set(
      cases('dbms-stale-answer').map(([, x]) => x.answer.kind === 'choice' && x.answer.answer),
    );
    expect(places.size).toBeGreaterThanOrEqual(2);
  });
});

describe('dbms-rerun-past, recomputed', () => {
  it.each(cases('dbms-rerun-past'))(
    'seed %i: the second run counts the rows stored by then whose event time is up to the first moment',
    (_, x) => {
      const atMs = x.frame.timeMs!;
      const first = rowsAt(x, atMs);
      const later = rowsAt(x, x.runToMs);
      expect(x.prompt).toContain(`WHERE event_time <= ${atMs}\``);
      expect(x.prompt).toContain(`it returns ${first.length}.`);
      // At the first moment every stored row happened by then: the query counts the whole table.
      expect(first.every((t) => t.eventTimeMs <= atMs)).toBe(true);
      const again = later.filter((t) => t.eventTimeMs <= atMs).length;
      expect(x.answer).toMatchObject({ kind: 'numeric', answer: again });
      expect(x.answer.kind === 'numeric' && (x.answer.tolerance ?? 0)).toBe(0);
      // Wrong models give other numbers: "the answer about the past is final", "count every row".
      expect(again).toBeGreaterThan(first.length);
      expect(again).toBeLessThan(later.length);
      // Everything that had happened by the first moment had arrived by the second.
      const { spec, seed } = frameScenario(x.frame);
      const sim = new Simulation(spec, seed);
      sim.seekTime(atMs);
      const { created, dropped } = sim.frame();
      expect(again).toBe(created - dropped);
    },
  );
});
