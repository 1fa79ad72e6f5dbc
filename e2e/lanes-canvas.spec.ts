import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Screenshot of the dense lanes' canvas once the painter has had time to paint. */
async function lanesPicture(page: Page): Promise<Buffer> {
  await page.goto('./?scenario=dense&t=45000&tuple=61000');
  const canvas = page.locator('canvas.lanes__canvas');
  await expect(canvas).toBeVisible();
  await page.waitForTimeout(500);
  return canvas.screenshot({ animations: 'disabled' });
}

test('the dense lanes paint the same picture in the worker and on the main thread, and it is not blank', async ({
  page,
  context,
}) => {
  const inWorker = await lanesPicture(page);
  // The same view where a canvas cannot be handed to a worker: the main thread paints it.
  const fallback = await context.newPage();
  await fallback.addInitScript(() => {
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', { value: undefined });
  });
  const onMain = await lanesPicture(fallback);
  expect(onMain.equals(inWorker)).toBe(true);
  // Not vacuous: the same place without the marks looks different.
  const canvas = page.locator('canvas.lanes__canvas');
  const clip = await canvas.boundingBox();
  await canvas.evaluate((c) => {
    c.style.visibility = 'hidden';
  });
  const empty = await page.screenshot({ clip: clip ?? undefined, animations: 'disabled' });
  expect(empty.length).toBeGreaterThan(1000);
  expect(empty.equals(inWorker)).toBe(false);
});

test('in presenter mode (zoomed lanes) a click on a dense lane picks the mark under the pointer', async ({
  page,
}) => {
  // Painted on the main thread, so the test can read the canvas's pixels.
  await page.addInitScript(() => {
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', { value: undefined });
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./?scenario=dense&t=45000');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const canvas = page.locator('canvas.lanes__canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  // A blue mark (an on-time tuple) well inside the canvas, in page pixels.
  const probe = () =>
    canvas.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      const { width, height } = c;
      const data = ctx.getImageData(0, 0, width, height).data;
      const rect = c.getBoundingClientRect();
      const zoom = (c as HTMLCanvasElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const blue = (i: number) => data[i + 3]! > 200 && data[i + 2]! > data[i]! + 80 && data[i + 2]! > 120;
      for (let y = Math.floor(height * 0.3); y < height * 0.9; y += 3) {
        for (let x = Math.floor(width * 0.55); x < width * 0.95; x += 3) {
          if (!blue((y * width + x) * 4)) continue;
          return {
            zoom,
            x: rect.left + (x / width) * rect.width,
            y: rect.top + (y / height) * rect.height,
            px: x,
            py: y,
          };
        }
      }
      return null;
    });
  const mark = await probe();
  expect(mark).not.toBeNull();
  // The lanes really are zoomed here, or this test would prove nothing about zoom.
  expect(mark!.zoom).toBeGreaterThan(1.2);
  const around = (px: number, py: number) =>
    canvas.evaluate(
      (c: HTMLCanvasElement, at) => {
        const ctx = c.getContext('2d') as CanvasRenderingContext2D;
        return Array.from(ctx.getImageData(at.x - 30, at.y - 30, 60, 60).data).join(',');
      },
      { x: px, y: py },
    );
  const before = await around(mark!.px, mark!.py);
  await page.mouse.click(mark!.x, mark!.y);
  // Presenter mode hides the inspector; the address bar says which tuple is selected.
  await expect.poll(() => new URL(page.url()).searchParams.get('tuple')).toMatch(/^\d+$/);
  // The picked tuple is ringed where the click landed, not somewhere else.
  await expect.poll(() => around(mark!.px, mark!.py)).not.toBe(before);
});

test('steps move the dense lanes with time: their axis, now label, count and picture follow the cursor', async ({
  page,
}) => {
  await page.goto('./?scenario=dense&t=45000');
  const lanes = page.getByRole('region', { name: 'Producers' });
  const canvas = lanes.locator('canvas.lanes__canvas');
  await expect(canvas).toBeVisible();
  await expect(lanes.locator('.now__label')).toHaveText('now 45.0 s');
  const ticks = () => lanes.locator('.axis__tick text').allTextContents();
  const axisBefore = await ticks();
  await page.waitForTimeout(500);
  const before = await canvas.screenshot({ animations: 'disabled' });
  const label = await canvas.getAttribute('aria-label');
  // A hundred steps on (the dense preset steps 50 ms at a time): the window slides 5 s.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowRight');
  await expect(lanes.locator('.now__label')).toHaveText('now 50.0 s');
  await expect.poll(ticks).not.toEqual(axisBefore);
  await expect(canvas).not.toHaveAttribute('aria-label', label ?? '');
  await page.waitForTimeout(500);
  expect((await canvas.screenshot({ animations: 'disabled' })).equals(before)).toBe(false);
});
