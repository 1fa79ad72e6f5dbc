import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../engine/__fixtures__/scenarios';
import { scenarioJsonSchema } from './jsonSchema';
import { presets } from './presets';
import { parseScenario } from './validate';

const minimal = { version: 1, name: 'x', durationMs: 1000, producers: [{ id: 'a' }] };

function problems(input: unknown): string[] {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseScenario', () => {
  it('fills defaults for a minimal scenario', () => {
    const r = parseScenario(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.tickMs).toBe(100);
    expect(r.scenario.producers[0]).toMatchObject({
      label: 'a',
      ratePerSec: 1,
      stopMs: 1000,
      keys: ['a', 'b', 'c'],
    });
  });

  it('names the field path and the reason', () => {
    expect(problems({ ...minimal, producers: [{ id: 'a', ratePerSec: -2 }] })).toEqual([
      'producers[0].ratePerSec: must not be negative',
    ]);
    expect(
      problems({ ...minimal, producers: [{ id: 'a', delay: { kind: 'uniform', minMs: 5, maxMs: 1 } }] }),
    ).toEqual(['producers[0].delay.minMs: must not be larger than delay.maxMs (1)']);
    expect(problems({ ...minimal, tickMs: 0.5 })).toEqual(['tickMs: must be a whole number of milliseconds']);
    expect(problems({ ...minimal, durationMs: 150 })).toEqual([
      'durationMs: must be a whole number of ticks (tickMs 100): use 200, or a tickMs that divides 150',
    ]);
    expect(problems({ ...minimal, lateness: 5 })).toEqual([
      'lateness: must be an object ({ … }), not number 5',
    ]);
    expect(problems({ ...minimal, producers: [{ id: 'a', jitter: true }] })).toEqual([
      'producers[0].jitter: must be an object ({ … }), not boolean true',
    ]);
    expect(problems({ ...minimal, producers: [{ id: 'a', value: JSON.parse('{"min": -1e999}') }] })).toEqual([
      'producers[0].value.min: must be a finite number',
    ]);
    expect(
      problems({ ...minimal, tuples: [{ key: 'k', value: 1, eventTime: 5000, arrivalTime: 6000 }] }),
    ).toEqual(['tuples[0].eventTime: is after the end of the run (durationMs 1000)']);
    expect(problems({ ...minimal, producers: [{ id: 'a', startMs: 2000, stopMs: 3000 }] })).toEqual([
      'producers[0].startMs: is after the end of the run (durationMs 1000), so this producer would never send',
    ]);
    expect(problems({ ...minimal, ratePerSecond: 3 })).toEqual([
      'ratePerSecond: is not a known field (check the spelling)',
    ]);
    expect(problems({ version: 1, durationMs: 5 })[0]).toBe('name: is required');
    expect(
      problems({ ...minimal, tuples: [{ key: 'k', value: 1, eventTime: 50, arrivalTime: 10 }] }),
    ).toEqual(['tuples[0].arrivalTime: must not be before eventTime (50)']);
    expect(
      problems({
        ...minimal,
        tuples: [{ producer: 'zz', key: 'k', value: 1, eventTime: 5, arrivalTime: 10 }],
      })[0],
    ).toMatch(/^tuples\[0\]\.producer: "zz" is not the id of a producer/);
    expect(problems({ ...minimal, producers: [{ id: 'a' }, { id: 'a' }] })).toEqual([
      'producers[1].id: "a" is used by another producer; ids must be unique',
    ]);
    expect(
      problems({
        ...minimal,
        producers: [
          {
            id: 'a',
            offline: [
              { fromMs: 10, toMs: 50 },
              { fromMs: 40, toMs: 60 },
            ],
          },
        ],
      }),
    ).toEqual(['producers[0].offline[1].fromMs: periods must be in order and must not overlap']);
    expect(
      problems({ ...minimal, durationMs: 3_600_000, producers: [{ id: 'a', ratePerSec: 100000 }] })[0],
    ).toMatch(/^producers: would create about 360,000,000 tuples/);
  });

  it('reports bad JSON and non-objects without throwing', () => {
    expect(problems('{"version": 1,')[0]).toMatch(/^: The scenario is not valid JSON/);
    expect(problems('[]')).toEqual([
      ': A scenario must be a JSON object with at least "version", "name" and "durationMs".',
    ]);
    expect(problems(null)).toHaveLength(1);
  });

  it('never throws on random or malformed input, and every rejection names a reason', () => {
    const mutated = scenarioArbitrary().chain((spec) =>
      fc
        .record({
          path: fc.constantFrom('durationMs', 'tickMs', 'name', 'producers', 'tuples', 'seed', 'lateness'),
          junk: fc.anything(),
        })
        .map(({ path, junk }) => ({ ...spec, [path]: junk })),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json(), mutated), (input) => {
        const r = parseScenario(input);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.message.length).toBeGreaterThan(3);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every scenario the property tests generate (the engine types and the schema agree)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ lossy: true, delivery: true }), (spec) => {
        const r = parseScenario(JSON.parse(JSON.stringify(spec)));
        expect(r.ok ? [] : r.problems).toEqual([]);
        if (r.ok) expect(r.scenario).toEqual(spec);
      }),
      { numRuns: 200 },
    );
  });
});

describe('presets and the exported JSON Schema', () => {
  it('every preset is valid', () => {
    expect(presets.map((p) => p.id)).toContain('three-kinds');
    for (const p of presets) expect(parseScenario(p.scenario).ok).toBe(true);
  });

  it('public/scenario.schema.json is up to date (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../public/scenario.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(scenarioJsonSchema());
    expect(committed.required).toEqual(['version', 'name', 'durationMs']);
  });
});
