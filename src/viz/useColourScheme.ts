import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const current = () =>
  typeof window !== 'undefined' && window.matchMedia?.(QUERY).matches
    ? ('dark' as const)
    : ('light' as const);

/**
 * The colour scheme in force. Canvas views read their CSS colours once per scheme instead of every
 * frame: `getComputedStyle` after React has touched the DOM forces a style recalculation.
 */
export function useColourScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, current, () => 'light' as const);
}
