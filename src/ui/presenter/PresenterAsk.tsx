import { useEffect, useRef } from 'react';
import { findLesson, roomQuestions } from '../../learn';
import { topicsOfPreset } from '../../learn/topics';
import type { Topic } from '../../learn/types';
import { useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { RichText } from '../learn/RichText';
import { useAskCount } from './askCount';
import './PresenterAsk.css';

const LETTERS = 'ABCDEFGH';

/** "Pause and ask": a question to the room, in large type; the answer shows on a key press. */
export default function PresenterAsk({ revealed }: { revealed: boolean }) {
  const count = useAskCount((s) => s.count);
  const presetId = useSim((s) => s.presetId);
  const route = useRoute((s) => s.route);
  const lessonTopic = route.page === 'lesson' ? findLesson(route.lesson)?.topic : undefined;
  const topics: readonly Topic[] = lessonTopic ? [lessonTopic] : topicsOfPreset(presetId);
  const pool = roomQuestions(topics);
  const q = pool[(count - 1 + pool.length) % pool.length];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (!q) return null;
  return (
    <div
      ref={ref}
      className="presenter-ask"
      role="dialog"
      aria-modal="true"
      aria-labelledby="ask-prompt"
      tabIndex={-1}
    >
      <p className="presenter-ask__kicker">Question for the room</p>
      <h2 id="ask-prompt">
        <RichText text={q.prompt} />
      </h2>
      <ol className="presenter-ask__options">
        {q.options.map((o, i) => (
          <li
            key={o.text}
            className={revealed ? (i === q.answer ? 'is-right' : 'is-other') : undefined}
            aria-label={revealed && i === q.answer ? `${o.text} (the answer)` : undefined}
          >
            <span className="presenter-ask__letter">{LETTERS[i]}</span>
            <RichText text={o.text} />
          </li>
        ))}
      </ol>
      {revealed ? (
        <p className="presenter-ask__explain">
          <strong>Answer {LETTERS[q.answer]}.</strong> <RichText text={q.explanation} />
        </p>
      ) : (
        <p className="presenter-ask__keys">
          Enter reveals the answer · Q another question · Esc back to the run
        </p>
      )}
    </div>
  );
}
