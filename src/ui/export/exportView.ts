/**
 * A panel's picture for slides: its SVG views and canvases gathered into one standalone SVG
 * document (computed styles inlined, CSS variables resolved, canvases embedded as PNG images), or
 * that document rasterised to a PNG. Text travels as DOM text nodes and is written by
 * XMLSerializer, so a tuple key full of markup stays text.
 */

import { rasterise } from './document/pngWriter';
import { type DocumentOptions, svgDocumentFor } from './document/svgDocument';
import { serialiseSvg } from './document/svgWriter';
import type { ExportFormat } from './exportTargets';

// The builder's parts, as this module offered them before they had files of their own.
export { arrange } from './document/arrange';
export { toColour } from './document/colour';
export { EXPORT_SCALE } from './document/exportScale';
export { rasterise } from './document/pngWriter';
export { sanitise } from './document/sanitise';
export { inlineStyles, resolveVariables } from './document/styles';
export { type DocumentOptions, svgDocumentFor } from './document/svgDocument';
export { serialiseSvg } from './document/svgWriter';
export { type Box, type ExportFormat, exportableViews, exportFileName } from './exportTargets';

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
