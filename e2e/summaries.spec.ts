import { expect, test } from './fixtures';

/**
 * Every view has a text alternative: a sentence saying what it shows now, in a polite live region
 * (issue 8). While playing it is announced at most every two seconds.
 */
const VIEWS: [preset: string, views: string[]][] = [
  ['slide-example&t=7000', ['Producers']],
  ['kafka-failover&t=12000', ['Producers', 'Broker', 'Consumers']],
  ['direct-messaging&t=12000', ['Consumers']],
  ['dstream-windows&t=6000', ['DStream timeline', 'Streaming metrics']],
  ['stateful-streams&t=12500', ['Checkpoints', 'State inspector']],
  // Window results holds two views: the results and the side-by-side comparison.
  ['watermarks&t=20000', ['Event time plot', 'Window results']],
];

for (const [preset, views] of VIEWS) {
  test(`views of ${preset.split('&')[0]} say in words what they show: ${views.join(', ')}`, async ({
    page,
  }) => {
    await page.goto(`./?scenario=${preset}`);
    for (const view of views) {
      const region = page.getByRole('region', { name: view, exact: true });
      await expect(region).toBeVisible();
      const live = region.locator('[aria-live="polite"]');
      await expect(live, `${view}: one live summary per view`).toHaveCount(view === 'Window results' ? 2 : 1);
      for (const one of await live.all()) await expect(one).toHaveText(/\w.{20,}/);
    }
  });
}

test('the DStream summary names the newest batch, and follows a step', async ({ page }) => {
  await page.goto('./?scenario=dstream-windows&t=6000');
  const live = page.getByRole('region', { name: 'DStream timeline' }).locator('[aria-live="polite"]');
  await expect(live).toHaveText(/^Batch at 6 s: \d+ records? read, \d+ jobs?, \w/);
  await page.keyboard.press(']');
  await expect(live).toHaveText(/^Batch at 7 s: /);
});

test('while playing, a live summary changes at most every two seconds', async ({ page }) => {
  await page.goto('./?scenario=dense&t=5000');
  const live = page.getByRole('region', { name: 'Producers' }).locator('[aria-live="polite"]');
  await expect(live).toHaveText(/^At 5\.0 s/);
  await page.evaluate(() => {
    const w = window as unknown as { __changes: number[] };
    w.__changes = [];
    const el = document.querySelector('.producers [aria-live="polite"]');
    if (el)
      new MutationObserver(() => w.__changes.push(performance.now())).observe(el, {
        childList: true,
        subtree: true,
        characterData: true,
      });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(4500);
  await page.getByRole('button', { name: 'Pause' }).click();
  const changes = await page.evaluate(() => (window as unknown as { __changes: number[] }).__changes);
  // The view itself changed every frame (hundreds of times); the announcement two or three times.
  expect(changes.length).toBeGreaterThanOrEqual(2);
  expect(changes.length).toBeLessThanOrEqual(3);
  for (let i = 1; i < changes.length; i++) expect(changes[i]! - changes[i - 1]!).toBeGreaterThan(1900);
  // Once time stops, the summary catches up with the frame shown.
  const shown = await page.getByRole('slider', { name: 'Simulation time' }).getAttribute('aria-valuetext');
  await expect(live).toHaveText(new RegExp(`^At ${shown?.split(' ')[0]?.replace('.', '\\.')} s`), {
    timeout: 3000,
  });
});

test('the skewed-keys scenario shows its keys: per producer, the hot key on top with its share (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=skewed-keys&t=30000');
  const producers = page.getByRole('region', { name: 'Producers' });
  const hot = producers.getByRole('table', { name: /^One hot key \(70%\)/ });
  await expect(hot.getByRole('row').first()).toContainText('user-0');
  const share = Number((await hot.getByRole('row').first().textContent())?.match(/\((\d+) %\)/)?.[1]);
  expect(share).toBeGreaterThan(55);
  await expect(producers.getByRole('table', { name: /^Uniform keys/ })).toBeVisible();
});
