import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test } from './fixtures';

// The build the test server serves: dist/, or dist-PORT for a run on another port (playwright.config.ts).
const port = process.env.PW_PORT ?? '4173';
const dist = join(process.cwd(), port === '4173' ? 'dist' : `dist-${port}`);
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

test('the static build works when served from a sub-path', async ({ page, context }) => {
  // Serve dist/ under /courses/streams/sim/ (as a course site might), straight from the files;
  // anything asked for outside that path fails, as it would on such a host.
  // context.route: it also sees the service worker's own requests.
  await context.route(/^http:\/\/127\.0\.0\.1:4173\/(?!courses\/streams\/sim\/)/, (route) => route.abort());
  await context.route('http://127.0.0.1:4173/courses/streams/sim/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/courses/streams/sim/', '') || 'index.html';
    try {
      await route.fulfill({
        body: readFileSync(join(dist, path)),
        contentType: types[extname(path)] ?? 'application/octet-stream',
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.goto('http://127.0.0.1:4173/courses/streams/sim/?scenario=slide-example&t=7000');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Simulation time' })).toHaveValue('28');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/\/courses\/streams\/sim\/\?scenario=slide-example&seed=1&t=7250/);
});
