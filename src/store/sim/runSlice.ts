import type { StateCreator } from 'zustand';
import {
  type EventTimeSpec,
  type ScenarioSpec,
  type Simulation,
  type StreamingSpec,
  type StructuredSpec,
  tickOfTime,
} from '../../engine';
import type { DeliveryModel } from '../../scenarios/compare';
import type { InjectedFault } from '../../scenarios/faults';
import { defaultPreset } from '../../scenarios/presets';
import { parseEventTime, parseQuery, parseStreaming, type ScenarioProblem } from '../../scenarios/validate';
import { CUSTOM_SCENARIO_ID, checkScenario, clip, problemText } from '../customScenario';
import { companion, type Edits, NO_EDITS, newRun, presetFields } from '../runs';
import type { SimStore } from '../simStore';
import { runSliced, SLICING, type SlicedCallbacks } from '../slices';
import { noticeIfTooLargeForLink } from './linkState';
import { isSmallRun, type PreparedRun, type Progress, prepareRun, type RunComputation } from './prepareRun';

export type { RunComputation } from './prepareRun';

/** Where the scenario being run came from. */
export type ScenarioSource = 'preset' | 'edited' | 'imported' | 'linked';

/** See `RunSlice.installing`. */
export interface InstallWaves {
  readonly previous: SimStore;
  readonly wave: number;
}

