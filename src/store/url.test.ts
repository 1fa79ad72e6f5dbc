import { describe, expect, it } from 'vitest';
import { formatLink, MAX_QUERY_SCENARIO_CHARS, parseLink } from './url';

describe('links to Spark Streaming states', () => {
  it('carry an edited application and a producer rate, and read them back', () => {
    const app = JSON.stringify({ batchIntervalMs: 2000, pipeline: [{ id: 's', op: 'producerStream' }] });
    const link = formatLink({
      scenario: 'dstream-windows',
      seed: 7,
      timeMs: 4000,
      tuple: null,
      faults: [],
      compare: null,
      app,
      rate: 2,
      et: '{"engine":"flink"}',
    });
    const { state, problems } = parseLink(link, ['dstream-windows']);
    expect(problems).toEqual([]);
    expect(state.app).toBe(app);
    expect(state.rate).toBe(2);
    expect(state.et).toBe('{"engine":"flink"}');
  });

  it('reject a rate the UI does not offer, naming it', () => {
    const { state, problems } = parseLink('?rate=7', []);
    expect(state.rate).toBeUndefined();
    expect(problems).toEqual([
      `The link's producer rate "7" is not one of ×0.5, ×1, ×1.5, ×2, ×3, ×5; using the scenario's rates.`,
    ]);
  });
});

describe('links to a custom scenario', () => {
  const base = {
    scenario: 'three-kinds',
    seed: 1,
    timeMs: 0,
    tuple: null,
    faults: [],
    compare: null,
    app: null,
    rate: null,
    et: null,
  } as const;

  it('carry it as JSON after the readable part, and read it back unchanged', () => {
    const scn = JSON.stringify({ version: 1, name: 'Mine & yours: 100% = ?', durationMs: 1000 });
    const link = formatLink({ ...base, scn });
    expect(link.startsWith('?scenario=three-kinds&seed=1&t=0&scn=%7B')).toBe(true);
    const { state, problems } = parseLink(link, ['three-kinds']);
    expect(problems).toEqual([]);
    expect(state.scn).toBe(scn);
    expect(state.scenario).toBe('three-kinds');
  });

  it('leave it out when there is none (old links read as before)', () => {
    expect(formatLink(base)).toBe('?scenario=three-kinds&seed=1&t=0');
    expect(formatLink({ ...base, scn: null })).toBe('?scenario=three-kinds&seed=1&t=0');
    expect(parseLink('?scenario=three-kinds', ['three-kinds']).state.scn).toBeUndefined();
  });

  it('refuse one in the query longer than the limit, saying how long it is', () => {
    const scn = 'x'.repeat(MAX_QUERY_SCENARIO_CHARS + 1);
    const { state, problems } = parseLink(`?scn=${scn}`, []);
    expect(state.scn).toBeUndefined();
    expect(problems).toEqual([
      `The link's scenario (scn) is too long (20001 characters; at most 20000); showing a built-in scenario instead.`,
    ]);
  });

  it('take a longer one unpacked from the hash (it was checked while unpacking), and its problems', () => {
    const scn = 'x'.repeat(MAX_QUERY_SCENARIO_CHARS + 1);
    const problem =
      "The link's streaming application (app) is not valid compressed data; using the scenario's own.";
    const { state, problems } = parseLink('?scenario=three-kinds', ['three-kinds'], {
      texts: { scn },
      problems: [problem],
    });
    expect(state.scn).toBe(scn);
    expect(problems).toEqual([problem]);
  });
});
