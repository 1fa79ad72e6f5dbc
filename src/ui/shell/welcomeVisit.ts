import { loadSession } from '../../store/session';
import { browserStorage } from './session';

/** Set once the start panel has been dismissed or used: it never shows again. */
export const WELCOME_KEY = 'streamscope:welcome';
/** The course's first lesson (learn/lessons/index.ts, checked by a unit test). */
export const FIRST_LESSON = 'dbms-vs-streams';
/** The scenario that tells the whole course: producers → Kafka → a Structured Streaming query. */
export const EXPLORE_PRESET = 'kafka-structured-streaming';

/**
 * Whether this is a first visit: no link (query or page), not embedded, no saved session, and the
 * start panel never dismissed. Read once, before the app saves a session of its own.
 */
export function isFirstVisit(
  location: Pick<Location, 'search' | 'hash'>,
  storage: Storage | undefined,
): boolean {
  if (location.search !== '' && location.search !== '?') return false;
  if (!['', '#', '#/', '#/sim'].includes(location.hash)) return false;
  try {
    if (storage?.getItem(WELCOME_KEY) !== null && storage !== undefined) return false;
  } catch {
    return false;
  }
  return loadSession(storage).link === null;
}

/** Read once at start, before the app saves a session of its own. */
export const firstVisit = typeof window !== 'undefined' && isFirstVisit(window.location, browserStorage());
