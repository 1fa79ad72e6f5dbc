import { inlineStyles } from './styles';
import { svg } from './svgElement';

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
export function borrowDefinitions(root: SVGSVGElement, doc: Document): void {
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
