/** A copied SVG made to look the same outside the page: computed styles as presentation attributes. */
import { formatColour, toColour } from './colour';

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
export const PAINTS = new Set(['fill', 'stroke']);
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

export function normalise(name: string, value: string, colour: string, doc: Document): string {
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
