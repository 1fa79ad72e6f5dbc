/**
 * The tuples templates, answers recomputed from the run the simulator opens for the frame: arrivals in
 * the order the processor saw them (out of order worked out by hand, not read from the engine's flag),
 * and each arrival's kind of data read from its payload.
 */
import { describe, expect, it } from 'vitest';
import { payloadOf, Simulation } from '../../engine';
import type { PredictInstance } from '../types';
import { frameScenario, predictTemplates } from '.';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const template = (id: string) => predictTemplates.find((t) => t.id === id)!;
const cases = (id: string) => SEEDS.map((s) => [s, template(id).generate(s)] as [number, PredictInstance]);

function runTo(x: PredictInstance): Simulation {
  const { spec, seed } = frameScenario(x.frame);
  const sim = new Simulation(spec, seed);
  sim.seekTime(x.runToMs);
  expect(sim.timeMs).toBe(x.runToMs);
  return sim;
}

describe('tuples-next-out-of-order, recomputed', () => {
  it.each(cases('tuples-next-out-of-order'))(
    'seed %i: the source of the first arrival after the frozen moment older than one its source delivered before',
    (_, x) => {
      const sim = runTo(x);
      const atMs = x.frame.timeMs!;
      const newest = new Map<number, number>();
      let first: { producer: number; arrivalMs: number } | null = null;
      for (const id of sim.arrivalsBetween(Number.NEGATIVE_INFINITY, x.runToMs)) {
        const t = sim.tuple(id)!;
        const before = newest.get(t.producerIndex);
        if (before !== undefined && t.eventTimeMs < before && t.arrivalTimeMs! > atMs) {
          first = { producer: t.producerIndex, arrivalMs: t.arrivalTimeMs! };
          break;
        }
        newest.set(t.producerIndex, Math.max(before ?? t.eventTimeMs, t.eventTimeMs));
      }
      expect(first).not.toBeNull();
      const { tickMs } = sim.scenario.spec;
      expect(Math.ceil(first!.arrivalMs / tickMs) * tickMs).toBe(x.runToMs);
      const producers = sim.scenario.producers.map((p) => p.spec);
      const a = x.answer;
      if (a.kind !== 'choice') throw new Error('a choice question');
      expect(a.options[a.answer]!.text.startsWith(`${producers[first!.producer]!.label}:`)).toBe(true);
      // Every source is offered, so the other two are there to be picked wrongly.
      for (const p of producers)
        expect(a.options.filter((o) => o.text.startsWith(`${p.label}:`))).toHaveLength(1);
    },
  );

  it('has more than one source as the answer across seeds', () => {
    const answers = new Set(
      cases('tuples-next-out-of-order').map(([, x]) =>
        x.answer.kind === 'choice' ? x.answer.options[x.answer.answer]!.text : '',
      ),
    );
    expect(answers.size).toBeGreaterThanOrEqual(2);
  });
});

const KINDS = { structured: 'structured', 'semi-structured': 'semiStructured', unstructured: 'unstructured' };

describe('tuples-kind-arrivals, recomputed', () => {
  const all = cases('tuples-kind-arrivals');

  /** Arrivals in (frame, runToMs], counted by the kind of their payload. */
  function arrivalsByKind(x: PredictInstance): Map<string, number> {
    const sim = runTo(x);
    const producers = sim.scenario.producers.map((p) => p.spec);
    const counts = new Map<string, number>(Object.values(KINDS).map((k) => [k, 0]));
    for (const id of sim.arrivalsBetween(x.frame.timeMs!, x.runToMs)) {
      const t = sim.tuple(id)!;
      const kind = payloadOf(t, producers[t.producerIndex]!).kind;
      counts.set(kind, counts.get(kind)! + 1);
    }
    return counts;
  }

  it.each(all)('seed %i: the answer is the number of arrivals of the kind asked for', (_, x) => {
    const word = x.prompt.match(/How many (\S+) tuples will arrive/)![1]! as keyof typeof KINDS;
    const counts = arrivalsByKind(x);
    const a = x.answer;
    if (a.kind !== 'numeric') throw new Error('a numeric question');
    expect(a.answer).toBe(counts.get(KINDS[word]));
    expect(x.prompt).toContain(`(within ±${a.tolerance})`);
  });

  it('is missed by a learner who counts another kind, or all arrivals', () => {
    let missed = 0;
    for (const [, x] of all) {
      const a = x.answer;
      if (a.kind !== 'numeric') throw new Error('a numeric question');
      const counts = arrivalsByKind(x);
      const total = [...counts.values()].reduce((s, n) => s + n, 0);
      expect(Math.abs(total - a.answer)).toBeGreaterThan(a.tolerance!);
      const others = [...counts.values()].filter((n) => Math.abs(n - a.answer) > a.tolerance!);
      if (others.length >= 1) missed++;
    }
    expect(missed).toBeGreaterThanOrEqual(all.length / 2);
  });
});
