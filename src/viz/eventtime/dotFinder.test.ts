import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOT_RADIUS, dotFinder } from './DotCanvas';

const pointsOf = (xy: readonly (readonly [number, number])[]) => ({
  n: xy.length,
  x: xy.map((p) => p[0]),
  y: xy.map((p) => p[1]),
});

/** The nearest dot within reach by looking at every dot (the later of equals). */
function bruteForce(xy: readonly (readonly [number, number])[], x: number, y: number): number | null {
  let best: number | null = null;
  let bestD = (DOT_RADIUS + 2.5) ** 2;
  xy.forEach(([px, py], i) => {
    const dist = (px - x) ** 2 + (py - y) ** 2;
    if (dist <= bestD && (dist < bestD || best !== null)) {
      bestD = dist;
      best = i;
    }
  });
  return best;
}

describe('dotFinder (the dense event-time plot under the pointer)', () => {
  it('finds the dot a scan of all dots finds, anywhere on the plot', () => {
    const coord = fc.double({ min: 0, max: 120, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { maxLength: 80 }), coord, coord, (points, x, y) => {
        expect(dotFinder(pointsOf(points))(x, y)).toBe(bruteForce(points, x, y));
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing beyond a dot’s reach', () => {
    const find = dotFinder(pointsOf([[50, 50]]));
    expect(find(50 + DOT_RADIUS + 2, 50)).toBe(0);
    expect(find(50 + DOT_RADIUS + 3, 50)).toBeNull();
  });
});
