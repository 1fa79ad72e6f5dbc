/**
 * The last session: the link of the frame a learner was on (scenario, seed, time, selection, edited
 * pipeline, event-time query, faults), kept in the browser so that opening Streamscope again without
 * a link goes on where they stopped. Saved state is untrusted input: it is checked before use, and
 * anything wrong is discarded with a notice naming the problem.
 */
export const SESSION_KEY = 'streamscope:session';
const VERSION = 1;
/** Far above any real link (edited pipelines are capped at a few thousand characters). */
export const MAX_SESSION_CHARS = 64_000;

export interface LoadedSession {
  /** The link to open ("?scenario=…"), or null when there is none to restore. */
  readonly link: string | null;
  /** Why saved state was discarded, or null. */
  readonly problem: string | null;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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
