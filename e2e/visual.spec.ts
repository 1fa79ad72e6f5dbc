import { expect, test } from './fixtures';
import { MOMENTS } from './moments';

/**
 * Pixel comparison of the moments of ./moments.ts, in both themes, against baselines made from
 * another build (e2e/snapshots/*.png, not committed: at 1440 px wide they weigh megabytes, and the
 * computed-style snapshot in `npm test` guards the look in text). Playwright collects this file
 * only when VISUAL is set. To check that a change moves no pixel:
 *   git stash (or check out main); VISUAL=1 npx playwright test visual --update-snapshots
 *   git stash pop (your change);   VISUAL=1 npx playwright test visual
 * Diffs land in test-results/.
 */

test.use({ reducedMotion: 'reduce', trace: 'off' });

for (const scheme of ['light', 'dark'] as const) {
  for (const moment of MOMENTS) {
    test(`${moment.name}, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      if (moment.phone) await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await moment.open(page);
      // A full page of 6,000 px takes seconds to capture twice (stability) on two busy cores.
      await expect(page).toHaveScreenshot(`${moment.name}-${scheme}.png`, {
        fullPage: true,
        timeout: 60_000,
      });
    });
  }
}
