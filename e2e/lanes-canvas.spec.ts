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
