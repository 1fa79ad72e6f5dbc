import { create } from 'zustand';
import type { EventTimeSpec, ScenarioSpec, Simulation, StreamingSpec } from '../engine';
import type { DeliveryModel } from '../scenarios/compare';
import { encodeFault, type InjectedFault, parseFault } from '../scenarios/faults';
import { defaultPreset, findPreset, presets } from '../scenarios/presets';
import {
  type BlockResult,
  parseEventTime,
  parseStreaming,
  type ScenarioProblem,
} from '../scenarios/validate';
import {
  CUSTOM_SCENARIO_ID,
  checkScenario,
  clip,
  problemText,
  readScenarioText,
  scenarioLinkChars,
  scenarioLinkText,
} from './customScenario';
import { companion, type Edits, NO_EDITS, newRun, presetFields } from './runs';
import { type LinkState, MAX_LINK_SCENARIO_CHARS, parseLink } from './url';

export { CUSTOM_SCENARIO_ID } from './customScenario';
export { currentScenario } from './runs';

export type SelectedEntity =
  | { readonly kind: 'partition'; readonly partition: number }
  | { readonly kind: 'broker'; readonly broker: number }
  | { readonly kind: 'member'; readonly group: number; readonly member: string }
  /** A batch of the streaming application; optionally one DStream's RDD in it and one partition. */
  | {
      readonly kind: 'batch';
      readonly timeMs: number;
      readonly node: number | null;
      readonly partition: number | null;
    }
  /** One DStream (an operation of the pipeline): its lineage. */
  | { readonly kind: 'dstream'; readonly node: number };

export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** Where the scenario being run came from. */
export type ScenarioSource = 'preset' | 'edited' | 'imported' | 'linked';

export interface SimStore {
  /** The run. It mutates as the cursor moves; `tick` mirrors its cursor so selectors re-render. */
  readonly sim: Simulation;
  /** The preset being run, or `CUSTOM_SCENARIO_ID` for an edited, imported or linked scenario. */
  readonly presetId: string;
  /** The scenario being run, before the learner's edits (seed, faults, pipeline, rates, query). */
  readonly base: ScenarioSpec;
  readonly source: ScenarioSource;
  /** The last preset loaded: a link names it when a custom scenario is too large to travel in it. */
  readonly lastPresetId: string;
  readonly seed: number;
  readonly tick: number;
  readonly selectedTuple: number | null;
  /** A partition, broker or consumer shown in the inspector instead of a tuple. */
  readonly selectedEntity: SelectedEntity | null;
  readonly notices: readonly Notice[];
  /** Faults added from the UI (or a link), on top of the scenario's own. */
  readonly injected: readonly InjectedFault[];
  /** Another delivery model run side by side on the same tuples, kept at the same tick. */
  readonly compareModel: DeliveryModel | null;
  readonly compare: Simulation | null;
  /** The streaming application as edited in the pipeline builder; null: the scenario's own. */
  readonly streamingEdit: StreamingSpec | null;
  /** The event-time query as changed by the learner; null: the scenario's own. */
  readonly eventTimeEdit: EventTimeSpec | null;
  /** Every producer's rate multiplied by this (1: the scenario's own rates). */
  readonly rateScale: number;
  /** Sub-tick remainder of wall-clock time not yet turned into a step. */
  readonly carryMs: number;

  load(presetId: string, seed?: number): void;
  /**
   * Runs a scenario that is not a preset: checked like a scenario file (JSON text or a value); when
   * valid it replaces the run (learner edits and selection go, as with `load`; an edited scenario
   * stays at the same moment, an imported one starts at 0), otherwise nothing changes. Returns the
   * problems, each naming its field.
   */
  loadScenario(input: unknown, source: 'edited' | 'imported'): readonly ScenarioProblem[];
  setSeed(seed: number): void;
  seek(tick: number): void;
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  /** Advances by `ms` of simulated time (whole ticks; the rest carries over). */
  advanceBy(ms: number): void;
  select(tupleId: number | null): void;
  inspect(entity: SelectedEntity | null): void;
  /** Adds a fault at the current moment: the run is recomputed with it and stays at this tick. */
  injectFault(fault: InjectedFault): void;
  /** Removes every injected fault (the scenario's own remain). */
  clearFaults(): void;
  /** Runs the same tuples through another delivery model alongside (null: stop comparing). */
  setCompare(model: DeliveryModel | null): void;
  /**
   * Replaces the streaming application (pipeline builder): checked like a scenario file; when it is
   * valid the run is recomputed at the same moment, otherwise nothing changes. Returns the problems.
   */
  editStreaming(input: unknown): readonly string[];
  /** Back to the scenario's own streaming application. */
  resetStreaming(): void;
  /** Replaces the event-time query (checked like a scenario file); returns the problems. */
  editEventTime(input: unknown): readonly string[];
  /** Multiplies every producer's rate (the run is recomputed at the same moment). */
  setRateScale(scale: number): void;
  notify(text: string): void;
  dismiss(id: number): void;
  /** Applies a link's state; problems become notices and everything else is kept. */
  openLink(search: string): void;
}

let noticeId = 0;

