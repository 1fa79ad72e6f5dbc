import { useShallow } from 'zustand/react/shallow';
import { tickOfTime } from '../../engine';
import { useProgress } from '../../store/progress';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import { Playback } from './playback';
import './Bookmarks.css';

const NONE: readonly number[] = [];

/** An instructor's prepared moments on this scenario's timeline (M toggles one at the current time). */
export function Bookmarks() {
  const { presetId, timeMs, tickMs } = useSim(
    useShallow((s) => ({ presetId: s.presetId, timeMs: s.sim.timeMs, tickMs: s.sim.scenario.spec.tickMs })),
  );
  const marks = useProgress((s) => s.bookmarks[presetId] ?? NONE);
  const toggle = useProgress((s) => s.toggleBookmark);
  const actor = Playback.useActorRef();
  const here = marks.includes(timeMs);
  return (
    <fieldset className="bookmarks">
      <legend className="sr-only">Bookmarks</legend>
      <button
        type="button"
        className="button button--quiet bookmarks__toggle"
        aria-pressed={here}
        aria-keyshortcuts="M"
        onClick={() => toggle(presetId, timeMs)}
        title="Bookmark this moment (M); in presenter mode PageDown and PageUp jump between bookmarks"
      >
        {here ? 'Bookmarked' : 'Bookmark'} <kbd>M</kbd>
      </button>
      {marks.length > 0 && (
        <ol className="bookmarks__list">
          {marks.map((ms) => (
            <li key={ms}>
              <button
                type="button"
                className="bookmarks__mark"
                aria-current={ms === timeMs ? 'true' : undefined}
                onClick={() => actor.send({ type: 'SEEK', tick: tickOfTime(ms, tickMs) })}
              >
                <span className="sr-only">Jump to bookmark at </span>
                {seconds(ms)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </fieldset>
  );
}
