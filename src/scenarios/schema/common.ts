import * as v from 'valibot';

/** Small field validators shared by the parts of the scenario schema (times are `ms` in `../fields`). */

export const probability = (what: string) =>
  v.pipe(
    v.number(),
    v.minValue(0, 'must be between 0 and 1'),
    v.maxValue(1, 'must be between 0 and 1'),
    v.description(what),
  );
export const name = (what: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(80, 'must be at most 80 characters'),
    v.description(what),
  );
export const count = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
    v.description(what),
  );
