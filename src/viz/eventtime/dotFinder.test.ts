import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOT_RADIUS, dotFinder } from './DotCanvas';
import type { Dot } from './layout';

const dot = (id: number, x: number, y: number): Dot => ({
  id,
  x,
  y,
  kind: 'counted',
  arrivalMs: 0,
  eventTimeMs: 0,
  watermarkMs: 0,
  why: 'on time',
});

/** The nearest dot within reach by looking at every dot (the later of equals). */
function bruteForce(dots: readonly Dot[], x: number, y: number): Dot | null {
  let best: Dot | null = null;
  let bestD = (DOT_RADIUS + 2.5) ** 2;
  for (const d of dots) {
    const dist = (d.x - x) ** 2 + (d.y - y) ** 2;
    if (dist <= bestD && (dist < bestD || best !== null)) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}

describe('dotFinder (the dense event-time plot under the pointer)', () => {
  it('finds the dot a scan of all dots finds, anywhere on the plot', () => {
    const coord = fc.double({ min: 0, max: 120, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { maxLength: 80 }), coord, coord, (points, x, y) => {
        const dots = points.map(([px, py], i) => dot(i, px, py));
        expect(dotFinder(dots)(x, y)?.id ?? null).toBe(bruteForce(dots, x, y)?.id ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing beyond a dot’s reach', () => {
    const find = dotFinder([dot(0, 50, 50)]);
    expect(find(50 + DOT_RADIUS + 2, 50)?.id).toBe(0);
    expect(find(50 + DOT_RADIUS + 3, 50)).toBeNull();
  });
});
