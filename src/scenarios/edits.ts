import type { EventTimeSpec, ScenarioSpec, StreamingSpec, StructuredSpec } from '../engine';

/**
 * A learner's changes to a scenario, applied the same way wherever a run is built: by the
 * simulator's store, and by the predict-then-run questions that must show the run the store opens.
 */
/** The learner's changes to a scenario, each null (or 1) when it runs as written. */
export interface Edits {
  readonly streamingEdit: StreamingSpec | null;
  readonly rateScale: number;
  readonly eventTimeEdit: EventTimeSpec | null;
  /** The Structured Streaming query as changed by the learner (a crash added, a setting changed). */
  readonly queryEdit: StructuredSpec | null;
}

/** The producer-rate multipliers the UI offers (and a link may carry). */
export const RATE_SCALES: readonly number[] = [0.5, 1, 1.5, 2, 3, 5];

export const NO_EDITS: Edits = { streamingEdit: null, rateScale: 1, eventTimeEdit: null, queryEdit: null };

export function edited(base: ScenarioSpec, edits: Edits): ScenarioSpec {
  const { streamingEdit, rateScale, eventTimeEdit, queryEdit } = edits;
  const scaled =
    rateScale === 1
      ? base
      : { ...base, producers: base.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * rateScale })) };
  const withStreaming = streamingEdit ? { ...scaled, streaming: streamingEdit } : scaled;
  const withEventTime = eventTimeEdit ? { ...withStreaming, eventTime: eventTimeEdit } : withStreaming;
  return queryEdit ? { ...withEventTime, query: queryEdit } : withEventTime;
}
