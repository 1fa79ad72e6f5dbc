import { create } from 'zustand';

/**
 * Which page is shown. It lives in the address bar's hash, so the frame parameters in the query
 * (scenario, seed, time, …) and the page travel together in one share link:
 *   ?scenario=watermarks&seed=5&t=12000#/lessons/watermarks/2
 * The frame's long parameters, packed, follow the page after a `?` (url.ts `LONG_PARAMS`): the
 * browser does not send the hash to the server, so no server or host refuses a long one:
 *   ?scenario=watermarks&seed=5&t=12000#/lessons/watermarks/2?scn=rVTLbts…&app=q1YqyS9…
 *   ?scenario=three-kinds&seed=1&t=0#/?scn=rVTLbts…   (the simulator)
 */
export type Route =
  | { readonly page: 'sim' }
  | { readonly page: 'lessons' }
  /** A lesson open over the simulator; `step` counts from 0 (the hash counts from 1). */
  | { readonly page: 'lesson'; readonly lesson: string; readonly step: number }
  | { readonly page: 'questions' }
  /** One question in practice mode; `seed` picks a predict-then-run variant. */
  | { readonly page: 'question'; readonly question: string; readonly seed: number }
  | { readonly page: 'quiz' };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const WHOLE = /^\d{1,9}$/;

export interface ParsedRoute {
  readonly route: Route;
  /** Why the hash was not understood, or null. */
  readonly problem: string | null;
}

/** The hash's two parts: the page (`#/lessons/x/2`, or '') and the long parameters after `?` (or ''). */
export function splitHash(hash: string): { readonly route: string; readonly params: string } {
  const at = hash.indexOf('?');
  return at < 0 ? { route: hash, params: '' } : { route: hash.slice(0, at), params: hash.slice(at + 1) };
}

/** The hash for a page (as `formatRoute` writes it, or as found) and long parameters (or ''). */
export function joinHash(route: string, params: string): string {
  if (params === '') return route;
  return `${route === '' || route === '#' ? '#/' : route}?${params}`;
}

export function parseRoute(hash: string): ParsedRoute {
  const page = splitHash(hash).route;
  const path = page.replace(/^#\/?/, '');
  if (path === '') return { route: { page: 'sim' }, problem: null };
  const parts = path.split('/');
  const [head, id, n] = parts;
  const bad = (why: string): ParsedRoute => ({
    route: { page: 'sim' },
    problem: `The link's page "${clip(page)}" ${why}; showing the simulator.`,
  });
  switch (head) {
    case 'sim':
      return { route: { page: 'sim' }, problem: null };
    case 'lessons':
      if (id === undefined) return { route: { page: 'lessons' }, problem: null };
      if (!ID.test(id)) return bad('does not name a lesson');
      if (n !== undefined && (!WHOLE.test(n) || Number(n) < 1))
        return bad('has a step that is not 1, 2, 3, …');
      return {
        route: { page: 'lesson', lesson: id, step: n === undefined ? 0 : Number(n) - 1 },
        problem: null,
      };
    case 'questions':
      if (id === undefined) return { route: { page: 'questions' }, problem: null };
      if (!ID.test(id)) return bad('does not name a question');
      if (n !== undefined && !WHOLE.test(n)) return bad('has a variant that is not a whole number');
      return {
        route: { page: 'question', question: id, seed: n === undefined ? 1 : Number(n) },
        problem: null,
      };
    case 'quiz':
      return { route: { page: 'quiz' }, problem: null };
    default:
      return bad('is not one of #/sim, #/lessons, #/questions or #/quiz');
  }
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'sim':
      return '';
    case 'lessons':
      return '#/lessons';
    case 'lesson':
      return `#/lessons/${route.lesson}/${route.step + 1}`;
    case 'questions':
      return '#/questions';
    case 'question':
      return `#/questions/${route.question}/${route.seed}`;
    case 'quiz':
      return '#/quiz';
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export interface RouteStore {
  readonly route: Route;
  /** `?embed=1`: the app sits in a course page's iframe (no navigation, a link out). */
  readonly embed: boolean;
  /** Views a lesson step points at (the others are dimmed), or null. */
  readonly spotlight: readonly string[] | null;
  go(route: Route): void;
  setEmbed(embed: boolean): void;
  setSpotlight(ids: readonly string[] | null): void;
}

export const useRoute = create<RouteStore>()((set) => ({
  route: { page: 'sim' },
  embed: false,
  spotlight: null,
  go: (route) => set({ route }),
  setEmbed: (embed) => set({ embed }),
  setSpotlight: (spotlight) => set({ spotlight }),
}));

/** The class a view gets while a lesson step points at some views: spotlit, dimmed, or none. */
export function spotlightClass(spotlight: readonly string[] | null, id: string): string {
  if (spotlight === null) return '';
  // A lesson may point at parts of the pipeline map (`map:partitions`): the map is then spotlit too.
  const lit = spotlight.includes(id) || (id === 'map' && spotlight.some((s) => s.startsWith('map:')));
  return lit ? ' is-spotlit' : ' is-dimmed';
}
