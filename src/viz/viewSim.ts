import {
  createContext,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { type SimStore, useSim } from '../store/simStore';

/**
 * How a view follows the run (issue 19: at 16× the views out of sight kept re-rendering every frame;
 * `content-visibility: auto` skipped their painting, not React's work):
 * - `live`: in sight (or about to be), or paused: it follows every change of the store. Paused, every
 *   view is current: a step or a seek is read at once anywhere on the page (find-in-page, a screen
 *   reader, a full-page screenshot, printing).
 * - `frozen`: out of sight while playing: it does not follow the store at all; it catches up at once
 *   when it comes near the viewport (see `useInView`'s margin), before it is seen, or when playing stops.
 */
export type ViewFollow = 'live' | 'frozen';

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
  const subscribe = useCallback(
    (changed: () => void) => (follow === 'live' ? useSim.subscribe(changed) : unsubscribed),
    [follow],
  );
  return useSyncExternalStore(
    subscribe,
    () => selector(useSim.getState()),
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

/** What a panel tells its views: live in sight or paused, frozen out of sight while playing. */
export function viewFollow(inView: boolean, playing: boolean): ViewFollow {
  return inView || !playing ? 'live' : 'frozen';
}
