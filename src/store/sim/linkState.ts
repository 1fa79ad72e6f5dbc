import { encodeFault } from '../../scenarios/faults';
import { defaultPreset, findPreset } from '../../scenarios/presets';
import { CUSTOM_SCENARIO_ID, scenarioLinkChars, scenarioLinkText } from '../customScenario';
import type { SimStore } from '../simStore';
import { type LinkState, MAX_LINK_SCENARIO_CHARS } from '../url';

/**
 * The link of the current frame. A custom scenario travels in it as JSON while it fits
 * (`MAX_LINK_SCENARIO_CHARS`); a larger one cannot, and the link opens the last preset at its start.
 */
export function linkStateOf(
  s: Pick<
    SimStore,
    | 'presetId'
    | 'seed'
    | 'sim'
    | 'selectedTuple'
    | 'injected'
    | 'compareModel'
    | 'streamingEdit'
    | 'rateScale'
    | 'eventTimeEdit'
    | 'queryEdit'
  > &
    Partial<Pick<SimStore, 'base' | 'lastPresetId'>>,
): LinkState {
  const custom = s.presetId === CUSTOM_SCENARIO_ID && s.base !== undefined;
  const scn = custom && s.base ? scenarioLinkText(s.base) : null;
  const fallback = findPreset(s.lastPresetId ?? '') ?? defaultPreset;
  if (custom && s.base && scenarioLinkChars(s.base) > MAX_LINK_SCENARIO_CHARS) {
    const seed = fallback.scenario.seed;
    return { ...EMPTY_LINK, scenario: fallback.id, seed };
  }
  return {
    scenario: custom ? fallback.id : s.presetId,
    seed: s.seed,
    timeMs: s.sim.timeMs,
    tuple: s.selectedTuple,
    faults: s.injected.map(encodeFault),
    compare: s.compareModel,
    app: s.streamingEdit ? JSON.stringify(s.streamingEdit) : null,
    rate: s.rateScale === 1 ? null : s.rateScale,
    et: s.eventTimeEdit ? JSON.stringify(s.eventTimeEdit) : null,
    q: s.queryEdit ? JSON.stringify(s.queryEdit) : null,
    scn,
  };
}

/** Whether the scenario being run fits in a link, and how many characters it takes there (URL-encoded). */
export function linkSizeOf(s: Pick<SimStore, 'presetId' | 'base'>): { chars: number; fits: boolean } {
  if (s.presetId !== CUSTOM_SCENARIO_ID) return { chars: 0, fits: true };
  const chars = scenarioLinkChars(s.base);
  return { chars, fits: chars <= MAX_LINK_SCENARIO_CHARS };
}

const EMPTY_LINK: LinkState = {
  scenario: defaultPreset.id,
  seed: defaultPreset.scenario.seed,
  timeMs: 0,
  tuple: null,
  faults: [],
  compare: null,
  app: null,
  rate: null,
  et: null,
  scn: null,
};
