import * as v from 'valibot';
import type { StructuredSpec } from '../engine/structured/spec';
import type {
  EventTimeSpec,
  LogDeliverySpec,
  MessagingSpec,
  ProducerSpec,
  ScenarioSpec,
  StreamingSpec,
} from '../engine/types';
import { checkEventTime, eventTimeSchema, normaliseEventTime } from './eventTimeSchema';
import { checkQuery, normaliseQuery, querySchema } from './querySchema';
import { type ScenarioParsed, scenarioSchema } from './schema';
import { checkStreaming, normaliseStreaming, streamingSchema } from './streamingSchema';

/** One thing wrong with a scenario: where (`producers[1].delay.ms`) and what, as a sentence. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
}

export type ScenarioResult =
  | { readonly ok: true; readonly scenario: ScenarioSpec }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** Largest number of tuples a scenario may ask for: enough for any lesson, small enough for a phone. */
export const MAX_GENERATED_TUPLES = 5_000_000;
/** Largest number of ticks in a run. */
export const MAX_TICKS = 1_000_000;
/** Largest scenario file accepted, in characters. */
export const MAX_SCENARIO_CHARS = 2_000_000;

/** Parses and checks a scenario given as JSON text or as an already-parsed value. Never throws. */
export function parseScenario(input: unknown): ScenarioResult {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCENARIO_CHARS) {
      return fail(
        '',
        `The scenario is too large (${input.length} characters; at most ${MAX_SCENARIO_CHARS}).`,
      );
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail('', `The scenario is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', 'A scenario must be a JSON object with at least "version", "name" and "durationMs".');
  }
  const parsed = v.safeParse(scenarioSchema, data, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, problems: parsed.issues.map(problemOf) };
  const scenario = normalise(parsed.output);
  const problems = checkMeaning(scenario);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
}

/** A replacement for one block of a scenario: the block, or the problems with it. */
export type BlockResult<T> = { ok: true; value: T } | { ok: false; problems: ScenarioProblem[] };

/**
 * Checks a replacement block of a scenario (the pipeline builder, the event-time controls, a link)
 * with the same rules as in a scenario file; paths start at the block's name. Never throws.
 */
function parseBlock<
  K extends 'streaming' | 'eventTime' | 'query',
  In,
  T extends NonNullable<ScenarioSpec[K]>,
>(
  name: K,
  schema: v.GenericSchema<unknown, In>,
  normalise: (parsed: In) => T,
  check: (s: ScenarioSpec, add: (path: string, message: string) => void) => void,
  input: unknown,
  scenario: ScenarioSpec,
): BlockResult<T> {
  const parsed = v.safeParse(schema, input, { abortPipeEarly: true });
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.issues
        .map(problemOf)
        .map((p) => ({ ...p, path: p.path ? `${name}.${p.path}` : name })),
    };
  const value = normalise(parsed.output);
  const problems: ScenarioProblem[] = [];
  check({ ...scenario, [name]: value }, (path, message) => problems.push({ path, message }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

export const parseStreaming = (input: unknown, scenario: ScenarioSpec): BlockResult<StreamingSpec> =>
  parseBlock('streaming', streamingSchema, normaliseStreaming, checkStreaming, input, scenario);

export const parseEventTime = (input: unknown, scenario: ScenarioSpec): BlockResult<EventTimeSpec> =>
  parseBlock('eventTime', eventTimeSchema, normaliseEventTime, checkEventTime, input, scenario);

export const parseQuery = (input: unknown, scenario: ScenarioSpec): BlockResult<StructuredSpec> =>
  parseBlock('query', querySchema, normaliseQuery, checkQuery, input, scenario);

export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

function fail(path: string, message: string): ScenarioResult {
  return { ok: false, problems: [{ path, message }] };
}

function pathOf(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    if (typeof item.key === 'number') out += `[${item.key}]`;
    else out += out ? `.${String(item.key)}` : String(item.key);
  }
  return out;
}

function problemOf(issue: v.BaseIssue<unknown>): ScenarioProblem {
  const path = pathOf(issue.path as { key: unknown }[] | undefined);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // valibot reports an unknown key with the key at the end of the path
    return { path, message: 'is not a known field (check the spelling)' };
  }
  if (issue.type === 'strict_object' && issue.input !== undefined) {
    return { path, message: `must be an object ({ … }), not ${describe(issue.input)}` };
  }
  if (issue.type === 'object' && issue.input === undefined) return { path, message: 'is required' };
  if (issue.kind === 'schema' && issue.input === undefined && issue.type !== 'undefined') {
    return { path, message: 'is required' };
  }
  return { path, message: issue.message.replace(/^Invalid (type|length|value): /, (m) => m.toLowerCase()) };
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'string'
    ? `the text ${JSON.stringify(input.slice(0, 30))}`
    : `${typeof input} ${String(input).slice(0, 30)}`;
}

function normalise(s: ScenarioParsed): ScenarioSpec {
  const producers: ProducerSpec[] = s.producers.map((p) => {
    const k = p.keys;
    const keys = Array.isArray(k) ? k : Array.from({ length: k.count }, (_, i) => `${k.prefix}${i}`);
    const d = p.keyDistribution;
    return {
      id: p.id,
      label: p.label ?? p.id,
      ratePerSec: p.ratePerSec,
      arrivals: p.arrivals,
      startMs: p.startMs,
      stopMs: p.stopMs ?? s.durationMs,
      keys,
      keyDistribution:
        d.kind === 'hotKey' ? { kind: 'hotKey', key: d.key ?? (keys[0] as string), share: d.share } : d,
      value: p.value,
      payload: p.payload,
      delay: p.delay,
      jitter: p.jitter,
      offline: p.offline,
      dropProbability: p.dropProbability,
      keyed: p.keyed,
    };
  });
  return {
    version: 1,
    name: s.name,
    description: s.description,
    durationMs: s.durationMs,
    tickMs: s.tickMs,
    seed: s.seed,
    lateness: s.lateness,
    producers,
    tuples: s.tuples.map((t) => ({ ...t, value: t.value as ScenarioSpec['tuples'][number]['value'] })),
    // Faults are applied in time order; a scenario may list them in any order (ties keep file order).
    ...(s.delivery
      ? {
          delivery: {
            ...(s.delivery as LogDeliverySpec),
            faults: byTime(s.delivery.faults as LogDeliverySpec['faults']),
          },
        }
      : {}),
    ...(s.messaging
      ? { messaging: { ...(s.messaging as MessagingSpec), faults: byTime(s.messaging.faults) } }
      : {}),
    ...(s.streaming ? { streaming: normaliseStreaming(s.streaming) } : {}),
    ...(s.eventTime ? { eventTime: normaliseEventTime(s.eventTime) } : {}),
    ...(s.query ? { query: normaliseQuery(s.query) } : {}),
  };
}

/** Rules that a schema cannot express: references, orderings and overall size. */
function checkMeaning(s: ScenarioSpec): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const ids = new Set<string>();
  let expectedTuples = s.tuples.length;
  s.producers.forEach((p, i) => {
    const at = `producers[${i}]`;
    if (ids.has(p.id)) add(`${at}.id`, `"${p.id}" is used by another producer; ids must be unique`);
    ids.add(p.id);
    if (new Set(p.keys).size !== p.keys.length) add(`${at}.keys`, 'must not repeat a key');
    if (p.stopMs <= p.startMs && p.ratePerSec > 0)
      add(`${at}.stopMs`, `must be after startMs (${p.startMs})`);
    if (p.startMs > s.durationMs && p.ratePerSec > 0) {
      add(
        `${at}.startMs`,
        `is after the end of the run (durationMs ${s.durationMs}), so this producer would never send`,
      );
    }
    if (p.value.min > p.value.max)
      add(`${at}.value.min`, `must not be larger than value.max (${p.value.max})`);
    if (p.delay.kind === 'uniform' && p.delay.minMs > p.delay.maxMs) {
      add(`${at}.delay.minMs`, `must not be larger than delay.maxMs (${p.delay.maxMs})`);
    }
    if (p.keyDistribution.kind === 'hotKey' && !p.keys.includes(p.keyDistribution.key)) {
      add(`${at}.keyDistribution.key`, `"${p.keyDistribution.key}" is not one of this producer's keys`);
    }
    let previousEnd = -1;
    p.offline.forEach((o, j) => {
      if (o.toMs <= o.fromMs) add(`${at}.offline[${j}].toMs`, `must be after fromMs (${o.fromMs})`);
      else if (o.fromMs < previousEnd)
        add(`${at}.offline[${j}].fromMs`, 'periods must be in order and must not overlap');
      previousEnd = Math.max(previousEnd, o.toMs);
    });
    expectedTuples += (p.ratePerSec * Math.max(0, Math.min(p.stopMs, s.durationMs) - p.startMs)) / 1000;
  });
  s.tuples.forEach((t, i) => {
    const at = `tuples[${i}]`;
    if (t.producer !== 'scripted' && !ids.has(t.producer)) {
      add(`${at}.producer`, `"${t.producer}" is not the id of a producer (or leave it out for "scripted")`);
    }
    if (t.arrivalTime < t.eventTime)
      add(`${at}.arrivalTime`, `must not be before eventTime (${t.eventTime})`);
    if (t.eventTime > s.durationMs)
      add(`${at}.eventTime`, `is after the end of the run (durationMs ${s.durationMs})`);
  });
  if (s.durationMs % s.tickMs !== 0) {
    const up = Math.ceil(s.durationMs / s.tickMs) * s.tickMs;
    add(
      'durationMs',
      `must be a whole number of ticks (tickMs ${s.tickMs}): use ${up}, or a tickMs that divides ${s.durationMs}`,
    );
  }
  if (s.durationMs / s.tickMs > MAX_TICKS) {
    add(
      'tickMs',
      `gives ${Math.ceil(s.durationMs / s.tickMs)} steps; use a larger tickMs (at most ${MAX_TICKS} steps per run)`,
    );
  }
  if (expectedTuples > MAX_GENERATED_TUPLES) {
    add(
      'producers',
      `would create about ${Math.round(expectedTuples).toLocaleString('en')} tuples; at most ${MAX_GENERATED_TUPLES.toLocaleString('en')} fit in one run (lower ratePerSec or durationMs)`,
    );
  }
  if (s.delivery) checkDelivery(s.delivery, add);
  if (s.messaging) checkMessaging(s.messaging, add);
  checkStreaming(s, add);
  checkEventTime(s, add);
  checkQuery(s, add);
  if (s.delivery && s.messaging)
    add('messaging', 'cannot be combined with "delivery": choose a log, direct messaging or a queue');
  if (s.producers.length === 0 && s.tuples.length === 0)
    add('producers', 'a scenario needs at least one producer or one explicit tuple');
  return problems;
}

