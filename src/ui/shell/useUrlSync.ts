import { useEffect } from 'react';
import { useSqlLink } from '../../store/db/sqlLink';
import { useRoute } from '../../store/route';
import { saveSession } from '../../store/session';
import { linkStateOf, useSim } from '../../store/simStore';
import { formatLink } from '../../store/url';
import { browserStorage } from './session';

/** The query part of the link to the current frame, as the address bar shows it once synced. */
export function currentSearch(): string {
  const link = formatLink({ ...linkStateOf(useSim.getState()), sql: useSqlLink.getState().sql });
  return useRoute.getState().embed ? `${link}&embed=1` : link;
}

/** Keeps the address bar on the current frame (replaceState; at most every 300 ms while playing). */
export function useUrlSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWrite = Number.NEGATIVE_INFINITY;
    const write = () => {
      timer = undefined;
      lastWrite = performance.now();
      const next = currentSearch();
      const embed = useRoute.getState().embed;
      if (next !== window.location.search) window.history.replaceState(null, '', next + window.location.hash);
      // An embedded view is a course page's, not the learner's own session.
      if (!embed) saveSession(browserStorage(), next);
    };
    write();
    // Leading edge: a single change (a click, a step) is written at once; while playing, at most every 300 ms.
    const changed = () => {
      if (timer === undefined) timer = setTimeout(write, Math.max(0, 300 - (performance.now() - lastWrite)));
    };
    const unsubscribe = useSim.subscribe(changed);
    const unsubscribeSql = useSqlLink.subscribe(changed);
    const flush = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      unsubscribeSql();
      window.removeEventListener('pagehide', flush);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}
