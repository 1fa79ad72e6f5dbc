import { create } from 'zustand';
import { userLanguage } from '../engine';
import { computeAheadWhenIdle } from './computeAhead';
import { type CursorSlice, createCursorSlice } from './sim/cursorSlice';
import { createLinkSlice, type LinkSlice } from './sim/linkSlice';
import { createNoticesSlice, type NoticesSlice } from './sim/noticesSlice';
import { createRunSlice, type RunSlice } from './sim/runSlice';
import { createSelectionSlice, type SelectionSlice } from './sim/selectionSlice';
import { loadUserLanguage, usesOwnFunctions } from './userLanguage';

export { CUSTOM_SCENARIO_ID } from './customScenario';
export { currentScenario } from './runs';
export { linkSizeOf, linkStateOf } from './sim/linkState';
export type { Notice } from './sim/noticesSlice';
export type { RunComputation, ScenarioSource } from './sim/runSlice';
export type { SelectedEntity } from './sim/selectionSlice';

/**
 * The simulator's store, the bridge between the engine and the UI, in slices (one file each under
 * `sim/`): the run, the cursor in it, the selection, notices, and opening a link.
 */
export type SimStore = RunSlice & CursorSlice & SelectionSlice & NoticesSlice & LinkSlice;

export const useSim = create<SimStore>()((...a) => ({
  ...createRunSlice(...a),
  ...createCursorSlice(...a),
  ...createSelectionSlice(...a),
  ...createNoticesSlice(...a),
  ...createLinkSlice(...a),
}));

/**
 * The user-function language (its parser above all) is not part of the first page: it loads
 * with the first run that has the learner's own functions, and that run is then built again.
 */
function ensureLanguage(s: SimStore): void {
  if (userLanguage() || !usesOwnFunctions(s.sim.scenario.spec)) return;
  loadUserLanguage().then(
    () => {
      const now = useSim.getState();
      if (usesOwnFunctions(now.sim.scenario.spec)) now.reloadRun();
    },
    () => undefined,
  );
}
useSim.subscribe((s, prev) => {
  if (s.sim !== prev.sim) ensureLanguage(s);
});
ensureLanguage(useSim.getState());
computeAheadWhenIdle(useSim);
