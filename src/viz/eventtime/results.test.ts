import { describe, expect, it } from 'vitest';
import type { Emission } from '../../engine';
import { compareResults } from './results';

const em = (startMs: number, value: number, atMs: number, key: string | null = 'a'): Emission => ({
  window: { startMs, endMs: startMs + 5000 },
  key,
  value,
  count: value,
  atMs,
  kind: 'first',
});

describe('compareResults says what differs (issue 20)', () => {
  it('tells a different value from a result that only came out at another time', () => {
    const a = [em(0, 3, 6000), em(5000, 4, 11000), em(10000, 2, 16000), em(15000, 1, 21000)];
    const b = [em(0, 3, 6000), em(5000, 4, 12000), em(10000, 5, 16000)];
    const rows = compareResults(a, b, 30000);
    expect(rows.map((r) => [r.window.startMs, r.difference, r.differs])).toEqual([
      [0, 'none', false],
      [5000, 'time', true],
      [10000, 'value', true],
      [15000, 'onlyA', true],
    ]);
    expect(compareResults([], [em(0, 1, 6000)], 30000)[0]!.difference).toBe('onlyB');
  });
});
