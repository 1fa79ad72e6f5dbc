import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openLink, PRESET_MOMENT_MS } from './moments';

/**
 * Presenter mode enlarges the data, not only the prose (issue 20): on a 1280 × 720 projector every
 * tick, lane label, legend, caption and cell number of every view is at least 16 px as drawn (its
 * font size times any zoom or SVG scaling), and the DStream timeline shows its operations whole.
 */
test.use({ viewport: { width: 1280, height: 720 } });

/** The views' panels (src/viz/*), by id. */
const VIEWS = [
  'producers',
  'queue',
  'messaging',
  'broker',
  'consumers',
  'dstream',
  'checkpoints',
  'stateinspector',
  'recovery',
  'metrics',
  'etplot',
  'wresults',
  'dbms',
  'qprogress',
  'qstate',
  'qcheckpoint',
  'qsink',
];

/** Presets that, between them, show every view (dense: the lanes on a canvas; skewed-keys: key counts). */
const PRESETS = [
  'kafka-failover',
  'queue-broker',
  'dstream-windows',
  'receiver-wordcount',
  'stateful-streams',
  'kafka-structured-streaming',
  'slide-example',
  'skewed-keys',
  'dense',
];

const LEAST_PX = 16;

async function present(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
}

/** Every piece of text in the views drawn smaller than `least` px, one line each. */
function smallText(page: Page, least: number): Promise<string[]> {
  return page.evaluate(
    ({ views, least }) => {
      const found: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
      for (const view of views) {
        const panel = document.querySelector(`section.panel.${view}`);
        if (!panel) continue;
        for (const el of panel.querySelectorAll('*')) {
          if (['title', 'desc', 'style', 'script', 'option'].includes(el.localName)) continue;
          const field = el.matches(
            'select, textarea, input:not([type="checkbox"], [type="radio"], [type="range"])',
          );
          const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (!text && !field) continue;
          // Not drawn: hidden, or a screen reader's text.
          if (el.getClientRects().length === 0 || el.closest('.sr-only')) continue;
          if (getComputedStyle(el).visibility === 'hidden') continue;
          let px = Number.parseFloat(getComputedStyle(el).fontSize);
          if (el instanceof SVGElement) {
            // The screen CTM holds the SVG's scaling and any CSS zoom around it.
            const m = (el.closest('text') as SVGTextElement | null)?.getScreenCTM();
            if (m) px *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
          } else {
            px *= (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          }
          if (px < least - 0.05)
            found.push(
              `${view}: ${name(el)} "${el.textContent?.trim().slice(0, 30)}" at ${px.toFixed(1)} px`,
            );
        }
      }
      return [...new Set(found)];
    },
    { views: VIEWS, least },
  );
}

/** Pieces of SVG text in the views that run into each other or out of their picture. */
function collidingText(page: Page): Promise<string[]> {
  return page.evaluate((views) => {
    const found: string[] = [];
    for (const view of views)
      for (const svg of document.querySelectorAll(`section.panel.${view} svg`)) {
        if (svg.parentElement?.closest('svg')) continue;
        const frame = svg.getBoundingClientRect();
        if (frame.width < 40) continue;
        const texts = [...svg.querySelectorAll('text')]
          .filter((t) => t.textContent?.trim())
          .map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }));
        for (const [i, a] of texts.entries()) {
          const clipped = getComputedStyle(svg).overflow !== 'visible';
          if (clipped && (a.box.left < frame.left - 1 || a.box.right > frame.right + 1))
            found.push(`${view}: "${a.text}" runs out of its picture`);
          for (const b of texts.slice(i + 1)) {
            const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            // A glyph box's air above and below may touch the next line's; letters may not.
            if (w > 2 && h > Math.min(a.box.height, b.box.height) * 0.35)
              found.push(`${view}: "${a.text}" overlaps "${b.text}"`);
          }
        }
      }
    return found;
  }, VIEWS);
}

