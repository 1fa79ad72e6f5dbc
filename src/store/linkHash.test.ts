import { deflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { longScenario as longScenarioOf } from './__fixtures__/longScenario';
import { packText } from './linkCodec';
import { packLink, packLinkNow, unpackParams } from './linkHash';
import { joinHash } from './route';
import { CUSTOM_SCENARIO_ID, useSim } from './simStore';
import { formatLink, type LinkState, MAX_LINK_SCENARIO_CHARS, parseLink } from './url';

const preset = findPreset('dstream-windows')!.scenario;
const longScenario = () => longScenarioOf(preset);

const base: LinkState = {
  scenario: 'dstream-windows',
  seed: 7,
  timeMs: 4000,
  tuple: 12,
  faults: [],
  compare: null,
  app: null,
  rate: null,
  et: null,
};

const editedApp = JSON.stringify({ ...preset.streaming, batchIntervalMs: 2000 });

beforeEach(() => {
  useSim.setState({ notices: [] });
  useSim.getState().load('three-kinds');
});

describe('links with their long parameters packed in the hash', () => {
  it('keep the short parameters in the query and pack scn, app, et and q after the page', async () => {
    const scn = longScenario();
    const state = { ...base, scn, app: editedApp, et: '{"engine":"flink"}', q: '{"outputMode":"update"}' };
    const link = await packLink(state);
    expect(link.search).toBe('?scenario=dstream-windows&seed=7&t=4000&tuple=12');
    expect(link.params).toMatch(/^scn=[\w-]+&app=[\w-]+&et=[\w-]+&q=[\w-]+$/);
    expect(link.tooLarge).toBe(false);
    // Written once, the same link is at hand without waiting.
    expect(packLinkNow(state)).toEqual(link);

    const unpacked = await unpackParams(link.params);
    expect(unpacked.problems).toEqual([]);
    const { state: read, problems } = parseLink(link.search, ['dstream-windows'], unpacked);
    expect(problems).toEqual([]);
    expect(read).toEqual({ ...state, faults: undefined, compare: undefined, rate: undefined });
  });

  it(`make issue 20's 10 KB scenario's address short enough for any server (at most 8,000 characters)`, async () => {
    const scn = longScenario();
    expect(scn.length).toBeGreaterThanOrEqual(10_000);
    const state = { ...base, scn, app: editedApp };
    const before = `http://127.0.0.1:4173/${formatLink(state)}`;
    const link = await packLink(state);
    const after = `http://127.0.0.1:4173/${link.search}${joinHash('', link.params)}`;
    expect(before.length).toBeGreaterThan(18_000);
    expect(after.length).toBeLessThanOrEqual(8000);
  });

  it('open in the store: the custom scenario and the edited program both run', async () => {
    const link = await packLink({ ...base, scn: longScenario(), app: editedApp });
    useSim.getState().openLink(link.search, await unpackParams(link.params));
    const s = useSim.getState();
    expect(s.notices).toEqual([]);
    expect(s.presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(s.base.name).toBe('A hundred readings by hand');
    expect(s.streamingEdit?.batchIntervalMs).toBe(2000);
    expect(s.sim.timeMs).toBe(4000);
  });

  it('name the parameter whose packed data is bad, leave it out and keep the rest', async () => {
    const app = await packText(editedApp);
    const unpacked = await unpackParams(`scn=____&app=${app}&et=%7B%22engine%22%7D&q=${'A'.repeat(4001)}`);
    expect(unpacked.texts).toEqual({ app: editedApp });
    expect(unpacked.problems).toEqual([
      "The link's scenario (scn) is not valid compressed data; showing a built-in scenario instead.",
      "The link's event-time query (et) is not base64url text (letters, digits, - and _); using the scenario's own.",
      "The link's Structured Streaming query (q) is too long (4001 packed characters; at most 4000); using the scenario's own.",
    ]);
    useSim.getState().openLink('?scenario=dstream-windows&t=3000', unpacked);
    const s = useSim.getState();
    expect(s.presetId).toBe('dstream-windows');
    expect(s.streamingEdit?.batchIntervalMs).toBe(2000);
    expect(s.notices.map((n) => n.text)).toEqual(unpacked.problems);
    // The app keeps working.
    s.stepForward();
    expect(useSim.getState().sim.timeMs).toBe(3000 + preset.tickMs!);
  });

  it('name a packed text that is too long once unpacked, and parameters they do not know', async () => {
    const big = deflateRawSync(Buffer.from(`"${'x'.repeat(20_001)}"`)).toString('base64url');
    const unpacked = await unpackParams(`app=${big}&sql=1&fault=x`);
    expect(unpacked.problems).toEqual([
      "The link's streaming application (app) unpacks to more than 20000 characters; using the scenario's own.",
      `The link's page part has parameters Streamscope does not know ("sql", "fault"); they are left out.`,
    ]);
  });

  it('win over the same parameter in the query; old links with JSON in the query still read', async () => {
    const packed = await packText('{"engine":"flink"}');
    const unpacked = await unpackParams(`et=${packed}`);
    const { state } = parseLink('?et=%7B%22engine%22%3A%22spark%22%7D&app=%7B%7D', [], unpacked);
    expect(state.et).toBe('{"engine":"flink"}');
    expect(state.app).toBe('{}');
  });

  it('keep the preset, at its start, when the scenario packs too large to share', async () => {
    let seed = 1;
    const noise = Array.from({ length: 30_000 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
    }).join('');
    const link = await packLink({ ...base, scn: JSON.stringify({ noise }), app: editedApp, sql: 'SELECT 1' });
    expect(link).toEqual({
      search: '?scenario=dstream-windows&seed=7&t=0&sql=SELECT+1',
      params: '',
      tooLarge: true,
    });
    expect((await packText(JSON.stringify({ noise }))).length).toBeGreaterThan(MAX_LINK_SCENARIO_CHARS);
  });
});
