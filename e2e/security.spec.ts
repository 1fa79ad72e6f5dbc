import { expect, test } from './fixtures';

// The service worker's registration is checked under the policy too (blocked elsewhere in e2e).
test.use({ serviceWorkers: 'allow' });

test('the built app runs under its Content-Security-Policy without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  for (const url of [
    './?scenario=three-kinds&t=20000&tuple=3',
    './?scenario=kafka-failover&t=14000',
    './?scenario=dstream-windows&t=9500',
    './?scenario=watermarks&t=20000',
    './?scenario=stateful-streams&t=12500',
  ]) {
    await page.goto(url);
    await page.getByRole('region', { name: 'Producers' }).waitFor();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    await page.locator('body').press('Space');
    await page.waitForTimeout(300);
    await page.locator('body').press('Space');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  }
  // The app registers its service worker once idle (src/ui/shell/serviceWorker.ts): that, too,
  // happens under the policy.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('no HTML from a link is ever injected: markup in parameters is shown as text', async ({ page }) => {
  await page.goto('./?scenario=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=%3Cb%3E');
  await expect(page.locator('.notices')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('img[src="x"], b').count()).toBe(0);
});
