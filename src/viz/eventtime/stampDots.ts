/**
 * The dense plot's on-time dots stamped into an RGBA pixel buffer, then put on the canvas at once
 * (issue 19: one `drawImage` per distinct place took 25–40 ms a paint on the 200,000-tuple bench run,
 * in the frame after a what-if and in every step at speed).
 *
 * Every dot has the same colour and shape, so the picture is the union of their discs: each pixel
 * takes the greatest coverage any disc gives it (where discs overlap, drawing one over another with
 * the canvas's source-over would give a slightly stronger edge; inside a disc both are opaque).
 */

/** A disc's coverage (0–255) over a square of `size` device pixels, centred at `half`. */
export interface DotMask {
  readonly size: number;
  readonly half: number;
  readonly alpha: Uint8Array;
}

/** The part of the buffer dots may cover, in device pixels: [left, right) × [top, bottom). */
export interface Clip {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Stamps a disc at each point's nearest whole device pixel into `data` (RGBA, `width` pixels a row,
 * cleared by the caller), in colour `rgb`, inside `clip`. Points at the same pixel are stamped once.
 */
export function stampDots(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  clip: Clip,
  mask: DotMask,
  rgb: readonly [number, number, number],
  points: { readonly n: number; readonly x: ArrayLike<number>; readonly y: ArrayLike<number> },
  ratio: number,
): void {
  const { size, half, alpha } = mask;
  const painted = new Uint8Array(width * height);
  const [r, g, b] = rgb;
  const left = Math.max(0, clip.left);
  const top = Math.max(0, clip.top);
  const right = Math.min(width, clip.right);
  const bottom = Math.min(height, clip.bottom);
  for (let i = 0; i < points.n; i++) {
    const px = Math.round(points.x[i]! * ratio);
    const py = Math.round(points.y[i]! * ratio);
    if (px < 0 || py < 0 || px >= width || py >= height) continue;
    const at = py * width + px;
    if (painted[at] === 1) continue;
    painted[at] = 1;
    const x0 = px - half;
    const y0 = py - half;
    for (let my = 0; my < size; my++) {
      const y = y0 + my;
      if (y < top || y >= bottom) continue;
      const row = y * width;
      for (let mx = 0; mx < size; mx++) {
        const a = alpha[my * size + mx]!;
        if (a === 0) continue;
        const x = x0 + mx;
        if (x < left || x >= right) continue;
        const o = (row + x) * 4;
        if (data[o + 3]! >= a) continue;
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
        data[o + 3] = a;
      }
    }
  }
}
