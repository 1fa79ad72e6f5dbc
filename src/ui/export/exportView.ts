/**
 * A panel's picture for slides: its SVG views and canvases gathered into one standalone SVG
 * document (computed styles inlined, CSS variables resolved, canvases embedded as PNG images), or
 * that document rasterised to a PNG. Text travels as DOM text nodes and is written by
 * XMLSerializer, so a tuple key full of markup stays text.
 */
import { LanesPainter } from '../../viz/producers/painter';
import { type Box, boundingBox, type ExportFormat, exportableViews } from './exportTargets';

export { type Box, type ExportFormat, exportableViews, exportFileName } from './exportTargets';

export interface DocumentOptions {
  /** The document's <title> (default: the panel's heading). */
  readonly description?: string;
  /** Where an element is drawn (default: its bounding client rect). */
  readonly measure?: (element: Element) => Box;
  /** A canvas's pixels as a PNG data URL, or null if they cannot be read. */
  readonly readCanvas?: (canvas: HTMLCanvasElement) => Promise<string | null>;
}

/** Slides are shown on large screens: PNGs and embedded canvases are drawn at twice the CSS size. */
export const EXPORT_SCALE = 2;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** SVGs this small are icons and legend swatches, not views. */
/** Space between views that sit one above the other in the panel. */
const GAP = 12;

interface Property {
  readonly name: string;
  readonly inherited: boolean;
  /** What a standalone renderer assumes when the attribute is absent ('' if it depends on the renderer). */
  readonly initial: string;
}

/** The presentation properties the views' stylesheet sets, in SVG attribute form. */
const PROPERTIES: readonly Property[] = [
  { name: 'fill', inherited: true, initial: '#000000' },
  { name: 'fill-opacity', inherited: true, initial: '1' },
  { name: 'stroke', inherited: true, initial: 'none' },
  { name: 'stroke-width', inherited: true, initial: '1' },
  { name: 'stroke-dasharray', inherited: true, initial: 'none' },
  { name: 'stroke-opacity', inherited: true, initial: '1' },
  { name: 'stroke-linecap', inherited: true, initial: 'butt' },
  { name: 'stroke-linejoin', inherited: true, initial: 'miter' },
  { name: 'paint-order', inherited: true, initial: 'normal' },
  { name: 'opacity', inherited: false, initial: '1' },
  { name: 'font-family', inherited: true, initial: '' },
  { name: 'font-size', inherited: true, initial: '16' },
  { name: 'font-weight', inherited: true, initial: '400' },
  { name: 'font-style', inherited: true, initial: 'normal' },
  { name: 'letter-spacing', inherited: true, initial: 'normal' },
  { name: 'text-anchor', inherited: true, initial: 'start' },
  // Inherited in SVG 2, not in SVG 1.1: written wherever it is not the default, to suit both.
  { name: 'dominant-baseline', inherited: false, initial: 'auto' },
  { name: 'visibility', inherited: true, initial: 'visible' },
];
const PAINTS = new Set(['fill', 'stroke']);
const LENGTHS = new Set(['stroke-width', 'font-size', 'letter-spacing']);
/** Elements with no presentation of their own. */
const UNSTYLED = new Set(['title', 'desc', 'metadata']);

/** The value each property has on an element, as a standalone renderer would inherit it. */
type Presentation = Readonly<Record<string, string>>;
const INITIAL: Presentation = Object.fromEntries([
  ...PROPERTIES.map((p) => [p.name, p.initial]),
  ['color', '#000000'],
]);

/**
 * Writes the computed presentation of `source` and its descendants onto `target`, a deep clone of
 * it, as SVG attributes: only where a renderer would not inherit the same value anyway.
 * Elements the page does not display are removed from the clone.
 */
export function inlineStyles(source: Element, target: Element, inherited: Presentation = INITIAL): void {
  const own = inlineOne(source, target, inherited);
  if (!own) return;
  const sources = Array.from(source.children);
  const targets = Array.from(target.children);
  sources.forEach((child, i) => {
    const copy = targets[i];
    if (copy) inlineStyles(child, copy, own);
  });
}

