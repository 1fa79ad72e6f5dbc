import { useState } from 'react';
import { loadSession } from '../../store/session';
import { useSim } from '../../store/simStore';
import { Playback } from '../transport/playback';
import { navigate } from './navigate';
import { browserStorage } from './session';
import './Welcome.css';

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

const firstVisit = typeof window !== 'undefined' && isFirstVisit(window.location, browserStorage());

function dismiss(): void {
  try {
    browserStorage()?.setItem(WELCOME_KEY, 'dismissed');
  } catch {
    // Storage refused: the panel stays away for this visit only.
  }
}

/** A first visit's way in: what Streamscope is, and three places to start. */
export function Welcome() {
  const [open, setOpen] = useState(firstVisit);
  const actor = Playback.useActorRef();
  if (!open) return null;
  const close = () => {
    dismiss();
    setOpen(false);
  };
  return (
    <section className="welcome panel" aria-labelledby="welcome-title">
      <div className="welcome__text">
        <h2 id="welcome-title">Welcome to Streamscope</h2>
        <p>
          Streamscope simulates stream processing in your browser: producers, a Kafka log, Spark and Flink,
          with every tuple, offset, window, state store and checkpoint on show. Step through time, go back,
          break things, and see what the real systems would do.
        </p>
        <div className="welcome__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              close();
              navigate({ page: 'lesson', lesson: FIRST_LESSON, step: 0 });
            }}
          >
            Start the first lesson
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              useSim.getState().load(EXPLORE_PRESET);
              actor.send({ type: 'LOADED' });
            }}
          >
            Explore a scenario
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              close();
              navigate({ page: 'questions' });
            }}
          >
            Review questions
          </button>
        </div>
        <p className="welcome__keys muted">
          Keyboard: <kbd>Space</kbd> plays and pauses, <kbd>←</kbd> <kbd>→</kbd> step, <kbd>?</kbd> lists
          every shortcut.
        </p>
      </div>
      <button
        type="button"
        className="icon-button welcome__close"
        aria-label="Close the welcome"
        onClick={close}
      >
        ×
      </button>
    </section>
  );
}