function byTime<T extends { readonly atMs: number }>(faults: readonly T[]): T[] {
  return faults
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i)
    .map((x) => x.f);
}

function checkMessaging(m: MessagingSpec, add: (path: string, message: string) => void): void {
  const ids = new Set<string>();
  m.consumers.forEach((c, i) => {
    if (ids.has(c.id)) add(`messaging.consumers[${i}].id`, `"${c.id}" is used by another consumer`);
    ids.add(c.id);
  });
  m.faults.forEach((f, i) => {
    if (!ids.has(f.consumer))
      add(`messaging.faults[${i}].consumer`, `"${f.consumer}" is not one of the consumers`);
  });
}

function checkDelivery(d: LogDeliverySpec, add: (path: string, message: string) => void): void {
  if (d.replicationFactor > d.brokers) {
    add('delivery.replicationFactor', `must not exceed the number of brokers (${d.brokers})`);
  }
  if (d.minInsyncReplicas > d.replicationFactor) {
    add(
      'delivery.minInsyncReplicas',
      `must not exceed the replication factor (${d.replicationFactor}), or acks=all could never succeed`,
    );
  }
  const groups = new Map<string, Set<string>>();
  d.groups.forEach((g, i) => {
    if (groups.has(g.id)) add(`delivery.groups[${i}].id`, `"${g.id}" is used by another group`);
    const members = new Set<string>();
    g.members.forEach((m, j) => {
      if (members.has(m.id))
        add(`delivery.groups[${i}].members[${j}].id`, `"${m.id}" is used by another member of this group`);
      members.add(m.id);
    });
    groups.set(g.id, members);
  });
  d.faults.forEach((f, i) => {
    if (f.kind === 'crashBroker' || f.kind === 'restartBroker') {
      if (f.broker >= d.brokers)
        add(`delivery.faults[${i}].broker`, `there are only ${d.brokers} brokers (0–${d.brokers - 1})`);
      return;
    }
    if (!('group' in f)) return;
    const members = groups.get(f.group);
    if (!members) add(`delivery.faults[${i}].group`, `"${f.group}" is not a consumer group of this scenario`);
    else if (f.kind !== 'addConsumer' && !members.has(f.member)) {
      add(`delivery.faults[${i}].member`, `"${f.member}" is not a member of group "${f.group}"`);
    }
  });
}
