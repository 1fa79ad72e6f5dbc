/**
 * The link holds scenario, seed, time and the selected tuple, so a shared URL reopens the exact frame:
 * ?scenario=three-kinds&seed=7&t=12300&tuple=42
 * The long parameters (a custom scenario, edited programs: `LONG_PARAMS`) travel packed in the hash,
 * after the page (route.ts, linkHash.ts), which the browser never sends to the server:
 * ?scenario=three-kinds&seed=1&t=0#/lessons/windows/2?scn=rVTLbts…&app=q1YqyS9…
 * Older links carry them as JSON in the query (…&scn={"version":1,…}); those still open.
 */
import { RATE_SCALES } from '../scenarios/edits';

export interface LinkState {
  readonly scenario: string;
  readonly seed: number;
  readonly timeMs: number;
  readonly tuple: number | null;
  /** Faults injected from the UI, encoded (see store/faults.ts). */
  readonly faults: readonly string[];
  /** A delivery model run alongside for comparison. */
  readonly compare: 'direct' | 'queue' | 'log' | null;
  /** An edited streaming application (JSON of the scenario's `streaming` block); null: the scenario's own. */
  readonly app: string | null;
  /** Every producer's rate multiplied by this; null: the scenario's rates. */
  readonly rate: number | null;
  /** An edited event-time query (JSON of the scenario's `eventTime` block); null: the scenario's own. */
  readonly et: string | null;
  /** An edited Structured Streaming query (JSON of the scenario's `query` block); null: the scenario's own. */
  readonly q?: string | null;
  /**
   * A custom scenario (edited or imported) as JSON, when it fits in a link; `scenario` then names the
   * preset to fall back on if it cannot be used. Absent or null: the preset named by `scenario`.
   */
  readonly scn?: string | null;
  /** The last query asked of the database at rest (SQL); the link reopens it and its answer. */
  readonly sql?: string | null;
}

export interface ParsedLink {
  /** Only the parameters that were present and valid. */
  readonly state: Partial<LinkState>;
  /** One sentence per parameter that was present but unusable. */
  readonly problems: readonly string[];
}

const WHOLE = /^\d{1,15}$/;

/** The parameters that can be long: they travel packed (compressed) in the hash. */
export const LONG_PARAMS = ['scn', 'app', 'et', 'q'] as const;
export type LongParam = (typeof LONG_PARAMS)[number];

/**
 * Longest custom scenario a link carries, in characters of its packed form in the hash (12 KB
 * compressed: about 50 KB of scenario JSON; issue 20's 10.7 KB scenario packs to 3,500). With the
 * other long parameters at their limits (`LONG_LIMITS`) a link stays well inside the saved
 * session's limit (session.ts).
 */
export const MAX_LINK_SCENARIO_CHARS = 16_000;
/** Longest custom scenario an older link carries as JSON in its query (`?scn={…}`). */
export const MAX_QUERY_SCENARIO_CHARS = 20_000;

/** How a long parameter in the hash is named and limited. */
export interface LongLimit {
  /** What the learner calls it, naming the parameter. */
  readonly what: string;
  /** The longest packed form, in characters. */
  readonly packed: number;
  /** The longest text it may unpack to (a scenario file's limit; for the edits, the query's). */
  readonly text: number;
  /** What the app does instead when it cannot be used. */
  readonly instead: string;
}

const OWN = "using the scenario's own";

export const LONG_LIMITS: Readonly<Record<LongParam, LongLimit>> = {
  scn: {
    what: 'scenario (scn)',
    packed: MAX_LINK_SCENARIO_CHARS,
    text: 256 * 1024,
    instead: 'showing a built-in scenario instead',
  },
  app: { what: 'streaming application (app)', packed: 8000, text: 20_000, instead: OWN },
  et: { what: 'event-time query (et)', packed: 4000, text: 5000, instead: OWN },
  q: { what: 'Structured Streaming query (q)', packed: 4000, text: 5000, instead: OWN },
};

/** The long parameters of a link's hash, unpacked (linkHash.ts), and why any could not be. */
export interface UnpackedParams {
  readonly texts: Partial<Readonly<Record<LongParam, string>>>;
  readonly problems: readonly string[];
}

/**
 * The link's state from its query and, when given, the long parameters unpacked from its hash (these
 * win over the same parameters in the query, and were checked for length while unpacking).
 */