function inlineOne(source: Element, target: Element, inherited: Presentation): Presentation | null {
  if (UNSTYLED.has(source.localName)) return inherited;
  const view = source.ownerDocument.defaultView;
  if (!view) return inherited;
  const style = view.getComputedStyle(source);
  if (style.display === 'none') {
    target.remove();
    return null;
  }
  const read = (name: string) => {
    // Browsers fold presentation attributes into the computed style; simpler engines may not.
    const raw = style.getPropertyValue(name).trim() || source.getAttribute(name)?.trim() || '';
    const value = resolveVariables(raw, style);
    return value.includes('var(') ? '' : value;
  };
  const colour = read('color');
  const own: Record<string, string> = {
    color: colour ? toColour(colour, source.ownerDocument) : inherited.color!,
  };
  for (const p of PROPERTIES) {
    const raw = read(p.name);
    const value = raw
      ? normalise(p.name, raw, own.color!, source.ownerDocument)
      : p.inherited
        ? inherited[p.name]!
        : p.initial;
    own[p.name] = value;
  }
  // Translucent paint as an opaque colour and an opacity: older editors do not read rgba().
  for (const paint of PAINTS) {
    const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(own[paint]!);
    if (!rgba) continue;
    own[paint] = formatColour([Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), 1]);
    const opacity = Number(own[`${paint}-opacity`]) * Number(rgba[4]);
    own[`${paint}-opacity`] = String(Math.round((Number.isFinite(opacity) ? opacity : 1) * 1000) / 1000);
  }
  for (const p of PROPERTIES) {
    const value = own[p.name]!;
    target.removeAttribute(p.name);
    const differs = value !== (p.inherited ? inherited[p.name] : p.initial);
    if (differs && value !== '') target.setAttribute(p.name, value);
  }
  // Corner radii may come from the stylesheet too (SVG 2 geometry properties).
  if (source.localName === 'rect')
    for (const name of ['rx', 'ry']) {
      const radius = /^([\d.]+)px$/.exec(style.getPropertyValue(name).trim());
      if (radius?.[1]) target.setAttribute(name, radius[1]);
    }
  return own;
}

/** `var(--name, fallback)` replaced by the custom property's value on the element. */
export function resolveVariables(value: string, style: CSSStyleDeclaration, depth = 0): string {
  if (!value.includes('var(') || depth > 8) return value;
  const resolved = value.replace(
    /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g,
    (_, name: string, fallback?: string) => style.getPropertyValue(name).trim() || fallback?.trim() || '',
  );
  return resolveVariables(resolved, style, depth + 1);
}

function normalise(name: string, value: string, colour: string, doc: Document): string {
  if (PAINTS.has(name)) {
    if (value === 'none') return value;
    const ref = /url\(\s*["']?[^#"')]*#([^"')]+)["']?\s*\)/.exec(value);
    if (ref) return `url(#${ref[1]})`;
    return toColour(/^currentcolor$/i.test(value) ? colour : value, doc);
  }
  if (LENGTHS.has(name)) return value.replace(/^(-?[\d.]+)px$/, '$1');
  if (name === 'stroke-dasharray')
    return value === 'none' ? value : value.replace(/px/g, '').replace(/\s*,\s*|\s+/g, ' ');
  if (name === 'font-weight') return value === 'normal' ? '400' : value === 'bold' ? '700' : value;
  return value;
}

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

function formatColour([r, g, b, a]: Rgba): string {
  if (a <= 0) return 'none';
  const c = [r, g, b].map((x) => Math.round(Math.min(255, Math.max(0, x))));
  if (a >= 1) return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  return `rgba(${c.join(', ')}, ${Math.round(a * 1000) / 1000})`;
}

/**
 * Where each view goes in the exported picture: views that overlap vertically in the panel (a
 * canvas laid over an SVG) keep their relative places; the groups stack from `top` down, `GAP`
 * apart, with the panel's horizontal offsets. Returns the y of each view and the bottom edge.
 */
export function arrange(boxes: readonly Box[], panel: Box, top: number) {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.top - boxes[b]!.top);
  const placed: { x: number; y: number }[] = boxes.map(() => ({ x: 0, y: 0 }));
  let y = top;
  let bottom = top;
  let group: number[] = [];
  let groupTop = 0;
  let groupBottom = Number.NEGATIVE_INFINITY;
  const close = () => {
    if (group.length === 0) return;
    for (const i of group) placed[i] = { x: boxes[i]!.left - panel.left, y: y + boxes[i]!.top - groupTop };
    bottom = y + groupBottom - groupTop;
    y = bottom + GAP;
  };
  for (const i of order) {
    const box = boxes[i]!;
    if (group.length > 0 && box.top >= groupBottom) {
      close();
      group = [];
    }
    if (group.length === 0) groupTop = box.top;
    group.push(i);
    groupBottom = Math.max(groupBottom, box.top + box.height);
  }
  close();
  return { placed, bottom };
}

