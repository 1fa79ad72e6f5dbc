import { describe, expect, it } from 'vitest';
import { findPreset } from '../../scenarios/presets';
import type { PredictInstance } from '../types';
import { predictTemplates } from '.';
import { frameSimulation } from './frame';

const SEEDS = Array.from({ length: 1000 }, (_, i) => i + 1);

/**
 * A quiz may draw any template with any seed: every one must give a question (no throw) whose frame
 * opens inside the run and whose answer is reached by running on from it (issue 18).
 */
describe.each(predictTemplates.map((t) => [t.id, t] as const))('template %s over seeds 1–1,000', (_, t) => {
  it('generates a question for every seed, asked in its run and answered within it', () => {
    const problems: string[] = [];
    for (const seed of SEEDS) {
      try {
        const x = t.generate(seed);
        const duration = findPreset(x.frame.scenario)!.scenario.durationMs;
        const at = x.frame.timeMs ?? 0;
        if (!(at >= 0 && at <= x.runToMs && x.runToMs <= duration))
          problems.push(`seed ${seed}: asked at ${at} ms, answered at ${x.runToMs} ms, run ${duration} ms`);
        if (x.prompt.trim() === '') problems.push(`seed ${seed}: empty prompt`);
        const bad = badAnswer(x);
        if (bad) problems.push(`seed ${seed}: ${bad}`);
        // Every tenth seed also opens its moment as the app would: the link's faults and edits are
        // accepted, and the frozen frame is not empty.
        if (seed % 10 === 0) {
          const sim = frameSimulation(x.frame);
          sim.seekTime(at);
          if (sim.frame().created === 0) problems.push(`seed ${seed}: nothing has happened at ${at} ms`);
        }
      } catch (e) {
        problems.push(`seed ${seed}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Why an instance's answer cannot be given, or null: one right option among distinct ones, or a finite number. */
function badAnswer(x: PredictInstance): string | null {
  const a = x.answer;
  if (a.kind === 'numeric')
    return Number.isFinite(a.answer) && (a.tolerance ?? 0) >= 0 ? null : `numeric answer ${a.answer}`;
  const texts = a.options.map((o) => o.text.trim());
  if (texts.length < 3 || new Set(texts).size !== texts.length) return `options ${JSON.stringify(texts)}`;
  if (!Number.isInteger(a.answer) || a.answer < 0 || a.answer >= texts.length) return `answer ${a.answer}`;
  return a.options.every((o) => o.why.trim() !== '') ? null : 'an option without a why';
}

describe('kafka-key-partition says where the key’s earlier records went', () => {
  it('and that is the partition the answer names', () => {
    const t = predictTemplates.find((x) => x.id === 'kafka-key-partition')!;
    let withEarlier = 0;
    for (const seed of SEEDS.slice(0, 100)) {
      const x = t.generate(seed);
      const said = x.prompt.match(/appended so far, to partition (\d+)\./);
      if (!said || x.answer.kind !== 'choice') continue;
      withEarlier++;
      expect(x.answer.options[x.answer.answer]!.text).toBe(`partition ${said[1]}`);
    }
    expect(withEarlier).toBeGreaterThan(50);
  });
});
