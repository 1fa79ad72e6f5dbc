/**
 * Work done a bounded piece at a time: a generator whose every `next()` is a bounded amount of work
 * and yields the fraction done, returning its result. The store runs such work in slices so the page
 * stays responsive (store/slices.ts); everything else drains it at once.
 */

/** Runs `work` to its end and returns its result. */
export function drain<T>(work: Generator<unknown, T>): T {
  let piece = work.next();
  while (!piece.done) piece = work.next();
  return piece.value;
}
