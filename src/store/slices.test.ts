import { describe, expect, it } from 'vitest';
import { runSliced } from './slices';

describe('sliced work that waits (issue 19)', () => {
  it('runs no piece after one that asks to wait until what it waits for is done, and keeps the order', async () => {
    const log: string[] = [];
    let release!: () => void;
    const answer = new Promise<void>((r) => {
      release = r;
    });
    function* work(): Generator<unknown, string> {
      log.push('a');
      yield null;
      log.push('b');
      yield { wait: answer };
      log.push('c');
      return 'done';
    }
    const finished = new Promise<string>((resolve, reject) => {
      const sliced = runSliced(work(), { alive: () => true, progress() {}, done: resolve, failed: reject });
      expect(sliced).toBeNull();
    });
    // The first slice stopped at the piece that waits.
    expect(log).toEqual(['a', 'b']);
    await new Promise((r) => setTimeout(r, 30));
    expect(log).toEqual(['a', 'b']);
    release();
    expect(await finished).toBe('done');
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('goes on after a wait that fails', async () => {
    function* work(): Generator<unknown, number> {
      yield { wait: Promise.reject(new Error('no worker')) };
      return 1;
    }
    const result = await new Promise<number>((resolve, reject) =>
      runSliced(work(), { alive: () => true, progress() {}, done: resolve, failed: reject }),
    );
    expect(result).toBe(1);
  });
});
