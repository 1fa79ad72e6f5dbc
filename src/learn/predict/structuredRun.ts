/**
 * What the Structured Streaming templates share: the frame's run played to its end (the query runs
 * its batches as the world is known; callers only read what happened by the moments they name), the
 * flagship's query with changes, and offset ranges as a learner reads them in the progress table.
 */
import type { PartitionRange, Simulation, StructuredQuery, StructuredSpec } from '../../engine';
import type { FrameRef } from '../types';
import { frameSimulation, presetScenario } from './frame';

/** The flagship scenario: phones → Kafka (3 partitions) → a windowed count with a file sink. */
export const FLAGSHIP = 'kafka-structured-streaming';

export interface PlayedQuery {
  readonly sim: Simulation;
  readonly query: StructuredQuery;
  readonly tickMs: number;
  readonly durationMs: number;
}

export function playQuery(frame: FrameRef): PlayedQuery {
  const sim = frameSimulation(frame);
  sim.seek(sim.lastTick);
  const query = sim.query();
  if (!query || query.error)
    throw new Error(`playQuery: "${frame.scenario}" has no working Structured Streaming query`);
  return { sim, query, tickMs: sim.scenario.spec.tickMs, durationMs: sim.scenario.spec.durationMs };
}

/** A preset's query with some settings changed; throws if it has none. */
export function baseQuery(presetId: string, change: Partial<StructuredSpec> = {}): StructuredSpec {
  const own = presetScenario(presetId).query;
  if (!own) throw new Error(`predict: preset "${presetId}" has no Structured Streaming query`);
  return { ...own, ...change };
}

/** "p0 15→45, p1 73→87, p2 61→93": each partition's [from, until) offsets. */
export function rangesText(ranges: readonly Pick<PartitionRange, 'fromOffset' | 'untilOffset'>[]): string {
  return ranges.map((r, p) => `p${p} ${r.fromOffset}→${r.untilOffset}`).join(', ');
}

/** The offsets each Kafka partition holds at `atMs` (what latestOffset would return then). */
export function latestOffsets(sim: Simulation, atMs: number): number[] {
  sim.seekTime(atMs);
  return sim.delivery()?.cluster.partitions.map((p) => p.highWatermark) ?? [];
}

/** The tick at or after a time. */
export const tickCeil = (ms: number, tickMs: number) => Math.ceil(ms / tickMs) * tickMs;
