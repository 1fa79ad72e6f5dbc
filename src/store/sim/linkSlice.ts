import type { StateCreator } from 'zustand';
import type { ScenarioSpec } from '../../engine';
import { type InjectedFault, parseFault } from '../../scenarios/faults';
import { defaultPreset, presets } from '../../scenarios/presets';
import { type BlockResult, parseEventTime, parseQuery, parseStreaming } from '../../scenarios/validate';
import { CUSTOM_SCENARIO_ID, clip, problemText, readScenarioText } from '../customScenario';
import { useSqlLink } from '../db/sqlLink';
import { companion, type Edits, NO_EDITS, newRun, presetFields } from '../runs';
import type { SimStore } from '../simStore';
import { parseLink, type UnpackedParams } from '../url';
import { noticeIfTooLargeForLink } from './linkState';
import { newNotice } from './noticesSlice';

/** Opening a link: the whole frame it names (scenario, seed, moment, selection, faults, edits) at once. */
export interface LinkSlice {
  /**
   * Applies a link's state: its query and, when given, the long parameters unpacked from its hash
   * (linkHash.ts `unpackParams`); problems become notices and everything else is kept.
   */
  openLink(search: string, unpacked?: UnpackedParams): void;
}

export const createLinkSlice: StateCreator<SimStore, [], [], LinkSlice> = (set, get) => ({
  openLink(search, unpacked) {
    const parsed = parseLink(
      search,
      presets.map((p) => p.id),
      unpacked,
    );
    const problems = [...parsed.problems];
    const preset = presetFields(parsed.state.scenario ?? defaultPreset.id);
    let fields: Pick<SimStore, 'presetId' | 'base' | 'source' | 'lastPresetId'> = preset;
    let state = parsed.state;
    if (state.scn) {
      const custom = readScenarioText(state.scn, "The link's scenario (scn)");
      if (custom.ok) {
        fields = {
          presetId: CUSTOM_SCENARIO_ID,
          base: custom.scenario,
          source: 'linked',
          lastPresetId: preset.presetId,
        };
      } else {
        const first = custom.problems.slice(0, 3).map(problemText).join('; ');
        problems.push(
          `The link's scenario (scn) cannot be used (${first}); showing “${preset.base.name}” instead.`,
        );
        // The rest of the link (time, faults, edits) was about that scenario: start this one afresh.
        state = { scenario: preset.presetId };
      }
    }
    const linked = fields.base;
    const injected: InjectedFault[] = [];
    for (const text of state.faults ?? []) {
      const fault = parseFault(text, linked);
      if (typeof fault === 'string') problems.push(fault);
      else injected.push(fault);
    }
    const fromLink = <T>(
      text: string | null | undefined,
      what: string,
      parse: (json: unknown, s: ScenarioSpec) => BlockResult<T>,
    ): T | null => {
      if (!text) return null;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        problems.push(`The link's ${what} is not valid JSON; using the scenario's own.`);
        return null;
      }
      const parsed = parse(json, linked);
      if (parsed.ok) return parsed.value;
      const first = parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
      problems.push(`The link's ${what} has problems (${first.join('; ')}); using the scenario's own.`);
      return null;
    };
    useSqlLink.getState().open(state.sql ?? null);
    let edits: Edits = {
      streamingEdit: fromLink(state.app, 'streaming application', parseStreaming),
      eventTimeEdit: fromLink(state.et, 'event-time query', parseEventTime),
      queryEdit: fromLink(state.q, 'Structured Streaming query', parseQuery),
      rateScale: state.rate ?? 1,
    };
    let run: ReturnType<typeof newRun>;
    try {
      run = newRun(linked, state.seed, injected, edits);
    } catch (error) {
      // Checked input should always run; if the engine still refuses, show the preset as written.
      const why = error instanceof Error ? error.message : String(error);
      problems.push(
        `The link's frame could not be run (${clip(why, 200)}); showing “${preset.base.name}” instead.`,
      );
      fields = preset;
      edits = NO_EDITS;
      run = newRun(preset.base);
      state = {};
    }
    if (state.timeMs !== undefined) {
      if (state.timeMs > run.sim.scenario.spec.durationMs) {
        problems.push(
          `The link's time ${state.timeMs} ms is past the end of this scenario; showing the last moment.`,
        );
      }
      run.sim.seekTime(state.timeMs);
    }
    let selectedTuple: number | null = null;
    if (state.tuple !== undefined && state.tuple !== null) {
      if (state.tuple < run.sim.frame().created) selectedTuple = state.tuple;
      else problems.push(`Tuple #${state.tuple} does not exist yet at this moment; nothing is selected.`);
    }
    const compareModel = state.compare ?? null;
    set({
      ...run,
      ...fields,
      ...edits,
      tick: run.sim.tick,
      selectedTuple,
      carryMs: 0,
      compareModel,
      compare: companion(run.sim, compareModel),
      notices: [...get().notices, ...problems.map((text) => newNotice(text))],
    });
    // A linked scenario may pack larger here than it came (another compressor, or an older link's
    // JSON in the query): say so if that is too large to share.
    if (fields.source === 'linked') noticeIfTooLargeForLink(get, fields.base);
  },
});
