import { type ScenarioSpec, Simulation } from '../engine';
import { asModel, type DeliveryModel, modelOf } from '../scenarios/compare';
import { type Edits, edited, NO_EDITS } from '../scenarios/edits';
import { type InjectedFault, withInjected } from '../scenarios/faults';
import { defaultPreset, findPreset } from '../scenarios/presets';

export { type Edits, edited, NO_EDITS };

/**
 * How the store builds a run: a base scenario (a preset's or a custom one) with the learner's
 * seed, injected faults and edits on top. Plain functions; the store holds their results.
 */

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
  const other = companionAtStart(sim, model);
  other?.seek(sim.tick);
  return other;
}

/** The companion run for a comparison at its first tick, to be moved to `sim`'s (null when not comparing). */
export function companionAtStart(sim: Simulation, model: DeliveryModel | null): Simulation | null {
  if (model === null || modelOf(sim.scenario.spec) === null || modelOf(sim.scenario.spec) === model)
    return null;
  return new Simulation(asModel(sim.scenario.spec, model), sim.seed);
}
