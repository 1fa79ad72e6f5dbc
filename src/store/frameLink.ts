import type { Simulation } from '../engine';
import type { FrameRef, TaskContext } from '../learn/types';
import { encodeFault } from './faults';
import { type SimStore, useSim } from './simStore';

/** The link (`?scenario=…&seed=…&t=…`) that opens a lesson's or a question's moment. */
export function frameSearch(frame: FrameRef): string {
  const params = new URLSearchParams();
  params.set('scenario', frame.scenario);
  if (frame.seed !== undefined) params.set('seed', String(frame.seed));
  params.set('t', String(frame.timeMs ?? 0));
  if (frame.tuple !== undefined) params.set('tuple', String(frame.tuple));
  for (const f of frame.faults ?? []) params.append('fault', f);
  if (frame.streaming) params.set('app', JSON.stringify(frame.streaming));
  if (frame.rate !== undefined && frame.rate !== 1) params.set('rate', String(frame.rate));
  if (frame.eventTime) params.set('et', JSON.stringify(frame.eventTime));
  return `?${params.toString()}`;
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
