import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../engine/__fixtures__/scenarios';
import { findPreset, presets } from '../scenarios/presets';
import { parseScenario } from '../scenarios/validate';
import {
  checkScenario,
  compactScenario,
  importSizeProblem,
  MAX_IMPORT_BYTES,
  readScenarioText,
  scenarioFileName,
  scenarioFileText,
} from './customScenario';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

describe('a scenario as short JSON', () => {
  it('reads back as the same scenario, for every preset', () => {
    for (const { scenario } of presets) {
      const back = parseScenario(compactScenario(scenario));
      expect(back.ok && back.scenario).toEqual(scenario);
    }
  });

  it('reads back as the same scenario, for random ones with logs, queues and explicit tuples', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ delivery: true, lossy: true }), (spec) => {
        const parsed = parseScenario(spec);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const back = parseScenario(JSON.parse(JSON.stringify(compactScenario(parsed.scenario))));
        expect(back.ok && back.scenario).toEqual(parsed.scenario);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves out defaults, so a producer without stopMs keeps following durationMs', () => {
    const kafka = compactScenario(findPreset('kafka-failover')!.scenario);
    expect(kafka.producers).toEqual([
      {
        id: 'clicks',
        label: 'Clicks',
        ratePerSec: 20,
        arrivals: 'poisson',
        keys: { count: 12, prefix: 'user-' },
        delay: { kind: 'exponential', meanMs: 80 },
      },
    ]);
    expect(kafka.delivery).toMatchObject({ model: 'log', replicaFetchDelayMs: 150 });
    expect(kafka.delivery).not.toHaveProperty('partitions');
  });

  it('as a file: $schema first, pretty-printed, named after the scenario', () => {
    const spec = findPreset('slide-example')!.scenario;
    const text = scenarioFileText(spec, 'https://example.org/scenario.schema.json');
    expect(
      text.startsWith('{\n  "$schema": "https://example.org/scenario.schema.json",\n  "version": 1,'),
    ).toBe(true);
    expect(readScenarioText(text, 'the file')).toEqual({ ok: true, scenario: spec });
    expect(scenarioFileName(spec)).toBe('a-slide-s-example-tuple-by-tuple.streamscope.json');
    expect(scenarioFileName({ name: 'Café · Ströme!' })).toBe('cafe-strome.streamscope.json');
    expect(scenarioFileName({ name: '☃☃' })).toBe('scenario.streamscope.json');
  });
});

describe('reading untrusted scenario text', () => {
  it('names the file and the reason when it is not JSON', () => {
    const r = readScenarioText('{"version": 1,', '“mine.json”');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^“mine\.json” is not valid JSON: .+\.$/);
  });

  it('reports a value nested too deeply to check instead of throwing', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    const text = `{"version":1,"name":"x","durationMs":1000,"tuples":[{"key":"a","value":${deep},"eventTime":0,"arrivalTime":0}]}`;
    const r = readScenarioText(text, 'the file');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message.length).toBeGreaterThan(10);
    expect(() => checkScenario({ a: 1 })).not.toThrow();
  });

  it('refuses a file over the size limit before reading it, naming the file and the limit', () => {
    expect(importSizeProblem('ok.json', MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeProblem('big.json', 300 * 1024)?.message).toBe(
      '“big.json” is 300 KB; a scenario file can be at most 256 KB.',
    );
    expect(importSizeProblem('huge.json', 5 * 1024 * 1024)?.message).toBe(
      '“huge.json” is 5.0 MB; a scenario file can be at most 256 KB.',
    );
  });
});
