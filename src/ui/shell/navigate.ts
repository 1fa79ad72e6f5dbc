import { formatRoute, joinHash, parseRoute, type Route, splitHash, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';

/**
 * Shows a page and records it in the address bar (a new history entry, so Back returns). The frame's
 * long parameters after the page in the hash stay.
 */
export function navigate(route: Route): void {
  const hash = withFrameParams(formatRoute(route));
  if (hash !== window.location.hash) {
    window.history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
  useRoute.getState().go(route);
}

/** Shows another page in the address bar without a new history entry (the frame's parameters stay). */
export function replaceRoute(routeHash: string): void {
  const hash = withFrameParams(routeHash);
  if (hash !== window.location.hash)
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
}

/** The hash of a page (`formatRoute`) followed by the frame's long parameters now in the hash. */
function withFrameParams(routeHash: string): string {
  return joinHash(routeHash, splitHash(window.location.hash).params);
}

/** Reads the page from the hash now and whenever it changes (links, Back/Forward). */
export function readRoute(): void {
  const { route, problem } = parseRoute(window.location.hash);
  useRoute.getState().go(route);
  if (problem) useSim.getState().notify(problem);
}

/**
 * A shared link to a lesson step carries its own moment (`?…&t=…#/lessons/x/2`): the first lesson
 * step shown keeps that moment instead of opening the step's prepared one. Read once.
 */
let linkedLessonFrame =
  typeof window !== 'undefined' &&
  window.location.search.length > 1 &&
  window.location.hash.startsWith('#/lessons/');

export function takeLinkedLessonFrame(): boolean {
  const taken = linkedLessonFrame;
  linkedLessonFrame = false;
  return taken;
}
