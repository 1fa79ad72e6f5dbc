import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MOMENTS, PRESET_IDS, PRESET_MOMENT_MS } from './moments';

/**
 * The look, as text: at every moment of ./moments.ts, in both themes, each kind of element (tag and
 * classes) and the computed values of the properties that make its look. The union over all moments
 * is compared with e2e/snapshots/computed-styles-{light,dark}.txt, so a lost, reordered or
 * overridden rule fails here with a readable diff ("broker__cell: fill #0072b2 → …"), whichever
 * stylesheet it lives in. Sizes that follow content (width, height, offsets, transforms) are left
 * out; the pixel comparison (visual.spec.ts, on request) covers layout.
 *
 * After an intended change of look, remake the snapshots and commit them with the change that moved
 * them: npx playwright test styles --update-snapshots
 */

/** The properties that make an element's look; longhands, so every engine reports them alike. */
const PROPERTIES = [
  'display',
  'position',
  'visibility',
  'opacity',
  'z-index',
  'box-sizing',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'justify-content',
  'align-items',
  'align-self',
  'row-gap',
  'column-gap',
  'grid-auto-flow',
  'order',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'min-width',
  'max-width',
  'min-height',
  'max-height',
  'overflow-x',
  'overflow-y',
  'color',
  'background-color',
  'background-image',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-right-width',
  'border-right-style',
  'border-right-color',
  'border-bottom-width',
  'border-bottom-style',
  'border-bottom-color',
  'border-left-width',
  'border-left-style',
  'border-left-color',
  'border-top-left-radius',
  'border-bottom-right-radius',
  'box-shadow',
  'outline-style',
  'outline-color',
  'outline-width',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'text-decoration-line',
  'text-overflow',
  'white-space-collapse',
  'text-wrap-mode',
  'vertical-align',
  'list-style-type',
  'cursor',
  'pointer-events',
  'filter',
  'content-visibility',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

/** Properties a child takes from its parent unless a rule sets them. */
const INHERITED = new Set([
  'visibility',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'white-space-collapse',
  'text-wrap-mode',
  'list-style-type',
  'cursor',
  'pointer-events',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
]);

/**
 * Each kind of element on the page (tag and sorted classes) with each distinct look it has. A look
 * lists only what the page's rules decide: a property is left out where it equals the browser's own
 * default for that tag, or, for inherited properties, the parent's value.
 */
async function looks(page: Page): Promise<Map<string, Set<string>>> {
  const found = await page.evaluate(
    ({ properties, inherited }) => {
      const inheritedSet = new Set(inherited);
      // The browser's defaults, per tag, from an unstyled document.
      const frame = document.createElement('iframe');
      frame.style.display = 'none';
      document.body.append(frame);
      const blank = frame.contentDocument!;
      const defaults = new Map<string, CSSStyleDeclaration>();
      const defaultsOf = (el: Element) => {
        const key = `${el.namespaceURI}|${el.tagName}`;
        if (!defaults.has(key)) {
          const copy = blank.createElementNS(el.namespaceURI, el.tagName);
          const host =
            el.namespaceURI === 'http://www.w3.org/2000/svg'
              ? blank.createElementNS(el.namespaceURI, 'svg')
              : null;
          if (host && el.tagName !== 'svg') {
            host.append(copy);
            blank.body.append(host);
          } else blank.body.append(copy);
          defaults.set(key, frame.contentWindow!.getComputedStyle(copy));
        }
        return defaults.get(key)!;
      };
      const out: [string, string][] = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el === frame) continue;
        const tag = el.tagName.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'link') continue;
        const classes = [...el.classList].sort().join('.');
        const kind = classes ? `${tag}.${classes}` : tag;
        const style = getComputedStyle(el);
        const parent = el.parentElement ? getComputedStyle(el.parentElement) : null;
        const base = defaultsOf(el);
        const own: string[] = [];
        for (const p of properties) {
          const value = style.getPropertyValue(p);
          // A border or outline colour shows only where there is a border or outline.
          const side = /^(border-\w+|outline)-color$/.exec(p)?.[1];
          if (side && style.getPropertyValue(`${side}-style`) === 'none') continue;
          if (inheritedSet.has(p) && parent && parent.getPropertyValue(p) === value) continue;
          if (!inheritedSet.has(p) && base.getPropertyValue(p) === value) continue;
          own.push(`${p}: ${value}`);
        }
        out.push([kind, own.join('; ')]);
      }
      frame.remove();
      return out;
    },
    { properties: PROPERTIES as unknown as string[], inherited: [...INHERITED] },
  );
  const map = new Map<string, Set<string>>();
  for (const [kind, look] of found) {
    if (!map.has(kind)) map.set(kind, new Set());
    map.get(kind)!.add(look);
  }
  return map;
}

/** One paragraph per kind of element, sorted, each look on its own line. */
function format(all: Map<string, Set<string>>): string {
  return `${[...all]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([kind, set]) =>
        `${kind}\n${[...set]
          .sort()
          .map((l) => `  ${l}`)
          .join('\n')}`,
    )
    .join('\n\n')}\n`;
}

test.use({ reducedMotion: 'reduce', trace: 'off' });

test('every preset has a moment the look checks visit', () => {
  expect(Object.keys(PRESET_MOMENT_MS).sort()).toEqual(PRESET_IDS);
});

// Each moment is opened once and read in both themes: the theme follows the system's colour scheme
// as it changes (src/ui/theme/tokens.css, src/viz/useColourScheme.ts), so no second visit is needed.
test('computed styles at every moment, in the light and the dark theme', async ({ page }) => {
  test.setTimeout(300_000);
  const all = { light: new Map<string, Set<string>>(), dark: new Map<string, Set<string>>() };
  for (const moment of MOMENTS) {
    await page.setViewportSize(moment.phone ? { width: 390, height: 844 } : { width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await moment.open(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      // Let React re-render what depends on the scheme (canvas palettes) before reading.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      for (const [kind, set] of await looks(page)) {
        if (!all[scheme].has(kind)) all[scheme].set(kind, new Set());
        for (const look of set) all[scheme].get(kind)!.add(look);
      }
    }
  }
  expect.soft(format(all.light)).toMatchSnapshot('computed-styles-light.txt');
  expect.soft(format(all.dark)).toMatchSnapshot('computed-styles-dark.txt');
});
