import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, shownSeconds, test } from './fixtures';

interface Exported {
  readonly name: string;
  readonly data: Buffer;
}

/** Exports a panel's view from the keyboard: focus its Export button, Enter, choose the format. */
async function exportView(page: Page, title: string, format: 'SVG' | 'PNG'): Promise<Exported> {
  const button = page.getByRole('button', { name: `Export ${title} view` });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: `Export ${title} view as` });
  await expect(menu.getByRole('menuitem', { name: /^SVG/ })).toBeFocused();
  if (format === 'PNG') await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: new RegExp(`^${format}`) })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  const path = await file.path();
  return { name: file.suggestedFilename(), data: await readFile(path) };
}

/** What a browser makes of an SVG file: parse errors, texts, shapes, and anything that should not be there. */
function inspectSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      shapes: doc.querySelectorAll('rect, circle, path, line, polygon, polyline').length,
      images: Array.from(doc.querySelectorAll('image'), (i) => i.getAttribute('href') ?? ''),
      background: doc.querySelector('svg > rect')?.getAttribute('fill') ?? null,
      forbidden: doc.querySelectorAll('script, foreignObject, style, [tabindex], [class], [onclick]').length,
    };
  }, text);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Requests the page makes: the export must stay within the page (blob: and data: URLs). */
function requestsDuring(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('the Producers and Broker views export as SVG and PNG from the keyboard, at the moment shown', async ({
  page,
  baseURL,
}, testInfo) => {
  await page.goto('./?scenario=kafka-failover&t=8000');
  await expect(
    page.getByRole('region', { name: 'Broker' }).getByRole('group', { name: /^Broker:/ }),
  ).toBeVisible();
  const requests = requestsDuring(page);

  // A calm menu: look at it (written next to the test's results).
  const button = page.getByRole('button', { name: 'Export Broker view' });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export Broker view as' });
  await expect(menu.getByRole('menuitem')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^PNG/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^SVG/ })).toBeFocused();
  const head = await page.getByRole('region', { name: 'Broker' }).boundingBox();
  if (head)
    await page.screenshot({
      path: testInfo.outputPath('export-menu.png'),
      clip: { x: head.x + head.width - 420, y: head.y, width: 420, height: 150 },
    });
  // The menu's arrow keys are its own: time has not moved.
  expect(await shownSeconds(page)).toBe(8);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  for (const [title, id, inside, outside] of [
    ['Producers', 'producers', 'now 8.0 s', 'Partition 0'],
    ['Broker', 'broker', 'Partition 0', 'now 8.0 s'],
  ] as const) {
    const region = page.getByRole('region', { name: title }).first();
    const svg = await exportView(page, title, 'SVG');
    expect(svg.name).toBe(`streamscope-kafka-failover-${id}-8000.svg`);
    await writeFile(testInfo.outputPath(svg.name), svg.data);
    const text = svg.data.toString('utf8');
    expect(text).not.toContain('var(');
    const parsed = await inspectSvg(page, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts[0]).toBe(title);
    expect(parsed.texts.some((t) => t.includes(inside))).toBe(true);
    // Nothing from another panel.
    expect(parsed.texts.some((t) => t.includes(outside))).toBe(false);
    expect(parsed.shapes).toBeGreaterThan(10);
    expect(parsed.forbidden).toBe(0);
    // Broker 0 is down: its replicas are hatched with the pattern the lanes define, copied in.
    if (id === 'broker') expect(text).toMatch(/<pattern [^>]*id="offline-hatch"/);

    const png = await exportView(page, title, 'PNG');
    expect(png.name).toBe(`streamscope-kafka-failover-${id}-8000.png`);
    const size = pngSize(png.data);
    const box = await region.boundingBox();
    expect(size.width).toBeGreaterThanOrEqual(2 * (box?.width ?? 0));
    expect(size.height).toBeGreaterThan(200);
    await testInfo.attach(`${id}.png`, { body: png.data, contentType: 'image/png' });
    await writeFile(testInfo.outputPath(png.name), png.data);
  }
  expect(await shownSeconds(page)).toBe(8);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  expect(
    requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(origin)),
  ).toEqual([]);
});

test('the dense lanes canvas, painted in a worker, is in the export and not blank', async ({
  page,
}, testInfo) => {
  await page.goto('./?scenario=dense&t=45000');
  const canvas = page.locator('canvas.lanes__canvas');
  await expect(canvas).toBeVisible();
  await page.waitForTimeout(500);
  // The canvas was handed to the worker: the page itself can no longer draw on it or read it.
  expect(
    await canvas.evaluate((c: HTMLCanvasElement) => {
      try {
        c.getContext('2d');
        return false;
      } catch {
        return true;
      }
    }),
  ).toBe(true);
  const requests = requestsDuring(page);

  const svg = await exportView(page, 'Producers', 'SVG');
  const parsed = await inspectSvg(page, svg.data.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.images).toHaveLength(1);
  expect(parsed.images[0]).toMatch(/^data:image\/png;base64,/);
  // The embedded picture has the marks: thousands of painted pixels, at twice the CSS size.
  const embedded = await page.evaluate(async (href) => {
    // Decoded here, not fetched: the page's CSP allows no fetch of data: URLs.
    const bytes = Uint8Array.from(atob(href.slice(href.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return { width: bitmap.width, painted };
  }, parsed.images[0]!);
  const cssWidth = (await canvas.boundingBox())?.width ?? 0;
  expect(embedded.width).toBe(Math.round(cssWidth * 2));
  expect(embedded.painted).toBeGreaterThan(5000);

  const png = await exportView(page, 'Producers', 'PNG');
  await writeFile(testInfo.outputPath(png.name), png.data);
  const stats = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    // The top-left pixel is the background; marks are saturated colours, lanes and text are greys.
    const [r0 = 0, g0 = 0, b0 = 0] = data;
    let differ = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 30) differ++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
    return { width: bitmap.width, height: bitmap.height, differ, coloured };
  }, png.data.toString('base64'));
  const panel = await page.getByRole('region', { name: 'Producers' }).boundingBox();
  expect(stats.width).toBeGreaterThanOrEqual(2 * (panel?.width ?? 0));
  expect(stats.differ).toBeGreaterThan(10_000);
  expect(stats.coloured).toBeGreaterThan(5000);
  // Nothing leaves the page: only blob:/data: URLs, and the app's own lazily loaded export code.
  const own = new URL(page.url()).origin;
  expect(
    requests.filter(
      (u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(`${own}/assets/`),
    ),
  ).toEqual([]);
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the export has the dark panel behind it and light text', async ({ page }) => {
    await page.goto('./?scenario=kafka-failover&t=8000');
    const svg = await exportView(page, 'Broker', 'SVG');
    const parsed = await inspectSvg(page, svg.data.toString('utf8'));
    expect(parsed.background).toBe('#151c23');
    expect(svg.data.toString('utf8')).toMatch(/<text [^>]*fill="#e7ebf0"[^>]*>Broker<\/text>/);
  });
});

test('a panel of tables says it has nothing to draw; a click elsewhere closes the menu', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=8000');
  const button = page.getByRole('button', { name: 'Export Comparison view' });
  await button.click();
  const menu = page.getByRole('menu', { name: 'Export Comparison view as' });
  await expect(menu.getByRole('menuitem', { name: /^SVG/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('This panel has no chart or diagram to export.')).toBeVisible();
  await page.getByRole('region', { name: 'Producers' }).click({ position: { x: 5, y: 5 } });
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
