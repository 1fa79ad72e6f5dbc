/**
 * The last session: the link of the frame a learner was on (scenario, seed, time, selection, edited
 * pipeline, event-time query, faults), kept in the browser so that opening Streamscope again without
 * a link goes on where they stopped. Saved state is untrusted input: it is checked before use, and
 * anything wrong is discarded with a notice naming the problem.
 */
import { joinHash, splitHash } from './route';

export const SESSION_KEY = 'streamscope:session';
const VERSION = 1;
/**
 * Far above any real link: the long parameters are packed and capped (url.ts `LONG_LIMITS`, together
 * about half of this), the short ones are a few hundred characters, a SQL query at most 5000.
 */
export const MAX_SESSION_CHARS = 64_000;

export interface LoadedSession {
  /**
   * The link to open, or null when there is none to restore: its query, then its long parameters
   * packed as in the address bar's hash, without a page ("?scenario=…&t=…#/?scn=…"; older sessions
   * have them as JSON in the query). See `splitSessionLink`.
   */
  readonly link: string | null;
  /** Why saved state was discarded, or null. */
  readonly problem: string | null;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The link a session keeps: the query and the long parameters (packed, or ''). */
export function sessionLinkOf(search: string, params: string): string {
  return search + joinHash('', params);
}

/** A saved link's query and its packed long parameters (for linkHash.ts `unpackParams`). */
export function splitSessionLink(link: string): { readonly search: string; readonly params: string } {
  const at = link.indexOf('#');
  if (at < 0) return { search: link, params: '' };
  return { search: link.slice(0, at), params: splitHash(link.slice(at)).params };
}

export function saveSession(storage: KeyValueStore | undefined, link: string): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify({ version: VERSION, link }));
  } catch {
    // Storage full or disabled (private mode): the session is simply not kept.
  }
}

export function loadSession(storage: KeyValueStore | undefined): LoadedSession {
  let raw: string | null;
  try {
    raw = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return { link: null, problem: null };
  }
  if (raw === null) return { link: null, problem: null };
  const problem = checkSession(raw);
  if (typeof problem === 'string') {
    try {
      storage?.removeItem(SESSION_KEY);
    } catch {
      // nothing more to do
    }
    return { link: null, problem };
  }
  return { link: problem.link, problem: null };
}

function checkSession(raw: string): string | { link: string } {
  if (raw.length > MAX_SESSION_CHARS) return `it is too large (${raw.length} characters)`;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an object';
  const { version, link } = value as { version?: unknown; link?: unknown };
  if (version !== VERSION) return `its version is ${JSON.stringify(version) ?? 'missing'}, not ${VERSION}`;
  if (typeof link !== 'string') return 'its link is not text';
  if (link !== '' && !link.startsWith('?')) return 'its link does not start with "?"';
  return { link };
}
