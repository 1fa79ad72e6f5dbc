import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseScenario } from '../src/scenarios/validate';
import { expect, seriousViolations, shownSeconds, test } from './fixtures';

const KAFKA = 'Kafka: a broker and a consumer fail';

const scenarioSelect = (page: Page) => page.getByRole('combobox', { name: 'Scenario' });
const editor = (page: Page) => page.getByRole('dialog', { name: 'Edit scenario' });
const partitions = (page: Page) => page.getByRole('button', { name: /^Inspect partition \d+$/ });
const created = (page: Page) =>
  page.getByRole('region', { name: 'Producers' }).getByRole('definition').first();

/** Opens the editor from the keyboard: focus on the header's button, Enter. */
async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Edit scenario' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeVisible();
}

/** Moves between the editor's tabs with the arrow keys, as the tab pattern does. */
async function goToTab(page: Page, name: RegExp | string) {
  const tabs = editor(page).getByRole('tab');
  await editor(page).getByRole('tab', { selected: true }).focus();
  for (let i = 0; i < 8; i++) {
    if ((await tabs.filter({ hasText: name }).getAttribute('aria-selected')) === 'true') return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no tab ${name}`);
}

test('editing a producer’s rate and the partitions changes the views; the custom scenario survives reload', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-failover&t=10000');
  await expect(partitions(page)).toHaveCount(3);
  const before = Number(await created(page).textContent());

  await openEditor(page);
  await expect(editor(page).getByRole('tab', { name: 'General' })).toBeFocused();
  await expect(editor(page).getByRole('textbox', { name: 'Name' })).toHaveValue(KAFKA);
  await goToTab(page, 'Producers');
  const producer = editor(page).getByRole('group', { name: 'Producer 1: Clicks' });
  await producer.getByRole('spinbutton', { name: 'Rate (events/s)' }).fill('60');
  await goToTab(page, 'Broker');
  await editor(page).getByRole('spinbutton', { name: 'Partitions' }).fill('5');
  await editor(page).getByRole('button', { name: 'Apply' }).press('Enter');

  await expect(editor(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit scenario' })).toBeFocused();
  await expect(partitions(page)).toHaveCount(5);
  expect(Number(await created(page).textContent())).toBeGreaterThan(before * 2);
  // An edit keeps the moment; the header names the custom scenario.
  expect(await shownSeconds(page)).toBe(10);
  await expect(scenarioSelect(page)).toHaveValue('custom');
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText(`Custom: ${KAFKA}`);
  // The scenario travels packed in the hash, after the page (issue 20: long links).
  await expect(page).toHaveURL(/scenario=kafka-failover&seed=4&t=10000#\/\?scn=[\w-]+$/);

  await page.reload();
  await expect(scenarioSelect(page)).toHaveValue('custom');
  await expect(partitions(page)).toHaveCount(5);
  // Without a link, the saved session brings it back too.
  await page.goto('./');
  await expect(scenarioSelect(page)).toHaveValue('custom');
  await expect(partitions(page)).toHaveCount(5);
  // Choosing a preset leaves the custom scenario.
  await scenarioSelect(page).selectOption('three-kinds');
  await expect(scenarioSelect(page).locator('option', { hasText: 'Custom:' })).toHaveCount(0);
});

test('invalid JSON and invalid fields are named; the running scenario stays as it was', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=5000');
  await openEditor(page);
  const dialog = editor(page);

  // A field in the form: the message names it and the focus goes to it.
  await goToTab(page, 'Producers');
  const rate = dialog.getByRole('spinbutton', { name: 'Rate (events/s)' });
  await rate.fill('-5');
  await goToTab(page, 'General');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('producers[0].ratePerSec: must not be negative');
  await expect(dialog.getByRole('tab', { name: /Producers/ })).toHaveAttribute('aria-selected', 'true');
  await expect(rate).toBeFocused();
  await rate.fill('20');

  await goToTab(page, 'JSON');
  const json = dialog.getByRole('textbox', { name: 'The whole scenario as JSON' });
  const original = await json.inputValue();
  expect(JSON.parse(original).name).toBe(KAFKA);
  await json.fill('{ "version": 1, "name": ');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The JSON is not valid:');
  await expect(json).toBeFocused();
  // The JSON cannot be left for the form while it does not parse.
  await dialog.getByRole('tab', { name: 'General' }).click();
  await expect(dialog.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');

  const bad = JSON.parse(original);
  bad.delivery.partitions = 99;
  bad.producers[0].arivals = 'poisson';
  await json.fill(JSON.stringify(bad, null, 2));
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('producers[0].arivals: is not a known field (check the spelling)');
  await expect(alert).toContainText('delivery.partitions: must be at most 16');
  await expect(dialog).toBeVisible();
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/editor-problems.png` });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(scenarioSelect(page)).toHaveValue('kafka-failover');
  await expect(partitions(page)).toHaveCount(3);
  await expect(page).not.toHaveURL(/scn=/);
  // Escape closes it too, and the focus goes back to the button.
  await openEditor(page);
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit scenario' })).toBeFocused();
});

