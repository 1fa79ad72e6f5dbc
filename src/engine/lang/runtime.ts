/**
 * Values at run time, and the bounds every call runs under. Types are checked before a run, so
 * a value carries no tag: a tuple and a list are both arrays, told apart by their static type.
 */
import { LangError } from './syntax';

export type RValue =
  | number
  | string
  | boolean
  | undefined
  | readonly RValue[]
  | Opt
  | StateHandle
  | GroupStateHandle;
export type Opt = { readonly defined: true; readonly value: RValue } | { readonly defined: false };

export const NONE: Opt = Object.freeze({ defined: false });
export const some = (value: RValue): Opt => ({ defined: true, value });

/**
 * mapWithState's `State` as the function sees it (Spark: streaming/State.scala, StateImpl).
 * The engine implements it; the language only calls these.
 */
export interface StateHandle {
  exists(): boolean;
  get(): RValue;
  update(value: RValue): void;
  remove(): void;
  isTimingOut(): boolean;
}

/**
 * Structured Streaming's GroupState as flatMapGroupsWithState's function sees it (Spark:
 * sql/.../streaming/GroupStateImpl.scala). The engine implements it and its rules.
 */
export interface GroupStateHandle {
  exists(): boolean;
  get(): RValue;
  update(value: RValue): void;
  remove(): void;
  hasTimedOut(): boolean;
  setTimeoutDuration(ms: number): void;
  setTimeoutTimestamp(ms: number): void;
  getCurrentWatermarkMs(): number;
  getCurrentProcessingTimeMs(): number;
}

/** Steps (syntax-tree nodes evaluated) one call may take, and values it may allocate. */
export const MAX_STEPS = 100_000;
export const MAX_ALLOCATED = 1_000_000;

/** The counters of one call. */
export class Budget {
  steps = 0;
  allocated = 0;
  step(): void {
    if (++this.steps > MAX_STEPS)
      throw new LangError(
        `The function ran more than ${MAX_STEPS.toLocaleString('en')} steps in one call and was stopped.`,
      );
  }
  allocate(n: number): void {
    this.allocated += n;
    if (this.allocated > MAX_ALLOCATED)
      throw new LangError(
        `The function built more than ${MAX_ALLOCATED.toLocaleString('en')} values in one call and was stopped.`,
      );
  }
  reset(): void {
    this.steps = 0;
    this.allocated = 0;
  }
}
