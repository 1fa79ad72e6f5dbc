/** The document builder: a panel's heading and views gathered into one standalone SVG, on its background. */
import { type Box, boundingBox, exportableViews } from '../exportTargets';
import { arrange } from './arrange';
import { readCanvasPixels } from './canvasPixels';
import { toColour } from './colour';
import { borrowDefinitions } from './definitions';
import { sanitise } from './sanitise';
import { inlineStyles, normalise } from './styles';
import { svg } from './svgElement';

export interface DocumentOptions {
  /** The document's <title> (default: the panel's heading). */
  readonly description?: string;
  /** Where an element is drawn (default: its bounding client rect). */
  readonly measure?: (element: Element) => Box;
  /** A canvas's pixels as a PNG data URL, or null if they cannot be read. */
  readonly readCanvas?: (canvas: HTMLCanvasElement) => Promise<string | null>;
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
