import { useState } from 'react';
import { useSim } from '../../store/simStore';
import { Playback } from '../transport/playback';
import { navigate } from './navigate';
import { browserStorage } from './session';
import { EXPLORE_PRESET, FIRST_LESSON, firstVisit, WELCOME_KEY } from './welcomeVisit';
import './Welcome.css';

function dismiss(): void {
  try {
    browserStorage()?.setItem(WELCOME_KEY, 'dismissed');
  } catch {
    // Storage refused: the panel stays away for this visit only.
  }
}

/** A first visit's way in: what Streamscope is, and three places to start (loaded only then). */
export default function Welcome() {
  const [open, setOpen] = useState(firstVisit);
  const actor = Playback.useActorRef();
  if (!open) return null;
  const close = () => {
    dismiss();
    setOpen(false);
  };
  /** Every way out of the panel dismisses it for good, then goes where it says. */
  const then = (go: () => void) => () => {
    close();
    go();
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
            onClick={then(() => navigate({ page: 'lesson', lesson: FIRST_LESSON, step: 0 }))}
          >
            Start the first lesson
          </button>
          <button
            type="button"
            className="button"
            onClick={then(() => {
              useSim.getState().load(EXPLORE_PRESET);
              actor.send({ type: 'LOADED' });
            })}
          >
            Explore a scenario
          </button>
          <button type="button" className="button" onClick={then(() => navigate({ page: 'questions' }))}>
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
