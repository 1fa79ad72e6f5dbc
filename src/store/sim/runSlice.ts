import type { StateCreator } from 'zustand';
import type { EventTimeSpec, ScenarioSpec, Simulation, StreamingSpec, StructuredSpec } from '../../engine';
import type { DeliveryModel } from '../../scenarios/compare';
import type { InjectedFault } from '../../scenarios/faults';
import { defaultPreset } from '../../scenarios/presets';
import { parseEventTime, parseQuery, parseStreaming, type ScenarioProblem } from '../../scenarios/validate';
import { CUSTOM_SCENARIO_ID, checkScenario, clip, problemText } from '../customScenario';
import { companion, type Edits, NO_EDITS, newRun, presetFields } from '../runs';
import type { SimStore } from '../simStore';
import { noticeIfTooLargeForLink } from './linkState';

/** Where the scenario being run came from. */
export type ScenarioSource = 'preset' | 'edited' | 'imported' | 'linked';

/**
 * The run: the scenario (a preset or a custom one), the learner's seed, edits, injected faults and
 * comparison on top of it, and the actions that replace it.
 */
export interface RunSlice {
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
  /** Faults added from the UI (or a link), on top of the scenario's own. */
  readonly injected: readonly InjectedFault[];
  /** Another delivery model run side by side on the same tuples, kept at the same tick. */
  readonly compareModel: DeliveryModel | null;
  readonly compare: Simulation | null;
  /** The streaming application as edited in the pipeline builder; null: the scenario's own. */
  readonly streamingEdit: StreamingSpec | null;
  /** The event-time query as changed by the learner; null: the scenario's own. */
  readonly eventTimeEdit: EventTimeSpec | null;
  /** The Structured Streaming query as changed by the learner; null: the scenario's own. */
  readonly queryEdit: StructuredSpec | null;
  /** Every producer's rate multiplied by this (1: the scenario's own rates). */
  readonly rateScale: number;

  load(presetId: string, seed?: number): void;
  /**
   * Runs a scenario that is not a preset: checked like a scenario file (JSON text or a value); when
   * valid it replaces the run (learner edits and selection go, as with `load`; an edited scenario
   * stays at the same moment, an imported one starts at 0), otherwise nothing changes. Returns the
   * problems, each naming its field.
   */
  loadScenario(input: unknown, source: 'edited' | 'imported'): readonly ScenarioProblem[];
  setSeed(seed: number): void;
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
  /** Replaces the Structured Streaming query (checked like a scenario file); returns the problems. */
  editQuery(input: unknown): readonly string[];
  /** Multiplies every producer's rate (the run is recomputed at the same moment). */
  setRateScale(scale: number): void;
  /** Builds the run again, at the same moment (once the user-function language has loaded). */
  reloadRun(): void;
}

export const createRunSlice: StateCreator<SimStore, [], [], RunSlice> = (set, get) => {
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
    injected: [],
    compareModel: null,
    compare: null,
    streamingEdit: null,
    rateScale: 1,
    eventTimeEdit: null,
    queryEdit: null,

    reloadRun() {
      install(rerun({}));
    },

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
      // Whether it fits in a link is known once it is packed (compressed), a moment later.
      noticeIfTooLargeForLink(get, base);
      return [];
    },
    setSeed(seed) {
      // Tuple ids belong to a run: another seed makes other tuples, so the selection goes.
      install(rerun({ seed }), { selectedTuple: null });
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
    editQuery(input) {
      const parsed = parseQuery(input, get().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      install(rerun({ queryEdit: parsed.value }), { queryEdit: parsed.value });
      return [];
    },
    resetStreaming() {
      install(rerun({ streamingEdit: null }), { streamingEdit: null, selectedEntity: null });
    },
    setCompare(model) {
      set({ compareModel: model, compare: companion(get().sim, model) });
    },
  };
};
