import { describe, expect, it } from 'vitest';
import { displayCarryMs } from './displayTime';

describe('the time to draw at between steps', () => {
  it('is the carry, inside the current step', () => {
    expect(displayCarryMs(0, 100, false)).toBe(0);
    expect(displayCarryMs(37.5, 100, false)).toBe(37.5);
    // Never the next step's time, whatever the carry says.
    expect(displayCarryMs(100, 100, false)).toBeLessThan(100);
    expect(displayCarryMs(250, 100, false)).toBeLessThan(100);
    expect(displayCarryMs(250, 100, false)).toBeGreaterThan(99.99);
    expect(displayCarryMs(-5, 100, false)).toBe(0);
    expect(displayCarryMs(Number.NaN, 100, false)).toBe(0);
  });

  it('is 0 with reduced motion: every frame is drawn at its step', () => {
    expect(displayCarryMs(37.5, 100, true)).toBe(0);
  });
});