/** Views draw a new large run in waves 0…LAST_INSTALL_WAVE, one per animation frame. */
export const LAST_INSTALL_WAVE = 3;

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
  /**
   * A new run being computed after a change, a slice at a time; null when there is none. The run
   * above (and every field with it) stays the old one until the new one is ready, then all change
   * at once. A change that computes within one short slice (small scenarios) installs at once.
   */
  readonly computing: RunComputation | null;
  /**
   * A large new run just installed, shown in waves (issue 19): views of wave `w` (viz/viewSim.ts,
   * given by their panel) see the new run once `wave` ≥ w and `previous` (the store as it was)
   * until then, one more wave each animation frame, so the costliest views do not all draw the new
   * run in one task. Null when every view shows the run.
   */
  readonly installing: InstallWaves | null;

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
  /** Counts installs and changes: a computation of an older one stops. */
  let generation = 0;
  /** The fields of the run being computed, to install with it; later changes build on them. */
  let pending: Partial<SimStore> | null = null;

  /** Installs a new run at once and rebuilds the comparison for it (stopping any computation). */
  const install = (run: ReturnType<typeof newRun>, extra: Partial<SimStore> = {}) => {
    generation++;
    pending = null;
    const compare = companion(run.sim, get().compareModel);
    set({ ...run, tick: run.sim.tick, carryMs: 0, compare, computing: null, ...extra });
  };

  /**
   * Installs `run` with `fields` once it has been computed up to the cursor (`target()`, its tick
   * in the new run): at once if that fits in one short slice, else in slices while the old run
   * stays on screen (and keeps playing or seeking). A newer change or run stops this one.
   */
  const installWhenReady = (
    run: ReturnType<typeof newRun>,
    fields: Partial<SimStore>,
    target: () => number,
  ) => {
    const mine = ++generation;
    const origin = get().sim;
    const model = get().compareModel;
    const startedMs = performance.now();
    let progress: Progress = { fraction: 0, what: 'run' };
    let publishedMs = Number.NEGATIVE_INFINITY;
    const work = prepareRun(run.sim, target, model);
    const tracked: Iterator<unknown, PreparedRun> = {
      next() {
        const piece = work.next();
        if (!piece.done) progress = { fraction: piece.value.fraction, what: piece.value.what };
        return piece;
      },
    };
    const finish = (prepared: PreparedRun, inWaves = false) => {
      pending = null;
      run.sim.seek(target());
      const compare =
        get().compareModel === model ? prepared.compare : companion(run.sim, get().compareModel);
      compare?.seek(run.sim.tick);
      // A run that took slices to compute is shown in waves (where there are animation frames).
      const waves = inWaves && typeof requestAnimationFrame === 'function';
      const installing = waves ? { previous: { ...get(), installing: null }, wave: 0 } : null;
      set({ ...fields, ...run, tick: run.sim.tick, carryMs: 0, compare, computing: null, installing });
      if (waves) requestAnimationFrame(nextWave);
    };
    if (isSmallRun(run.sim, target(), model)) {
      let piece = tracked.next();
      while (!piece.done) piece = tracked.next();
      finish(piece.value);
      return;
    }
    const callbacks: SlicedCallbacks<PreparedRun> = {
      alive() {
        if (mine !== generation) return false;
        if (get().sim === origin) return true;
        // Another run was installed meanwhile (a preset, a link): this one is not wanted.
        pending = null;
        set({ computing: null });
        return false;
      },
      progress() {
        const now = performance.now();
        if (now - publishedMs < SLICING.progressEveryMs && get().computing?.what === progress.what) return;
        publishedMs = now;
        set({ computing: { ...progress, startedMs } });
      },
      done: (prepared) => finish(prepared, true),
      failed(error) {
        pending = null;
        set({ computing: null });
        const why = error instanceof Error ? error.message : String(error);
        get().notify(`The simulator could not compute the changed run: ${clip(why, 200)}`);
      },
    };
    const sliced = runSliced(tracked, callbacks);
    if (sliced) finish(sliced.result);
    else if (mine === generation) pending = fields;
  };

  /**
   * The run again with some of its settings changed, at the same moment, installed when ready with
   * `extra`. Builds on a change still being computed, so quick successive changes add up.
   */
  const rerun = (
    change: Partial<Edits & { seed: number; injected: readonly InjectedFault[] }>,
    extra: Partial<SimStore> = {},
  ) => {
    const fields: Partial<SimStore> = { ...pending, ...change, ...extra };
    const s = { ...get(), ...fields };
    const run = newRun(s.base, s.seed, s.injected, s);
    installWhenReady(run, fields, () => get().sim.tick);
  };
  /** One more wave of views shows the run installed last; the last wave ends the install. */
  const nextWave = () => {
    const now = get().installing;
    if (!now) return;
    const wave = now.wave + 1;
    set({ installing: wave >= LAST_INSTALL_WAVE ? null : { previous: now.previous, wave } });
    if (wave < LAST_INSTALL_WAVE) requestAnimationFrame(nextWave);
  };
  /** The store as it will be once the change being computed is installed. */
  const ahead = (): SimStore => ({ ...get(), ...pending });
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
    computing: null,
    installing: null,

    reloadRun() {
      rerun({});
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
      const { presetId, lastPresetId } = get();
      const fields: Partial<SimStore> = {
        presetId: CUSTOM_SCENARIO_ID,
        base,
        source,
        lastPresetId: presetId === CUSTOM_SCENARIO_ID ? lastPresetId : presetId,
        ...NO_EDITS,
        selectedTuple: null,
        selectedEntity: null,
      };
      // An edited scenario is shown at the same moment (computed in slices when that takes long).
      const tickMs = run.sim.scenario.spec.tickMs;
      if (source === 'edited') installWhenReady(run, fields, () => tickOfTime(get().sim.timeMs, tickMs));
      else install(run, fields);
      // Whether it fits in a link is known once it is packed (compressed), a moment later.
      noticeIfTooLargeForLink(get, base);
      return [];
    },
    setSeed(seed) {
      // Tuple ids belong to a run: another seed makes other tuples, so the selection goes.
      rerun({ seed }, { selectedTuple: null });
    },
    injectFault(fault) {
      rerun({ injected: [...ahead().injected, fault] });
    },
    clearFaults() {
      rerun({ injected: [] });
    },
    editStreaming(input) {
      const parsed = parseStreaming(input, ahead().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      const selected = get().selectedEntity;
      const keep = selected?.kind !== 'batch' && selected?.kind !== 'dstream';
      rerun({ streamingEdit: parsed.value }, keep ? {} : { selectedEntity: null });
      return [];
    },
    setRateScale(scale) {
      // Tuple ids belong to a run: other rates make other tuples.
      rerun({ rateScale: scale }, { selectedTuple: null });
    },
    editEventTime(input) {
      const parsed = parseEventTime(input, ahead().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      rerun({ eventTimeEdit: parsed.value });
      return [];
    },
    editQuery(input) {
      const parsed = parseQuery(input, ahead().base);
      if (!parsed.ok) return parsed.problems.map(problemText);
      rerun({ queryEdit: parsed.value });
      return [];
    },
    resetStreaming() {
      rerun({ streamingEdit: null }, { selectedEntity: null });
    },
    setCompare(model) {
      set({ compareModel: model, compare: companion(get().sim, model) });
    },
  };
};
