import { describe, expect, it } from 'vitest';
import { type ScenarioSpec, Simulation } from '../../engine';
import { RATE_SCALES } from '../../scenarios/edits';
import { type InjectedFault, parseFault, withInjected } from '../../scenarios/faults';
import { findPreset } from '../../scenarios/presets';
import { parseEventTime, parseQuery, parseStreaming } from '../../scenarios/validate';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { frameScenario, predictTemplates } from '.';

/** The scenario the store builds for a link (simStore.newRun + scenarios/edits + faults.withInjected). */
function storeScenario(frame: FrameRef): { spec: ScenarioSpec; seed: number } {
  const preset = findPreset(frame.scenario)!;
  const rate = frame.rate ?? 1;
  const scaled =
    rate === 1
      ? preset.scenario
      : {
          ...preset.scenario,
          producers: preset.scenario.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * rate })),
        };
  const withStreaming = frame.streaming ? { ...scaled, streaming: frame.streaming } : scaled;
  const withEventTime = frame.eventTime ? { ...withStreaming, eventTime: frame.eventTime } : withStreaming;
  const scenario = frame.query ? { ...withEventTime, query: frame.query } : withEventTime;
  const injected = (frame.faults ?? []).map((f) => parseFault(f, preset.scenario) as InjectedFault);
  return { spec: withInjected(scenario, injected), seed: frame.seed ?? preset.scenario.seed };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const instances = new Map<string, PredictInstance[]>();
const instancesOf = (t: PredictTemplate) => {
  let xs = instances.get(t.id);
  if (!xs) {
    xs = SEEDS.map((s) => t.generate(s));
    instances.set(t.id, xs);
  }
  return xs;
};

describe('predict templates: the collection', () => {
  it('has at least 14 templates with unique kebab-case ids, titles and hints', () => {
    expect(predictTemplates.length).toBeGreaterThanOrEqual(14);
    const ids = predictTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of predictTemplates) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.kind).toBe('predict');
      expect(t.title.length).toBeGreaterThan(10);
      expect(t.hint.length).toBeGreaterThan(10);
    }
  });

  it('covers every topic the brief names', () => {
    const topics = new Set(predictTemplates.map((t) => t.topic));
    for (const topic of [
      'event-time',
      'watermarks',
      'windows',
      'messaging',
      'kafka-log',
      'replication',
      'consumer-groups',
      'dstreams',
      'stateful',
      'checkpointing',
      'structured-streaming',
    ] as const)
      expect(topics, topic).toContain(topic);
    expect(predictTemplates.filter((t) => t.topic === 'watermarks').length).toBeGreaterThanOrEqual(2);
    expect(predictTemplates.filter((t) => t.topic === 'windows').length).toBeGreaterThanOrEqual(2);
    expect(predictTemplates.filter((t) => t.topic === 'consumer-groups').length).toBeGreaterThanOrEqual(2);
    expect(predictTemplates.filter((t) => t.topic === 'stateful').length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(predictTemplates.map((t) => [t.id, t] as const))('template %s', (_, template) => {
  it('is deterministic: the same seed gives a deep-equal instance', () => {
    const xs = instancesOf(template);
    for (let i = 0; i < 5; i++) expect(template.generate(SEEDS[i]!)).toEqual(xs[i]);
  });

  it('gives different instances for different seeds', () => {
    const prompts = new Set(instancesOf(template).map((x) => x.prompt));
    expect(prompts.size).toBeGreaterThanOrEqual(2);
  });

  it('has a well-formed answer: options in range, unique and explained; numbers finite', () => {
    for (const x of instancesOf(template)) {
      const a = x.answer;
      if (a.kind === 'choice') {
        expect(a.options.length).toBeGreaterThanOrEqual(3);
        expect(a.options.length).toBeLessThanOrEqual(4);
        expect(Number.isInteger(a.answer)).toBe(true);
        expect(a.answer).toBeGreaterThanOrEqual(0);
        expect(a.answer).toBeLessThan(a.options.length);
        expect(new Set(a.options.map((o) => o.text)).size).toBe(a.options.length);
        for (const o of a.options) expect(o.why.length).toBeGreaterThan(10);
        expect(a.options[a.answer]!.why).toMatch(/^Right/);
        for (const [i, o] of a.options.entries()) if (i !== a.answer) expect(o.why).not.toMatch(/^Right/);
      } else {
        expect(Number.isFinite(a.answer)).toBe(true);
        expect(a.tolerance === undefined || (Number.isFinite(a.tolerance) && a.tolerance >= 0)).toBe(true);
      }
      for (const text of [x.prompt, x.explanation])
        expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
    }
  });

  it('names a frame the simulator can open, with both moments inside the run', () => {
    for (const x of instancesOf(template)) {
      const f = x.frame;
      const preset = findPreset(f.scenario);
      expect(preset, f.scenario).toBeDefined();
      const base = preset!.scenario;
      expect(Number.isInteger(f.seed) && f.seed! >= 0 && f.seed! <= 2 ** 31 - 1).toBe(true);
      if (f.rate !== undefined) expect(RATE_SCALES).toContain(f.rate);
      for (const fault of f.faults ?? []) expect(typeof parseFault(fault, base), fault).not.toBe('string');
      // Edited blocks survive the link: valid, and unchanged by the store's parsing.
      if (f.streaming) {
        const parsed = parseStreaming(JSON.parse(JSON.stringify(f.streaming)), base);
        expect(parsed.ok && parsed.value).toEqual(f.streaming);
      }
      if (f.eventTime) {
        const parsed = parseEventTime(JSON.parse(JSON.stringify(f.eventTime)), base);
        expect(parsed.ok && parsed.value).toEqual(f.eventTime);
      }
      if (f.query) {
        const parsed = parseQuery(JSON.parse(JSON.stringify(f.query)), base);
        expect(parsed.ok && parsed.value).toEqual(f.query);
      }
      const { spec, seed } = storeScenario(f);
      expect(frameScenario(f)).toEqual({ spec, seed });
      expect(f.timeMs).toBeGreaterThanOrEqual(0);
      expect(f.timeMs! % spec.tickMs).toBe(0);
      expect(x.runToMs).toBeGreaterThan(f.timeMs!);
      expect(x.runToMs).toBeLessThanOrEqual(spec.durationMs);
      if (f.tuple !== undefined) {
        const sim = new Simulation(spec, seed);
        sim.seekTime(f.timeMs!);
        expect(f.tuple).toBeLessThan(sim.frame().created);
      }
    }
  });
});
