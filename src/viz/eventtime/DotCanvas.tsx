import { useLayoutEffect, useRef } from 'react';
import { cssZoomOf } from '../cssZoom';
import { useColourScheme } from '../useColourScheme';
import type { PlotLayout } from './layout';
import { type DotMask, stampDots } from './stampDots';

/** Points of the plot: `n` of them at (x[i], y[i]) in its CSS pixels. */
export interface Points {
  readonly n: number;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/**
 * Above this many on-time dots in view the plot paints them on a canvas under its SVG: one SVG
 * circle per tuple made 157,832 elements on the 200,000-tuple bench run, and replacing them all
 * after a what-if blocked the page for 20 s in React's commit (issue 19). Late tuples stay SVG
 * buttons (focusable, each with its explanation) at any density.
 */
export const DENSE_DOTS = 1500;

/** Up to this many dots the canvas is painted with the render; more, in the next frame. */
const PAINT_AT_ONCE_DOTS = 20_000;

/** The radius of an on-time dot, as the SVG draws it. */
export const DOT_RADIUS = 3.5;

/** The grid cell of the dot finder, in CSS pixels (a dot is found within `DOT_RADIUS + 2.5`). */
const CELL = 8;
const REACH = DOT_RADIUS + 2.5;

/**
 * Finds the dot nearest a point of the plot (its own CSS pixels) within reach of its edge (its index), or null:
 * for hover and click where the dots are pixels on a canvas. Of dots equally near, the later one
 * (drawn on top) wins.
 */
export function dotFinder(dots: Points): (x: number, y: number) => number | null {
  const grid = new Map<string, number[]>();
  for (let i = 0; i < dots.n; i++) {
    const k = `${Math.floor(dots.x[i]! / CELL)},${Math.floor(dots.y[i]! / CELL)}`;
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  }
  return (x, y) => {
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    let best = -1;
    let bestD = REACH * REACH;
    for (let gx = cx - 1; gx <= cx + 1; gx++)
      for (let gy = cy - 1; gy <= cy + 1; gy++)
        for (const i of grid.get(`${gx},${gy}`) ?? []) {
          const dist = (dots.x[i]! - x) ** 2 + (dots.y[i]! - y) ** 2;
          if (dist < bestD || (dist === bestD && best >= 0 && i > best)) {
            bestD = dist;
            best = i;
          }
        }
    return best < 0 ? null : best;
  };
}

/** One dot rasterised once per colour and pixel ratio (its coverage and colour), stamped at every dot's place. */
let sprite: { key: string; mask: DotMask; rgb: [number, number, number] } | null = null;
function spriteOf(fill: string, ratio: number) {
  const key = `${fill} ${ratio}`;
  if (sprite?.key === key) return sprite;
  const half = Math.ceil(DOT_RADIUS * ratio) + 1;
  const size = 2 * half;
  const image = document.createElement('canvas');
  image.width = image.height = size;
  const ctx = image.getContext('2d', { willReadFrequently: true });
  const alpha = new Uint8Array(size * size);
  let rgb: [number, number, number] = [0, 114, 178];
  if (ctx) {
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(half, half, DOT_RADIUS * ratio, 0, 2 * Math.PI);
    ctx.fill();
    const pixels = ctx.getImageData(0, 0, size, size).data;
    for (let i = 0; i < size * size; i++) alpha[i] = pixels[4 * i + 3]!;
    const centre = 4 * (half * size + half);
    rgb = [pixels[centre]!, pixels[centre + 1]!, pixels[centre + 2]!];
  }
  sprite = { key, mask: { size, half, alpha }, rgb };
  return sprite;
}

/** The pixel buffer painted last, reused while the canvas keeps its size. */
let buffer: ImageData | null = null;

/**
 * Paints the dots in device pixels: each at its nearest whole pixel (half a CSS pixel at most from
 * where the SVG puts it), once per pixel — a dense run has hundreds of thousands of dots on a few
 * thousand distinct places, and one path of them all took Skia over a second to fill. Stamped into
 * a pixel buffer (stampDots.ts) and put on the canvas at once.
 */
function paintDots(
  ctx: CanvasRenderingContext2D,
  layout: PlotLayout,
  dots: Points,
  fill: string,
  ratio: number,
) {
  const { width, height, margin } = layout;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  if (w === 0 || h === 0) return;
  if (buffer?.width !== w || buffer.height !== h) buffer = ctx.createImageData(w, h);
  else buffer.data.fill(0);
  const { mask, rgb } = spriteOf(fill, ratio);
  const clip = {
    left: Math.round(margin.left * ratio),
    top: Math.round(margin.top * ratio),
    right: Math.round((width - margin.right) * ratio),
    bottom: Math.round((height - margin.bottom) * ratio),
  };
  stampDots(buffer.data, w, h, clip, mask, rgb, dots, ratio);
  ctx.putImageData(buffer, 0, 0);
}

/** The on-time dots of a dense plot, painted in the SVG circles' look (clipped to the plot area). */
export function DotCanvas({ layout, dots, label }: { layout: PlotLayout; dots: Points; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColourScheme();
  const look = useRef<{ key: string; fill: string; zoom: number } | null>(null);
  const { width, height } = layout;
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // Colour and zoom read once per scheme and size: each read forces a style recalculation.
    const key = `${scheme} ${width} ${height}`;
    if (look.current?.key !== key) {
      const fill = getComputedStyle(canvas).getPropertyValue('--c-onTime').trim() || '#0072b2';
      look.current = { key, fill, zoom: cssZoomOf(canvas) };
    }
    const ratio = (window.devicePixelRatio || 1) * look.current.zoom;
    const w = Math.ceil(width * ratio);
    const h = Math.ceil(height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const fill = look.current.fill;
    // A very dense plot is painted in the next frame's task, not in the one that rendered it (after
    // a what-if that one has the whole new run to render): the dots follow a frame later.
    if (dots.n <= PAINT_AT_ONCE_DOTS) {
      paintDots(ctx, layout, dots, fill, ratio);
      return;
    }
    const frame = requestAnimationFrame(() => paintDots(ctx, layout, dots, fill, ratio));
    return () => cancelAnimationFrame(frame);
    // Painted again only when the dots, their place or their colour change (a parent's render that
    // changes none of them repainted 24 ms of dots in the frame of another view's install).
  }, [layout, dots, scheme, width, height]);
  return (
    <canvas ref={ref} className="etplot__canvas" style={{ width, height }} role="img" aria-label={label} />
  );
}
