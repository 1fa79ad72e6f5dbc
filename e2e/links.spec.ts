import AxeBuilder from '@axe-core/playwright';
import { AXE_OPTIONS, expect, shownSeconds, test } from './fixtures';

test('a deep link opens the exact frame and selection, and reload keeps it', async ({ page }) => {
  await page.goto('./?scenario=offline-backfill&seed=3&t=26500&tuple=30');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('offline-backfill');
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('3');
  expect(await shownSeconds(page)).toBe(26.5);
  await expect(
    page.getByRole('region', { name: 'Tuple inspector' }).getByRole('heading', { name: 'Tuple #30' }),
  ).toBeVisible();
  const frame = await page
    .getByRole('region', { name: 'Producers' })
    .getByRole('definition')
    .allTextContents();

  await page.locator('body').press('ArrowRight');
  await expect(page).toHaveURL(/t=26600/);
  await page.reload();
  expect(await shownSeconds(page)).toBe(26.6);
  await page.locator('body').press('ArrowLeft');
  await expect(page).toHaveURL(/t=26500/);
  await expect(page.getByRole('region', { name: 'Producers' }).getByRole('definition')).toHaveText(frame);
});

test('a different seed gives a different run; the seed is in the link', async ({ page }) => {
  await page.goto('./?scenario=skewed-keys&t=10000');
  const counts = page.getByRole('region', { name: 'Producers' }).getByRole('definition').first();
  const before = await counts.textContent();
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('12345');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=12345/);
  await expect(counts).not.toHaveText(before ?? '');
  await seed.fill('not a number');
  await expect(page.getByRole('alert')).toContainText('Seed must be a whole number');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=12345/);
});

test('a broken link says what is wrong and the app still works', async ({ page }) => {
  await page.goto('./?scenario=nope&seed=-4&t=soon&tuple=x');
  const status = page.getByRole('status').first();
  await expect(status).toContainText('unknown scenario "nope"');
  await expect(status).toContainText('seed "-4"');
  await expect(status).toContainText('time "soon"');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('three-kinds');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('slider', { name: 'Simulation time' })).toHaveValue('1');
  await page.getByRole('button', { name: 'Dismiss message' }).first().click();
});

test('no serious or critical accessibility violations (light, dark, inspector, dialog, dense canvas)', async ({
  page,
}) => {
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${what}: ${v.id} ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      ),
    ).toEqual([]);
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?scenario=three-kinds&t=36000&tuple=80');
    await check(`${scheme} with inspector`);
  }
  await page.locator('body').press('?');
  await check('shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.goto('./?scenario=dense&t=45000');
  await check('dense');
});

test('reduced motion is respected', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?scenario=slide-example&t=12000');
  const duration = await page
    .locator('.mark')
    .first()
    .evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).toBe('0s');
});
