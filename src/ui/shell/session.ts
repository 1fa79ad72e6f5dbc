import { unpackParams } from '../../store/linkHash';
import { splitHash } from '../../store/route';
import { loadSession, splitSessionLink } from '../../store/session';
import { useSim } from '../../store/simStore';

/** localStorage, or undefined where the browser refuses it (some private modes throw on access). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Opens the link in the address bar; with none, the last session (checked; discarded with a notice if
 * broken). A link's long parameters are packed in its hash and unpack asynchronously: this resolves
 * once the run the link names is open, and the app is shown (and the link and session written) only
 * then, so nothing of another run appears or is saved meanwhile. Never rejects.
 */
export async function openFirstFrame(): Promise<void> {
  const store = useSim.getState();
  const search = window.location.search;
  const { params } = splitHash(window.location.hash);
  if ((search !== '' && search !== '?') || params !== '') {
    store.openLink(search, await unpackParams(params));
    return;
  }
  const { link, problem } = loadSession(browserStorage());
  if (problem) store.notify(`Your last session could not be restored (${problem}); starting afresh.`);
  if (link) {
    const saved = splitSessionLink(link);
    store.openLink(saved.search, await unpackParams(saved.params));
  }
}
