import { describe, expect, it } from 'vitest';
import { findPreset } from '../../scenarios/presets';
import { predictTemplates } from '.';

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
      } catch (e) {
        problems.push(`seed ${seed}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

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