for (const preset of PRESETS)
  test(`presenter mode draws ${preset}'s views' text at ${LEAST_PX} px or more`, async ({ page }) => {
    await openLink(page, `scenario=${preset}&t=${PRESET_MOMENT_MS[preset]}`);
    await present(page);
    await expect
      .poll(() => smallText(page, LEAST_PX), { message: `Text under ${LEAST_PX} px in presenter mode` })
      .toEqual([]);
    // (Polled too: a zoomed view lays itself out again a frame after its new width is measured.)
    await expect
      .poll(() => collidingText(page), { message: 'Text that collides in presenter mode' })
      .toEqual([]);
  });

/** Each DStream's operation as its row shows it, with the label its button reads out, and whether it fits. */
function operationLabels(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.dstream__row-label')].map((row) => {
      const op = row.querySelector('text.dstream__op') as SVGTextElement;
      const box = row.querySelector('rect.dstream__labelbg') as SVGRectElement;
      const shown = op.getBoundingClientRect();
      const column = box.getBoundingClientRect();
      return {
        // "stream = createDirectStream: show its lineage"
        full: row
          .getAttribute('aria-label')
          ?.replace(/^[^=]+= /, '')
          .replace(/: show its lineage$/, ''),
        shown: op.textContent ?? '',
        fits: shown.left >= column.left && shown.right <= column.right - 2 && shown.bottom <= column.bottom,
      };
    }),
  );
}

test('the DStream timeline shows every operation whole, with captions that can be read', async ({ page }) => {
  const squeeze = (s = '') => s.replace(/\s+/g, '');
  for (const preset of ['dstream-windows', 'receiver-wordcount']) {
    await openLink(page, `scenario=${preset}&t=${PRESET_MOMENT_MS[preset]}`);
    for (const mode of ['normal', 'presenter']) {
      if (mode === 'presenter') await present(page);
      await expect(page.locator('.dstream__row-label').first()).toBeVisible();
      const labels = await operationLabels(page);
      expect(labels.length).toBeGreaterThan(3);
      for (const label of labels) {
        expect(squeeze(label.shown), `${preset}, ${mode}: an operation is cut`).toBe(squeeze(label.full));
        expect(label.fits, `${preset}, ${mode}: "${label.full}" runs out of its label`).toBe(true);
      }
    }
  }
  // The offset ranges under a Kafka input's partitions: 12 px, and 16 px or more when presenting.
  await openLink(page, 'scenario=dstream-windows&t=9500');
  const range = page.locator('text.rdd__range').last();
  await expect(range).toBeVisible();
  const size = () => range.evaluate((t) => Number.parseFloat(getComputedStyle(t).fontSize));
  expect(await size()).toBeGreaterThanOrEqual(12);
  await present(page);
  await expect.poll(async () => (await range.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(LEAST_PX);
});

test('a lesson step in presenter mode shows the views it is about, not the others', async ({ page }) => {
  await page.goto('./#/lessons/dstreams/1');
  await expect(page.getByRole('region', { name: /^Step 1 of/ })).toBeVisible();
  await present(page);
  const timeline = page.getByRole('region', { name: 'DStream timeline' });
  await expect(timeline).toBeVisible();
  await expect(page.getByRole('region', { name: 'Producers' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Streaming metrics' })).toBeHidden();
  // The view takes most of the width beside the lesson's text.
  const box = await timeline.boundingBox();
  expect(box?.width).toBeGreaterThan(1280 * 0.6);
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
});

test('the queue broker says which colour is which key, as the Kafka broker does', async ({ page }) => {
  await openLink(page, 'scenario=queue-broker&t=10000');
  const queue = page.getByRole('region', { name: 'Broker' });
  const first = queue.getByRole('button', { name: /^Message #\d+, key / }).first();
  const key = (await first.getAttribute('aria-label'))?.replace(/^Message #\d+, key /, '') ?? '';
  await expect(queue.getByText('Keys:')).toBeVisible();
  await expect(queue.getByText(key, { exact: true })).toBeVisible();
});
