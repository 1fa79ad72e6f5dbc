import type { StateCreator } from 'zustand';
import type { SimStore } from '../simStore';

export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** Messages for the learner (a refused link, a scenario too large to share), until dismissed. */
export interface NoticesSlice {
  readonly notices: readonly Notice[];

  notify(text: string): void;
  dismiss(id: number): void;
}

let noticeId = 0;

/** A notice with the next id; opening a link adds several in the same `set` as its run. */
export function newNotice(text: string): Notice {
  return { id: ++noticeId, text };
}

export const createNoticesSlice: StateCreator<SimStore, [], [], NoticesSlice> = (set, get) => ({
  notices: [],

  notify(text) {
    // One notice per message: an effect that runs twice (React's StrictMode in development, a
    // route and a view both refusing the same link) must not stack the same sentence (issue 20).
    if (get().notices.some((n) => n.text === text)) return;
    set({ notices: [...get().notices, newNotice(text)] });
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
});
