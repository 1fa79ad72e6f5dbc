import { expect, type Page, test } from '@playwright/test';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const slider = (page: Page) => page.getByRole('slider', { name: 'Simulation time' });
const views = ['Query progress', 'State store', 'Checkpoints', 'Sink'];
const snapshot = (page: Page) => Promise.all(views.map((v) => region(page, v).innerText()));

test('a student runs the whole pipeline, crashes the driver mid-batch, sees the batch re-run with the same offsets, and steps back to before the crash', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kafka-structured-streaming');
  await expect(region(page, 'Query progress')).toBeVisible();
  await expect(region(page, 'Broker')).toBeVisible();

  // 34 s: batches 0–5 have committed; this is the moment we come back to.
  await slider(page).fill('340');
  const progress = region(page, 'Query progress');
  await expect(progress.getByRole('row')).toHaveCount(1 + 6);
  const before = await snapshot(page);

  // 35.2 s: batch 6 (triggered at 35 s) is running. Crash the driver; it is back 3 s later.
  await slider(page).fill('352');
  await expect(progress).toContainText('Batch 6: running');
  await progress.getByRole('button', { name: 'Crash the driver now' }).click();
  await expect(progress).toContainText('The driver is down since 35.2 s');
  const killed = progress.getByRole('row', { name: /^6 35 s/ });
  await expect(killed).toHaveClass(/is-killed/);

  // On to 40 s: the restarted query ran batch 6 again at 38.2 s, reading exactly the same offsets.
  await slider(page).fill('400');
  const rerun = progress.getByRole('row', { name: /^6 \(re-run\) 38\.2 s/ });
  await expect(rerun).toBeVisible();
  const offsets = async (row: typeof rerun) => row.getByRole('cell').nth(1).innerText();
  expect(await offsets(rerun)).toBe(await offsets(killed));
  await rerun.getByRole('button', { name: '6 (re-run)' }).click();
  await expect(progress.getByRole('region', { name: 'Batch 6' })).toContainText('run again after a restart');
  // The checkpoint holds offsets/6 once (written before the crash) and commits/6 (after the re-run).
  const checkpoint = region(page, 'Checkpoints');
  await expect(checkpoint.getByRole('button', { name: 'offsets/6', exact: true })).toHaveCount(1);
  await expect(checkpoint.getByRole('button', { name: 'commits/6', exact: true })).toHaveCount(1);
  // The file sink is exactly once: batch 6 appears once.
  await expect(region(page, 'Sink').getByText(/^batch 6/)).toHaveCount(1);

  // Back to 37 s, after the crash and before the restart: the driver is down again.
  await slider(page).fill('370');
  await expect(progress).toContainText('The driver is down since 35.2 s');

  // Back to 34 s: every view is as it was before the crash (the crash stays scheduled, so the only
  // new thing is the button that removes it).
  await slider(page).fill('340');
  await expect(progress.getByRole('row')).toHaveCount(1 + 6);
  await expect(progress.getByRole('button', { name: 'Remove failures' })).toBeVisible();
  const after = await snapshot(page);
  expect(after.map((text) => text.replace('\nRemove failures', ''))).toEqual(before);
});

test('restarting with other grouping keys is refused with Spark’s error; a new rate limit is accepted', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-structured-streaming&t=20000');
  const progress = region(page, 'Query progress');
  await progress.getByLabel('restart with').selectOption({ label: 'group without the key (refused)' });
  await progress.getByRole('button', { name: 'Restart now' }).click();
  await slider(page).fill('300');
  await expect(progress).toContainText('The query failed: STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE');
  await expect(progress.getByRole('row', { name: /^5 / })).toHaveCount(0);

  await progress.getByRole('button', { name: 'Remove failures' }).click();
  await slider(page).fill('200');
  await progress.getByLabel('restart with').selectOption({ label: 'maxOffsetsPerTrigger 10 (allowed)' });
  await progress.getByRole('button', { name: 'Restart now' }).click();
  await slider(page).fill('300');
  await expect(progress).not.toContainText('The query failed');
  const rows = progress.getByRole('row', { name: /^5 / }).getByRole('cell').nth(2);
  expect(Number(await rows.innerText())).toBeLessThanOrEqual(10);
});
