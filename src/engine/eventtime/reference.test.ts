import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recs, s, win } from '../__fixtures__/eventRecords';
import { perfectWatermark, perfectWatermarkIndex, processingTimeWindows } from './reference';

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

  it('the perfect watermark index answers as the scan does, for any records and instant', () => {
    const pair = fc.tuple(fc.integer({ min: -50, max: 200 }), fc.integer({ min: -80, max: 200 }));
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 60 }),
        fc.boolean(),
        fc.array(fc.integer({ min: -100, max: 260 }), { minLength: 1, maxLength: 20 }),
        (pairs, sorted, instants) => {
          // [arrival, event time]; sorted by arrival as eventRecords gives them, or not (the fallback).
          const rows = sorted ? [...pairs].sort((a, b) => a[0] - b[0]) : pairs;
          const input = recs(rows.map(([arrival, event]) => [event, arrival]));
          const at = perfectWatermarkIndex(input);
          // Between arrivals, and exactly at each (a record arriving at t has arrived by t).
          const times = [...instants.map((t) => s(t) / 10), ...input.map((r) => r.arrivalMs)];
          for (const t of times) expect(at(t)).toBe(perfectWatermark(input, t));
        },
      ),
      { numRuns: 300 },
    );
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
