import { create } from 'zustand';
import { persist, type StorageValue } from 'zustand/middleware';

/**
 * The learner's progress, kept in the browser (zustand `persist`): lesson steps done, answers,
 * quiz scores, and an instructor's bookmarks on each scenario's timeline. Saved state is untrusted
 * input: it is checked field by field when read back, and anything wrong is discarded with a notice.
 */
export const PROGRESS_KEY = 'streamscope:progress';
const VERSION = 2;
/**
 * Steps inserted into lessons since a save's version: steps are saved by index, so a save from an
 * older version has its indices at or after each insertion moved up by one. Version 2 added
 * “A third clock: ingestion time” (event-time step 4) and “The State object” (stateful step 3).
 */
const INSERTED_STEPS: Readonly<Record<number, Readonly<Record<string, readonly number[]>>>> = {
  2: { 'event-time': [4], stateful: [3] },
};

/** A save's lesson steps, renumbered for the steps inserted since its version. */
export function migrateLessons(
  lessons: Readonly<Record<string, readonly number[]>>,
  fromVersion: number,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [lesson, steps] of Object.entries(lessons)) {
    let moved = [...steps];
    for (let v = fromVersion + 1; v <= VERSION; v++)
      for (const at of INSERTED_STEPS[v]?.[lesson] ?? []) moved = moved.map((s) => (s >= at ? s + 1 : s));
    out[lesson] = moved;
  }
  return out;
}
const MAX_CHARS = 200_000;
const MAX_QUIZZES = 20;
const MAX_BOOKMARKS = 50;

export interface AnswerRecord {
  readonly tries: number;
  readonly right: number;
  /** Whether the latest answer was right. */
  readonly last: boolean;
}

export interface QuizRecord {
  readonly score: number;
  readonly total: number;
  /** Epoch ms when it was finished. */
  readonly at: number;
}

export interface Progress {
  /** Per lesson: the steps (from 0) whose page was completed. */
  readonly lessons: Readonly<Record<string, readonly number[]>>;
  readonly answers: Readonly<Record<string, AnswerRecord>>;
  /** Latest first. */
  readonly quizzes: readonly QuizRecord[];
  /** Per scenario id: bookmarked moments (ms), ascending. */
  readonly bookmarks: Readonly<Record<string, readonly number[]>>;
}

export interface ProgressStore extends Progress {
  /** Why saved progress was discarded when the app opened, or null. */
  readonly restoreProblem: string | null;
  completeStep(lesson: string, step: number): void;
  recordAnswer(question: string, right: boolean): void;
  recordQuiz(score: number, total: number, at: number): void;
  toggleBookmark(scenario: string, timeMs: number): void;
  clearBookmarks(scenario: string): void;
  /** Forgets lessons, answers and quizzes (bookmarks are an instructor's, and stay). */
  resetProgress(): void;
  acknowledgeRestoreProblem(): void;
}

const empty: Progress = { lessons: {}, answers: {}, quizzes: [], bookmarks: {} };

