import { useEffect } from 'react';
import { useSqlLink } from '../../store/db/sqlLink';
import { type PackedLink, packLink, packLinkNow, unpackParams } from '../../store/linkHash';
import { joinHash, splitHash, useRoute } from '../../store/route';
import { saveSession, sessionLinkOf } from '../../store/session';
import { linkStateOf, useSim } from '../../store/simStore';
import type { LinkState } from '../../store/url';
import { browserStorage } from './session';

function frameLinkState(): LinkState {
  return { ...linkStateOf(useSim.getState()), sql: useSqlLink.getState().sql };
}

/**
 * The query part of the link to the current frame, as the address bar shows it once synced; its long
 * parameters follow the page in the hash. Until they are packed (a moment after an edit), the query
 * the address bar shows, which goes with the hash it shows.
 */
export function currentSearch(): string {
  const packed = packLinkNow(frameLinkState());
  if (!packed) return window.location.search;
  return useRoute.getState().embed ? `${packed.search}&embed=1` : packed.search;
}

/** Paused, a change is written at once and the next at most this soon after. */
const PAUSED_EVERY_MS = 300;
/**
 * While playing, at most this often, when the browser is idle (issue 19: writing the link every 300 ms
 * cost 35–60 ms of main thread per 3 s at 16×); the moment playback stops, the frame is written.
 */
const PLAYING_EVERY_MS = 1500;

/** Whether the playback machine is playing, and word when it starts or stops (its actor). */
interface PlaybackLike {
  getSnapshot(): { matches(state: 'playing'): boolean };
  subscribe(listener: () => void): { unsubscribe(): void };
}

/** Runs `fn` when the browser is idle (at the latest after `timeoutMs`); returns a cancel. */
function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const handle = setTimeout(fn, 0);
    return () => clearTimeout(handle);
  }
  const handle = requestIdleCallback(fn, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}

/**
 * Keeps the address bar on the current frame (replaceState; at most every 300 ms while paused, every
 * 1.5 s in idle time while playing): the short parameters in the query, the long ones packed after
 * the page in the hash. Packing is asynchronous the first time a text is packed; a write that a later
 * one overtakes is dropped.
 */
export function useUrlSync(playback: PlaybackLike): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelIdle: (() => void) | undefined;
    let lastWrite = Number.NEGATIVE_INFINITY;
    let writes = 0;
    let stopped = false;
    /** A link's hash being unpacked and opened: nothing is written meanwhile. */
    let opening = false;
    /** The long parameters last written to the hash. */
    let written = splitHash(window.location.hash).params;
    const commit = (link: PackedLink) => {
      const embed = useRoute.getState().embed;
      const search = embed ? `${link.search}&embed=1` : link.search;
      const hash = joinHash(splitHash(window.location.hash).route, link.params);
      if (search !== window.location.search || hash !== window.location.hash)
        window.history.replaceState(null, '', search + hash);
      written = link.params;
      // An embedded view is a course page's, not the learner's own session.
      if (!embed) saveSession(browserStorage(), sessionLinkOf(link.search, link.params));
    };
    const write = () => {
      timer = undefined;
      cancelIdle?.();
      cancelIdle = undefined;
      if (opening) return;
      lastWrite = performance.now();
      const state = frameLinkState();
      const mine = ++writes;
      const now = packLinkNow(state);
      if (now) commit(now);
      else
        void packLink(state).then((link) => {
          if (!stopped && !opening && mine === writes) commit(link);
        });
    };
    write();
    const playing = () => playback.getSnapshot().matches('playing');
    // Leading edge: a single change (a click, a step) is written at once; then at most every 300 ms
    // paused, or every 1.5 s in an idle moment while playing.
    const changed = () => {
      if (timer !== undefined || cancelIdle !== undefined) return;
      const since = performance.now() - lastWrite;
      if (!playing()) {
        timer = setTimeout(write, Math.max(0, PAUSED_EVERY_MS - since));
        return;
      }
      timer = setTimeout(
        () => {
          cancelIdle = whenIdle(write, 500);
        },
        Math.max(0, PLAYING_EVERY_MS - since),
      );
    };
    // Playback stopped (paused, ended, a seek): the frame shown is written at once.
    let wasPlaying = playing();
    const playbackSub = playback.subscribe(() => {
      const now = playing();
      if (wasPlaying && !now) {
        clearTimeout(timer);
        write();
      }
      wasPlaying = now;
    });
    const unsubscribe = useSim.subscribe(changed);
    const unsubscribeSql = useSqlLink.subscribe(changed);
    const flush = () => {
      if (timer !== undefined || cancelIdle !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
    // A page link (`#/lessons`) replaces the whole hash: the frame's long parameters are put back. A
    // hash with other ones is another link (pasted over this one: only its hash differs, so the page
    // did not reload; or Back to an entry made before the frame changed): its frame is opened.
    const hashChanged = () => {
      const { params } = splitHash(window.location.hash);
      if (params === '' || params === written) {
        clearTimeout(timer);
        write();
        return;
      }
      opening = true;
      const search = window.location.search;
      void unpackParams(params).then((unpacked) => {
        opening = false;
        if (stopped) return;
        written = params;
        useSim.getState().openLink(search, unpacked);
        clearTimeout(timer);
        write();
      });
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('hashchange', hashChanged);
    return () => {
      stopped = true;
      playbackSub.unsubscribe();
      cancelIdle?.();
      unsubscribe();
      unsubscribeSql();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('hashchange', hashChanged);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [playback]);
}
