import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { LONG_SCENARIO_NAME, longScenario as longScenarioOf } from '../src/store/__fixtures__/longScenario';
import { expect, test } from './fixtures';
import { longParam } from './linkParams';

/**
 * Issue 20, "Long links fail": a custom scenario of about 10 KB made an 18,000-character address,
 * which the preview server answered with HTTP 431. The long parameters now travel packed in the hash.
 */
const NAME = LONG_SCENARIO_NAME;
const longScenario = () => longScenarioOf(preset);
const preset = JSON.parse(readFileSync('src/scenarios/presets/dstream-windows.json', 'utf8'));

const scenarioSelect = (page: Page) => page.getByRole('combobox', { name: 'Scenario' });
const notices = (page: Page) => page.getByRole('status').filter({ hasText: "The link's" });

test('a 10 KB custom scenario with an edited program: the link is short, and reopens both', async ({
  page,
}) => {
  const scn = longScenario();
  expect(scn.length).toBeGreaterThanOrEqual(10_000);
  await page.goto('./?scenario=dstream-windows&t=0');
  // Imported as a learner does, through the editor.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit scenario' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import JSON…' }).click();
  await (await chooser).setFiles({
    name: 'long.json',
    mimeType: 'application/json',
    buffer: Buffer.from(scn),
  });
  await expect(dialog.getByRole('status')).toHaveText(`Imported “long.json”: “${NAME}” is running now.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText(`Custom: ${NAME}`);
  // The streaming program, edited: a batch every half second.
  await page.getByLabel('Batch interval').selectOption('500');
  await expect.poll(() => longParam(page.url(), 'app')).toContain('"batchIntervalMs":500');

  const link = page.url();
  const old = `?scenario=dstream-windows&seed=7&t=0&${new URLSearchParams({
    app: longParam(link, 'app') ?? '',
    scn: longParam(link, 'scn') ?? '',
  })}`;
  test.info().annotations.push({
    type: 'link length',
    description: `${link.length} characters (with the JSON in the query: ${new URL(old, link).href.length})`,
  });
  expect(link.length).toBeLessThanOrEqual(8000);
  // The same link with the JSON in the query, as before: the server refuses it.
  expect((await page.request.get(new URL(old, link).href)).status()).toBe(431);
  expect(link).toMatch(/\?scenario=dstream-windows&seed=7&t=0#\/\?scn=[\w-]+&app=[\w-]+$/);
  expect(JSON.parse(longParam(link, 'scn') ?? '{}').tuples).toHaveLength(100);
  // The Share button gives the same link.
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('textbox', { name: 'Link' })).toHaveValue(link);
  await page.getByRole('button', { name: 'Close' }).click();

  // Opened afresh (no saved session to fall back on), the link brings back both.
  await page.evaluate(() => localStorage.removeItem('streamscope:session'));
  await page.goto('about:blank');
  await page.goto(link);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText(`Custom: ${NAME}`);
  await expect(page.getByLabel('Batch interval')).toHaveValue('500');
  await expect(notices(page)).toHaveCount(0);
  expect(page.url()).toBe(link);
  // Without a link, the saved session brings them back too.
  await page.goto('./');
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText(`Custom: ${NAME}`);
  await expect(page.getByLabel('Batch interval')).toHaveValue('500');
});

test('an older link with the scenario and program as JSON in the query still opens, and is rewritten packed', async ({
  page,
}) => {
  const { $schema: _, ...json } = preset;
  const scn = JSON.stringify({ ...json, name: 'An older link' });
  const app = JSON.stringify({ ...preset.streaming, batchIntervalMs: 500 });
  await page.goto(`./?scenario=dstream-windows&seed=7&t=2000&${new URLSearchParams({ app, scn })}`);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: An older link');
  await expect(page.getByLabel('Batch interval')).toHaveValue('500');
  await expect(notices(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\?scenario=dstream-windows&seed=7&t=2000#\/\?scn=[\w-]+&app=[\w-]+$/);
  expect(JSON.parse(longParam(page.url(), 'scn') ?? '{}').name).toBe('An older link');
});

test('bad packed data: a notice names the parameter, and the rest of the link opens', async ({ page }) => {
  const app = deflateRawSync(JSON.stringify({ ...preset.streaming, batchIntervalMs: 500 })).toString(
    'base64url',
  );
  await page.goto(`./?scenario=dstream-windows&seed=7&t=3000#/?scn=not-deflate&app=${app}`);
  await expect(notices(page)).toContainText(
    "The link's scenario (scn) is not valid compressed data; showing a built-in scenario instead.",
  );
  await expect(scenarioSelect(page)).toHaveValue('dstream-windows');
  await expect(page.getByLabel('Batch interval')).toHaveValue('500');
  // The app keeps working.
  await page.getByLabel('Batch interval').selectOption('2000');
  await expect.poll(() => longParam(page.url(), 'app')).toContain('"batchIntervalMs":2000');
});

test('pages, Back and another pasted link keep the packed parameters in the hash', async ({ page }) => {
  const { $schema: _, ...json } = preset;
  const packed = (name: string) => deflateRawSync(JSON.stringify({ ...json, name })).toString('base64url');
  await page.goto(`./?scenario=dstream-windows&seed=7&t=1000#/?scn=${packed('First')}`);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: First');
  // A page link replaces the hash: the frame's parameters come back after the page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL(/#\/lessons\?scn=[\w-]+$/);
  await page.goBack();
  await expect(page).toHaveURL(/t=1000#\/\?scn=[\w-]+$/);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: First');
  await page.reload();
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: First');
  // Another link that differs only in its hash does not reload the page: it is opened all the same.
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/?scn=${packed('Second')}`,
  );
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: Second');
  await expect.poll(() => JSON.parse(longParam(page.url(), 'scn') ?? '{}').name).toBe('Second');
});
