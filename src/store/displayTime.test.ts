import { describe, expect, it } from 'vitest';
import { displayAheadMs, displayCarryMs, MAX_AHEAD_STEPS } from './displayTime';

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

describe('a view drawn at an earlier step (views take turns at speed)', () => {
  it('moves on from its own step: the steps it is behind plus the carry', () => {
    expect(displayAheadMs(1000, 1000, 40, 100)).toBe(40);
    expect(displayAheadMs(1000, 1200, 40, 100)).toBe(240);
  });

  it('waits for its render when the store is behind it or too far ahead', () => {
    // A seek back: the view still shows a later step.
    expect(displayAheadMs(1000, 900, 0, 100)).toBeNull();
    expect(displayAheadMs(1000, 1000 + MAX_AHEAD_STEPS * 100, 0, 100)).toBe(MAX_AHEAD_STEPS * 100);
    expect(displayAheadMs(1000, 1000 + (MAX_AHEAD_STEPS + 1) * 100, 0, 100)).toBeNull();
  });
});
