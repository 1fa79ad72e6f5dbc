import type { ScenarioSpec } from '../../engine';
import { encodeFault } from '../../scenarios/faults';
import { defaultPreset, findPreset } from '../../scenarios/presets';
import { CUSTOM_SCENARIO_ID, clip, scenarioLinkText } from '../customScenario';
import { packedNow, packText } from '../linkCodec';
import type { SimStore } from '../simStore';
import { type LinkState, MAX_LINK_SCENARIO_CHARS } from '../url';

/**
 * The link of the current frame, every part as text (a custom scenario as JSON). Whether the
 * scenario fits is known once it is packed (linkHash.ts `packLink`): a link cannot hold one whose
 * packed form is longer than `MAX_LINK_SCENARIO_CHARS`, and opens the last preset at its start.
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

/**
 * Whether the scenario being run fits in a link, and how many characters it takes there (packed).
 * Packing is asynchronous: until the scenario has been packed (the address bar's first write, or
 * `scenarioLinkSize`), `chars` is 0 and it counts as fitting.
 */
export function linkSizeOf(s: Pick<SimStore, 'presetId' | 'base'>): { chars: number; fits: boolean } {
  if (s.presetId !== CUSTOM_SCENARIO_ID) return { chars: 0, fits: true };
  const chars = packedNow(scenarioLinkText(s.base))?.length ?? 0;
  return { chars, fits: chars <= MAX_LINK_SCENARIO_CHARS };
}

/** How many characters the scenario takes in a link, packed. */
export async function scenarioLinkSize(spec: ScenarioSpec): Promise<number> {
  return (await packText(scenarioLinkText(spec))).length;
}

/**
 * Once the scenario just installed is packed, says so if it is too large to share by link (the link
 * and the saved session then keep a built-in scenario), unless another one is running by then.
 */
export function noticeIfTooLargeForLink(get: () => SimStore, base: ScenarioSpec): void {
  void scenarioLinkSize(base).then((length) => {
    if (length <= MAX_LINK_SCENARIO_CHARS || get().base !== base) return;
    get().notify(
      `“${clip(base.name)}” is too large to share by link (${length.toLocaleString('en')} characters in a link; at most ${MAX_LINK_SCENARIO_CHARS.toLocaleString('en')}): the link and the saved session keep a built-in scenario. Export it as a file instead (Edit scenario → Export JSON).`,
    );
  });
}
