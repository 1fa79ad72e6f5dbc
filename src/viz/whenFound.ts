/**
 * Looks for something that may not be on the page yet (views load lazily): `find` now (on the next
 * task) and every `everyMs` until it returns a value, which goes to `found`, or `tries` run out.
 * Returns a function that stops looking.
 */
export function whenFound<T>(
  find: () => T | null | undefined,
  found: (x: T) => void,
  tries = 20,
  everyMs = 100,
): () => void {
  let left = tries;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    const x = find();
    if (x !== null && x !== undefined) found(x);
    else if (--left > 0) timer = setTimeout(look, everyMs);
  };
  timer = setTimeout(look, 0);
  return () => clearTimeout(timer);
}
