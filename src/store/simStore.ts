import { create } from 'zustand';
import { type EventTimeSpec, type ScenarioSpec, Simulation, type StreamingSpec } from '../engine';
import { asModel, type DeliveryModel, modelOf } from '../scenarios/compare';
import { defaultPreset, findPreset, presets } from '../scenarios/presets';
import { type BlockResult, parseEventTime, parseStreaming } from '../scenarios/validate';
import { encodeFault, type InjectedFault, parseFault, withInjected } from './faults';
import { type LinkState, parseLink } from './url';

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

export interface SimStore {
  /** The run. It mutates as the cursor moves; `tick` mirrors its cursor so selectors re-render. */
  readonly sim: Simulation;
  readonly presetId: string;
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

function newRun(
  presetId: string,
  seed?: number,
  injected: readonly InjectedFault[] = [],
  streaming: StreamingSpec | null = null,
  rateScale = 1,
  eventTime: EventTimeSpec | null = null,
) {
  const preset = findPreset(presetId) ?? defaultPreset;
  const s = seed ?? preset.scenario.seed;
  const canFail = preset.scenario.delivery !== undefined || preset.scenario.messaging !== undefined;
  const scaled =
    rateScale === 1
      ? preset.scenario
      : {
          ...preset.scenario,
          producers: preset.scenario.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * rateScale })),
        };
  const withStreaming = streaming ? { ...scaled, streaming } : scaled;
  const scenario = eventTime ? { ...withStreaming, eventTime } : withStreaming;
  return {
    sim: new Simulation(withInjected(scenario, injected), s),
    presetId: preset.id,
    seed: s,
    injected: canFail ? injected : [],
  };
}

/** The companion run for a comparison, at the same tick as `sim` (null when not comparing). */
function companion(sim: Simulation, model: DeliveryModel | null): Simulation | null {
  if (model === null || modelOf(sim.scenario.spec) === null || modelOf(sim.scenario.spec) === model)
    return null;
  const other = new Simulation(asModel(sim.scenario.spec, model), sim.seed);
  other.seek(sim.tick);
  return other;
}

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
  return {
    ...newRun(defaultPreset.id),
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
      install(newRun(presetId, seed, []), {
        selectedTuple: null,
        selectedEntity: null,
        streamingEdit: null,
        rateScale: 1,
        eventTimeEdit: null,
      });
    },
    setSeed(seed) {
      const { presetId, sim } = get();
      const tick = sim.tick;
      const run = newRun(
        presetId,
        seed,
        get().injected,
        get().streamingEdit,
        get().rateScale,
        get().eventTimeEdit,
      );
      run.sim.seek(tick);
      // Tuple ids belong to a run: another seed makes other tuples, so the selection goes.
      install(run, { selectedTuple: null });
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
      const { presetId, seed, sim, injected } = get();
      const run = newRun(
        presetId,
        seed,
        [...injected, fault],
        get().streamingEdit,
        get().rateScale,
        get().eventTimeEdit,
      );
      run.sim.seek(sim.tick);
      install(run);
    },
    clearFaults() {
      const { presetId, seed, sim } = get();
      const run = newRun(presetId, seed, [], get().streamingEdit, get().rateScale, get().eventTimeEdit);
      run.sim.seek(sim.tick);
      install(run);
    },
    editStreaming(input) {
      const { presetId, seed, sim, injected } = get();
      const base = (findPreset(presetId) ?? defaultPreset).scenario;
      const parsed = parseStreaming(input, base);
      if (!parsed.ok) return parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
      const run = newRun(presetId, seed, injected, parsed.value, get().rateScale, get().eventTimeEdit);
      run.sim.seek(sim.tick);
      const selected = get().selectedEntity;
      const keep = selected?.kind !== 'batch' && selected?.kind !== 'dstream';
      install(run, { streamingEdit: parsed.value, ...(keep ? {} : { selectedEntity: null }) });
      return [];
    },
    setRateScale(scale) {
      const { presetId, seed, sim, injected, streamingEdit } = get();
      const run = newRun(presetId, seed, injected, streamingEdit, scale, get().eventTimeEdit);
      run.sim.seek(sim.tick);
      // Tuple ids belong to a run: other rates make other tuples.
      install(run, { rateScale: scale, selectedTuple: null });
    },
    editEventTime(input) {
      const { presetId, seed, sim, injected, streamingEdit, rateScale } = get();
      const base = (findPreset(presetId) ?? defaultPreset).scenario;
      const parsed = parseEventTime(input, base);
      if (!parsed.ok) return parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
      const run = newRun(presetId, seed, injected, streamingEdit, rateScale, parsed.value);
      run.sim.seek(sim.tick);
      install(run, { eventTimeEdit: parsed.value });
      return [];
    },
    resetStreaming() {
      const { presetId, seed, sim, injected } = get();
      const run = newRun(presetId, seed, injected, null, get().rateScale, get().eventTimeEdit);
      run.sim.seek(sim.tick);
      install(run, { streamingEdit: null, selectedEntity: null });
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
      const { state } = parsed;
      const problems = [...parsed.problems];
      const linked = (findPreset(state.scenario ?? '') ?? defaultPreset).scenario;
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
      const streamingEdit = fromLink(state.app, 'streaming application', parseStreaming);
      const eventTimeEdit = fromLink(state.et, 'event-time query', parseEventTime);
      const rateScale = state.rate ?? 1;
      const run = newRun(
        state.scenario ?? defaultPreset.id,
        state.seed,
        injected,
        streamingEdit,
        rateScale,
        eventTimeEdit,
      );
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
        tick: run.sim.tick,
        selectedTuple,
        carryMs: 0,
        compareModel,
        streamingEdit,
        rateScale,
        eventTimeEdit,
        compare: companion(run.sim, compareModel),
        notices: [...get().notices, ...problems.map((text) => ({ id: ++noticeId, text }))],
      });
    },
  };
});

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
  >,
): LinkState {
  return {
    scenario: s.presetId,
    seed: s.seed,
    timeMs: s.sim.timeMs,
    tuple: s.selectedTuple,
    faults: s.injected.map(encodeFault),
    compare: s.compareModel,
    app: s.streamingEdit ? JSON.stringify(s.streamingEdit) : null,
    rate: s.rateScale === 1 ? null : s.rateScale,
    et: s.eventTimeEdit ? JSON.stringify(s.eventTimeEdit) : null,
  };
}
