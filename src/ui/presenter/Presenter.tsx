// The room ui/presenter: presenter mode for lectures (large type, clicker keys between moments, blank
// screen, pause-and-ask).
import { createActorContext } from '@xstate/react';
import { lazy, type ReactNode, Suspense, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { presenterMachine } from '../../machines/presenter';
import { useProgress } from '../../store/progress';
import { useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import { navigate } from '../shell/navigate';
import { Playback } from '../transport/playback';
import { useAskCount } from './askCount';
import { nextMomentTick } from './moments';
import './Presenter.css';
import './presenterViews.css';

const PresenterAsk = lazy(() => import('./PresenterAsk'));

export const Presenter = createActorContext(presenterMachine);

/** Wires the presenter machine's effects to the app: full screen, prepared moments, lesson steps. */
export function PresenterProvider({ children }: { children: ReactNode }) {
  const playback = Playback.useActorRef();
  const logic = useMemo(() => {
    const move = (direction: 1 | -1) => {
      const { route } = useRoute.getState();
      if (route.page === 'lesson') {
        navigate({ ...route, step: Math.max(0, route.step + direction) });
        return;
      }
      const tick = nextMomentTick(direction);
      if (tick !== null) playback.send({ type: 'SEEK', tick });
    };
    return presenterMachine.provide({
      actions: {
        enterFullscreen: () => {
          document.documentElement.requestFullscreen?.().catch(() => {
            // Refused (an iframe without allowfullscreen, a headless browser): the large layout still applies.
          });
        },
        exitFullscreen: () => {
          if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
        },
        next: () => move(1),
        prev: () => move(-1),
        pickQuestion: () => {
          playback.send({ type: 'PAUSE' });
          useAskCount.setState((s) => ({ count: s.count + 1 }));
        },
      },
    });
  }, [playback]);
  return <Presenter.Provider logic={logic}>{children}</Presenter.Provider>;
}

/** Keys typed into a text field belong to it (a slider, a checkbox or a radio button take no letters). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('select, textarea, [contenteditable="true"]')) return true;
  return (
    target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)
  );
}

/**
 * P toggles presenter mode anywhere; while it is on, the keys a presentation clicker sends drive it:
 * PageDown / Space next moment, PageUp previous, B (or .) blank, Q ask the room, Enter / A reveal,
 * K play or pause, Escape back out. Runs in the capture phase so it wins over the simulator's keys.
 */
export function usePresenterKeys(): void {
  const actor = Presenter.useActorRef();
  const playback = Playback.useActorRef();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const on = !actor.getSnapshot().matches('off');
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const page = useRoute.getState().route.page;
      // Enter and Space on a focused button or link press it (unless a question is up for the room).
      const onControl = e.target instanceof Element && e.target.closest('button, a[href]') !== null;
      if ((key === 'Enter' || key === ' ') && onControl && !actor.getSnapshot().matches({ on: 'asking' }))
        return;
      if (key === 'm' && !on) {
        if (page !== 'sim' && page !== 'lesson') return;
        const { presetId, sim } = useSim.getState();
        useProgress.getState().toggleBookmark(presetId, sim.timeMs);
      } else if (key === 'p') actor.send({ type: 'TOGGLE' });
      else if (!on) return;
      else if (key === 'PageDown' || key === ' ' || key === 'ArrowDown') actor.send({ type: 'NEXT' });
      else if (key === 'PageUp' || key === 'ArrowUp') actor.send({ type: 'PREV' });
      else if (key === 'b' || key === '.') actor.send({ type: 'BLANK' });
      else if (key === 'q') actor.send({ type: 'ASK' });
      else if (key === 'Enter' || key === 'a') actor.send({ type: 'REVEAL' });
      else if (key === 'Escape') actor.send({ type: 'ESCAPE' });
      else if (key === 'k') playback.send({ type: 'TOGGLE' });
      else if (key === 'm') {
        const { presetId, sim } = useSim.getState();
        useProgress.getState().toggleBookmark(presetId, sim.timeMs);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [actor, playback]);
}

/** The presenter's layer: a slim status bar, the blank screen, and the pause-and-ask overlay. */
export function PresenterLayer() {
  const state = Presenter.useSelector((s) => s.value);
  const actor = Presenter.useActorRef();
  const { name, presetId, timeMs } = useSim(
    useShallow((s) => ({ name: s.sim.scenario.spec.name, presetId: s.presetId, timeMs: s.sim.timeMs })),
  );
  const marks = useProgress((s) => s.bookmarks[presetId]);
  if (state === 'off') return null;
  const sub = typeof state === 'object' ? state.on : null;
  const mark = marks ? marks.filter((t) => t <= timeMs).length : 0;
  return (
    <>
      <div className="presenter-bar" role="status">
        <strong>{name}</strong>
        <span>{seconds(timeMs)}</span>
        {marks && marks.length > 0 && (
          <span>
            Bookmark {mark} of {marks.length}
          </span>
        )}
        <span className="presenter-bar__keys">
          PageDown next · PageUp back · K play · Q ask · B blank · P or Esc leave
        </span>
        <button type="button" className="button" onClick={() => actor.send({ type: 'TOGGLE' })}>
          Leave presenter mode
        </button>
      </div>
      {sub === 'blank' && (
        <div className="presenter-blank" role="dialog" aria-modal="true" aria-label="Screen blanked">
          <p>Press B to bring the screen back.</p>
        </div>
      )}
      {typeof sub === 'object' && sub !== null && 'asking' in sub && (
        <Suspense fallback={null}>
          <PresenterAsk revealed={sub.asking === 'revealed'} />
        </Suspense>
      )}
    </>
  );
}
