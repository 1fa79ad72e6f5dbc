import { formatRoute, parseRoute, type Route, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';

/** Shows a page and records it in the address bar (a new history entry, so Back returns). */
export function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (hash !== window.location.hash) {
    window.history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
  useRoute.getState().go(route);
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
