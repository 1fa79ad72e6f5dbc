import { test } from '@playwright/test';

test('debug', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=dstream-windows&t=9500');
  const b = page
    .getByRole('region', { name: 'DStream timeline' })
    .getByRole('button', { name: /^Batch at 8 s/ });
  console.log(await b.count());
  await b.click({ timeout: 5000 }).catch((e) => console.log(String(e).slice(0, 1500)));
});
