/**
 * Painting thousands of tuple marks into a pixel buffer. No React and no DOM beyond OffscreenCanvas,
 * so it runs in the lanes' worker as well as on the main thread.
 */
import type { MarkCategory, ProducersLayout } from './layout';

/** Adds one mark's outline to the current path (a new sub-path, so marks never join). */
function traceMark(ctx: CanvasPath, category: MarkCategory, x: number, y: number, r: number) {
  switch (category) {
    case 'onTime':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'outOfOrder':
      ctx.moveTo(x, y - r - 1.5);
      ctx.lineTo(x + r + 1.5, y);
      ctx.lineTo(x, y + r + 1.5);
      ctx.lineTo(x - r - 1.5, y);
      ctx.closePath();
      return;
    case 'late':
      ctx.moveTo(x, y - r - 2);
      ctx.lineTo(x + r + 1.5, y + r);
      ctx.lineTo(x - r - 1.5, y + r);
      ctx.closePath();
      return;
    case 'inFlight':
      ctx.moveTo(x + r - 0.5, y);
      ctx.arc(x, y, r - 0.5, 0, 2 * Math.PI);
      return;
    case 'buffered':
      ctx.rect(x - r + 0.5, y - r + 0.5, 2 * r - 1, 2 * r - 1);
      return;
    case 'dropped':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      return;
  }
}

/** Filled shapes; the others are outlines. */
const FILLED: ReadonlySet<MarkCategory> = new Set(['onTime', 'outOfOrder', 'late']);
const LINE_WIDTH: Record<MarkCategory, number> = {
  onTime: 0,
  outOfOrder: 0,
  late: 0,
  inFlight: 1.6,
  buffered: 1.6,
  dropped: 2,
};
/** Painting order: what a learner must not miss (late, lost) is drawn last, on top. */
const PAINT_ORDER: readonly MarkCategory[] = [
  'onTime',
  'inFlight',
  'buffered',
  'outOfOrder',
  'late',
  'dropped',
];

/** One glyph rasterised once per category, colour and pixel ratio: its visible pixels and their colours. */
interface Stamp {
  readonly key: string;
  /** Offset of the glyph's centre from its top-left pixel, in device pixels. */
  readonly half: number;
  /** For each visible pixel: dx, dy from the top-left, then r, g, b, a. */
  readonly pixels: Int16Array;
}
const stamps = new Map<MarkCategory, Stamp>();

function stamp(category: MarkCategory, colour: string, r: number, ratio: number): Stamp {
  const key = `${colour}|${r}|${ratio}`;
  const cached = stamps.get(category);
  if (cached?.key === key) return cached;
  const half = Math.ceil((r + 3) * ratio);
  const size = 2 * half;
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const pixels: number[] = [];
  if (ctx) {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath();
    traceMark(ctx, category, half / ratio, half / ratio, r);
    if (FILLED.has(category)) {
      ctx.fillStyle = colour;
      ctx.fill();
    } else {
      ctx.strokeStyle = colour;
      ctx.lineWidth = LINE_WIDTH[category];
      ctx.stroke();
    }
    const data = ctx.getImageData(0, 0, size, size).data;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = (y * size + x) * 4;
        if (data[i + 3])
          pixels.push(x, y, data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0);
      }
    }
  }
  const made = { key, half, pixels: Int16Array.from(pixels) };
  stamps.set(category, made);
  return made;
}

/** Pixel buffers are little-endian on every browser this runs in: RGBA bytes read as 0xAABBGGRR. */
const pack = (r: number, g: number, b: number, a: number) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/**
 * Paints many marks into an RGBA pixel buffer (`width` × `height` device pixels) by stamping one
 * pre-rasterised glyph per category. Thousands of tuples cost a few milliseconds, with no path or
 * draw call per mark: on a lecture-hall PC without a GPU, a path per mark dropped frames at 16×.
 * Late and lost tuples are painted last, on top. A mark on the very pixel of an earlier mark of the
 * same category would not change the picture, so it is skipped.
 */
