import { useEffect } from 'react';
import { linkStateOf, useSim } from '../store/simStore';
import { formatLink } from '../store/url';

/** Keeps the address bar on the current frame (replaceState, at most every 300 ms while playing). */
export function useUrlSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      const next = formatLink(linkStateOf(useSim.getState()));
      if (next !== window.location.search) window.history.replaceState(null, '', next + window.location.hash);
    };
    write();
    const unsubscribe = useSim.subscribe(() => {
      if (timer === undefined) timer = setTimeout(write, 300);
    });
    const flush = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}
