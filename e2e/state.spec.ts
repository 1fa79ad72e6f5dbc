import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AXE_OPTIONS, expect, test } from './fixtures';
import { longParam } from './linkParams';

const recovery = (page: Page) => page.getByRole('region', { name: 'Recovery' });

test('a stateful pipeline needs a checkpoint directory; then crash the driver and compare two sink guarantees', async ({
  page,
}) => {
  await page.goto('./?scenario=stateful-streams&t=6500');
  // Without a checkpoint directory the stateful pipeline cannot start.
  await page.getByLabel('Checkpoint directory', { exact: true }).fill('');
  await expect(page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert')).toContainText(
    'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
  );
  await page.getByLabel('Checkpoint directory', { exact: true }).fill('/tmp/ckpt');
  await expect(page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert')).toHaveCount(0);

  // Crash the driver at 6.5 s; it is back 2 s later (its timer restarts at the next batch, 9 s).
  await recovery(page).getByRole('button', { name: 'Crash the driver now' }).click();
  await expect(recovery(page)).toContainText('The driver died at 6.5 s — it is down until 9 s');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('95');
  const story = recovery(page).getByRole('region', { name: 'Driver failure at 6.5 s' });
  await expect(story).toContainText('back at 9 s');
  await expect(story).toContainText('Recovered from checkpoint-6000');
  // Batch 6 s completed at 6.08 s, before the crash: Spark rewrote checkpoint-6000 then, without it
  // as pending, but the down time starts at the checkpoint's own time, so 6 s runs again anyway.
  await expect(story).toContainText(/rewritten when its batch completed, at 6\.08 s/);
  await expect(story).toContainText('Re-run because they were pending in it: none');
  await expect(story).toContainText('to the restart): 6 s, 7 s, 8 s');
  // The timeline shows the re-run batches.
  await expect(
    page
      .getByRole('region', { name: 'DStream timeline' })
      .getByRole('button', { name: /^Batch at 6 s \(re-run/ }),
  ).toBeVisible();

  // At least once: the batch re-run after the crash is written twice. Exactly once (idempotent): it is not.
  const sink = recovery(page).getByRole('region', { name: 'Sink saveTotals' });
  const row = (name: RegExp) => sink.getByRole('row', { name });
  const duplicates = async (name: RegExp) => Number(await row(name).getByRole('cell').nth(1).textContent());
  expect(await duplicates(/^at least once/)).toBeGreaterThan(0);
  expect(await duplicates(/^exactly once \(idempotent\)/)).toBe(0);
  await expect(sink.locator('.write--duplicate').first()).toContainText('batch 6 s (re-run)');
  await sink.getByLabel('Guarantee').selectOption('idempotent');
  await expect(sink.locator('.write--duplicate')).toHaveCount(0);
  await expect(sink.locator('.write--overwritten').first()).toContainText('batch 6 s (re-run)');
  // The failure is part of the link.
  await expect.poll(() => longParam(page.url(), 'app')).toContain('"driverCrash"');
});

test('the state inspector shows both APIs: updateStateByKey runs for every key, mapWithState per record and times out at a checkpoint', async ({
  page,
}) => {
  await page.goto('./?scenario=stateful-streams&t=20500');
  const inspector = page.getByRole('region', { name: 'State inspector' });
  const totals = inspector.getByRole('region', { name: /totals = ones\.updateStateByKey/ });
  const sessions = inspector.getByRole('region', { name: /sessions = ones\.mapWithState/ });
  // The app's users (kim, lee) stopped at 12 s: updateStateByKey still calls its function for them.
  await expect(totals).toContainText('kim (no new values)');
  // mapWithState timed them out only now, at the checkpoint batch (20 s), not 4 s after their last click.
  await expect(sessions).toContainText('kim (timing out)');
  await expect(sessions.getByRole('row', { name: /^kim/ })).toContainText('timed out');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('195');
  await expect(sessions).not.toContainText('timing out');
  await expect(sessions.getByRole('row', { name: /^kim/ })).toBeVisible();
});

test('checkpoints open to show what they hold', async ({ page }) => {
  await page.goto('./?scenario=stateful-streams&t=12500');
  const ck = page.getByRole('region', { name: 'Checkpoints' });
  await ck.getByRole('button', { name: 'Data checkpoint of totals at 10 s' }).click();
  await expect(ck.getByRole('region', { name: /Contents of totals: state RDD at 10000 ms/ })).toContainText(
    'later RDDs start their lineage here',
  );
  await ck.getByRole('button', { name: 'Metadata checkpoint at 12 s' }).click();
  const meta = ck.getByRole('region', { name: 'Contents of checkpoint-12000' });
  await expect(meta).toContainText('checkpointTime: 12000 ms');
  await expect(meta).toContainText('totals: StateDStream (updateStateByKey)');
  await expect(meta).toContainText(/clicks @ 12000 ms: p0 \[\d+, \d+\)/);
});

test('the stateful page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('./?scenario=stateful-streams&t=12500');
  await page.getByRole('button', { name: 'Crash the driver now' }).click();
  const found = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
  const bad = found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('receiver failure: data held in memory is lost without a write-ahead log, kept with it', async ({
  page,
}) => {
  await page.goto('./?scenario=receiver-wordcount&t=5300');
  await recovery(page).getByRole('button', { name: 'Receivers fail now (2 s)' }).click();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('100');
  const losses = recovery(page).getByRole('region', { name: 'Receiver losses' });
  await expect(losses).toContainText('held only in memory');
  // Turn on the write-ahead log for the receiver: what it had received survives.
  await page
    .getByRole('region', { name: 'Pipeline', exact: true })
    .getByLabel('lines: write-ahead log')
    .check();
  await expect(losses).not.toContainText('held only in memory');
  await expect(losses).toContainText('arrived while the receivers were down');
});

test('executor loss: the running batch recomputes its lineage', async ({ page }) => {
  await page.goto('./?scenario=stateful-streams&t=13000');
  await recovery(page).getByRole('button', { name: 'Lose an executor now' }).click();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('140');
  await expect(recovery(page).getByRole('region', { name: 'Executor lost at 13 s' })).toContainText(
    'starting from the data checkpoint at 10 s',
  );
});
