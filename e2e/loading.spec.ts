import { expect, test } from './fixtures';

// The service worker is part of what this checks (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Loading budget (issue 8): interactive within 1.5 s of navigation on a local server. */
const INTERACTIVE_MS = 1500;

test('the app is interactive within 1.5 s of navigation, with a cold cache', async ({ page }) => {
  await page.goto('./?scenario=dense', { waitUntil: 'commit' });
  const play = page.getByRole('button', { name: 'Play' });
  await expect(play).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  // Time since navigation start when the controls are there (Playwright's polling only adds to it),
  // then a keypress must be handled at once: the main thread is free.
  const ready = await page.evaluate(() => performance.now());
  await page.keyboard.press('ArrowRight');
  const answered = await page.evaluate(() => performance.now());
  await expect(page.getByRole('slider', { name: 'Simulation time' })).toHaveAttribute(
    'aria-valuetext',
    /^0\.1 s/,
  );
  console.log(`interactive after ${ready.toFixed(0)} ms; first key handled by ${answered.toFixed(0)} ms`);
  expect(ready).toBeLessThan(INTERACTIVE_MS);
  expect(answered).toBeLessThan(INTERACTIVE_MS + 200);
});
