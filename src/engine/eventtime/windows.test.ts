import { describe, expect, it } from 'vitest';
import { assignWindows, windowStart } from './windows';

describe('window assigners (Flink TimeWindow / SlidingEventTimeWindows)', () => {
  it('tumbling and sliding windows, including negative timestamps and offsets', () => {
    expect(windowStart(-1, 0, 10)).toBe(-10);
    expect(windowStart(7, 3, 5)).toBe(3);
    expect(assignWindows({ kind: 'tumbling', sizeMs: 10 }, 10)).toEqual([{ startMs: 10, endMs: 20 }]);
    expect(assignWindows({ kind: 'sliding', sizeMs: 10, slideMs: 5 }, 12)).toEqual([
      { startMs: 10, endMs: 20 },
      { startMs: 5, endMs: 15 },
    ]);
    expect(assignWindows({ kind: 'sliding', sizeMs: 10, slideMs: 15 }, 12)).toEqual([]);
  });
});