export const useSim = create<SimStore>()((set, get) => {
  const moved = () => {
    const { sim, compare } = get();
    compare?.seek(sim.tick);
    set({ tick: sim.tick });
  };
  /** Installs a new run and rebuilds the comparison for it. */
  const install = (run: ReturnType<typeof newRun>, extra: Partial<SimStore> = {}) => {
    const compare = companion(run.sim, get().compareModel);
    set({ ...run, tick: run.sim.tick, carryMs: 0, compare, ...extra });
  };
  /** The run again with some of its settings changed, at the same moment. */
  const rerun = (change: Partial<Edits & { seed: number; injected: readonly InjectedFault[] }>) => {
    const s = { ...get(), ...change };
    const run = newRun(s.base, s.seed, s.injected, s);
    run.sim.seek(get().sim.tick);
    return run;
  };
  return {
    ...newRun(defaultPreset.scenario),
    ...presetFields(defaultPreset.id),
    tick: 0,
    selectedTuple: null,
    selectedEntity: null,
    notices: [],
    injected: [],
    compareModel: null,
    compare: null,
    streamingEdit: null,
    rateScale: 1,
    eventTimeEdit: null,
    carryMs: 0,

    load(presetId, seed) {
      const fields = presetFields(presetId);
      install(newRun(fields.base, seed), {
        ...fields,
        ...NO_EDITS,
        selectedTuple: null,
        selectedEntity: null,
      });
    },
    loadScenario(input, source) {
      const parsed = checkScenario(input);
      if (!parsed.ok) return parsed.problems;
      const base = parsed.scenario;
      let run: ReturnType<typeof newRun>;
      try {
        run = newRun(base);
      } catch (error) {
        // A checked scenario should always run; if the engine still refuses, keep the current run.
        const why = error instanceof Error ? error.message : String(error);
        return [{ path: '', message: `The simulator could not run this scenario: ${clip(why, 200)}` }];
      }
      if (source === 'edited') run.sim.seekTime(get().sim.timeMs);
      const { presetId, lastPresetId } = get();
      install(run, {
        presetId: CUSTOM_SCENARIO_ID,
        base,
        source,
        lastPresetId: presetId === CUSTOM_SCENARIO_ID ? lastPresetId : presetId,
        ...NO_EDITS,
        selectedTuple: null,
        selectedEntity: null,
      });
      const length = scenarioLinkChars(base);
      if (length > MAX_LINK_SCENARIO_CHARS) {
        get().notify(
          `“${clip(base.name)}” is too large to share by link (${length.toLocaleString('en')} characters in a link; at most ${MAX_LINK_SCENARIO_CHARS.toLocaleString('en')}): the link and the saved session keep a built-in scenario. Export it as a file instead (Edit scenario → Export JSON).`,
        );
      }
      return [];
    },
    setSeed(seed) {
      // Tuple ids belong to a run: another seed makes other tuples, so the selection goes.
      install(rerun({ seed }), { selectedTuple: null });
    },
    seek(tick) {
      get().sim.seek(tick);
      set({ carryMs: 0 });
      moved();
    },
    stepForward() {
      get().sim.step();
      set({ carryMs: 0 });
      moved();
    },
    stepBack() {
      get().sim.stepBack();
      set({ carryMs: 0 });
      moved();
    },
    reset() {
      get().sim.seek(0);
      set({ carryMs: 0 });
      moved();
    },
    advanceBy(ms) {
      const { sim } = get();
      const tickMs = sim.scenario.spec.tickMs;
      let carry = get().carryMs + ms;
      while (carry >= tickMs && sim.step()) carry -= tickMs;
      set({ carryMs: sim.atEnd ? 0 : carry });
      moved();
    },
    select(tupleId) {
      set({ selectedTuple: tupleId, selectedEntity: null });
    },
    inspect(entity) {
      set({ selectedEntity: entity, selectedTuple: null });
    },
    injectFault(fault) {
      install(rerun({ injected: [...get().injected, fault] }));
    },
    clearFaults() {
      install(rerun({ injected: [] }));
    },
    editStreaming(input) {
      const parsed = parseStreaming(input, get().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      const selected = get().selectedEntity;
      const keep = selected?.kind !== 'batch' && selected?.kind !== 'dstream';
      install(rerun({ streamingEdit: parsed.value }), {
        streamingEdit: parsed.value,
        ...(keep ? {} : { selectedEntity: null }),
      });
      return [];
    },
    setRateScale(scale) {
      // Tuple ids belong to a run: other rates make other tuples.
      install(rerun({ rateScale: scale }), { rateScale: scale, selectedTuple: null });
    },
    editEventTime(input) {
      const parsed = parseEventTime(input, get().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      install(rerun({ eventTimeEdit: parsed.value }), { eventTimeEdit: parsed.value });
      return [];
    },
    resetStreaming() {
      install(rerun({ streamingEdit: null }), { streamingEdit: null, selectedEntity: null });
    },
    setCompare(model) {
      set({ compareModel: model, compare: companion(get().sim, model) });
    },
    notify(text) {
      set({ notices: [...get().notices, { id: ++noticeId, text }] });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    openLink(search) {
      const parsed = parseLink(
        search,
        presets.map((p) => p.id),
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
      let edits: Edits = {
        streamingEdit: fromLink(state.app, 'streaming application', parseStreaming),
        eventTimeEdit: fromLink(state.et, 'event-time query', parseEventTime),
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
        notices: [...get().notices, ...problems.map((text) => ({ id: ++noticeId, text }))],
      });
    },
  };
});

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
