import { useId, useMemo, useState } from 'react';
import { checkStatic } from '../../learn/bank/answers';
import { shuffledOrder } from '../../learn/sitting';
import type { PredictInstance, StaticQuestion } from '../../learn/types';
import { MomentLinks } from './MomentLinks';
import { RichText } from './RichText';
import './QuestionCard.css';

export type Response = number | string | readonly number[];

export interface Answered {
  readonly response: Response;
  readonly right: boolean;
}

/**
 * One question: the prompt, the input its kind needs, and (once answered, when `feedback` is on)
 * whether it was right, why each choice is right or wrong, and the explanation.
 */
export function QuestionCard({
  question,
  instance,
  seed,
  feedback,
  answered,
  onAnswer,
  number,
}: {
  question: StaticQuestion;
  instance: PredictInstance | null;
  seed: number;
  /** Practice: show the result at once, and offer a hint before. */
  feedback: boolean;
  answered: Answered | null;
  onAnswer: (a: Answered) => void;
  /** "Question 3 of 10" and similar. */
  number?: string;
}) {
  const id = useId();
  const [hint, setHint] = useState(false);
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const start = useMemo(
    () => (question.kind === 'order' ? shuffledOrder(question.items.length, seed) : []),
    [question, seed],
  );
  const [order, setOrder] = useState<readonly number[]>(start);
  const [problem, setProblem] = useState<string | null>(null);
  const locked = answered !== null;

  const submit = () => {
    let response: Response;
    if (question.kind === 'choice') {
      if (choice === null) return setProblem('Choose one of the answers first.');
      response = choice;
    } else if (question.kind === 'numeric') {
      const value = Number(text.trim().replace(',', '.'));
      if (text.trim() === '' || !Number.isFinite(value))
        return setProblem('Type a number, for example 12 or 3.5.');
      response = value;
    } else if (question.kind === 'short') {
      if (text.trim() === '') return setProblem('Type your answer first.');
      response = text;
    } else response = order;
    setProblem(null);
    onAnswer({ response, right: checkStatic(question, response) });
  };

  const move = (at: number, by: -1 | 1) => {
    const next = [...order];
    const to = at + by;
    if (to < 0 || to >= next.length) return;
    [next[at], next[to]] = [next[to] as number, next[at] as number];
    setOrder(next);
  };

  return (
    <article className="question" aria-labelledby={`${id}-prompt`}>
      {number && <p className="question__number">{number}</p>}
      <h2 id={`${id}-prompt`} className="question__prompt">
        <RichText text={question.prompt} />
      </h2>
      {instance && (
        <MomentLinks
          frame={instance.frame}
          runToMs={instance.runToMs}
          answered={locked}
          topic={question.topic}
        />
      )}
      <form
        className="question__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!locked) submit();
        }}
      >
        {question.kind === 'choice' && (
          <fieldset className="question__choices" disabled={locked}>
            <legend className="sr-only">Answers</legend>
            {question.options.map((o, i) => (
              <label key={o.text} className={optionClass(question.answer, i, answered, feedback)}>
                <input
                  type="radio"
                  name={`${id}-choice`}
                  checked={choice === i}
                  onChange={() => setChoice(i)}
                />
                <RichText text={o.text} />
                {feedback && answered && i === question.answer && (
                  <span className="question__mark"> — right answer</span>
                )}
              </label>
            ))}
          </fieldset>
        )}
        {(question.kind === 'numeric' || question.kind === 'short') && (
          <label className="question__text">
            <span className="sr-only">Your answer</span>
            <input
              value={text}
              disabled={locked}
              inputMode={question.kind === 'numeric' ? 'decimal' : 'text'}
              autoComplete="off"
              onChange={(e) => setText(e.currentTarget.value)}
              aria-describedby={problem ? `${id}-problem` : undefined}
              aria-invalid={problem ? true : undefined}
            />
            {question.kind === 'numeric' && question.unit && <span>{question.unit}</span>}
          </label>
        )}
        {question.kind === 'order' && (
          <ol className="question__order" aria-label="Your order (first at the top)">
            {order.map((item, at) => (
              <li key={item}>
                <span className="question__item-text">
                  <RichText text={question.items[item] as string} />
                </span>
                <span className="question__move">
                  <button
                    type="button"
                    className="icon-button"
                    disabled={locked || at === 0}
                    onClick={() => move(at, -1)}
                    aria-label={`Move up: ${question.items[item]}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={locked || at === order.length - 1}
                    onClick={() => move(at, 1)}
                    aria-label={`Move down: ${question.items[item]}`}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {problem && (
          <p id={`${id}-problem`} className="question__problem" role="alert">
            {problem}
          </p>
        )}
        {!locked && (
          <div className="question__actions">
            <button type="submit" className="button button--primary">
              {feedback ? 'Check answer' : 'Submit answer'}
            </button>
            {feedback &&
              (hint ? (
                <p className="question__hint">
                  <strong>Hint: </strong>
                  <RichText text={question.hint} />
                </p>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => setHint(true)}>
                  Show a hint
                </button>
              ))}
          </div>
        )}
      </form>
      {feedback && answered && <Feedback question={question} answered={answered} />}
    </article>
  );
}

function optionClass(answer: number, i: number, answered: Answered | null, feedback: boolean): string {
  if (!answered || !feedback) return 'question__choice';
  if (i === answer) return 'question__choice is-right';
  return answered.response === i ? 'question__choice is-wrong' : 'question__choice';
}

/** Right or not, why, and the right answer. */
export function Feedback({ question, answered }: { question: StaticQuestion; answered: Answered }) {
  const chosen =
    question.kind === 'choice' && typeof answered.response === 'number'
      ? question.options[answered.response]
      : undefined;
  return (
    <div className={`feedback${answered.right ? ' is-right' : ' is-wrong'}`} role="status">
      <p className="feedback__verdict">{answered.right ? '✓ Right.' : '✗ Not quite.'}</p>
      {chosen && (
        <p>
          <RichText text={answered.right ? withoutVerdict(chosen.why) : chosen.why} />
        </p>
      )}
      {!answered.right && (
        <p>
          <strong>The answer: </strong>
          <RichText text={answerText(question)} />
        </p>
      )}
      <p>
        <RichText text={question.explanation} />
      </p>
    </div>
  );
}

/** The right option's why without its own “Right:”, which the verdict above already says. */
export function withoutVerdict(why: string): string {
  const rest = why.replace(/^Right[:.,!]?\s+/, '');
  return rest === why ? why : rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function answerText(q: StaticQuestion): string {
  switch (q.kind) {
    case 'choice':
      return q.options[q.answer]?.text ?? '';
    case 'numeric':
      return `${q.answer}${q.unit ? ` ${q.unit}` : ''}`;
    case 'short':
      return q.accept[0] ?? '';
    case 'order':
      return q.items.join(' → ');
  }
}
