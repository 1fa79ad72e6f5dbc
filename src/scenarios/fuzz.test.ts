import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../engine/__fixtures__/scenarios';
import { findPreset } from './presets';
import { parseEventTime, parseScenario, parseStreaming } from './validate';

/**
 * Fuzzing (issue 8): random and malformed scenario files, streaming and event-time blocks (links are
 * fuzzed beside their parser, in store/url.fuzz.test.ts). Nothing may throw; every rejection says
 * where and why.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

const wellFormed = (p: { path: string; message: string }) => {
  expect(typeof p.path).toBe('string');
  expect(p.message.length).toBeGreaterThan(3);
};

/** Replaces one random field somewhere in a JSON-like value by random junk. */
function mutate(value: unknown, junk: unknown, pick: number): unknown {
  if (typeof value !== 'object' || value === null) return junk;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return junk;
  const [k, v] = entries[pick % entries.length]!;
  const deeper = pick % 3 !== 0 ? mutate(v, junk, Math.floor(pick / 3)) : junk;
  if (Array.isArray(value)) return value.map((x, i) => (i === k ? deeper : x));
  return { ...(value as object), [k]: deeper };
}

const stateful = findPreset('stateful-streams')!.scenario;
const watermarks = findPreset('watermarks')!.scenario;

describe(`fuzzing: ${RUNS * 3} random and malformed inputs`, () => {
  it('scenario files', () => {
    const files = fc.oneof(
      fc.anything(),
      fc.json(),
      fc
        .tuple(scenarioArbitrary({ delivery: true }), fc.anything(), fc.nat())
        .map(([s, junk, pick]) => mutate(s, junk, pick)),
      fc
        .tuple(fc.constantFrom(stateful, watermarks), fc.anything(), fc.nat())
        .map(([s, junk, pick]) => mutate(s, junk, pick)),
    );
    fc.assert(
      fc.property(files, (input) => {
        const r = parseScenario(input);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          r.problems.forEach(wellFormed);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('streaming applications (the pipeline builder and &app= links)', () => {
    const blocks = fc.oneof(
      fc.anything(),
      fc.tuple(fc.anything(), fc.nat()).map(([junk, pick]) => mutate(stateful.streaming, junk, pick)),
    );
    fc.assert(
      fc.property(blocks, (input) => {
        const r = parseStreaming(input, stateful);
        if (!r.ok)
          r.problems.forEach((p) => {
            wellFormed(p);
            expect(p.path.startsWith('streaming')).toBe(true);
          });
      }),
      { numRuns: RUNS },
    );
  });

  it('event-time queries (the query controls and &et= links)', () => {
    const blocks = fc.oneof(
      fc.anything(),
      fc.tuple(fc.anything(), fc.nat()).map(([junk, pick]) => mutate(watermarks.eventTime, junk, pick)),
    );
    fc.assert(
      fc.property(blocks, (input) => {
        const r = parseEventTime(input, watermarks);
        if (!r.ok)
          r.problems.forEach((p) => {
            wellFormed(p);
            expect(p.path.startsWith('eventTime')).toBe(true);
          });
      }),
      { numRuns: RUNS },
    );
  });
});
