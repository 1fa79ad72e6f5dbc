const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with `attributes`, appended to `parent` if one is given. */
export function svg(
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