test('export gives a valid file; import takes one back, and refuses bad or oversized ones', async ({
  page,
}) => {
  await page.goto('./?scenario=slide-example&t=4000');
  await openEditor(page);
  const dialog = editor(page);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('a-slide-s-example-tuple-by-tuple.streamscope.json');
  const text = readFileSync((await download.path()) as string, 'utf8');
  const exported = JSON.parse(text);
  expect(Object.keys(exported)[0]).toBe('$schema');
  // The schema's address on the page's own origin (whichever port the test server has: PW_PORT).
  expect(exported.$schema).toBe(new URL('/scenario.schema.json', page.url()).href);
  const checked = parseScenario(exported);
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  await expect(dialog.getByRole('status')).toHaveText(
    'Exported “a-slide-s-example-tuple-by-tuple.streamscope.json”.',
  );

  const choose = async (name: string, content: string | Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Import JSON…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  };

  await choose('big.json', Buffer.alloc(300 * 1024, 32));
  await expect(dialog.getByRole('alert')).toHaveText(
    '“big.json” is 300 KB; a scenario file can be at most 256 KB.',
  );
  await choose('broken.json', '{"version": 1,');
  await expect(dialog.getByRole('alert')).toContainText('“broken.json” is not valid JSON:');
  await choose(
    'negative.json',
    JSON.stringify({ ...exported, producers: [{ id: 'sensor', ratePerSec: -1 }] }),
  );
  await expect(dialog.getByRole('alert')).toHaveText('producers[0].ratePerSec: must not be negative');
  await expect(scenarioSelect(page)).toHaveValue('slide-example');

  await choose('mine.json', JSON.stringify({ ...exported, name: 'My slide' }));
  await expect(dialog.getByRole('status')).toHaveText('Imported “mine.json”: “My slide” is running now.');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('My slide');
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Custom: My slide');
  expect(await shownSeconds(page)).toBe(0);

  // A file dropped onto the dialog is imported the same way.
  const dropped = await page.evaluateHandle(
    (json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      return transfer;
    },
    JSON.stringify({ ...exported, name: 'Dropped slide' }),
  );
  await dialog.dispatchEvent('dragover', { dataTransfer: dropped });
  await dialog.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(dialog.getByRole('status')).toHaveText(
    'Imported “dropped.json”: “Dropped slide” is running now.',
  );

  // Too large for a link: the dialog and a notice say so; the link keeps the preset. Links carry the
  // scenario compressed, so it is made of keys that do not compress.
  let seed = 1;
  const noise = () =>
    Array.from({ length: 30 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
    }).join('');
  const large = {
    ...exported,
    name: 'Large',
    producers: Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      keys: Array.from({ length: 100 }, noise),
    })),
    tuples: [],
  };
  await choose('large.json', JSON.stringify(large));
  await expect(dialog.getByText(/This scenario is too large to share by link/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'too large to share by link' })).toBeVisible();
  await expect(page).toHaveURL(/\?scenario=slide-example&seed=1&t=0(#\/)?$/);
});

test('the pipeline tab edits the streaming block as JSON and hands over to the pipeline builder', async ({
  page,
}) => {
  await page.goto('./?scenario=dstream-windows&t=6000');
  await openEditor(page);
  const dialog = editor(page);
  await goToTab(page, 'Pipeline');
  const app = dialog.getByRole('textbox', { name: 'Streaming application (JSON)' });
  expect(JSON.parse(await app.inputValue()).batchIntervalMs).toBe(1000);
  await app.fill('{ "batchIntervalMs": 2000, ');
  await expect(app).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('streaming: is not valid JSON');
  await expect(app).toBeFocused();
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/editor-pipeline.png` });
  await dialog.getByRole('button', { name: 'Close and open the pipeline builder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Pipeline', exact: true }).locator(':focus')).toHaveCount(1);
  await expect(scenarioSelect(page)).toHaveValue('dstream-windows');
});

test('the open editor has no serious or critical accessibility violations, in light and dark', async ({
  page,
}) => {
  // Eleven axe runs on two busy cores.
  test.setTimeout(90_000);
  const all = ['General', 'Producers', 'Explicit tuples', 'Broker', 'Pipeline', 'Faults', 'JSON'];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?scenario=kafka-failover&t=9000');
    await openEditor(page);
    // Every tab in light; in dark, where colours differ, the tabs with the most kinds of control.
    for (const tab of scheme === 'light' ? all : ['Producers', 'Explicit tuples', 'Faults', 'JSON']) {
      await goToTab(page, tab);
      if (tab === 'Explicit tuples') await editor(page).getByRole('button', { name: 'Add a tuple' }).click();
      expect(await seriousViolations(page, 'dialog[open]'), `${scheme} ${tab}`).toEqual([]);
      if (process.env.SCREENSHOTS)
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/editor-${scheme}-${tab.split(' ').at(-1)?.toLowerCase()}.png`,
        });
    }
    await editor(page).getByRole('button', { name: 'Apply' }).click();
    await expect(editor(page)).toBeHidden();
  }
});

test('a setting the file leaves out shows its default as a value, marked default, and can be typed over (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-failover&t=2000');
  await openEditor(page);
  await editor(page).getByRole('tab', { name: 'General' }).click();
  const bound = editor(page).getByLabel('Lateness bound (ms)');
  // kafka-failover leaves `lateness` out: the field shows the default, not an empty box.
  const shown = await bound.inputValue();
  expect(Number(shown)).toBeGreaterThan(0);
  await expect(bound).toHaveAccessibleDescription(/Default \(not set in the file\)\./);
  await expect(bound).toHaveClass(/is-default/);
  // Typing over it sets the value; the mark goes.
  await bound.fill('4500');
  await bound.blur();
  await expect(bound).toHaveValue('4500');
  await expect(bound).not.toHaveClass(/is-default/);
  await expect(bound).not.toHaveAccessibleDescription(/Default/);
});
