/**
 * Checking a learner's answer to a hand-written review question. Pure functions: the quiz machine
 * and the practice view call them, and nothing here knows about React or the store.
 */
import type { ShortQuestion, StaticQuestion } from '../types';

/** Numbers closer than this count as equal, so `0.1 + 0.2` matches `0.3` with no tolerance. */
const NUMERIC_EPSILON = 1e-9;

/**
 * A short answer in comparable form: lower case, backticks and punctuation removed, runs of
 * whitespace collapsed to one space, trimmed. `"Map-With-State()"` becomes `"mapwithstate"`.
 */
export function normaliseShort(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The normalised text without any spaces: `ShortQuestion` says whitespace is ignored. */
function compact(text: string): string {
  return normaliseShort(text).replace(/ /g, '');
}

function isShortRight(q: ShortQuestion, text: string): boolean {
  const given = compact(text);
  return given !== '' && q.accept.some((a) => compact(a) === given);
}

/** A numeric response given as a number or as the text of an input field; NaN when it is neither. */
function toNumber(response: number | string): number {
  if (typeof response === 'number') return response;
  const trimmed = response.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * True when `response` answers `q` rightly.
 * - choice: the index of the chosen option;
 * - numeric: a number (or its text), right within `tolerance` (default 0);
 * - short: the learner's text, compared with every accepted spelling ignoring case, whitespace,
 *   backticks and punctuation;
 * - order: indices into `q.items` in the order the learner put them; right iff `[0, 1, 2, …]`.
 * A response of the wrong shape for the question's kind is simply wrong.
 */
export function checkStatic(q: StaticQuestion, response: number | string | readonly number[]): boolean {
  switch (q.kind) {
    case 'choice':
      return typeof response === 'number' && response === q.answer;
    case 'numeric': {
      if (typeof response !== 'number' && typeof response !== 'string') return false;
      const value = toNumber(response);
      if (!Number.isFinite(value)) return false;
      return Math.abs(value - q.answer) <= (q.tolerance ?? 0) + NUMERIC_EPSILON;
    }
    case 'short':
      return typeof response === 'string' && isShortRight(q, response);
    case 'order':
      return (
        Array.isArray(response) &&
        response.length === q.items.length &&
        response.every((itemIndex, position) => itemIndex === position)
      );
  }
}
