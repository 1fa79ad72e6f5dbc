import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPreset } from '../../scenarios/presets';
import { compactScenario, MAX_IMPORT_BYTES } from '../../store/customScenario';
import { CUSTOM_SCENARIO_ID, useSim } from '../../store/simStore';
import { importScenarioFile, type ScenarioFile } from './importFile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

const fileOf = (name: string, text: string, size = new TextEncoder().encode(text).length): ScenarioFile => ({
  name,
  size,
  text: async () => text,
});

/** Replaces one random field somewhere in a JSON-like value by random junk. */
function mutate(value: unknown, junk: unknown, pick: number): unknown {
  if (typeof value !== 'object' || value === null) return junk;
  const entries = Array.isArray(value) ? value.map((x, i) => [i, x] as const) : Object.entries(value);
  if (entries.length === 0) return junk;
  const [k, x] = entries[pick % entries.length]!;
  const deeper = pick % 3 !== 0 ? mutate(x, junk, Math.floor(pick / 3)) : junk;
  if (Array.isArray(value)) return value.map((y, i) => (i === k ? deeper : y));
  return { ...(value as object), [k]: deeper };
}

const kafka = compactScenario(findPreset('kafka-failover')!.scenario);
const slide = compactScenario(findPreset('slide-example')!.scenario);

beforeEach(() => {
  useSim.setState({ notices: [] });
  useSim.getState().load('three-kinds');
});

describe('importing a scenario file', () => {
  it('runs a good file in place of the current scenario', async () => {
    const result = await importScenarioFile(fileOf('mine.json', JSON.stringify({ ...kafka, name: 'Mine' })));
    expect(result).toEqual({ ok: true, name: 'Mine' });
    expect(useSim.getState().presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(useSim.getState().source).toBe('imported');
  });

  it('refuses a file over the limit without reading it', async () => {
    let read = false;
    const big: ScenarioFile = {
      name: 'big.json',
      size: MAX_IMPORT_BYTES + 1,
      text: async () => {
        read = true;
        return '{}';
      },
    };
    const result = await importScenarioFile(big);
    expect(read).toBe(false);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: '“big.json” is 257 KB; a scenario file can be at most 256 KB.' }],
    });
  });

  it('names the file when it cannot be read', async () => {
    const broken: ScenarioFile = {
      name: 'x.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    };
    expect(await importScenarioFile(broken)).toEqual({
      ok: false,
      problems: [{ path: '', message: '“x.json” could not be read (NotReadableError).' }],
    });
  });

  it(`fuzzing: ${RUNS} random, malformed and oversized files never throw, always say why, and change nothing`, async () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything().map((x) => JSON.stringify(x) ?? 'undefined'),
      fc
        .tuple(fc.constantFrom(kafka, slide), fc.anything(), fc.nat())
        .map(([s, junk, pick]) => JSON.stringify(mutate(s, junk, pick)) ?? ''),
      // A good file cut short, or with a few characters replaced.
      fc
        .tuple(
          fc.constantFrom(JSON.stringify(kafka), JSON.stringify(slide)),
          fc.nat(),
          fc.string({ maxLength: 3 }),
        )
        .map(
          ([good, at, s]) =>
            good.slice(0, at % (good.length + 1)) + s + good.slice((at % (good.length + 1)) + s.length),
        ),
      fc.integer({ min: 1, max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    );
    const file = fc.oneof(
      { weight: 9, arbitrary: fc.tuple(fc.string(), text).map(([name, t]) => fileOf(name, t)) },
      // Oversized, as the browser reports it; or a size that lies about a long text.
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: MAX_IMPORT_BYTES + 1, max: 2 ** 40 })
          .map((size) => fileOf('big.json', '{}', size)),
      },
      { weight: 1, arbitrary: fc.constant(fileOf('liar.json', ' '.repeat(MAX_IMPORT_BYTES + 1), 10)) },
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const before = useSim.getState();
        const result = await importScenarioFile(f);
        if (result.ok) {
          accepted++;
          useSim.getState().load('three-kinds');
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          // Every rejection names a field, or says what is wrong with the file as a whole.
          expect(typeof p.path).toBe('string');
          expect(p.message.length).toBeGreaterThan(5);
          if (p.path === '') expect(p.message).toMatch(/JSON|KB|MB|scenario|read|text|object|producer/i);
        }
        const after = useSim.getState();
        expect(after.sim).toBe(before.sim);
        expect(after.base).toBe(before.base);
        expect(after.presetId).toBe(before.presetId);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: some mutated files are still good scenarios and are imported.
    expect(accepted).toBeGreaterThan(0);
  });
});