export function paintMarks(
  out: Uint8ClampedArray,
  width: number,
  height: number,
  marks: readonly { readonly category: MarkCategory; readonly x: number; readonly y: number }[],
  colours: Record<MarkCategory, string>,
  r: number,
  ratio = 1,
) {
  const words = new Uint32Array(out.buffer, out.byteOffset, width * height);
  words.fill(0);
  const seen = new Set<number>();
  for (const category of PAINT_ORDER) {
    const { half, pixels } = stamp(category, colours[category], r, ratio);
    const n = pixels.length / 6;
    const size = 2 * half;
    // Per visible pixel: its offset in the buffer from the stamp's top-left, colour and alpha.
    const offset = new Int32Array(n);
    const packed = new Uint32Array(n);
    const alpha = new Uint8Array(n);
    for (let q = 0; q < n; q++) {
      const p = q * 6;
      offset[q] = (pixels[p + 1] ?? 0) * width + (pixels[p] ?? 0);
      packed[q] = pack(pixels[p + 2] ?? 0, pixels[p + 3] ?? 0, pixels[p + 4] ?? 0, pixels[p + 5] ?? 0);
      alpha[q] = pixels[p + 5] ?? 0;
    }
    seen.clear();
    for (const m of marks) {
      if (m.category !== category) continue;
      const left = Math.round(m.x * ratio) - half;
      const top = Math.round(m.y * ratio) - half;
      const at = top * width + left;
      if (seen.has(at)) continue;
      seen.add(at);
      const inside = left >= 0 && top >= 0 && left + size <= width && top + size <= height;
      for (let q = 0; q < n; q++) {
        if (!inside) {
          const p = q * 6;
          const x = left + (pixels[p] ?? 0);
          const y = top + (pixels[p + 1] ?? 0);
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
        }
        const w = at + (offset[q] ?? 0);
        const a = alpha[q] ?? 0;
        const under = words[w] ?? 0;
        if (a === 255 || under === 0) {
          words[w] = packed[q] ?? 0;
          continue;
        }
        // source-over on straight alpha
        const p = q * 6;
        const sa = a / 255;
        const keep = ((under >>> 24) / 255) * (1 - sa);
        const oa = sa + keep;
        words[w] = pack(
          ((pixels[p + 2] ?? 0) * sa + (under & 255) * keep) / oa,
          ((pixels[p + 3] ?? 0) * sa + ((under >>> 8) & 255) * keep) / oa,
          ((pixels[p + 4] ?? 0) * sa + ((under >>> 16) & 255) * keep) / oa,
          Math.round(oa * 255),
        );
      }
    }
  }
}

/** A canvas, on the page or offscreen, and what has been painted on it so far. */
export interface LanesCanvas {
  readonly canvas: { width: number; height: number };
  readonly ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  /** Reused between frames; replaced when the size changes. */
  image: ImageData | null;
}

/** Paints a dense lanes layout's marks, and a ring around the selected tuple. */
export function paintLanes(
  target: LanesCanvas,
  layout: ProducersLayout,
  options: {
    readonly colours: Record<MarkCategory, string>;
    readonly focus: string;
    readonly selected: number | null;
    readonly radius: number;
    readonly ratio: number;
  },
): void {
  const { canvas, ctx } = target;
  const { ratio } = options;
  // Resizing a canvas reallocates its bitmap: only when the size really changes.
  const w = Math.round(layout.width * ratio);
  const h = Math.round(layout.height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  if (target.image?.width !== w || target.image.height !== h) target.image = ctx.createImageData(w, h);
  paintMarks(target.image.data, w, h, layout.marks, options.colours, options.radius, ratio);
  ctx.putImageData(target.image, 0, 0);
  const s = layout.marks.find((m) => m.id === options.selected);
  if (!s) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.beginPath();
  ctx.arc(s.x, s.y, 9, 0, 2 * Math.PI);
  ctx.strokeStyle = options.focus;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
