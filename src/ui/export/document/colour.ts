/** Colours normalised to the forms SVG editors and slide programs read. */

const colourCache = new Map<string, string>();

/**
 * A colour as `#rrggbb`, `rgba(r, g, b, a)` or `none` (fully transparent): forms every SVG editor
 * and slide program reads. Colour functions a browser may compute (`color(srgb …)`, `oklch(…)`)
 * are painted on a 1×1 canvas and read back.
 */
export function toColour(value: string, doc: Document = document): string {
  const cached = colourCache.get(value);
  if (cached) return cached;
  const rgba = parseColour(value) ?? readBack(value, doc);
  const result = rgba ? formatColour(rgba) : value;
  colourCache.set(value, result);
  return result;
}

type Rgba = readonly [number, number, number, number];

function parseColour(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return [0, 0, 0, 0];
  const hex = /^#([\da-f]{3,8})$/.exec(v)?.[1];
  if (hex && [3, 4].includes(hex.length)) return parseColour(`#${[...hex].map((c) => c + c).join('')}`);
  if (hex && [6, 8].includes(hex.length)) {
    const n = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), hex.length === 8 ? n(6) / 255 : 1];
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(v);
  if (!fn?.[2]) return null;
  let args = fn[2];
  const srgb = fn[1] === 'color';
  if (srgb) {
    if (!args.startsWith('srgb ')) return null;
    args = args.slice(5);
  }
  const parts = args
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length < 3 || parts.some((p) => Number.isNaN(p))) return null;
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return srgb ? [r * 255, g * 255, b * 255, a] : [r, g, b, a];
}

let probe: CanvasRenderingContext2D | null | undefined;

function readBack(value: string, doc: Document): Rgba | null {
  if (probe === undefined) {
    try {
      probe = doc.createElement('canvas').getContext('2d', { willReadFrequently: true });
    } catch {
      probe = null;
    }
  }
  if (!probe || typeof probe.getImageData !== 'function') return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

export function formatColour([r, g, b, a]: Rgba): string {
  if (a <= 0) return 'none';
  const c = [r, g, b].map((x) => Math.round(Math.min(255, Math.max(0, x))));
  if (a >= 1) return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  return `rgba(${c.join(', ')}, ${Math.round(a * 1000) / 1000})`;
}