/** The standalone SVG document of what `panel` shows (not attached to the page). */
export async function svgDocumentFor(
  panel: HTMLElement,
  options: DocumentOptions = {},
): Promise<SVGSVGElement> {
  const doc = panel.ownerDocument;
  const view = doc.defaultView;
  const measure = options.measure ?? boundingBox;
  const readCanvas = options.readCanvas ?? readCanvasPixels;
  const panelBox = measure(panel);
  const panelStyle = view?.getComputedStyle(panel);
  const padding = (side: 'Left' | 'Top' | 'Right' | 'Bottom') =>
    px(panelStyle?.getPropertyValue(`padding-${side.toLowerCase()}`), 16);
  const heading = panel.querySelector('h2');
  const title = heading?.textContent?.trim() || 'Streamscope view';
  const headingStyle = heading && view ? view.getComputedStyle(heading) : panelStyle;
  const fontSize = px(headingStyle?.fontSize, 17);
  const baseline = padding('Top') + fontSize;

  const views = exportableViews(panel, measure);
  const { placed, bottom } = arrange(
    views.map((v) => v.box),
    panelBox,
    baseline + fontSize * 0.6,
  );
  const width = Math.ceil(
    Math.max(panelBox.width, ...views.map((v, i) => placed[i]!.x + v.box.width + padding('Right'))),
  );
  const height = Math.ceil(bottom + padding('Bottom'));

  const root = svg(doc, 'svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
  }) as SVGSVGElement;
  svg(doc, 'title', {}, root).textContent = options.description ?? title;
  svg(doc, 'rect', { width, height, fill: backgroundOf(panel) }, root);
  svg(
    doc,
    'text',
    {
      x: round(padding('Left')),
      y: round(baseline),
      fill: toColour(headingStyle?.color || '#000', doc),
      'font-family': headingStyle?.fontFamily || 'system-ui, sans-serif',
      'font-size': fontSize,
      'font-weight': normalise('font-weight', headingStyle?.fontWeight || '700', '', doc),
    },
    root,
  ).textContent = title;

  // The SVGs are copied now, in one task, so they show one moment even while the run plays; the
  // canvases' pixels arrive later (a worker may repaint them) and keep their place in the order.
  const parts = views.map(({ element, box }, i): Element | Promise<Element | null> => {
    const at = {
      x: round(placed[i]!.x),
      y: round(placed[i]!.y),
      width: round(box.width),
      height: round(box.height),
    };
    if (element.localName === 'canvas')
      return readCanvas(element as HTMLCanvasElement).then((href) =>
        href?.startsWith('data:image/png;base64,')
          ? svg(doc, 'image', { ...at, preserveAspectRatio: 'none', href })
          : null,
      );
    const copy = element.cloneNode(true) as SVGSVGElement;
    inlineStyles(element, copy);
    for (const [name, value] of Object.entries(at)) copy.setAttribute(name, String(value));
    if (view?.getComputedStyle(element).overflow === 'visible') copy.setAttribute('overflow', 'visible');
    return copy;
  });
  for (const part of await Promise.all(parts)) if (part) root.append(part);
  borrowDefinitions(root, doc);
  sanitise(root);
  return root;
}

/** Definitions a view may use from elsewhere on the page (a pattern is defined once, used by many views). */
const DEFINITIONS = new Set([
  'pattern',
  'linearGradient',
  'radialGradient',
  'clipPath',
  'mask',
  'marker',
  'filter',
]);

/**
 * Copies into the document the paint servers and clip paths its views refer to but the page
 * defines elsewhere (the broker's offline replicas use the lanes' hatch pattern), styles inlined.
 * Nothing else from outside the panel is taken; a reference to anything else is dropped by `sanitise`.
 */
