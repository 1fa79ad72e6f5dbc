/**
 * Helpers shared by the predict-then-run templates: a FrameRef turned into the run the simulator
 * shows for it, a seeded chooser, and number formatting for prompts.
 *
 * `frameScenario` rebuilds the scenario the way the simulator's store does when it opens a link
 * (preset → rates scaled → streaming / eventTime replaced → link faults merged after the scenario's
 * own at equal times). It lives here rather than importing the store: learn sits below the store.
 */
import {
  type EventTimeSpec,
  type FaultSpec,
  type MessagingSpec,
  type ScenarioSpec,
  Simulation,
  type StreamingSpec,
  type TraceEntry,
} from '../../engine';
import { mixSeed } from '../../engine/rng';
import { findPreset } from '../../scenarios/presets';
import type { FrameRef } from '../types';

type MessagingFault = MessagingSpec['faults'][number];

/** A link fault (`KIND:TARGET@MS`) as the engine's fault, for the scenario it is injected into. */
function parseLinkFault(text: string, spec: ScenarioSpec): FaultSpec | MessagingFault {
  const m = /^([A-Za-z]+):([A-Za-z0-9_./-]+)@(\d+)$/.exec(text);
  if (!m) throw new Error(`frameScenario: fault "${text}" is not of the form KIND:TARGET@MS`);
  const [, kind, target, at] = m as unknown as [string, string, string, string];
  const atMs = Number(at);
  if (spec.messaging) {
    if (kind !== 'crashConsumer' && kind !== 'restartConsumer')
      throw new Error(`frameScenario: fault "${text}" is not a messaging fault`);
    return { atMs, kind, consumer: target };
  }
  if (!spec.delivery) throw new Error(`frameScenario: fault "${text}" needs a broker or consumers`);
  if (kind === 'crashBroker' || kind === 'restartBroker') return { atMs, kind, broker: Number(target) };
  const [group, member] = target.split('/');
  if (
    (kind !== 'crashConsumer' &&
      kind !== 'restartConsumer' &&
      kind !== 'addConsumer' &&
      kind !== 'removeConsumer') ||
    !group ||
    !member
  )
    throw new Error(`frameScenario: fault "${text}" is not a broker or consumer fault`);
  return { atMs, kind, group, member };
}

/** The scenario's own faults first at equal times, then the link's, in time order. */
function merged<T extends { readonly atMs: number }>(own: readonly T[], injected: readonly T[]): T[] {
  const all = [...own, ...injected].map((f, i) => ({ f, i }));
  all.sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i);
  return all.map((x) => x.f);
}

/** The scenario and seed the simulator runs for a frame. Throws for an unknown preset or fault. */
export function frameScenario(frame: FrameRef): { spec: ScenarioSpec; seed: number } {
  const preset = findPreset(frame.scenario);
  if (!preset) throw new Error(`frameScenario: unknown preset "${frame.scenario}"`);
  const base = preset.scenario;
  const rate = frame.rate ?? 1;
  let spec: ScenarioSpec =
    rate === 1
      ? base
      : { ...base, producers: base.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * rate })) };
  if (frame.streaming) spec = { ...spec, streaming: frame.streaming };
  if (frame.eventTime) spec = { ...spec, eventTime: frame.eventTime };
  const faults = (frame.faults ?? []).map((f) => parseLinkFault(f, spec));
  if (faults.length > 0 && spec.delivery) {
    const own = faults.filter((f): f is FaultSpec => !('consumer' in f));
    spec = { ...spec, delivery: { ...spec.delivery, faults: merged(spec.delivery.faults, own) } };
  } else if (faults.length > 0 && spec.messaging) {
    const own = faults.filter((f): f is MessagingFault => 'consumer' in f);
    spec = { ...spec, messaging: { ...spec.messaging, faults: merged(spec.messaging.faults, own) } };
  }
  return { spec, seed: frame.seed ?? base.seed };
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