export function parseLink(
  search: string,
  knownScenarios: readonly string[],
  unpacked?: UnpackedParams,
): ParsedLink {
  const params = new URLSearchParams(search);
  for (const [name, text] of Object.entries(unpacked?.texts ?? {})) params.set(name, text);
  const fromHash = (name: LongParam) => unpacked?.texts[name] !== undefined;
  const state: { -readonly [K in keyof LinkState]?: LinkState[K] } = {};
  const problems: string[] = [...(unpacked?.problems ?? [])];
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (knownScenarios.includes(scenario)) state.scenario = scenario;
    else problems.push(`The link names an unknown scenario "${clip(scenario)}"; showing the default one.`);
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (WHOLE.test(seed) && Number(seed) <= 2 ** 31 - 1) state.seed = Number(seed);
    else
      problems.push(
        `The link's seed "${clip(seed)}" is not a whole number from 0 to 2147483647; using the scenario's seed.`,
      );
  }
  const t = params.get('t');
  if (t !== null) {
    if (WHOLE.test(t)) state.timeMs = Number(t);
    else
      problems.push(`The link's time "${clip(t)}" is not a whole number of milliseconds; starting at 0 s.`);
  }
  const tuple = params.get('tuple');
  if (tuple !== null) {
    if (WHOLE.test(tuple)) state.tuple = Number(tuple);
    else problems.push(`The link's tuple "${clip(tuple)}" is not a tuple number; nothing is selected.`);
  }
  const compare = params.get('compare');
  if (compare !== null) {
    if (compare === 'direct' || compare === 'queue' || compare === 'log') state.compare = compare;
    else
      problems.push(
        `The link's comparison "${clip(compare)}" is not one of direct, queue or log; nothing is compared.`,
      );
  }
  const app = params.get('app');
  if (app !== null) {
    if (app.length <= LONG_LIMITS.app.text) state.app = app;
    else
      problems.push(
        `The link's streaming application is too long (${app.length} characters); using the scenario's own.`,
      );
  }
  const et = params.get('et');
  if (et !== null) {
    if (et.length <= LONG_LIMITS.et.text) state.et = et;
    else
      problems.push(
        `The link's event-time query is too long (${et.length} characters); using the scenario's own.`,
      );
  }
  const q = params.get('q');
  if (q !== null) {
    if (q.length <= LONG_LIMITS.q.text) state.q = q;
    else
      problems.push(
        `The link's Structured Streaming query is too long (${q.length} characters); using the scenario's own.`,
      );
  }
  const sql = params.get('sql');
  if (sql !== null) {
    if (sql.length <= 5000) state.sql = sql;
    else problems.push(`The link's SQL query is too long (${sql.length} characters); it is left out.`);
  }
  const rate = params.get('rate');
  if (rate !== null) {
    const n = Number(rate);
    if (RATE_SCALES.includes(n)) state.rate = n;
    else
      problems.push(
        `The link's producer rate "${clip(rate)}" is not one of ${RATE_SCALES.map((x) => `×${x}`).join(', ')}; using the scenario's rates.`,
      );
  }
  const scn = params.get('scn');
  if (scn !== null) {
    if (fromHash('scn') || scn.length <= MAX_QUERY_SCENARIO_CHARS) state.scn = scn;
    else
      problems.push(
        `The link's scenario (scn) is too long (${scn.length} characters; at most ${MAX_QUERY_SCENARIO_CHARS}); showing a built-in scenario instead.`,
      );
  }
  const faults = params.getAll('fault');
  if (faults.length > 0) state.faults = faults.slice(0, 50);
  if (faults.length > 50) problems.push(`The link has ${faults.length} faults; only the first 50 are used.`);
  return { state, problems };
}

/**
 * The link with every parameter in the query, long ones as JSON: the form lessons and questions use
 * for their own short frames, and older links had. The address bar and shared links put the long
 * parameters packed in the hash instead (linkHash.ts `packLink`).
 */
export function formatLink(state: LinkState): string {
  const params = new URLSearchParams();
  params.set('scenario', state.scenario);
  params.set('seed', String(state.seed));
  params.set('t', String(state.timeMs));
  if (state.tuple !== null) params.set('tuple', String(state.tuple));
  for (const f of state.faults) params.append('fault', f);
  if (state.compare) params.set('compare', state.compare);
  if (state.app) params.set('app', state.app);
  if (state.rate !== null && state.rate !== 1) params.set('rate', String(state.rate));
  if (state.et) params.set('et', state.et);
  if (state.q) params.set('q', state.q);
  if (state.sql) params.set('sql', state.sql);
  // Last, so the readable part of the link (scenario, seed, time) comes first.
  if (state.scn) params.set('scn', state.scn);
  return `?${params.toString()}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
