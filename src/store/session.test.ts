import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPreset, presets } from '../scenarios/presets';
import { packLink, unpackParams } from './linkHash';
import {
  loadSession,
  MAX_SESSION_CHARS,
  SESSION_KEY,
  saveSession,
  sessionLinkOf,
  splitSessionLink,
} from './session';
import { CUSTOM_SCENARIO_ID, useSim } from './simStore';
import { LONG_LIMITS, parseLink } from './url';

/** A Map behind the Storage methods the session uses. */
function memoryStorage(initial?: string) {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(SESSION_KEY, initial);
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

describe('the saved session', () => {
  it('gives back the link it saved', () => {
    const storage = memoryStorage();
    saveSession(storage, '?scenario=watermarks&seed=3&t=12000');
    expect(loadSession(storage)).toEqual({ link: '?scenario=watermarks&seed=3&t=12000', problem: null });
  });

  it('is empty when nothing was saved, and when storage throws', () => {
    expect(loadSession(memoryStorage())).toEqual({ link: null, problem: null });
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(loadSession(broken)).toEqual({ link: null, problem: null });
    expect(() => saveSession(broken, '?t=1')).not.toThrow();
  });

  it.each([
    ['{', 'it is not valid JSON'],
    ['[1,2]', 'it is not an object'],
    ['{"version":2,"link":"?t=1"}', 'its version is 2, not 1'],
    ['{"link":"?t=1"}', 'its version is missing, not 1'],
    ['{"version":1,"link":42}', 'its link is not text'],
    ['{"version":1,"link":"javascript:alert(1)"}', 'its link does not start with "?"'],
    ['x'.repeat(MAX_SESSION_CHARS + 1), `it is too large (${MAX_SESSION_CHARS + 1} characters)`],
  ])('discards %j: %s', (raw, problem) => {
    const storage = memoryStorage(raw);
    expect(loadSession(storage)).toEqual({ link: null, problem });
    expect(storage.map.has(SESSION_KEY)).toBe(false);
  });

  it(`fuzzing: ${RUNS} random and corrupted saved sessions never throw, and whatever is let through opens`, () => {
    const good = JSON.stringify({ version: 1, link: '?scenario=stateful-streams&seed=2&t=9000&tuple=3' });
    const saved = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
      fc
        .record({
          version: fc.constantFrom(1, 1, 2, '1'),
          link: fc.oneof(
            fc.string(),
            fc.webQueryParameters().map((q) => `?${q}`),
          ),
        })
        .map((v) => JSON.stringify(v)),
      // A good session with bytes flipped, cut short or padded.
      fc
        .tuple(fc.nat({ max: good.length }), fc.string({ maxLength: 3 }))
        .map(([at, s]) => good.slice(0, at) + s + good.slice(at + s.length)),
    );
    const ids = presets.map((p) => p.id);
    let opened = 0;
    fc.assert(
      fc.property(saved, (raw) => {
        const storage = memoryStorage(raw);
        const { link, problem } = loadSession(storage);
        expect(link === null || problem === null).toBe(true);
        if (problem !== null) expect(problem.length).toBeGreaterThan(5);
        if (link !== null) {
          // A restored link goes through the same checks as any link: problems are named, never thrown.
          const parsed = parseLink(link, ids);
          for (const p of parsed.problems) expect(p.length).toBeGreaterThan(10);
          opened++;
          expect(() => useSim.getState().openLink(link)).not.toThrow();
        }
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share of the inputs are sessions that pass and are opened.
    expect(opened).toBeGreaterThan(RUNS / 20);
  });

  it('a restored session with a bad part opens the rest and names what was wrong', () => {
    useSim.getState().openLink('?scenario=stateful-streams&seed=2&t=999999999&app=%7Bbroken');
    const s = useSim.getState();
    expect(s.presetId).toBe('stateful-streams');
    expect(s.sim.timeMs).toBe(findPreset('stateful-streams')!.scenario.durationMs);
    expect(s.notices.map((n) => n.text).join(' ')).toMatch(
      /past the end.*not valid JSON|not valid JSON.*past the end/,
    );
  });

  it('keeps a link whose long parameters are packed, and opens it again', async () => {
    const scn = JSON.stringify({ ...findPreset('three-kinds')!.scenario, name: 'Kept packed' });
    const packed = await packLink({
      scenario: 'three-kinds',
      seed: 3,
      timeMs: 2000,
      tuple: null,
      faults: [],
      compare: null,
      app: null,
      rate: null,
      et: null,
      scn,
    });
    const link = sessionLinkOf(packed.search, packed.params);
    expect(link).toMatch(/^\?scenario=three-kinds&seed=3&t=2000#\/\?scn=[\w-]+$/);
    const storage = memoryStorage();
    saveSession(storage, link);
    const restored = loadSession(storage);
    expect(restored).toEqual({ link, problem: null });
    const { search, params } = splitSessionLink(restored.link!);
    expect({ search, params }).toEqual({ search: packed.search, params: packed.params });
    useSim.setState({ notices: [] });
    useSim.getState().openLink(search, await unpackParams(params));
    expect(useSim.getState().notices).toEqual([]);
    expect(useSim.getState().presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(useSim.getState().base.name).toBe('Kept packed');
    expect(splitSessionLink('?t=1')).toEqual({ search: '?t=1', params: '' });
  });

  it('has room for the longest link the app writes: every long parameter at its packed limit', () => {
    const longParams = Object.entries(LONG_LIMITS).reduce(
      (n, [name, l]) => n + name.length + 2 + l.packed,
      0,
    );
    // The short parameters: a SQL query of 5000 characters, URL-encoded, 50 faults, and the rest.
    const longestLink = longParams + 3 * 5000 + 50 * 60 + 200;
    const saved = JSON.stringify({ version: 1, link: 'x'.repeat(longestLink) });
    expect(saved.length).toBeLessThan(MAX_SESSION_CHARS);
  });
});
