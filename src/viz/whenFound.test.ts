import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenFound } from './whenFound';

afterEach(() => vi.useRealTimers());

describe('whenFound', () => {
  it('looks until the thing is there, then hands it over once', () => {
    vi.useFakeTimers();
    let there: string | null = null;
    const found = vi.fn();
    whenFound(() => there, found, 20, 100);
    vi.advanceTimersByTime(350);
    expect(found).not.toHaveBeenCalled();
    there = 'view';
    vi.advanceTimersByTime(100);
    expect(found).toHaveBeenCalledExactlyOnceWith('view');
    vi.advanceTimersByTime(1000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('gives up after its tries, and stops when cancelled', () => {
    vi.useFakeTimers();
    const find = vi.fn(() => null);
    whenFound(find, () => {}, 3, 100);
    vi.advanceTimersByTime(1000);
    expect(find).toHaveBeenCalledTimes(3);
    const again = vi.fn(() => null);
    const stop = whenFound(again, () => {}, 10, 100);
    vi.advanceTimersByTime(150);
    stop();
    vi.advanceTimersByTime(1000);
    expect(again).toHaveBeenCalledTimes(2);
  });
});
