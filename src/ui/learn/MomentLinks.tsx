import type { FrameRef, Topic } from '../../learn/types';
import { frameSearch } from '../../store/frameLink';
import { whenFound } from '../../viz/whenFound';
import { seconds } from '../shell/format';

/**
 * The views a question of each topic is about, best first (panel ids, ui/shell/App.tsx): the
 * embedded moment opens scrolled to the first one the scenario has (issue 20: it opened on the
 * producer counters, with the view the question needs below the fold).
 */
export const VIEWS_OF_TOPIC: Readonly<Record<Topic, readonly string[]>> = {
  'dbms-vs-streams': ['dbms', 'producers'],
  tuples: ['producers'],
  'event-time': ['producers'],
  watermarks: ['etplot', 'qprogress', 'producers'],
  windows: ['wresults', 'etplot', 'dstream'],
  messaging: ['queue', 'messaging'],
  'kafka-log': ['broker', 'producers'],
  replication: ['broker'],
  'consumer-groups': ['consumers', 'broker'],
  dstreams: ['dstream', 'metrics'],
  stateful: ['stateinspector', 'dstream'],
  checkpointing: ['recovery', 'checkpoints', 'dstream'],
  'structured-streaming': ['qprogress', 'qstate'],
};

/**
 * Scrolls the embedded simulator to the first view of the topic it has. Views load lazily, so it
 * looks again for a moment until one is there.
 */
function revealView(frame: HTMLIFrameElement, topic: Topic): void {
  whenFound(
    () =>
      VIEWS_OF_TOPIC[topic]
        .map((id) => frame.contentDocument?.querySelector<HTMLElement>(`.workspace__main .panel.${id}`))
        .find((el) => el !== null && el !== undefined),
    (view) => view.scrollIntoView({ block: 'start' }),
    30,
  );
}

/**
 * The question's moment, live: the scenario frozen where the question asks (embedded, so the learner
 * can look around the views), and once answered, the run at the moment that shows the outcome.
 */
export function MomentLinks({
  frame,
  runToMs,
  answered,
  topic,
}: {
  frame: FrameRef;
  runToMs: number;
  answered: boolean;
  topic: Topic;
}) {
  const at = frame.timeMs ?? 0;
  const shown = answered ? { ...frame, timeMs: runToMs } : frame;
  return (
    <figure className="question__moment">
      <iframe
        className="question__frame"
        title={
          answered
            ? `The run at ${seconds(runToMs)}, where the outcome shows`
            : `The scenario at ${seconds(at)}, the moment of the question`
        }
        src={`${frameSearch(shown)}&embed=1#/`}
        loading="lazy"
        onLoad={(e) => revealView(e.currentTarget, topic)}
      />
      <figcaption>
        {answered ? (
          <>
            The run at {seconds(runToMs)}, after the question’s moment ({seconds(at)}).{' '}
            <a href={`${frameSearch(shown)}#/`} target="_blank" rel="noopener">
              Run it to {seconds(runToMs)} and see why
            </a>{' '}
            in the full simulator.
          </>
        ) : (
          <>
            The scenario at {seconds(at)}, the moment of the question: look around, but answer before you run
            ahead.{' '}
            <a href={`${frameSearch(frame)}#/`} target="_blank" rel="noopener">
              Look at the moment ({seconds(at)}) in the simulator
            </a>
            .
          </>
        )}
      </figcaption>
    </figure>
  );
}
