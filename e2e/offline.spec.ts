import { expect, test } from './fixtures';

// The service worker is part of what this checks (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('once loaded, the app works offline — including views that load lazily', async ({ page, context }) => {
  await page.goto('./?scenario=three-kinds');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first page was loaded before the worker took control: reload under it.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await page.goto('./?scenario=dstream-windows&t=5000');
  await expect(page.getByRole('region', { name: 'DStream timeline' })).toBeVisible();
  await page.goto('./?scenario=watermarks&t=10000');
  await expect(page.getByRole('region', { name: 'Event time plot' })).toBeVisible();
  await context.setOffline(false);
});

test('the database at rest works offline once it has answered a query', async ({ page, context }) => {
  await page.goto('./?scenario=watermarks&t=10000');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const db = page.getByRole('region', { name: 'Database: data at rest' });
  // The first query fetches the database's WebAssembly; the service worker keeps it.
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('table', { name: /Database answer at 10\.0 s/ })).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('table', { name: /Database answer at 10\.0 s/ })).toBeVisible();
  await expect(db.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});
