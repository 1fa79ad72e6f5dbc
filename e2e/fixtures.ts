import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';

/** Every test fails on a console error, an uncaught exception or a request to another origin. */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
          problems.push(`request to another origin: ${r.url()}`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * axe's options in every accessibility check: only violations are worked out in full. axe then
 * skips building selectors for the many passing nodes (its API doc, "Performance"); the
 * violations it reports are the same.
 */
export const AXE_OPTIONS = { resultTypes: ['violations'] } as const satisfies Parameters<
  AxeBuilder['options']
>[0];

/** The processing time the transport shows, in seconds. */
export async function shownSeconds(page: import('@playwright/test').Page): Promise<number> {
  const text = await page.getByRole('slider', { name: 'Simulation time' }).getAttribute('aria-valuetext');
  return Number(text?.split(' ')[0]);
}

/** axe's serious and critical violations on the page (or the part `include` selects), one line each. */
export async function seriousViolations(
  page: import('@playwright/test').Page,
  include?: string,
): Promise<string[]> {
  const axe = new AxeBuilder({ page }).options(AXE_OPTIONS);
  const found = await (include ? axe.include(include) : axe).analyze();
  return found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
