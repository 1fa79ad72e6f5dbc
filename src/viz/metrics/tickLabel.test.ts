import { describe, expect, it } from 'vitest';
import { tickLabel } from './StreamingMetrics';

describe('metric axes use one unit (issue 20)', () => {
  it('seconds throughout once the axis reaches a second, milliseconds below', () => {
    expect([0, 200, 400, 800, 1000, 1200].map((t) => tickLabel(t, 'ms', 1200))).toEqual([
      '0 s',
      '0.2 s',
      '0.4 s',
      '0.8 s',
      '1 s',
      '1.2 s',
    ]);
    expect([0, 50, 100].map((t) => tickLabel(t, 'ms', 100))).toEqual(['0 ms', '50 ms', '100 ms']);
    expect(tickLabel(300, 'records/s', 400)).toBe('300');
  });
});
