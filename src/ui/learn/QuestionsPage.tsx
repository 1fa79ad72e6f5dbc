import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { findQuestion, lessonOfTopic, questions } from '../../learn';
import { ask, pickQuiz } from '../../learn/sitting';
import { type Question, TOPICS } from '../../learn/types';
import { type QuizItem, quizMachine } from '../../machines/quiz';
import { frameSearch } from '../../store/frameLink';
import { useProgress } from '../../store/progress';
import { formatRoute, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { replaceRoute } from '../shell/navigate';
import { ResetProgress } from './LessonsPage';
import { type Answered, answerText, QuestionCard } from './QuestionCard';
import { RichText } from './RichText';
import './kicker.css';
import './pages.css';
import './QuestionsPage.css';

/** The quiz machine saving answers and scores in the learner's progress. */
const appQuizMachine = quizMachine.provide({
  actions: {
    record: (_, { question, right }) => useProgress.getState().recordAnswer(question, right),
    finish: (_, { score, total }) => useProgress.getState().recordQuiz(score, total, Date.now()),
  },
});

const QUIZ_LENGTH = 10;

/** Review questions: the bank by topic, practice one by one, or a scored quiz. */
export default function QuestionsPage() {
  const route = useRoute((s) => s.route);
  return (
    <main className="page">
      <section className="page__body" aria-labelledby="questions-title">
        {route.page === 'question' ? (
          <Practice key={`${route.question}/${route.seed}`} id={route.question} seed={route.seed} />
        ) : route.page === 'quiz' ? (
          <Quiz />
        ) : (
          <Overview />
        )}
      </section>
    </main>
  );
}

function titleOf(q: Question): string {
  if (q.kind === 'predict') return q.title;
  return q.prompt.length > 110 ? `${q.prompt.slice(0, 108)}…` : q.prompt;
}

const KIND_LABELS: Record<Question['kind'], string> = {
  choice: 'Multiple choice',
  numeric: 'Number',
  short: 'Short answer',
  order: 'Put in order',
  predict: 'Predict, then run',
};

function Overview() {
  const answers = useProgress((s) => s.answers);
  const quizzes = useProgress((s) => s.quizzes);
  const tried = questions.filter((q) => answers[q.id]).length;
  const right = questions.filter((q) => answers[q.id]?.last).length;
  return (
    <>
      <header className="page__head">
        <h1 id="questions-title">Review questions</h1>
        <p className="muted">
          {questions.length} questions over {TOPICS.length} topics. Predict-then-run questions are built by
          the simulator from a seed: the answer is computed by the engine, and each new try is a fresh
          variant. You have answered {tried}; {right} right the last time.
        </p>
        <p className="page__actions">
          <a className="button button--primary" href={formatRoute({ page: 'quiz' })}>
            Start a quiz ({QUIZ_LENGTH} questions)
          </a>
          {quizzes[0] && (
            <span className="muted">
              Last quiz: {quizzes[0].score} of {quizzes[0].total}
              {quizzes.length > 1 ? `; best ${Math.max(...quizzes.map((q) => q.score))}` : ''}.
            </span>
          )}
        </p>
      </header>
      {TOPICS.map((t) => {
        const list = questions.filter((q) => q.topic === t.id);
        const first = list[0];
        return (
          <section key={t.id} className="topic" aria-labelledby={`topic-${t.id}`}>
            <header className="topic__head">
              <h2 id={`topic-${t.id}`}>{t.title}</h2>
              {first && (
                <a
                  className="button"
                  href={formatRoute({ page: 'question', question: first.id, seed: 1 })}
                  aria-label={`Practise: ${t.title}`}
                >
                  Practise
                </a>
              )}
            </header>
            <ul className="topic__list">
              {list.map((q) => {
                const a = answers[q.id];
                const mark = !a ? 'not tried' : a.last ? 'right last time' : 'wrong last time';
                return (
                  <li key={q.id} className={a ? (a.last ? 'is-right' : 'is-wrong') : undefined}>
                    <span className="topic__mark" aria-hidden="true">
                      {!a ? '○' : a.last ? '✓' : '✗'}
                    </span>
                    <a href={formatRoute({ page: 'question', question: q.id, seed: 1 })}>
                      <RichText text={titleOf(q)} />
                    </a>
                    <span className="topic__kind">
                      {KIND_LABELS[q.kind]}
                      <span className="sr-only">, {mark}</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <ResetProgress />
    </>
  );
}

/** Practice: one question after another in its topic, with a hint, instant feedback and fresh variants. */
function Practice({ id, seed }: { id: string; seed: number }) {
  const start = findQuestion(id);
  const notify = useSim((s) => s.notify);
  const items = useMemo<QuizItem[]>(() => {
    if (!start) return [];
    const topic = questions.filter((q) => q.topic === start.topic);
    const from = topic.indexOf(start);
    return [start, ...topic.slice(from + 1)].map((q, i) => ({ question: q.id, seed: i === 0 ? seed : 1 }));
  }, [start, seed]);
  const [state, send] = useMachine(appQuizMachine);
  const [answered, setAnswered] = useState<Answered | null>(null);
  useEffect(() => send({ type: 'START', mode: 'practice', items }), [send, items]);
  const item = state.context.items[state.context.index] ?? items[0];
  const q = item ? findQuestion(item.question) : undefined;
  const itemSeed = item?.seed ?? 1;
  // A predict-then-run variant runs the engine: build it once per question and seed, not per render.
  const asked = useMemo(() => (q ? ask(q, itemSeed) : null), [q, itemSeed]);
  // Keep the address on the question shown, so a reload or a shared link lands on it.
  const here = q ? formatRoute({ page: 'question', question: q.id, seed: itemSeed }) : null;
  useEffect(() => {
    if (here) replaceRoute(here);
  }, [here]);
  if (!start) return <Missing id={id} notify={notify} />;
  if (state.matches('idle')) return null;
  const topicTitle = TOPICS.find((t) => t.id === start.topic)?.title ?? '';
  const heading = (
    <header className="page__head">
      <p className="lessondock__kicker">
        <a href="#/questions">Review questions</a> › Practise: {topicTitle}
      </p>
      <h1 id="questions-title" className="sr-only">
        Review questions
      </h1>
    </header>
  );
  if (state.matches('finished') || !q || !item || !asked) {
    const right = state.context.results.filter((r) => r.right).length;
    return (
      <>
        {heading}
        <div className="question">
          <h2>Topic done</h2>
          <p>
            You answered {state.context.results.length} questions on {topicTitle.toLowerCase()}; {right}{' '}
            right.
          </p>
          <p className="page__actions">
            <a className="button" href="#/questions">
              All questions
            </a>
            <a className="button button--primary" href={formatRoute({ page: 'quiz' })}>
              Take a quiz
            </a>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      {heading}
      <QuestionCard
        key={`${state.context.index}/${item.question}/${item.seed}`}
        question={asked.question}
        instance={asked.instance}
        seed={item.seed}
        feedback
        answered={state.matches('feedback') ? answered : null}
        number={`Question ${state.context.index + 1} of ${state.context.items.length} in this topic`}
        onAnswer={(a) => {
          setAnswered(a);
          send({ type: 'ANSWER', right: a.right });
        }}
      />
      {state.matches('feedback') && (
        <p className="page__actions">
          <button type="button" className="button button--primary" onClick={() => send({ type: 'NEXT' })}>
            {state.context.index + 1 < state.context.items.length ? 'Next question →' : 'Finish the topic'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => send({ type: 'AGAIN', seed: item.seed + 1 })}
          >
            {q.kind === 'predict' ? 'Practise again with a new variant' : 'Try it again'}
          </button>
        </p>
      )}
    </>
  );
}

function Missing({ id, notify }: { id: string; notify: (t: string) => void }) {
  useEffect(() => notify(`There is no review question "${id}"; here are all of them.`), [id, notify]);
  return <Overview />;
}

/** A quiz: ten questions, no feedback until the end, then the score and a review of mistakes. */
function Quiz() {
  const [seed] = useState(() => Date.now() % 1_000_000_007);
  const items = useMemo(() => pickQuiz(questions, seed, QUIZ_LENGTH), [seed]);
  const [state, send] = useMachine(appQuizMachine);
  const [responses, setResponses] = useState<Answered[]>([]);
  useEffect(() => send({ type: 'START', mode: 'quiz', items }), [send, items]);
  const { index, results } = state.context;
  const item = state.context.items[index];
  const q = item ? findQuestion(item.question) : undefined;
  const itemSeed = item?.seed ?? 1;
  const asked = useMemo(() => (q ? ask(q, itemSeed) : null), [q, itemSeed]);
  if (state.matches('idle')) return null;
  const head = (
    <header className="page__head">
      <p className="lessondock__kicker">
        <a href="#/questions">Review questions</a> › Quiz
      </p>
      <h1 id="questions-title">Quiz</h1>
    </header>
  );
  if (state.matches('finished')) {
    const score = results.filter((r) => r.right).length;
    return (
      <>
        {head}
        <div className="question quiz-score" role="status">
          <h2>
            Your score: {score} of {results.length}
          </h2>
          <p>{score === results.length ? 'Every answer right.' : 'Here is what to look at again.'}</p>
        </div>
        <ol className="review">
          {results.map((r, i) => {
            if (r.right) return null;
            const q = findQuestion(r.question);
            if (!q) return null;
            const asked = ask(q, r.seed);
            const given = responses[i];
            return (
              <li key={`${r.question}/${r.seed}`} className="review__item">
                <h3>
                  <RichText text={asked.question.prompt} />
                </h3>
                {given && <p className="review__given">Your answer: {givenText(asked.question, given)}</p>}
                <p>
                  <strong>The answer: </strong>
                  <RichText text={answerText(asked.question)} />
                </p>
                <p>
                  <RichText text={asked.question.explanation} />
                </p>
                <ExplainLink asked={asked} />
              </li>
            );
          })}
        </ol>
        <p className="page__actions">
          <a className="button" href="#/questions">
            All questions
          </a>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Another quiz
          </button>
        </p>
      </>
    );
  }
  if (!item || !asked) return head;
  return (
    <>
      {head}
      <QuestionCard
        key={`${index}/${item.question}`}
        question={asked.question}
        instance={asked.instance}
        seed={item.seed}
        feedback={false}
        answered={null}
        number={`Question ${index + 1} of ${state.context.items.length}`}
        onAnswer={(a) => {
          setResponses((list) => [...list, a]);
          send({ type: 'ANSWER', right: a.right });
        }}
      />
    </>
  );
}

function givenText(q: ReturnType<typeof ask>['question'], a: Answered): string {
  if (q.kind === 'choice' && typeof a.response === 'number') return q.options[a.response]?.text ?? '';
  if (q.kind === 'order' && Array.isArray(a.response)) return a.response.map((i) => q.items[i]).join(' → ');
  return String(a.response);
}

/** Where a mistake is explained: the run at the moment that shows it, or the topic's lesson. */
function ExplainLink({ asked }: { asked: ReturnType<typeof ask> }) {
  if (asked.instance) {
    const frame = { ...asked.instance.frame, timeMs: asked.instance.runToMs };
    return (
      <a href={`${frameSearch(frame)}#/`} target="_blank" rel="noopener">
        See it happen in the simulator
      </a>
    );
  }
  if (asked.question.frame) {
    return (
      <a href={`${frameSearch(asked.question.frame)}#/`} target="_blank" rel="noopener">
        See it in the simulator
      </a>
    );
  }
  const lesson = lessonOfTopic(asked.question.topic);
  return lesson ? (
    <a href={formatRoute({ page: 'lesson', lesson: lesson.id, step: 0 })}>
      Revisit the lesson: {lesson.title}
    </a>
  ) : null;
}
