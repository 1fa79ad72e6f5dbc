import { describe, expect, it } from 'vitest';
import { recs, s, win } from '../__fixtures__/eventRecords';
import { perfectWatermark, processingTimeWindows } from './reference';

describe('references', () => {
  it('the perfect watermark is the oldest event time still on its way', () => {
    const input = recs([
      [1, 2],
      [3, 9],
      [6, 7],
    ]);
    expect(perfectWatermark(input, s(1))).toBe(s(1));
    expect(perfectWatermark(input, s(5))).toBe(s(3));
    expect(perfectWatermark(input, s(8))).toBe(s(3));
    expect(perfectWatermark(input, s(9))).toBe(s(9));
  });

  it('processing-time windows group by arrival, whatever the event time', () => {
    const input = recs([
      [1, 2],
      [3, 9],
      [6, 7],
    ]);
    expect(processingTimeWindows(input, s(5), s(10))).toEqual([
      { window: win(0, 5), ids: [0] },
      { window: win(5, 10), ids: [1, 2] },
    ]);
  });
});
