import { loadSession } from '../../store/session';
import { useSim } from '../../store/simStore';

/** localStorage, or undefined where the browser refuses it (some private modes throw on access). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Opens the link in the address bar; with none, the last session (checked; discarded with a notice if broken). */
export function openFirstFrame(): void {
  const store = useSim.getState();
  const search = window.location.search;
  if (search !== '' && search !== '?') {
    store.openLink(search);
    return;
  }
  const { link, problem } = loadSession(browserStorage());
  if (problem) store.notify(`Your last session could not be restored (${problem}); starting afresh.`);
  if (link) store.openLink(link);
}
