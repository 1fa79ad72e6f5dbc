// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import {
  arrange,
  type Box,
  exportableViews,
  exportFileName,
  serialiseSvg,
  svgDocumentFor,
  toColour,
} from './exportView';

const HOSTILE = '</text><script>alert(1)</script>';
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** happy-dom lays nothing out: boxes come from `data-box="left top width height"`. */
function measure(element: Element): Box {
  const [left = 0, top = 0, width = 0, height = 0] = (element.getAttribute('data-box') ?? '0 0 0 0')
    .split(' ')
    .map(Number);
  return { left, top, width, height };
}

function panel(html: string): HTMLElement {
  const style = document.createElement('style');
  style.textContent = `
    :root { --panel: #fafbfc; --text: #17212b; --c-late: #c54a00; --muted: #4f5b6a; }
    .panel { background: var(--panel); color: var(--text); padding: 16px 18px; }
    h2 { font-size: 17px; font-weight: 700; font-family: system-ui, sans-serif; }
    .mark--late { fill: var(--c-late); stroke: currentColor; stroke-width: 1.5px; }
    .axis { stroke: var(--muted); stroke-dasharray: 4px, 3px; }
    .hatch { stroke: rgba(163, 61, 138, 0.28); stroke-opacity: 0.5; }
    .label { fill: var(--text); font-size: 12px; font-weight: 600; text-anchor: middle; }
    .gone { display: none; }
  `;
  document.head.append(style);
  const section = document.createElement('section');
  section.className = 'panel';
  section.setAttribute('data-box', '0 0 600 400');
  section.innerHTML = html;
  document.body.append(section);
  return section;
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the SVG document of a panel', () => {
  test('keeps markup in a tuple key as text: no script element, nothing escapes the <text>', async () => {
    const p = panel(`
      <div class="panel__head"><h2>Broker</h2></div>
      <svg data-box="18 60 400 100" width="400" height="100">
        <text class="label" x="10" y="20"></text>
      </svg>`);
    p.querySelector('text')!.textContent = `key ${HOSTILE}`;
    const text = serialiseSvg(await svgDocumentFor(p, { measure }));
    expect(text).not.toContain('<script');
    expect(text).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const texts = Array.from(doc.querySelectorAll('text'), (t) => t.textContent);
    expect(texts).toEqual(['Broker', `key ${HOSTILE}`]);
  });

  test('inlines computed styles as attributes and resolves CSS variables and currentColor', async () => {
    const p = panel(`
      <div class="panel__head"><h2>Producers</h2></div>
      <svg data-box="18 60 400 100" width="400" height="100" class="lanes__svg" tabindex="0" role="group">
        <g role="button" tabindex="-1" aria-pressed="false" data-tuple="7" style="color: #00ff00">
          <path class="mark--late" d="M0,0L5,5Z" />
        </g>
        <line class="axis" x1="0" x2="400" y1="90" y2="90" />
        <text class="label" x="200" y="50">now 8.0 s</text>
        <circle class="gone" r="3" />
        <line class="hatch" x2="6" />
      </svg>`);
    const root = await svgDocumentFor(p, { measure });
    const text = serialiseSvg(root);
    expect(text).not.toContain('var(');
    const doc = parse(text);
    const path = doc.querySelector('path')!;
    expect(path.getAttribute('fill')).toBe('#c54a00');
    expect(path.getAttribute('stroke')).toBe('#00ff00');
    expect(path.getAttribute('stroke-width')).toBe('1.5');
    const axis = doc.querySelector('line')!;
    expect(axis.getAttribute('stroke')).toBe('#4f5b6a');
    expect(axis.getAttribute('stroke-dasharray')).toBe('4 3');
    const label = Array.from(doc.querySelectorAll('text')).find((t) => t.textContent === 'now 8.0 s')!;
    expect(label.getAttribute('fill')).toBe('#17212b');
    expect(label.getAttribute('font-size')).toBe('12');
    expect(label.getAttribute('font-weight')).toBe('600');
    expect(label.getAttribute('text-anchor')).toBe('middle');
    // Translucent paint: an opaque colour with the alpha folded into its opacity.
    const hatch = doc.querySelectorAll('line')[1]!;
    expect(hatch.getAttribute('stroke')).toBe('#a33d8a');
    expect(hatch.getAttribute('stroke-opacity')).toBe('0.14');
    // Not displayed on the page: not in the file.
    expect(doc.querySelectorAll('circle')).toHaveLength(0);
    // Interaction and stylesheet hooks are gone.
    expect(text).not.toMatch(/tabindex|class=|data-tuple|aria-pressed|role="button"|style=/);
  });

  test('has a background in the panel colour, the title as a heading, and the view placed below it', async () => {
    const p = panel(`
      <div class="panel__head"><h2>Consumers</h2>
        <button aria-label="Export Consumers view"><svg data-box="500 16 14 14" width="14" height="14"><path d="M0 0"/></svg></button>
      </div>
      <svg data-box="18 80 300 120" width="300" height="120"><rect x="0" y="0" width="10" height="10" /></svg>
      <svg data-box="40 90 16 16" width="16" height="16"><circle r="4" /></svg>`);
    const root = await svgDocumentFor(p, { measure, description: 'Consumers at 8.0 s' });
    const doc = parse(serialiseSvg(root));
    const svg = doc.documentElement;
    expect(svg.getAttribute('width')).toBe('600');
    expect(svg.querySelector('title')?.textContent).toBe('Consumers at 8.0 s');
    const background = svg.querySelector(':scope > rect')!;
    expect(background.getAttribute('fill')).toBe('#fafbfc');
    const heading = svg.querySelector(':scope > text')!;
    expect(heading.textContent).toBe('Consumers');
    expect(heading.getAttribute('font-weight')).toBe('700');
    // Only the view: not the export button's icon, not the 16 px legend swatch.
    const views = svg.querySelectorAll(':scope > svg');
    expect(views).toHaveLength(1);
    expect(Number(views[0]!.getAttribute('y'))).toBeGreaterThan(Number(heading.getAttribute('y')));
    expect(views[0]!.getAttribute('x')).toBe('18');
  });

  test('embeds a canvas as a PNG image where it lies over its SVG', async () => {
    const p = panel(`
      <h2>Producers</h2>
      <svg data-box="18 60 400 200" width="400" height="200"><rect width="400" height="200" /></svg>
      <canvas data-box="18 100 400 160"></canvas>`);
    const root = await svgDocumentFor(p, { measure, readCanvas: async () => PIXEL });
    const doc = parse(serialiseSvg(root));
    const image = doc.querySelector('image')!;
    expect(image.getAttribute('href')).toBe(PIXEL);
    expect(image.getAttribute('width')).toBe('400');
    const svg = doc.querySelector(':scope > svg')!;
    // Drawn over the lanes, 40 px down, as on the page.
    expect(Number(image.getAttribute('y')) - Number(svg.getAttribute('y'))).toBe(40);
  });

  test('leaves out a canvas that cannot be read, and any reference out of the file', async () => {
    const p = panel(`
      <h2>Producers</h2>
      <svg data-box="18 60 400 200" width="400" height="200">
        <rect fill="url(#elsewhere)" width="4" height="4" />
        <image href="https://example.com/x.png" width="4" height="4" />
      </svg>
      <canvas data-box="18 100 400 160"></canvas>`);
    const text = serialiseSvg(await svgDocumentFor(p, { measure, readCanvas: async () => null }));
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('elsewhere');
    expect(text).not.toContain('<image');
  });

  test('copies a pattern the view uses from elsewhere on the page, and nothing else from outside', async () => {
    const elsewhere = document.createElement('div');
    elsewhere.innerHTML = `<svg><defs><pattern id="hatch" width="6" height="6"><line class="axis" y2="6" /></pattern></defs><text id="secret">other panel</text></svg>`;
    document.body.append(elsewhere);
    const p = panel(`
      <h2>Broker</h2>
      <svg data-box="18 60 400 200" width="400" height="200">
        <rect fill="url(#hatch)" width="40" height="10" />
        <rect fill="url(#secret)" width="40" height="10" />
      </svg>`);
    const text = serialiseSvg(await svgDocumentFor(p, { measure }));
    const doc = parse(text);
    const [hatched, other] = Array.from(doc.querySelectorAll('svg > svg > rect'));
    expect(hatched?.getAttribute('fill')).toBe('url(#hatch)');
    expect(doc.querySelector('pattern#hatch line')?.getAttribute('stroke')).toBe('#4f5b6a');
    expect(other?.getAttribute('fill')).toBe('none');
    expect(text).not.toContain('other panel');
  });
});

