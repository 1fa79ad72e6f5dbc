import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../engine/types';
import { findPreset } from '../scenarios/presets';
import { compactScenario } from './customScenario';
import { packLink } from './linkHash';
import { scenarioLinkSize } from './sim/linkState';
import { CUSTOM_SCENARIO_ID, currentScenario, linkSizeOf, linkStateOf, useSim } from './simStore';
import { formatLink, MAX_LINK_SCENARIO_CHARS, parseLink } from './url';

const kafka = findPreset('kafka-failover')!.scenario;

/** kafka-failover, edited: twice the clicks on four partitions, under another name. */
function editedKafka(): Record<string, unknown> {
  const json = compactScenario(kafka);
  const producers = json.producers as Record<string, unknown>[];
  return {
    ...json,
    name: 'Busier clicks',
    producers: [{ ...producers[0], ratePerSec: 40 }],
    delivery: { ...(json.delivery as object), partitions: 4 },
  };
}

const state = () => useSim.getState();
const noticeTexts = () => state().notices.map((n) => n.text);

beforeEach(() => {
  useSim.setState({ notices: [] });
  state().load('kafka-failover');
});

describe('a custom scenario in the store', () => {
  it('runs in place of the preset, at the same moment when edited, keeping the preset to fall back on', () => {
    state().seek(120);
    expect(state().loadScenario(editedKafka(), 'edited')).toEqual([]);
    const s = state();
    expect(s.presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(s.source).toBe('edited');
    expect(s.lastPresetId).toBe('kafka-failover');
    expect(s.base.name).toBe('Busier clicks');
    expect(s.sim.scenario.spec.delivery?.partitions).toBe(4);
    expect(s.tick).toBe(120);
    // An imported scenario starts at the beginning; the fallback stays the last preset.
    expect(state().loadScenario(editedKafka(), 'imported')).toEqual([]);
    expect(state().tick).toBe(0);
    expect(state().lastPresetId).toBe('kafka-failover');
  });

  it('refuses an invalid scenario with problems naming the field, and keeps the current run', () => {
    const before = state().sim;
    const bad = { ...editedKafka(), producers: [{ id: 'clicks', ratePerSec: -1 }] };
    const problems = state().loadScenario(bad, 'edited');
    expect(problems).toEqual([{ path: 'producers[0].ratePerSec', message: 'must not be negative' }]);
    expect(state().sim).toBe(before);
    expect(state().presetId).toBe('kafka-failover');
    expect(state().loadScenario('{"version": 1,', 'imported')[0]?.message).toMatch(/not valid JSON/);
    expect(state().sim).toBe(before);
  });

  it('keeps every per-run operation working on it: seed, faults, rates, pipeline and query', () => {
    state().loadScenario(editedKafka(), 'edited');
    state().seek(100);
    state().setSeed(99);
    expect(state().seed).toBe(99);
    expect(state().base.name).toBe('Busier clicks');
    state().injectFault({ atMs: 5000, kind: 'crashBroker', broker: 3 - 1 });
    expect(state().sim.scenario.spec.delivery?.faults.filter((f) => f.atMs === 5000)).toHaveLength(1);
    expect(state().sim.scenario.spec.delivery?.partitions).toBe(4);
    expect(state().tick).toBe(100);
    state().clearFaults();
    expect(state().injected).toEqual([]);
    state().setRateScale(2);
    expect(state().sim.scenario.spec.producers[0]?.ratePerSec).toBe(80);
    // The custom scenario has no streaming application: the builder's check says so against it.
    const streaming = findPreset('dstream-windows')!.scenario.streaming!;
    expect(state().editStreaming(streaming)).toEqual([]);
    expect(state().sim.scenario.spec.streaming?.batchIntervalMs).toBe(1000);
    expect(state().sim.scenario.spec.delivery?.partitions).toBe(4);
    expect(state().editEventTime({ window: { kind: 'tumbling', sizeMs: 4000 } })).toEqual([]);
    expect(state().sim.scenario.spec.eventTime?.window).toEqual({ kind: 'tumbling', sizeMs: 4000 });
    state().resetStreaming();
    expect(state().sim.scenario.spec.streaming).toBeUndefined();
    expect(state().presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(state().seed).toBe(99);
  });

  it('folds the learner’s edits into the scenario the editor starts from: applying it changes nothing', () => {
    state().setSeed(5);
    state().setRateScale(1.5);
    state().injectFault({ atMs: 3000, kind: 'crashBroker', broker: 1 });
    state().seek(150);
    const before = state().sim.snapshot();
    const current = currentScenario(state());
    expect(current.seed).toBe(5);
    expect(current.producers[0]?.ratePerSec).toBe(30);
    expect(state().loadScenario(compactScenario(current), 'edited')).toEqual([]);
    expect(state().rateScale).toBe(1);
    expect(state().injected).toEqual([]);
    expect(state().sim.snapshot()).toEqual(before);
  });
});

describe('a custom scenario in a link', () => {
  it('travels as scn=JSON and reopens the same scenario, seed, moment and faults', async () => {
    state().loadScenario(editedKafka(), 'edited');
    state().setSeed(11);
    state().injectFault({ atMs: 6000, kind: 'crashBroker', broker: 2 });
    state().seek(90);
    const link = formatLink(linkStateOf(state()));
    expect(link).toMatch(/^\?scenario=kafka-failover&seed=11&t=9000&.*&scn=%7B/);
    // The size the app reports is the size in the link, packed in its hash.
    const packed = await packLink(linkStateOf(state()));
    expect(new URLSearchParams(packed.params).get('scn')?.length).toBe(linkSizeOf(state()).chars);
    expect(linkSizeOf(state()).chars).toBeGreaterThan(0);
    const base = state().base;
    state().load('three-kinds');
    state().openLink(link);
    const s = state();
    expect(noticeTexts()).toEqual([]);
    expect(s.presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(s.source).toBe('linked');
    expect(s.base).toEqual(base);
    expect(s.seed).toBe(11);
    expect(s.sim.timeMs).toBe(9000);
    expect(s.injected).toEqual([{ atMs: 6000, kind: 'crashBroker', broker: 2 }]);
    expect(formatLink(linkStateOf(s))).toBe(link);
  });

  it('with a bad field: a notice names it, the preset it came from runs, and the app keeps working', () => {
    const bad = JSON.stringify({ ...editedKafka(), delivery: { model: 'log', partitions: 99 } });
    state().load('three-kinds');
    state().openLink(`?scenario=kafka-failover&seed=3&t=5000&scn=${encodeURIComponent(bad)}`);
    expect(noticeTexts()).toEqual([
      "The link's scenario (scn) cannot be used (delivery.partitions: must be at most 16); showing “Kafka: a broker and a consumer fail” instead.",
    ]);
    expect(state().presetId).toBe('kafka-failover');
    expect(state().tick).toBe(0);
    state().stepForward();
    expect(state().tick).toBe(1);
  });

  it('that is not JSON, or names no preset, falls back to the default scenario with a notice', () => {
    state().openLink('?scn=%7Bnot%20json');
    expect(noticeTexts()[0]).toMatch(
      /^The link's scenario \(scn\) cannot be used \(The link's scenario \(scn\) is not valid JSON: /,
    );
    expect(state().presetId).toBe('three-kinds');
    useSim.setState({ notices: [] });
    state().openLink(`?scn=${encodeURIComponent(JSON.stringify([1, 2]))}`);
    expect(noticeTexts()[0]).toMatch(/must be a JSON object/);
  });

  it('too large for a link: the link keeps the last preset, and a notice says to export a file', async () => {
    const big = editedKafka();
    // Keys that do not compress: the packed link is as long as the text.
    let seed = 1;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 48_271) % 2_147_483_647;
        return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
      }).join('');
    const producers = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      label: `Producer ${i}`,
      keys: Array.from({ length: 100 }, () => noise(30)),
    }));
    expect(state().loadScenario({ ...big, producers }, 'imported')).toEqual([]);
    // Packing takes a moment (it is asynchronous); the notice follows it.
    const length = await scenarioLinkSize(state().base);
    expect(length).toBeGreaterThan(MAX_LINK_SCENARIO_CHARS);
    expect(linkSizeOf(state())).toEqual({ chars: length, fits: false });
    await expect
      .poll(() => noticeTexts().join(' '))
      .toMatch(/too large to share by link .* Export it as a file instead/);
    const link = await packLink(linkStateOf(state()));
    expect(link).toEqual({ search: '?scenario=kafka-failover&seed=4&t=0', params: '', tooLarge: true });
    expect(parseLink(link.search, ['kafka-failover']).problems).toEqual([]);
  });
});

