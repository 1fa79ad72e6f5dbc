/** The SVG file's text: DOM serialisation escapes every text node and attribute. */
export function serialiseSvg(root: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}
