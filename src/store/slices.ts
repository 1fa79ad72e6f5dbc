/**
 * Long computations in slices, so the page never waits long for one: the work is an iterator whose
 * every `next()` is a bounded piece; a slice runs pieces until its time is up, then gives the main
 * thread back (input, rendering) and goes on in a later task.
 */

/** How long slices last, in ms of wall-clock time. Tests may change them (and put them back). */
export const SLICING = {
  /**
   * The first slice, run at once: work that finishes within it is done synchronously, as if it were
   * not sliced (small scenarios).
   */
  firstSliceMs: 12,
  /** Every later slice: well under the 50 ms that counts as a long task, leaving room for a frame. */
  sliceMs: 10,
  /** Progress is published at most this often (each publication runs every selector). */
  progressEveryMs: 50,
};

/**
 * A piece may ask the slicing to wait for something done elsewhere (a worker's answer) before the
 * next piece: its value is `{ wait }`. The main thread is free meanwhile.
 */
export interface Waiting {
  readonly wait: PromiseLike<unknown>;
}

/** The promise a piece's value asks to wait for, if any. */
export function waitOf(value: unknown): PromiseLike<unknown> | null {
  const wait = (value as Partial<Waiting> | null | undefined)?.wait;
  return wait && typeof wait.then === 'function' ? wait : null;
}

export interface SlicedCallbacks<T> {
  /** False once the work is no longer wanted (a newer edit): it then stops without a word. */
  alive(): boolean;
  /** Called after each slice that did not finish. */
  progress(): void;
  done(result: T): void;
  failed(error: unknown): void;
}

/**
 * Runs `work` in slices. Returns `{ result }` when it finished in the first slice (nothing else is
 * called then); otherwise null, and `done` (or `failed`) follows in a later task unless the work
 * stopped being `alive`. An error in the first slice is thrown to the caller.
 */
export function runSliced<T>(work: Iterator<unknown, T>, on: SlicedCallbacks<T>): { result: T } | null {
  const first = slice(work, SLICING.firstSliceMs);
  if (first.done) return { result: first.value };
  /** The next slice in a later task, once what the last piece waits for (if anything) is done. */
  const after = (piece: IteratorResult<unknown, T>) => {
    const wait = waitOf(piece.value);
    if (!wait) later(next);
    else
      wait.then(
        () => later(next),
        () => later(next),
      );
  };
  const next = () => {
    if (!on.alive()) return;
    let piece: IteratorResult<unknown, T>;
    try {
      piece = slice(work, SLICING.sliceMs);
    } catch (error) {
      on.failed(error);
      return;
    }
    if (piece.done) on.done(piece.value);
    else {
      on.progress();
      after(piece);
    }
  };
  on.progress();
  after(first);
  return null;
}

/** Runs pieces of `work` for about `ms`, at least one, and stops at a piece that asks to wait. */
function slice<T>(work: Iterator<unknown, T>, ms: number): IteratorResult<unknown, T> {
  const until = performance.now() + ms;
  let piece = work.next();
  while (!piece.done && !waitOf(piece.value) && performance.now() < until) piece = work.next();
  return piece;
}

const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

/**
 * Runs `fn` in a later task: a message to ourselves, which (unlike `setTimeout(0)`) browsers do not
 * hold back by 4 ms once nested, and which lets input and rendering go first when they are due.
 */
export function later(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node (tests): the port must not keep the process alive on its own.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  waiting.push(fn);
  channel.port2.postMessage(null);
}
