import { useEffect } from 'react';
import { useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { batchStepTick } from './batchStep';
import { Playback } from './playback';

/** Targets that handle these keys themselves. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"], dialog')) return true;
  return (key === ' ' || key === 'Enter') && target.closest('button, [role="button"], a[href]') !== null;
}

/** Space play/pause, ←/→ step, Home/End, +/− speed, ? shortcuts. */
export function useShortcuts(openHelp: () => void): void {
  const actor = Playback.useActorRef();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
      // The simulator's keys work where the simulator is shown (not on the lesson list or questions).
      const page = useRoute.getState().route.page;
      if (page !== 'sim' && page !== 'lesson') return;
      const send = actor.send;
      switch (e.key) {
        case ' ':
          send({ type: 'TOGGLE' });
          break;
        case 'ArrowRight':
          send({ type: 'STEP_FORWARD' });
          break;
        case 'ArrowLeft':
          send({ type: 'STEP_BACK' });
          break;
        case 'Home':
          send({ type: 'RESET' });
          break;
        case 'End':
          send({ type: 'SEEK', tick: useSim.getState().sim.lastTick });
          break;
        case '+':
        case '=':
          send({ type: 'SPEED_UP' });
          break;
        case '-':
        case '_':
          send({ type: 'SPEED_DOWN' });
          break;
        case '?':
          openHelp();
          break;
        case ']':
        case '[': {
          const tick = batchStepTick(useSim.getState().sim, e.key === ']' ? 1 : -1);
          if (tick === null) return;
          send({ type: 'SEEK', tick });
          break;
        }
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor, openHelp]);
}

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'Play / pause'],
  ['→', 'Step forward one tick'],
  ['←', 'Step back one tick'],
  ['Home', 'Back to the start'],
  ['End', 'Jump to the end'],
  ['+ / −', 'Faster / slower (0.25× to 16×)'],
  ['Tab, then ← → ↑ ↓', 'Move between tuples in the lanes'],
  ['Enter', 'Inspect the focused tuple'],
  ['[ / ]', 'Previous / next Spark Streaming batch'],
  ['M', 'Bookmark this moment (or remove the bookmark)'],
  [
    'P',
    'Presenter mode: PageDown / PageUp next and previous bookmark or lesson step, K play, Q ask the room, B blank',
  ],
  ['?', 'Show these shortcuts'],
];
