import type { Simulation } from '../engine';
import type { FrameRef, TaskContext } from '../learn/types';
import { encodeFault } from '../scenarios/faults';
import { findPreset } from '../scenarios/presets';
import { type SimStore, useSim } from './simStore';
import { formatLink } from './url';

/** The link (`?scenario=…&seed=…&t=…`) that opens a lesson's or a question's moment. */
export function frameSearch(frame: FrameRef): string {
  return formatLink({
    scenario: frame.scenario,
    seed: frame.seed ?? findPreset(frame.scenario)?.scenario.seed ?? 0,
    timeMs: frame.timeMs ?? 0,
    tuple: frame.tuple ?? null,
    faults: frame.faults ?? [],
    compare: null,
    app: frame.streaming ? JSON.stringify(frame.streaming) : null,
    rate: frame.rate ?? null,
    et: frame.eventTime ? JSON.stringify(frame.eventTime) : null,
    q: frame.query ? JSON.stringify(frame.query) : null,
  });
}

/** What a lesson's "try it" check may look at, read from the simulator's store. */
export function taskContextOf(
  s: Pick<
    SimStore,
    | 'sim'
    | 'selectedTuple'
    | 'selectedEntity'
    | 'injected'
    | 'rateScale'
    | 'compareModel'
    | 'streamingEdit'
    | 'eventTimeEdit'
  >,
): TaskContext {
  return {
    sim: s.sim,
    selectedTuple: s.selectedTuple,
    selectedEntity: s.selectedEntity,
    injectedFaults: s.injected.map(encodeFault),
    rateScale: s.rateScale,
    compareModel: s.compareModel,
    streamingEdited: s.streamingEdit !== null,
    eventTimeEdited: s.eventTimeEdit !== null,
  };
}

/**
 * Opens a frame in the simulator's store exactly as following its link would, and returns the run
 * at that moment. Throws if the store had to report a problem (a fault or edit it refused).
 */
export function openFrame(frame: FrameRef): Simulation {
  const before = useSim.getState().notices.length;
  useSim.getState().openLink(frameSearch(frame));
  const problems = useSim.getState().notices.slice(before);
  if (problems.length > 0)
    throw new Error(`The frame's link was refused: ${problems.map((n) => n.text).join(' ')}`);
  return useSim.getState().sim;
}
