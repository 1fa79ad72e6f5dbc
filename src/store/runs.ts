import { type EventTimeSpec, type ScenarioSpec, Simulation, type StreamingSpec } from '../engine';
import { asModel, type DeliveryModel, modelOf } from '../scenarios/compare';
import { defaultPreset, findPreset } from '../scenarios/presets';
import { type InjectedFault, withInjected } from './faults';

/**
 * How the store builds a run: a base scenario (a preset's or a custom one) with the learner's
 * seed, injected faults and edits on top. Plain functions; the store holds their results.
 */

/** The learner's changes to a scenario, each null (or 1) when it runs as written. */
export interface Edits {
  readonly streamingEdit: StreamingSpec | null;
  readonly rateScale: number;
  readonly eventTimeEdit: EventTimeSpec | null;
}

export const NO_EDITS: Edits = { streamingEdit: null, rateScale: 1, eventTimeEdit: null };

export function edited(base: ScenarioSpec, edits: Edits): ScenarioSpec {
  const { streamingEdit, rateScale, eventTimeEdit } = edits;
  const scaled =
    rateScale === 1
      ? base
      : { ...base, producers: base.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * rateScale })) };
  const withStreaming = streamingEdit ? { ...scaled, streaming: streamingEdit } : scaled;
  return eventTimeEdit ? { ...withStreaming, eventTime: eventTimeEdit } : withStreaming;
}

export function newRun(
  base: ScenarioSpec,
  seed: number = base.seed,
  injected: readonly InjectedFault[] = [],
  edits: Edits = NO_EDITS,
) {
  const canFail = base.delivery !== undefined || base.messaging !== undefined;
  return {
    sim: new Simulation(withInjected(edited(base, edits), injected), seed),
    seed,
    injected: canFail ? injected : [],
  };
}

/** What a run of a preset sets besides the run itself. */
export function presetFields(presetId: string) {
  const preset = findPreset(presetId) ?? defaultPreset;
  return { presetId: preset.id, base: preset.scenario, source: 'preset' as const, lastPresetId: preset.id };
}

/**
 * The scenario exactly as it runs now, as one scenario: the learner's seed, edits and injected faults
 * folded in. Running it with no edits gives the same run (the scenario editor starts from it).
 */
export function currentScenario(
  s: Edits & {
    readonly base: ScenarioSpec;
    readonly seed: number;
    readonly injected: readonly InjectedFault[];
  },
): ScenarioSpec {
  return { ...withInjected(edited(s.base, s), s.injected), seed: s.seed };
}

/** The companion run for a comparison, at the same tick as `sim` (null when not comparing). */
export function companion(sim: Simulation, model: DeliveryModel | null): Simulation | null {
  if (model === null || modelOf(sim.scenario.spec) === null || modelOf(sim.scenario.spec) === model)
    return null;
  const other = new Simulation(asModel(sim.scenario.spec, model), sim.seed);
  other.seek(sim.tick);
  return other;
}
