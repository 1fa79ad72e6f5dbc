import * as v from 'valibot';

/** A time field: a whole, non-negative number of milliseconds, documented with `what`. */
export const ms = (what: string) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(0, 'must not be negative'),
    v.description(what),
  );

/** A learner's function in a scenario file (`code`): the text of a lambda, documented with `what`. */
export const codeField = (what: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(2000, 'must be at most 2000 characters'),
      v.description(what),
    ),
  );