describe('presets are unchanged by the refactoring', () => {
  it('a preset run still links as before, without scn', () => {
    state().seek(30);
    expect(formatLink(linkStateOf(state()))).toBe('?scenario=kafka-failover&seed=4&t=3000');
    expect(linkSizeOf(state())).toEqual({ chars: 0, fits: true });
    const spec: ScenarioSpec = state().base;
    expect(spec).toBe(kafka);
  });
});

describe('notices', () => {
  it('says one message once, however often it is asked to (issue 20: a refused link noticed twice)', () => {
    const before = useSim.getState().notices.length;
    useSim.getState().notify('There is no lesson "x"; here is the list of lessons.');
    useSim.getState().notify('There is no lesson "x"; here is the list of lessons.');
    useSim.getState().notify('Another message.');
    const added = useSim
      .getState()
      .notices.slice(before)
      .map((n) => n.text);
    expect(added).toEqual(['There is no lesson "x"; here is the list of lessons.', 'Another message.']);
    // Once dismissed, the same message may be said again.
    const first = useSim.getState().notices[before]!;
    useSim.getState().dismiss(first.id);
    useSim.getState().notify('There is no lesson "x"; here is the list of lessons.');
    expect(useSim.getState().notices.filter((n) => n.text.startsWith('There is no lesson'))).toHaveLength(1);
  });
});
