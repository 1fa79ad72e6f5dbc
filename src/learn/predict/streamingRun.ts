/**
 * What the Spark Streaming templates share: the frame's run played to its end (batches are generated
 * as the world is known; callers only read what happened by the moments they name), node lookup,
 * and the (key, count) view of a batch's records.
 */
import {
  type DStreamNode,
  type Simulation,
  type StreamingRun,
  type StreamingSpec,
  type StreamOpSpec,
  type Value,
  valueKey,
} from '../../engine';
import type { FrameRef } from '../types';
import { baseStreaming, frameSimulation } from './frame';

export interface PlayedStreaming {
  readonly sim: Simulation;
  readonly run: StreamingRun;
  readonly tickMs: number;
  readonly durationMs: number;
  node(id: string): DStreamNode;
}

export function playStreaming(frame: FrameRef): PlayedStreaming {
  const sim = frameSimulation(frame);
  sim.seek(sim.lastTick);
  const run = sim.streaming();
  if (!run || run.error)
    throw new Error(`playStreaming: "${frame.scenario}" has no working streaming application`);
  return {
    sim,
    run,
    tickMs: sim.scenario.spec.tickMs,
    durationMs: sim.scenario.spec.durationMs,
    node(id) {
      const n = run.nodes.find((x) => x.spec.id === id);
      if (!n) throw new Error(`playStreaming: no DStream "${id}"`);
      return n;
    },
  };
}

/** A preset's streaming application with some operations changed (by id). */
export function editedStreaming(
  presetId: string,
  changes: Readonly<Record<string, Partial<StreamOpSpec>>>,
  extra: Partial<StreamingSpec> = {},
): StreamingSpec {
  const base = baseStreaming(presetId);
  return {
    ...base,
    ...extra,
    pipeline: base.pipeline.map((op) => (changes[op.id] ? { ...op, ...changes[op.id] } : op)),
  };
}

/** Per key, how many of the (key, value) pairs carry it: keys sorted, as a learner would list them. */
export function keyCounts(pairs: readonly (readonly [Value, number])[]): [string, number][] {
  const counts = new Map<string, { key: string; n: number }>();
  for (const [k, _] of pairs) {
    const id = valueKey(k);
    const e = counts.get(id) ?? { key: String(k), n: 0 };
    e.n++;
    counts.set(id, e);
  }
  return [...counts.values()]
    .map((e) => [e.key, e.n] as [string, number])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** The (key, value) pairs of a DStream's RDD at a batch time ([] when it has none). */
export function pairsAt(run: StreamingRun, node: DStreamNode, timeMs: number): [Value, number][] {
  return (run.rddAt(node.index, timeMs)?.partitions.flat() ?? []) as [Value, number][];
}

/** The tick at or after a time. */
export const tickCeil = (ms: number, tickMs: number) => Math.ceil(ms / tickMs) * tickMs;
