import { installUserLanguage, type ScenarioSpec } from '../engine';

/** Whether a scenario's pipeline has functions the learner wrote (`code`). */
export function usesOwnFunctions(spec: ScenarioSpec): boolean {
  const op = spec.query?.operator;
  return (
    (spec.streaming?.pipeline.some((o) => o.code !== undefined) ?? false) ||
    (op?.kind === 'flatMapGroupsWithState' && op.code !== undefined)
  );
}

let loading: Promise<void> | null = null;

/**
 * Loads the user-function language's chunk once and installs it in the engine. A failed load
 * (offline before the app was cached) may be tried again.
 */
export function loadUserLanguage(): Promise<void> {
  loading ??= import('../engine/lang/index').then(
    (m) => installUserLanguage(m.language),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
