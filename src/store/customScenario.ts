import * as v from 'valibot';
import type { ProducerSpec, ScenarioSpec } from '../engine/types';
import { scenarioSchema } from '../scenarios/schema';
import { parseScenario, type ScenarioProblem, type ScenarioResult } from '../scenarios/validate';

/**
 * A scenario that is not a preset: written in the editor, imported from a file or opened from a
 * link. It travels as JSON (a file, or `scn=` in a link), so this module turns a scenario back into
 * the short JSON a person would write and reads such JSON defensively.
 */

/** The `presetId` of a run of a custom scenario. */
export const CUSTOM_SCENARIO_ID = 'custom';
/** Largest scenario file the editor imports; checked before the file is read. */
export const MAX_IMPORT_BYTES = 256 * 1024;

type Json = Record<string, unknown>;
type Schema = v.GenericSchema & {
  readonly wrapped?: Schema;
  readonly entries?: Record<string, Schema>;
  readonly item?: Schema;
  readonly key?: string;
  readonly options?: readonly (Schema | string | number)[];
  readonly literal?: unknown;
};

/**
 * The scenario as short JSON: every field that equals the format's default is left out (so a
 * producer without `stopMs` keeps following `durationMs`), numbered keys become `{ count, prefix }`.
 * `parseScenario(compactScenario(s))` gives `s` back. The streaming and event-time blocks are kept
 * whole: they are what the pipeline builder and the `app`/`et` link parameters exchange.
 */
export function compactScenario(spec: ScenarioSpec): Json {
  const { streaming, eventTime, ...rest } = spec;
  const out = withoutDefaults(scenarioSchema as Schema, rest) as Json;
  out.producers = spec.producers.map((p, i) =>
    compactProducer(p, (out.producers as Json[])[i] as Json, spec),
  );
  if (spec.producers.length === 0) delete out.producers;
  if (streaming) out.streaming = streaming;
  if (eventTime) out.eventTime = eventTime;
  return out;
}

function compactProducer(p: ProducerSpec, out: Json, spec: ScenarioSpec): Json {
  const result = { ...out };
  if (p.label === p.id) delete result.label;
  if (p.stopMs === spec.durationMs) delete result.stopMs;
  const numbered = numberedKeys(p.keys);
  if (numbered) result.keys = numbered;
  if (p.keyDistribution.kind === 'hotKey' && p.keyDistribution.key === p.keys[0]) {
    result.keyDistribution = { kind: 'hotKey', share: p.keyDistribution.share };
  }
  return result;
}

/** `["user-0", …, "user-11"]` → `{ count: 12, prefix: "user-" }`; null for any other list. */
function numberedKeys(keys: readonly string[]): { count: number; prefix: string } | null {
  if (keys.length < 4) return null;
  const prefix = (keys[0] as string).replace(/0$/, '');
  if (prefix === keys[0] || prefix.length > 30) return null;
  return keys.every((k, i) => k === `${prefix}${i}`) ? { count: keys.length, prefix } : null;
}

function withoutDefaults(schema: Schema, value: unknown): unknown {
  const s = unwrap(schema);
  if (Array.isArray(value))
    return s.type === 'array' && s.item ? value.map((x) => withoutDefaults(s.item as Schema, x)) : value;
  if (typeof value !== 'object' || value === null) return value;
  const entries = s.type === 'variant' ? optionFor(s, value as Json)?.entries : s.entries;
  if (s.type !== 'strict_object' && s.type !== 'variant') return value;
  if (!entries) return value;
  const out: Json = {};
  for (const [key, x] of Object.entries(value as Json)) {
    const entry = entries[key];
    if (x === undefined) continue;
    if (!entry) {
      out[key] = x;
      continue;
    }
    if (entry.type === 'optional' && sameJson(x, v.getDefault(entry))) continue;
    out[key] = withoutDefaults(entry, x);
  }
  return out;
}

function unwrap(schema: Schema): Schema {
  let s = schema;
  while ((s.type === 'optional' || s.type === 'nullable') && s.wrapped) s = s.wrapped;
  return s;
}

function optionFor(variant: Schema, value: Json): Schema | undefined {
  const key = variant.key as string;
  return (variant.options as Schema[]).find((o) => {
    const tag = o.entries?.[key];
    if (!tag) return false;
    if (tag.type === 'literal') return tag.literal === value[key];
    if (tag.type === 'picklist') return (tag.options ?? []).includes(value[key] as string);
    return false;
  });
}

/** Deep equality of JSON-like values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Json)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Json)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Json)[k], (b as Json)[k]));
}

const linkTexts = new WeakMap<ScenarioSpec, string>();

/** The scenario as one line of JSON, as a link carries it (`scn`, packed); computed once per scenario. */
export function scenarioLinkText(spec: ScenarioSpec): string {
  let text = linkTexts.get(spec);
  if (text === undefined) {
    text = JSON.stringify(compactScenario(spec));
    linkTexts.set(spec, text);
  }
  return text;
}

/** The scenario as a file: pretty-printed, `$schema` first so editors offer completion. */
export function scenarioFileText(spec: ScenarioSpec, schemaUrl: string): string {
  return `${JSON.stringify({ $schema: schemaUrl, ...compactScenario(spec) }, null, 2)}\n`;
}

/** `<name>.streamscope.json`, the name made safe for any file system. */
export function scenarioFileName(spec: Pick<ScenarioSpec, 'name'>): string {
  const slug = spec.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.streamscope.json`;
}

/**
 * `parseScenario`, guarded: a pathological value (nested thousands deep) can exhaust the stack of
 * a recursive schema; that is reported as a problem like any other, never thrown.
 */
export function checkScenario(input: unknown): ScenarioResult {
  try {
    const result = parseScenario(input);
    if (result.ok) return result;
    // A field whose name is empty ({"": 1}) has an empty path: name it, so the sentence has a subject.
    return {
      ok: false,
      problems: result.problems.map((p) =>
        p.path === '' && /^[a-z]/.test(p.message) ? { ...p, path: '""' } : p,
      ),
    };
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: `The scenario could not be checked (${reason(error)}).` }],
    };
  }
}

/** Reads scenario JSON text (`what` names where it came from, e.g. `"a.json"`). Never throws. */
export function readScenarioText(text: string, what: string): ScenarioResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `${what} is not valid JSON: ${reason(error)}.` }] };
  }
  return checkScenario(json);
}

/** Why a file cannot be imported before reading it (too large), or null. */
export function importSizeProblem(fileName: string, bytes: number): ScenarioProblem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    path: '',
    message: `“${clip(fileName)}” is ${kilobytes(bytes)}; a scenario file can be at most ${kilobytes(MAX_IMPORT_BYTES)}.`,
  };
}

export function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

/** A problem as one sentence that names its field: `producers[0].ratePerSec: must not be negative`. */
export function problemText(p: ScenarioProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return clip(message.replace(/\.$/, ''), 160);
}
