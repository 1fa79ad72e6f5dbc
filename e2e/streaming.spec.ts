import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { AXE_OPTIONS, expect, shownSeconds, test } from './fixtures';

const timeline = (page: Page) => page.getByRole('region', { name: 'DStream timeline' });
const pipeline = (page: Page) => page.getByRole('region', { name: 'Pipeline', exact: true });
const inspector = (page: Page) => page.getByRole('region', { name: 'Batch inspector' });

/** The (key,count) pairs a print() wrote, from the inspector's console for one output. */
async function printed(output: Locator): Promise<Map<string, number>> {
  const text = (await output.locator('pre.console').textContent()) ?? '';
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^\(([^,]+),(\d+)\)$/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}

async function outputsOfBatch(page: Page, seconds: number) {
  await timeline(page)
    .getByRole('button', { name: new RegExp(`^Batch at ${seconds} s:`) })
    .click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: `Batch at ${seconds} s` })).toBeVisible();
  const counts = await printed(panel.locator('.output').filter({ hasText: 'printCounts' }));
  const windowedOutput = panel.locator('.output').filter({ hasText: 'printWindowed' });
  const windowed = (await windowedOutput.count()) > 0 ? await printed(windowedOutput) : null;
  return { counts, windowed };
}

test('batch interval 1 s with a 3 s window sliding every 2 s: brackets and results follow Spark', async ({
  page,
}) => {
  await page.goto('./?scenario=dstream-windows');
  // Set the window: 3 s long, sliding every 2 s, over 1 s batches.
  const windowed = pipeline(page)
    .getByRole('listitem')
    .filter({ hasText: 'windowed = pairs.reduceByKeyAndWindow' });
  await windowed.getByLabel('windowed: window length in seconds').fill('3');
  await windowed.getByLabel('windowed: slide interval in seconds').fill('2');
  await page.getByLabel('Batch interval').selectOption('1000');
  await expect(timeline(page)).toContainText('The first batch is generated at 1 s: every 1 s');

  // Step batch by batch with the "Next batch" button.
  const next = page.getByRole('button', { name: /Next batch/ });
  for (const expected of [1, 2, 3, 4]) {
    await next.click();
    expect(await shownSeconds(page)).toBe(expected);
  }
  await expect(timeline(page)).toContainText('one per batch interval (1 s)');
  // A window RDD exists only at multiples of the slide: at 4 s it covers the batches (1 s, 4 s].
  await expect(timeline(page).locator('.bracket--current')).toContainText('window (1 s, 4 s]');
  await expect(timeline(page).getByRole('button', { name: /^windowed at 3 s: no RDD/ })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: /^windowed at 4 s: RDD/ })).toBeVisible();
  // Let the 4 s batch finish, then compare: the window's counts are the sum of batches 2, 3 and 4.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('45');
  const perBatch = [];
  for (const s of [2, 3]) perBatch.push((await outputsOfBatch(page, s)).counts);
  const at4 = await outputsOfBatch(page, 4);
  perBatch.push(at4.counts);
  const sum = new Map<string, number>();
  for (const m of perBatch) for (const [k, v] of m) sum.set(k, (sum.get(k) ?? 0) + v);
  expect(at4.windowed).not.toBeNull();
  expect(new Map([...at4.windowed!].sort())).toEqual(new Map([...sum].sort()));
  expect([...sum.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // At 3 s the window does not slide: print has no job for it.
  expect((await outputsOfBatch(page, 3)).windowed).toBeNull();
  // Going on, the bracket slides by 2 s.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('60');
  await expect(timeline(page).locator('.bracket--current')).toContainText('window (3 s, 6 s]');
});

test('a window that is not a multiple of the batch interval fails with Spark’s own message', async ({
  page,
}) => {
  await page.goto('./?scenario=dstream-windows&t=5000');
  await page.getByLabel('Batch interval').selectOption('2000');
  await expect(timeline(page).getByRole('alert')).toContainText(
    'java.lang.Exception: The window duration of windowed DStream (3000 ms) must be a multiple of the slide duration of parent DStream (2000 ms)',
  );
  await page.getByLabel('Batch interval').selectOption('1000');
  await expect(timeline(page).getByRole('alert')).toHaveCount(0);
  await expect(timeline(page).getByRole('button', { name: /^Batch at 5 s/ })).toBeVisible();
});

