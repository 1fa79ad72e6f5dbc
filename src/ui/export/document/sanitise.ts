import { PAINTS } from './styles';

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
