import { useEffect, useState } from 'react';
import { findLesson, lessons } from '../../learn';
import type { Lesson } from '../../learn/types';
import { findPreset } from '../../scenarios/presets';
import { frameSearch, taskContextOf } from '../../store/frameLink';
import { useProgress } from '../../store/progress';
import { formatRoute, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { whenFound } from '../../viz/whenFound';
import { navigate, takeLinkedLessonFrame } from '../shell/navigate';
import { Playback } from '../transport/playback';
import { RichText } from './RichText';
import './kicker.css';
import './spotlight.css';
import './LessonDock.css';

/** A lesson step over the simulator: its text, the views it points at, and its "try it" task. */
export default function LessonDock() {
  const route = useRoute((s) => s.route);
  const lessonId = route.page === 'lesson' ? route.lesson : '';
  const lesson = findLesson(lessonId);
  const notify = useSim((s) => s.notify);
  useEffect(() => {
    if (!lesson) {
      notify(`There is no lesson "${lessonId}"; here is the list of lessons.`);
      navigate({ page: 'lessons' });
    }
  }, [lesson, lessonId, notify]);
  if (!lesson || route.page !== 'lesson') return null;
  const step = Math.min(route.step, lesson.steps.length - 1);
  return <Step key={`${lesson.id}/${step}`} lesson={lesson} step={step} requested={route.step} />;
}

function Step({ lesson, step, requested }: { lesson: Lesson; step: number; requested: number }) {
  const s = lesson.steps[step];
  const actor = Playback.useActorRef();
  const openLink = useSim((x) => x.openLink);
  const notify = useSim((x) => x.notify);
  const completeStep = useProgress((x) => x.completeStep);
  const done = useProgress((x) => x.lessons[lesson.id]);
  const [hint, setHint] = useState(false);
  const taskDone = useSim((x) => (s?.task ? s.task.check(taskContextOf(x)) : true));
  // Another scenario chosen in the middle of the step: its views and task do not apply (issue 20).
  const elsewhere = useSim((x) => s !== undefined && x.presetId !== s.frame.scenario);
  const open = () => {
    if (!s) return;
    actor.send({ type: 'PAUSE' });
    openLink(frameSearch(s.frame));
    actor.send({ type: 'LOADED' });
  };
  // Entering a step opens its moment (unless a shared link to this step brought its own).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per step (the component is keyed by it)
  useEffect(() => {
    if (requested !== step)
      notify(`Lesson "${lesson.title}" has ${lesson.steps.length} steps; showing the last.`);
    if (!takeLinkedLessonFrame()) open();
    // (The spotlight is set by the effect below, which also follows a change of scenario.)
    // Bring the first view the step points at into sight (the dock itself stays in the side column);
    // on a narrow screen the step's text comes first (App.css): open at it, not past it at the view.
    const narrow = window.matchMedia('(max-width: 1100px)').matches;
    const stop = whenFound(
      () => document.querySelector(narrow ? '.lessondock' : '.workspace__main .panel.is-spotlit'),
      (view) => {
        const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        view.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
      },
    );
    return () => {
      stop();
      useRoute.getState().setSpotlight(null);
    };
  }, []);
  useEffect(() => {
    if (taskDone) completeStep(lesson.id, step);
  }, [taskDone, completeStep, lesson.id, step]);
  // Over another scenario nothing is greyed out: the spotlight would point at views it may not have.
  useEffect(() => {
    useRoute.getState().setSpotlight(elsewhere ? null : (s?.highlight ?? null));
  }, [elsewhere, s]);
  if (!s) return null;
  const index = lessons.indexOf(lesson);
  const last = step === lesson.steps.length - 1;
  const nextLesson = lessons[index + 1];
  return (
    <section className="lessondock" aria-labelledby="lesson-step-title">
      <header className="lessondock__head">
        <p className="lessondock__kicker">
          <a href="#/lessons">Lessons</a> › Lesson {index + 1}: {lesson.title}
        </p>
        <ol className="lessondock__steps" aria-label="Steps">
          {lesson.steps.map((x, i) => (
            <li key={x.title}>
              <a
                href={formatRoute({ page: 'lesson', lesson: lesson.id, step: i })}
                aria-current={i === step ? 'step' : undefined}
                className={done?.includes(i) ? 'is-done' : undefined}
                title={x.title}
              >
                <span className="sr-only">
                  Step {i + 1}: {x.title}
                  {done?.includes(i) ? ' (done)' : ''}
                </span>
                <span aria-hidden="true">{done?.includes(i) ? '✓' : i + 1}</span>
              </a>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the lesson"
          onClick={() => navigate({ page: 'sim' })}
        >
          ×
        </button>
      </header>
      <h2 id="lesson-step-title">
        Step {step + 1} of {lesson.steps.length}: {s.title}
      </h2>
      {elsewhere && (
        <div className="lessondock__elsewhere" role="alert">
          <p>
            This step runs on the scenario “{findPreset(s.frame.scenario)?.scenario.name ?? s.frame.scenario}
            ”; the simulator now shows another one, so the step’s views and task do not apply here.
          </p>
          <p className="lessondock__elsewhere-actions">
            <button type="button" className="button button--primary" onClick={open}>
              Reopen the step’s scenario
            </button>
            <button type="button" className="button" onClick={() => navigate({ page: 'sim' })}>
              Leave the lesson
            </button>
          </p>
        </div>
      )}
      <div className="lessondock__body">
        {s.body.map((p) => (
          <p key={p}>
            <RichText text={p} />
          </p>
        ))}
      </div>
      {s.task && (
        <fieldset className={`lessondock__task${taskDone ? ' is-done' : ''}`}>
          <legend className="sr-only">Try it</legend>
          <p>
            <strong>Try it: </strong>
            <RichText text={s.task.text} />
          </p>
          <p className="lessondock__status" role="status">
            {taskDone ? '✓ Done — well spotted.' : 'Not done yet.'}
          </p>
          {!taskDone &&
            (hint ? (
              <p className="lessondock__hint">
                <RichText text={s.task.hint} />
              </p>
            ) : (
              <button type="button" className="button button--quiet" onClick={() => setHint(true)}>
                Show a hint
              </button>
            ))}
        </fieldset>
      )}
      <footer className="lessondock__nav">
        <button
          type="button"
          className="button"
          disabled={step === 0}
          onClick={() => navigate({ page: 'lesson', lesson: lesson.id, step: step - 1 })}
        >
          ← Previous step
        </button>
        <button type="button" className="button button--quiet" onClick={open}>
          Reopen the moment
        </button>
        {last ? (
          nextLesson ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ page: 'lesson', lesson: nextLesson.id, step: 0 })}
            >
              Next lesson: {nextLesson.title} →
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ page: 'lessons' })}
            >
              Back to the lessons
            </button>
          )
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ page: 'lesson', lesson: lesson.id, step: step + 1 })}
          >
            Next step →
          </button>
        )}
      </footer>
    </section>
  );
}
