// The room ui/learn: the learning pages (lessons, the lesson dock over the simulator, review questions and
// quizzes); loaded lazily.
import { useState } from 'react';
import { lessons } from '../../learn';
import { useProgress } from '../../store/progress';
import { formatRoute } from '../../store/route';
import './pages.css';
import './LessonsPage.css';

/** The lesson index: one guided lesson per topic, with the learner's progress. */
export default function LessonsPage() {
  const done = useProgress((s) => s.lessons);
  const finished = lessons.filter((l) => (done[l.id]?.length ?? 0) >= l.steps.length).length;
  return (
    <main className="page">
      <section className="page__body" aria-labelledby="lessons-title">
        <header className="page__head">
          <h1 id="lessons-title">Lessons</h1>
          <p className="muted">
            {lessons.length} guided lessons, one per topic. Each opens the simulator at the right moment,
            points at the views that matter and asks you to try something. {finished} of {lessons.length}{' '}
            finished.
          </p>
        </header>
        <ol className="lesson-list">
          {lessons.map((lesson, i) => {
            const steps = done[lesson.id] ?? [];
            const complete = steps.length >= lesson.steps.length;
            const next = lesson.steps.findIndex((_, k) => !steps.includes(k));
            const href = formatRoute({ page: 'lesson', lesson: lesson.id, step: next === -1 ? 0 : next });
            return (
              <li key={lesson.id} className={`lesson-card${complete ? ' is-done' : ''}`}>
                <span className="lesson-card__n" aria-hidden="true">
                  {complete ? '✓' : i + 1}
                </span>
                <div className="lesson-card__text">
                  <h2>
                    <a className="lesson-card__link" href={href}>
                      {lesson.title}
                    </a>
                  </h2>
                  <p>{lesson.summary}</p>
                </div>
                <p className="lesson-card__progress">
                  <span className="sr-only">Progress: </span>
                  {complete ? 'Finished' : `${steps.length} of ${lesson.steps.length} steps`}
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${(100 * steps.length) / lesson.steps.length}%` }} />
                  </span>
                </p>
                <a
                  className="button"
                  href={href}
                  aria-label={`${actionOf(steps.length, complete)}: ${lesson.title}`}
                >
                  {actionOf(steps.length, complete)}
                </a>
              </li>
            );
          })}
        </ol>
        <ResetProgress />
      </section>
    </main>
  );
}

function actionOf(stepsDone: number, complete: boolean): string {
  if (complete) return 'Review';
  return stepsDone > 0 ? 'Continue' : 'Start';
}

/** Forgets lesson steps, answers and quiz scores, after a second press. */
export function ResetProgress() {
  const [asking, setAsking] = useState(false);
  const reset = useProgress((s) => s.resetProgress);
  return asking ? (
    <fieldset className="reset">
      <legend className="sr-only">Reset progress</legend>
      Forget every finished step, answer and quiz score in this browser?{' '}
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          reset();
          setAsking(false);
        }}
      >
        Yes, reset my progress
      </button>{' '}
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </fieldset>
  ) : (
    <p className="reset">
      <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        Reset progress…
      </button>
    </p>
  );
}