test('raising the cost per record makes scheduling delay grow; backpressure brings the rate down', async ({
  page,
}) => {
  await page.goto('./?scenario=spark-falling-behind&t=20000');
  const metrics = page.getByRole('region', { name: 'Streaming metrics' });
  await expect(metrics).toContainText('No batch is waiting.');
  await expect(metrics.getByRole('img', { name: /^Scheduling delay per batch; latest 0 ms/ })).toBeVisible();
  await page.getByLabel('Cost per record (ms)').fill('10');
  await expect(metrics).toContainText(/\d+ batches queued behind the running one/);
  const delay = async () => {
    const label = await metrics
      .getByRole('img', { name: /^Scheduling delay per batch/ })
      .getAttribute('aria-label');
    return Number(/latest (\d+) ms/.exec(label ?? '')?.[1]);
  };
  const at20 = await delay();
  expect(at20).toBeGreaterThan(2000);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('300');
  const at30 = await delay();
  expect(at30).toBeGreaterThan(at20);
  // Raising the producers' rate instead has the same effect.
  await page.getByLabel('Cost per record (ms)').fill('5');
  await expect(metrics).toContainText('No batch is waiting.');
  await page.getByLabel('Producer rate').selectOption('2');
  await expect(metrics).toContainText(/\d+ batch(es)? queued behind the running one/);
  await expect(page).toHaveURL(/[?&]rate=2(&|#|$)/);
  await page.getByLabel('Producer rate').selectOption('1');
  await page.getByLabel('Cost per record (ms)').fill('10');
  // The timeline shows the queue: batches generated but not yet started.
  await expect(
    timeline(page)
      .getByRole('button', { name: /^Batch at \d+ s: queued/ })
      .first(),
  ).toBeVisible();
  // Backpressure: the estimator lowers the rate and the delay stops growing as fast.
  await page.getByLabel('Backpressure', { exact: true }).check();
  await expect.poll(delay).toBeLessThan(at30 / 2);
});

test('build a pipeline: add an operation, meet the checkpoint requirement, see the code follow', async ({
  page,
}) => {
  await page.goto('./?scenario=dstream-windows&t=6000');
  const p = pipeline(page);
  await p.getByLabel('Operation to add').selectOption('countByWindow');
  await p.getByLabel('Apply it to').selectOption('stream');
  await p.getByRole('button', { name: 'Add operation' }).click();
  // Adding to a started context is not allowed in Spark: the note says so, and the program restarts.
  await expect(p.getByRole('note')).toContainText(
    'Adding new inputs, transformations, and output operations after starting a context is not supported',
  );
  // countByWindow keeps state with an inverse function: start fails without a checkpoint directory.
  await expect(timeline(page).getByRole('alert')).toContainText(
    'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
  );
  await page.getByLabel('Checkpoint directory', { exact: true }).fill('/tmp/checkpoints');
  await expect(timeline(page).getByRole('alert')).toHaveCount(0);
  await expect(timeline(page).getByRole('button', { name: /^countByWindow1 = countByWindow/ })).toBeVisible();
  // The code follows, in both languages.
  await expect(p.locator('pre.code__text')).toContainText('ssc.checkpoint("/tmp/checkpoints")');
  await expect(p.locator('pre.code__text')).toContainText(
    'val countByWindow1 = stream.countByWindow(Seconds(3), Seconds(2))',
  );
  await p.getByRole('tab', { name: 'DStream (PySpark)' }).click();
  await expect(p.locator('pre.code__text')).toContainText('countByWindow1 = stream.countByWindow(3, 2)');
  // Remove it again.
  await p.getByRole('button', { name: 'Remove countByWindow1' }).click();
  await expect(p.locator('pre.code__text')).not.toContainText('countByWindow1');
  // The edited program is part of the link: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('Checkpoint directory', { exact: true })).toHaveValue('/tmp/checkpoints');
});

test('inspect: a partition shows its records and offset range, a DStream its lineage', async ({ page }) => {
  await page.goto('./?scenario=dstream-windows&t=5500');
  const input = timeline(page).getByRole('button', { name: /^stream at 5 s: RDD with 3 partitions/ });
  await input.click();
  const panel = inspector(page);
  await expect(panel).toContainText('RDD of stream');
  await expect(panel).toContainText(/Kafka partition 0: offsets \[\d+, \d+\)/);
  await panel.getByRole('button', { name: /^p0 · [1-9]/ }).click();
  const record = panel
    .getByRole('listitem')
    .filter({ hasText: /^#\d+ (kitchen|garage|porch) / })
    .first();
  await expect(record).toBeVisible();
  // A record links to its tuple.
  await record.getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' })).toContainText(/kitchen|garage|porch/);
  // A DStream's name opens its lineage.
  await timeline(page)
    .getByRole('button', { name: /^windowed = / })
    .click();
  const dstream = page.getByRole('region', { name: 'DStream inspector' });
  await expect(dstream).toContainText('Lineage (DStream graph)');
  await expect(dstream.getByRole('listitem')).toHaveText([/^windowed/, /^pairs/, /^stream/]);
  await expect(dstream).toContainText('DirectKafkaInputDStream');
});

test('the timeline works from the keyboard', async ({ page }) => {
  await page.goto('./?scenario=dstream-windows&t=5500');
  const first = timeline(page)
    .getByRole('button', { name: /^stream at \d+ s: RDD/ })
    .first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^pairs at \d+ s/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('RDD of pairs');
  // [ and ] move between batches.
  await page.locator('body').press(']');
  expect(await shownSeconds(page)).toBe(6);
  await page.locator('body').press('[');
  expect(await shownSeconds(page)).toBe(5);
});

test('a broken streaming application in a link is reported and the scenario’s own is used', async ({
  page,
  problems,
}) => {
  await page.goto('./?scenario=dstream-windows&app=%7B%22batchIntervalMs%22%3A-5%7D');
  await expect(page.locator('.notices')).toContainText("The link's streaming application has problems");
  await expect(pipeline(page)).toContainText('stream = KafkaUtils.createDirectStream');
  await expect(page.getByLabel('Batch interval')).toHaveValue('1000');
  expect(problems).toEqual([]);
});

test('the Spark Streaming page has no serious or critical accessibility violations', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?scenario=dstream-windows&t=9500');
    await timeline(page)
      .getByRole('button', { name: /^Batch at 8 s/ })
      .click();
    // The inspector loads lazily; check the page with it, not before it arrives.
    await expect(
      page.getByRole('region', { name: 'Batch inspector' }).getByRole('heading', { name: 'Output' }),
    ).toBeVisible();
    const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }
});

test('a view with nothing to show is not shown: no empty Consumers panel beside a Spark application (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=spark-falling-behind&t=5000');
  await expect(page.getByRole('region', { name: 'DStream timeline' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Broker' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consumers' })).toHaveCount(0);
  await expect(page.getByText('This scenario has no consumer groups.')).toHaveCount(0);
  // With consumer groups the panel is there.
  await page.goto('./?scenario=kafka-failover&t=5000');
  await expect(page.getByRole('region', { name: 'Consumers' })).toBeVisible();
});

test('doubles are shown without their rounding noise, with a note on what Spark prints (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=spark-falling-behind&t=3000');
  await timeline(page)
    .getByRole('button', { name: /^Batch at 1 s/ })
    .click();
  const output = inspector(page).locator('.output').filter({ hasText: 'save' });
  await expect(output).toContainText('2115.73');
  await expect(output).not.toContainText('2115.7300000000005');
  await expect(inspector(page)).toContainText('Spark prints them in full, for example 2115.7300000000005');
});