type Checked = { progress: Progress } | { problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

function checkIndexLists(v: unknown, field: string, max: number): Record<string, number[]> | string {
  if (!isRecord(v)) return `"${field}" is not an object`;
  const out: Record<string, number[]> = {};
  for (const [k, list] of Object.entries(v)) {
    if (!KEY.test(k)) return `"${field}" has a bad key "${k.slice(0, 30)}"`;
    if (!Array.isArray(list) || list.length > max || !list.every(isCount))
      return `"${field}.${k}" is not a list of whole numbers`;
    out[k] = [...new Set(list as number[])].sort((a, b) => a - b);
  }
  return out;
}

/** Checks saved progress (the parsed JSON of the persisted `state`). */
export function checkProgress(state: unknown): Checked {
  if (!isRecord(state)) return { problem: 'it is not an object' };
  const lessons = checkIndexLists(state.lessons, 'lessons', 100);
  if (typeof lessons === 'string') return { problem: lessons };
  const bookmarks = checkIndexLists(state.bookmarks, 'bookmarks', MAX_BOOKMARKS);
  if (typeof bookmarks === 'string') return { problem: bookmarks };
  if (!isRecord(state.answers)) return { problem: '"answers" is not an object' };
  const answers: Record<string, AnswerRecord> = {};
  for (const [k, a] of Object.entries(state.answers)) {
    if (!KEY.test(k)) return { problem: `"answers" has a bad key "${k.slice(0, 30)}"` };
    if (
      !isRecord(a) ||
      !isCount(a.tries) ||
      !isCount(a.right) ||
      a.right > a.tries ||
      typeof a.last !== 'boolean'
    )
      return { problem: `"answers.${k}" is not a record of tries, right answers and the last result` };
    answers[k] = { tries: a.tries, right: a.right, last: a.last };
  }
  if (!Array.isArray(state.quizzes)) return { problem: '"quizzes" is not a list' };
  const quizzes: QuizRecord[] = [];
  for (const [i, q] of state.quizzes.slice(0, MAX_QUIZZES).entries()) {
    if (!isRecord(q) || !isCount(q.score) || !isCount(q.total) || q.score > q.total || !isCount(q.at))
      return { problem: `"quizzes[${i}]" is not a score, a total and a time` };
    quizzes.push({ score: q.score, total: q.total, at: q.at });
  }
  return { progress: { lessons, answers, quizzes, bookmarks } };
}

let restoreProblem: string | null = null;

/** Reads and checks the saved progress; a broken save is removed and its problem remembered. */
function readSaved(storage: Storage | undefined): StorageValue<Progress> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  const problem = ((): string | StorageValue<Progress> => {
    if (raw.length > MAX_CHARS) return `it is too large (${raw.length} characters)`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return 'it is not valid JSON';
    }
    if (!isRecord(value)) return 'it is not an object';
    const version = value.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > VERSION)
      return `its version is ${JSON.stringify(version) ?? 'missing'}, not ${VERSION}`;
    const checked = checkProgress(value.state);
    if ('problem' in checked) return checked.problem;
    const lessons = migrateLessons(checked.progress.lessons, version);
    return { state: { ...checked.progress, lessons }, version: VERSION };
  })();
  if (typeof problem !== 'string') return problem;
  restoreProblem = `Your saved progress could not be read (${problem}); it was reset.`;
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing more to do
  }
  return null;
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export const useProgress = create<ProgressStore>()(
  persist(
    (set, get) => ({
      ...empty,
      restoreProblem: null,
      completeStep(lesson, step) {
        const done = get().lessons[lesson] ?? [];
        if (done.includes(step)) return;
        set({ lessons: { ...get().lessons, [lesson]: [...done, step].sort((a, b) => a - b) } });
      },
      recordAnswer(question, right) {
        const a = get().answers[question] ?? { tries: 0, right: 0, last: false };
        const next = { tries: a.tries + 1, right: a.right + (right ? 1 : 0), last: right };
        set({ answers: { ...get().answers, [question]: next } });
      },
      recordQuiz(score, total, at) {
        set({ quizzes: [{ score, total, at }, ...get().quizzes].slice(0, MAX_QUIZZES) });
      },
      toggleBookmark(scenario, timeMs) {
        const list = get().bookmarks[scenario] ?? [];
        const next = list.includes(timeMs)
          ? list.filter((t) => t !== timeMs)
          : [...list, timeMs].sort((a, b) => a - b).slice(0, MAX_BOOKMARKS);
        set({ bookmarks: { ...get().bookmarks, [scenario]: next } });
      },
      clearBookmarks(scenario) {
        const { [scenario]: _, ...rest } = get().bookmarks;
        set({ bookmarks: rest });
      },
      resetProgress() {
        set({ lessons: {}, answers: {}, quizzes: [] });
      },
      acknowledgeRestoreProblem() {
        set({ restoreProblem: null });
      },
    }),
    {
      name: PROGRESS_KEY,
      version: VERSION,
      storage: {
        getItem: () => readSaved(browserStorage()),
        setItem: (name, value) => {
          try {
            browserStorage()?.setItem(name, JSON.stringify(value));
          } catch {
            // Storage full or refused (private mode): progress lives for this visit only.
          }
        },
        removeItem: (name) => {
          try {
            browserStorage()?.removeItem(name);
          } catch {
            // nothing to do
          }
        },
      },
      partialize: (s): Progress => ({
        lessons: s.lessons,
        answers: s.answers,
        quizzes: s.quizzes,
        bookmarks: s.bookmarks,
      }),
    },
  ),
);

// Storage is synchronous, so hydration has happened by now: surface a discarded save.
if (restoreProblem) useProgress.setState({ restoreProblem });

/** Re-reads saved progress (tests; a second tab). */
export async function rehydrateProgress(): Promise<void> {
  restoreProblem = null;
  await useProgress.persist.rehydrate();
  useProgress.setState({ restoreProblem });
}
