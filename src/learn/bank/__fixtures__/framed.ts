import type { Simulation } from '../../../engine';
import { frameSimulation } from '../../predict/frame';
import type { FrameRef, Topic } from '../../types';
import { staticQuestions } from '../index';

/** A question's frame opened as its link opens it: the run with the cursor at the frame's time. */
export function openFrame(id: string): { sim: Simulation; frame: FrameRef } {
  const frame = staticQuestions.find((q) => q.id === id)?.frame;
  if (!frame) throw new Error(`${id}: no framed question with this id`);
  const sim = frameSimulation(frame);
  sim.seekTime(frame.timeMs ?? 0);
  if (sim.timeMs !== (frame.timeMs ?? 0)) throw new Error(`${id}: the run cannot reach ${frame.timeMs} ms`);
  return { sim, frame };
}

/**
 * The framed questions of `topics` that `checked` has no check for, and the checks that name no
 * framed question of those topics: both must be empty, so every new frame gets looked at.
 */
export function uncheckedFrames(
  topics: readonly Topic[],
  checked: readonly string[],
): { withoutCheck: string[]; stale: string[] } {
  const framed = staticQuestions.filter((q) => q.frame && topics.includes(q.topic)).map((q) => q.id);
  return {
    withoutCheck: framed.filter((id) => !checked.includes(id)),
    stale: checked.filter((id) => !framed.includes(id)),
  };
}
