import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DotMask, stampDots } from './stampDots';

/** A 5 × 5 disc: opaque centre cross, soft corners of the inner square, nothing at the outer corners. */
const mask: DotMask = {
  size: 5,
  half: 2,
  // biome-ignore format: the disc as a picture
  alpha: Uint8Array.from([
    0,   0,  90,   0, 0,
    0, 128, 255, 128, 0,
    90, 255, 255, 255, 90,
    0, 128, 255, 128, 0,
    0,   0,  90,   0, 0,
  ]),
};

describe('stamping dense dots (issue 19)', () => {
  it('each pixel takes the greatest coverage of the discs over it, in the dots’ colour, only inside the clip', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -5, max: 45, noNaN: true }),
            fc.double({ min: -5, max: 35, noNaN: true }),
          ),
          {
            maxLength: 60,
          },
        ),
        fc.constantFrom(1, 1.5, 2),
        (points, ratio) => {
          const width = 40;
          const height = 30;
          const clip = { left: 3, top: 2, right: 36, bottom: 27 };
          const data = new Uint8ClampedArray(width * height * 4);
          const xs = points.map((p) => p[0] / ratio);
          const ys = points.map((p) => p[1] / ratio);
          stampDots(data, width, height, clip, mask, [10, 20, 30], { n: points.length, x: xs, y: ys }, ratio);
          // The expected coverage, disc by disc, straight from the definition.
          const want = new Uint8Array(width * height);
          for (let i = 0; i < points.length; i++) {
            const px = Math.round(xs[i]! * ratio);
            const py = Math.round(ys[i]! * ratio);
            if (px < 0 || py < 0 || px >= width || py >= height) continue;
            for (let my = 0; my < 5; my++)
              for (let mx = 0; mx < 5; mx++) {
                const x = px - 2 + mx;
                const y = py - 2 + my;
                if (x < clip.left || x >= clip.right || y < clip.top || y >= clip.bottom) continue;
                want[y * width + x] = Math.max(want[y * width + x]!, mask.alpha[my * 5 + mx]!);
              }
          }
          for (let p = 0; p < width * height; p++) {
            expect(data[4 * p + 3]).toBe(want[p]);
            const rgb = want[p]! > 0 ? [10, 20, 30] : [0, 0, 0];
            expect([data[4 * p], data[4 * p + 1], data[4 * p + 2]]).toEqual(rgb);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
