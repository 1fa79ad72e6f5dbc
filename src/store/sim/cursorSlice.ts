import type { StateCreator } from 'zustand';
import type { SimStore } from '../simStore';

/** Where the run is: its tick, and moving it (steps, seeks, wall-clock playback). */
export interface CursorSlice {
  readonly tick: number;
  /** Sub-tick remainder of wall-clock time not yet turned into a step. */
  readonly carryMs: number;
  /** Playback frames so far (one per `advanceBy`): views in sight take turns by its parity at speed (viz/viewSim.ts). */
  readonly playFrame: number;

  seek(tick: number): void;
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  /** Drops the carry so what is drawn is exactly the step (on pause; motion between steps stops). */
  settle(): void;
  /** Advances by `ms` of simulated time (whole ticks; the rest carries over). */
  advanceBy(ms: number): void;
}

export const createCursorSlice: StateCreator<SimStore, [], [], CursorSlice> = (set, get) => {
  const moved = () => {
    const { sim, compare } = get();
    compare?.seek(sim.tick);
    set({ tick: sim.tick });
  };
  return {
    tick: 0,
    carryMs: 0,
    playFrame: 0,

    seek(tick) {
      get().sim.seek(tick);
      set({ carryMs: 0 });
      moved();
    },
    stepForward() {
      get().sim.step();
      set({ carryMs: 0 });
      moved();
    },
    stepBack() {
      get().sim.stepBack();
      set({ carryMs: 0 });
      moved();
    },
    reset() {
      get().sim.seek(0);
      set({ carryMs: 0 });
      moved();
    },
    settle() {
      if (get().carryMs !== 0) set({ carryMs: 0 });
    },
    advanceBy(ms) {
      const { sim } = get();
      const tickMs = sim.scenario.spec.tickMs;
      let carry = get().carryMs + ms;
      while (carry >= tickMs && sim.step()) carry -= tickMs;
      set({ carryMs: sim.atEnd ? 0 : carry, playFrame: get().playFrame + 1 });
      moved();
    },
  };
};
