/**
 * Helpers shared by the predict-then-run templates: a FrameRef turned into the run the simulator
 * shows for it (with the same edits and fault merging the store applies), a seeded chooser, and
 * number formatting for prompts.
 */
import {
  type EventTimeSpec,
  type ScenarioSpec,
  Simulation,
  type StreamingSpec,
  type TraceEntry,
  type TupleView,
} from '../../engine';
import { mixSeed } from '../../engine/rng';
import { edited } from '../../scenarios/edits';
import { parseFault, withInjected } from '../../scenarios/faults';
import { findPreset } from '../../scenarios/presets';
import type { FrameRef } from '../types';

/** The scenario and seed the simulator runs for a frame. Throws for an unknown preset or fault. */
export function frameScenario(frame: FrameRef): { spec: ScenarioSpec; seed: number } {
  const preset = findPreset(frame.scenario);
  if (!preset) throw new Error(`frameScenario: unknown preset "${frame.scenario}"`);
  const base = preset.scenario;
  const faults = (frame.faults ?? []).map((text) => {
    const fault = parseFault(text, base);
    if (typeof fault === 'string') throw new Error(`frameScenario: ${fault}`);
    return fault;
  });
  const edits = {
    rateScale: frame.rate ?? 1,
    streamingEdit: frame.streaming ?? null,
    eventTimeEdit: frame.eventTime ?? null,
    queryEdit: frame.query ?? null,
  };
  return { spec: withInjected(edited(base, edits), faults), seed: frame.seed ?? base.seed };
}

/** A run of the frame's scenario, at time 0. */
export function frameSimulation(frame: FrameRef): Simulation {
  const { spec, seed } = frameScenario(frame);
  return new Simulation(spec, seed);
}

/** Every trace entry recorded after tick `fromTick` up to the cursor. */
export function traceSince(sim: Simulation, fromTick: number): TraceEntry[] {
  const out: TraceEntry[] = [];
  for (let t = fromTick + 1; t <= sim.tick; t++) out.push(...sim.traceAtTick(t));
  return out;
}

/** A preset's scenario; throws if it is missing (templates name only built-in presets). */
export function presetScenario(id: string): ScenarioSpec {
  const preset = findPreset(id);
  if (!preset) throw new Error(`predict: unknown preset "${id}"`);
  return preset.scenario;
}

/** A preset's event-time query, or the watermarks preset's when it has none (the same defaults). */
export function baseEventTime(presetId: string): EventTimeSpec {
  const own = presetScenario(presetId).eventTime ?? presetScenario('watermarks').eventTime;
  if (!own) throw new Error('predict: the watermarks preset has no event-time query');
  return own;
}

/** A preset's streaming application; throws if it has none. */
export function baseStreaming(presetId: string): StreamingSpec {
  const own = presetScenario(presetId).streaming;
  if (!own) throw new Error(`predict: preset "${presetId}" has no streaming application`);
  return own;
}

/**
 * Deterministic choices from a template seed: `pick(k, xs)` is the k-th independent choice, so
 * `attempt` loops can draw fresh variants without any shared generator state.
 */
export interface Chooser {
  int(k: number, n: number): number;
  pick<T>(k: number, xs: readonly T[]): T;
  /** A simulation seed from 1 to 9999. */
  simSeed(k: number): number;
}

export function chooser(templateId: string, seed: number, attempt = 0): Chooser {
  let salt = 0;
  for (let i = 0; i < templateId.length; i++) salt = (Math.imul(salt, 31) + templateId.charCodeAt(i)) | 0;
  const int = (k: number, n: number) => mixSeed(salt, seed, attempt, k) % n;
  return {
    int,
    pick: <T>(k: number, xs: readonly T[]) => {
      if (xs.length === 0) throw new Error('chooser.pick: nothing to pick from');
      return xs[int(k, xs.length)]!;
    },
    simSeed: (k: number) => 1 + int(k, 9999),
  };
}

/** from, from + step, … up to `to` inclusive (empty when `to` < `from`). */
export const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.max(0, Math.floor((to - from) / step) + 1) }, (_, i) => from + i * step);

/** Every tuple created by `timeMs`, as the run shows it then (arrival times up to that moment). */
export function tuplesAt(sim: Simulation, timeMs: number): TupleView[] {
  sim.seekTime(timeMs);
  return Array.from({ length: sim.frame().created }, (_, id) => sim.tuple(id)!);
}

/** Whether the tuple has arrived by `ms`. */
export const arrivedBy = (t: TupleView, ms: number): boolean =>
  t.arrivalTimeMs !== null && t.arrivalTimeMs <= ms;

/** Seconds for prompts, as precise as the number: "12.0 s", "12.34 s", "12.345 s". */
export function secs(ms: number): string {
  const decimals = ms % 100 === 0 ? 1 : ms % 10 === 0 ? 2 : 3;
  return `${(ms / 1000).toFixed(decimals)} s`;
}

/** "1 tuple" / "3 tuples". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Up to `max` distinct options: the answer first is placed at a seed-chosen index. */
export function arrange<T extends { readonly text: string }>(
  answer: T,
  distractors: readonly T[],
  place: number,
  max = 4,
): { options: T[]; answer: number } {
  const seen = new Set([answer.text]);
  const wrong: T[] = [];
  for (const d of distractors) {
    if (seen.has(d.text) || wrong.length >= max - 1) continue;
    seen.add(d.text);
    wrong.push(d);
  }
  if (wrong.length < 2)
    throw new Error(`predict: only ${wrong.length} distinct distractors for "${answer.text}"`);
  const at = place % (wrong.length + 1);
  const options = [...wrong.slice(0, at), answer, ...wrong.slice(at)];
  return { options, answer: at };
}
