import {
  createContext,
  type RefObject,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useReducer,
  useState,
  useSyncExternalStore,
} from 'react';
import { type SimStore, useSim } from '../store/simStore';

/**
 * How a view follows the run (issue 19: at 16× the views out of sight kept re-rendering every frame;
 * `content-visibility: auto` skipped their painting, not React's work):
 * - `live`: in sight (or about to be): it follows every change of the store in the same frame.
 * - `background`: out of sight, paused: it follows every change of the store a moment later, in a
 *   React transition, which renders in slices and gives way to input (issue 19: a seek drew every
 *   view on the page before its frame, 60–90 ms in the busiest presets, though most were out of
 *   sight). A view nobody sees is current within a few frames of a step or a seek, for
 *   find-in-page, a screen reader, a full-page screenshot or printing; scrolled near, it catches up
 *   at once (`useInView`'s margin), before it is seen.
 * - `frozen`: out of sight while playing: it does not follow the store at all; it catches up at once
 *   when it comes near the viewport (see `useInView`'s margin), before it is seen, or when playing stops.
 * - `turn-0`, `turn-1`: in sight while playing fast (`PACED_SPEED` and up, one step or more per
 *   frame): the views take turns, each following the store on every other playback frame (the
 *   store's `playFrame` parity). Drawing every view every frame did not fit a frame on a busy
 *   two-core laptop; what moves between steps (`store/displayTime.ts`) still moves every frame, from
 *   the step each view last drew. Paused, or slower, every view is live again.
 */
export type ViewFollow = 'live' | 'background' | 'frozen' | 'turn-0' | 'turn-1';

/** From this playback speed up the views in sight take turns (above). */
export const PACED_SPEED = 8;

/** Whether this view takes turns: in sight while playing at `PACED_SPEED` or faster (it may draw less). */
export function usePlayingFast(): boolean {
  return useContext(ViewFollowContext).startsWith('turn');
}

/**
 * The wave in which a panel's views draw a large new run (store `installing`): 0 at once, higher a
 * frame later each; outside a panel, 0.
 */
export const InstallWaveContext = createContext(0);

/** The store as a view of install wave `wave` sees it: the store before the install until its wave. */
export function asOfWave(s: SimStore, wave: number): SimStore {
  const installing = s.installing;
  return installing && wave > installing.wave ? installing.previous : s;
}

/** Provided by each panel; outside one (the transport, the inspector, tests) a view is always live. */
export const ViewFollowContext = createContext<ViewFollow>('live');

/** Whether the run is playing, from the panel (a view may draw differently while it moves). */
export const ViewPlayingContext = createContext(false);

const unsubscribed = () => {};

/**
 * `useSim(selector)` for a view inside a panel: it follows the store as its panel says (above).
 * The selector must return a stable value for an unchanged store (a primitive, or through
 * `useShallow`), as with `useSim`.
 */
export function useViewSim<T>(selector: (s: SimStore) => T): T {
  const follow = useContext(ViewFollowContext);
  const wave = useContext(InstallWaveContext);
  // In the background a change re-renders the view in a transition; rendering reads the store then.
  const [, later] = useReducer(bump, 0);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (follow === 'frozen') return unsubscribed;
      if (follow === 'live') return useSim.subscribe(changed);
      if (follow === 'background') return useSim.subscribe(() => startTransition(later));
      const turn = follow === 'turn-0' ? 0 : 1;
      return useSim.subscribe((s) => {
        if (s.playFrame % 2 === turn) changed();
      });
    },
    [follow],
  );
  return useSyncExternalStore(
    subscribe,
    () => selector(asOfWave(useSim.getState(), wave)),
    () => selector(useSim.getInitialState()),
  );
}

/**
 * Whether `ref`'s element is in the viewport or within half a viewport of it (so a view catches up
 * before it is seen). True until the first observation, and where IntersectionObserver is missing.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

const bump = (n: number) => n + 1;

/**
 * What a panel tells its views: paused, live in sight and in the background out of it; playing,
 * frozen out of sight, and in sight live, or taking turn `turn` at `PACED_SPEED` or faster.
 */
export function viewFollow(inView: boolean, playing: boolean, speed = 1, turn: 0 | 1 = 1): ViewFollow {
  if (!playing) return inView ? 'live' : 'background';
  if (!inView) return 'frozen';
  return speed >= PACED_SPEED ? `turn-${turn}` : 'live';
}