test('views overlapping vertically keep their relative places; the others stack', () => {
  const panelBox = { left: 0, top: 0, width: 500, height: 500 };
  const { placed, bottom } = arrange(
    [
      { left: 10, top: 100, width: 200, height: 50 },
      { left: 10, top: 300, width: 200, height: 20 },
      { left: 10, top: 120, width: 200, height: 40 },
    ],
    panelBox,
    40,
  );
  expect(placed).toEqual([
    { x: 10, y: 40 },
    { x: 10, y: 40 + 60 + 12 },
    { x: 10, y: 60 },
  ]);
  expect(bottom).toBe(40 + 60 + 12 + 20);
});

test('exportable views skip icons and the panel head', () => {
  const p = panel(
    `<div class="panel__head"><svg data-box="0 0 200 30"></svg></div><svg data-box="0 40 20 20"></svg><canvas data-box="0 80 300 100"></canvas>`,
  );
  expect(exportableViews(p, measure).map((v) => v.element.localName)).toEqual(['canvas']);
});

test('colours come out as hex, rgba or none', () => {
  expect(toColour('rgb(197, 74, 0)')).toBe('#c54a00');
  expect(toColour('#abc')).toBe('#aabbcc');
  expect(toColour('rgba(163, 61, 138, 0.1)')).toBe('rgba(163, 61, 138, 0.1)');
  expect(toColour('color(srgb 1 0.5 0)')).toBe('#ff8000');
  expect(toColour('transparent')).toBe('none');
});

test('file names name the scenario, the panel and the time, and nothing else', () => {
  expect(exportFileName('kafka-failover', 'broker', 8000, 'svg')).toBe(
    'streamscope-kafka-failover-broker-8000.svg',
  );
  expect(exportFileName('../<x>', 'Event time', 12.6, 'png')).toBe('streamscope-x-event-time-13.png');
});
