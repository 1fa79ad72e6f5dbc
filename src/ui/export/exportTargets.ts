/**
 * What a panel can export and under which name: cheap enough to load with every panel, while the
 * document builder (exportView.ts) loads only when an export is asked for.
 */
export type ExportFormat = 'svg' | 'png';

/** A rectangle in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Pictures this small are icons, not views. */
const ICON_SIZE = 24;

export function boundingBox(element: Element): Box {
  return element.getBoundingClientRect();
}

/** The panel's pictures: outermost SVGs and canvases, not icons, not the panel's own controls. */
export function exportableViews(panel: Element, measure: (element: Element) => Box = boundingBox) {
  const views: { element: SVGSVGElement | HTMLCanvasElement; box: Box }[] = [];
  for (const element of Array.from(
    panel.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas'),
  )) {
    if (element.parentElement?.closest('svg')) continue;
    if (element.closest('.panel__head, button, [role="menu"], [data-export="skip"]')) continue;
    const box = measure(element);
    if (box.width < 1 || box.height < 1) continue;
    if (box.width <= ICON_SIZE && box.height <= ICON_SIZE) continue;
    views.push({ element, box });
  }
  return views;
}

/** `streamscope-<scenario>-<panel>-<time in ms>.<format>`, safe as a file name everywhere. */
export function exportFileName(
  presetId: string,
  panelId: string,
  timeMs: number,
  format: ExportFormat,
): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'view';
  return `streamscope-${slug(presetId)}-${slug(panelId)}-${Math.max(0, Math.round(timeMs))}.${format}`;
}