function borrowDefinitions(root: SVGSVGElement, doc: Document): void {
  let defs: Element | null = null;
  for (let round = 0; round < 4; round++) {
    const ids = new Set(Array.from(root.querySelectorAll('[id]'), (el) => el.id));
    const missing = new Set<string>();
    for (const el of Array.from(root.querySelectorAll('*')))
      for (const { value } of Array.from(el.attributes)) {
        const id = /url\(#([^)]+)\)/.exec(value)?.[1];
        if (id && !ids.has(id)) missing.add(id);
      }
    let added = false;
    for (const id of missing) {
      const source = doc.getElementById(id);
      if (!source || !DEFINITIONS.has(source.localName)) continue;
      const copy = source.cloneNode(true) as Element;
      inlineStyles(source, copy);
      defs ??= svg(doc, 'defs', {});
      defs.append(copy);
      added = true;
    }
    if (defs && !defs.parentNode) root.insertBefore(defs, root.children[2] ?? null);
    if (!added) return;
  }
}

/** Only drawing is kept: no script, no foreign content, no interaction, no reference out of the file. */
export function sanitise(root: SVGSVGElement): void {
  for (const el of Array.from(root.querySelectorAll('script, foreignObject, style, iframe, animate, set')))
    el.remove();
  const ids = new Set(Array.from(root.querySelectorAll('[id]'), (el) => el.id));
  const local = (value: string) => /^#/.test(value) && ids.has(value.slice(1));
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(el.attributes)) {
      const lower = name.toLowerCase();
      if (
        lower.startsWith('on') ||
        lower.startsWith('data-') ||
        (lower.startsWith('aria-') && lower !== 'aria-label' && lower !== 'aria-hidden') ||
        ['tabindex', 'class', 'style', 'focusable', 'contenteditable', 'draggable'].includes(lower) ||
        (lower === 'role' && el !== root)
      ) {
        el.removeAttribute(name);
      } else if (lower === 'href' || lower === 'xlink:href') {
        const ok = local(value) || (el.localName === 'image' && value.startsWith('data:image/png;base64,'));
        if (!ok) el.removeAttribute(name);
      } else if (value.includes('url(')) {
        const ref = /url\(#([^)]+)\)/.exec(value)?.[1];
        if (!ref || !ids.has(ref)) {
          if (PAINTS.has(lower)) el.setAttribute(name, 'none');
          else el.removeAttribute(name);
        }
      }
    }
    if (['use', 'image'].includes(el.localName) && !el.hasAttribute('href') && !el.hasAttribute('xlink:href'))
      el.remove();
  }
}

/** The SVG file's text: DOM serialisation escapes every text node and attribute. */
export function serialiseSvg(root: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

/** The SVG drawn on a canvas at `scale` device pixels per CSS pixel, as a PNG. */
export async function rasterise(
  svgText: string,
  width: number,
  height: number,
  scale = EXPORT_SCALE,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the exported SVG'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas to draw the PNG on');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (png) => (png ? resolve(png) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Builds the picture of `panel` in `format` and hands it to the browser as a download. */
export async function exportView(
  panel: HTMLElement,
  format: ExportFormat,
  fileName: string,
  options: DocumentOptions = {},
) {
  const root = await svgDocumentFor(panel, options);
  const text = serialiseSvg(root);
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  const file =
    format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await rasterise(text, width, height);
  download(file, fileName, panel.ownerDocument);
}

function download(file: Blob, fileName: string, doc: Document): void {
  const url = URL.createObjectURL(file);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the file after this task has ended.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A canvas's pixels; one handed to the lanes' worker is repainted there, at the export scale. */
async function readCanvasPixels(canvas: HTMLCanvasElement): Promise<string | null> {
  const painter = LanesPainter.of(canvas);
  if (painter) {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
    const png = await Promise.race([painter.snapshot(EXPORT_SCALE), timeout]);
    return png ? dataUrl(png) : null;
  }
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The colour behind the panel: its own background, or the nearest ancestor's. */
function backgroundOf(panel: Element): string {
  const view = panel.ownerDocument.defaultView;
  for (let el: Element | null = panel; el && view; el = el.parentElement) {
    const colour = toColour(view.getComputedStyle(el).backgroundColor || 'transparent', panel.ownerDocument);
    if (colour !== 'none' && !colour.startsWith('rgba(')) return colour;
  }
  return '#ffffff';
}

/** Coordinates to a hundredth of a pixel: exact enough, and a readable file. */
const round = (n: number) => Math.round(n * 100) / 100;

function px(value: string | undefined, fallback: number): number {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) ? n : fallback;
}

function svg(
  doc: Document,
  name: string,
  attributes: Record<string, string | number>,
  parent?: Element,
): SVGElement {
  const el = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  parent?.append(el);
  return el;
}
