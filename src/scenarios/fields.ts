import * as v from 'valibot';

/** A time field: a whole, non-negative number of milliseconds, documented with `what`. */
export const ms = (what: string) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(0, 'must not be negative'),
    v.description(what),
  );
