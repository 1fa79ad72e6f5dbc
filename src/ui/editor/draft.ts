/**
 * The scenario being edited: plain JSON in the scenario file format, possibly invalid while the
 * learner types. The form and the JSON tab edit the same value; Apply checks it with parseScenario.
 */
export type Draft = Readonly<Record<string, unknown>>;
export type Path = readonly (string | number)[];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(at) : !isObject(at)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `value` with `path` set; `undefined` removes the field (the default applies again).
 * Missing objects on the way are created from `seed` (for the last one) or empty.
 */
export function setAt(value: unknown, path: Path, next: unknown, seed: object = {}): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...Path];
  const child = rest.length === 0 ? undefined : getAt(value, [key]);
  const fresh = rest.length === 1 ? seed : typeof rest[0] === 'number' ? [] : {};
  const inner = rest.length === 0 ? next : setAt(child ?? fresh, rest, next, seed);
  if (typeof key === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    if (inner === undefined) list.splice(key, 1);
    else list[key] = inner;
    return list;
  }
  const object: Record<string, unknown> = isObject(value) ? { ...value } : {};
  if (inner === undefined) delete object[key];
  else object[key] = inner;
  return object;
}

/** `['producers', 0, 'ratePerSec']` → `producers[0].ratePerSec`, as parseScenario names fields. */
export function pathText(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** The field itself, then each enclosing one: where to put the focus for a problem. */
export function enclosing(path: string): string[] {
  const out: string[] = [];
  let at = path;
  while (at) {
    out.push(at);
    at = at.replace(/(\[\d+\]|\.[^.[\]]+|^[^.[\]]+)$/, '');
  }
  return out;
}

export const SECTIONS = ['general', 'producers', 'tuples', 'broker', 'pipeline', 'faults', 'json'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Which tab shows the field a problem names (the JSON tab for fields the form does not show). */
export function sectionOf(path: string): SectionId {
  const head = /^[^.[\]]*/.exec(path)?.[0] ?? '';
  if (/^(delivery|messaging)\.faults\b/.test(path)) return 'faults';
  if (['name', 'description', 'durationMs', 'tickMs', 'seed', 'lateness', 'version'].includes(head))
    return 'general';
  if (head === 'producers') return 'producers';
  if (head === 'tuples') return 'tuples';
  if (head === 'delivery' || head === 'messaging') return 'broker';
  if (head === 'streaming' || head === 'eventTime') return 'pipeline';
  return 'json';
}

/** An id like `p3` that none of `taken` uses. */
export function freshId(prefix: string, taken: readonly unknown[]): string {
  for (let i = taken.length + 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The JSON tab's text as a draft, or why it is not one. */
export function draftOfText(text: string): { ok: true; draft: Draft } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The JSON is not valid: ${(error as Error).message}.` };
  }
  if (!isObject(value))
    return { ok: false, message: 'The JSON must be one object: { "version": 1, "name": …, … }.' };
  return { ok: true, draft: value };
}
