import AxeBuilder from '@axe-core/playwright';
import { AXE_OPTIONS, expect, test } from './fixtures';

test('a broker crash: the partition elects a new leader from its in-sync replicas', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=7900');
  const broker = page.getByRole('region', { name: 'Broker' });
  await expect(broker.getByRole('group', { name: /^Broker:/ })).toHaveAccessibleName(
    /partition 0: leader 0, ISR 0 1/,
  );
  // One step takes the run to 8 s, when broker 0 crashes.
  await page.locator('body').press('ArrowRight');
  await expect(broker.getByRole('group', { name: /^Broker:/ })).toHaveAccessibleName(
    /broker 0 is down; partition 0: leader 1, ISR 1,/,
  );
  await expect(broker).toContainText('leader broker 1 · epoch 1');
  await expect(broker).toContainText('Broker 0 · offline');
});

test('a consumer crash: its partitions move to the survivor only after the session times out', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-failover&t=12500');
  const consumers = page.getByRole('region', { name: 'Consumers' });
  const c1 = consumers.getByRole('row', { name: /^c1/ });
  await expect(c1).toContainText('crashed; session expires at 16.0 s');
  await expect(c1).toContainText('0, 1');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('165');
  await expect(consumers.getByRole('row', { name: /^c1/ })).toHaveCount(0);
  await expect(consumers.getByRole('row', { name: /^c2/ })).toContainText('0, 1, 2');
  // The survivor resumes each partition from the group's committed offset: the committed offsets only grow.
  const committedAt = async () =>
    Number(await consumers.getByRole('row', { name: /^0 / }).getByRole('cell').first().textContent());
  const before = await committedAt();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('200');
  expect(await committedAt()).toBeGreaterThanOrEqual(before);
});

test('the Kafka page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=14000');
  const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
});

test('fault injection: crash a broker and a consumer from the UI; the link keeps the faults', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-failover&t=3000');
  const broker = page.getByRole('region', { name: 'Broker' });
  await broker.getByRole('button', { name: 'Crash broker 1' }).click();
  await expect(broker.getByRole('group', { name: /^Broker:/ })).toHaveAccessibleName(/broker 1 is down/);
  await expect(broker.getByRole('button', { name: 'Restart broker 1' })).toBeVisible();
  await expect(page).toHaveURL(/fault=crashBroker%3A1%403000/);

  const consumers = page.getByRole('region', { name: 'Consumers' });
  await consumers.getByRole('button', { name: 'Crash c2' }).click();
  await expect(consumers.getByRole('row', { name: /^c2/ })).toContainText(
    'crashed; session expires at 7.0 s',
  );

  // The same link reopens the same run, faults included.
  await expect(page).toHaveURL(/fault=crashConsumer%3Aanalytics%2Fc2%403000/);
  await page.reload();
  await expect(broker.getByRole('group', { name: /^Broker:/ })).toHaveAccessibleName(/broker 1 is down/);
  await expect(consumers.getByRole('row', { name: /^c2/ })).toContainText('crashed');

  await broker.getByRole('button', { name: 'Remove added faults' }).click();
  await expect(broker.getByRole('group', { name: /^Broker:/ })).not.toHaveAccessibleName(/is down/);
  await expect(page).not.toHaveURL(/fault=/);
});

test('inspectors: a partition, a broker and a consumer show their full state', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=14000');
  await page.getByRole('button', { name: 'Inspect partition 0' }).click();
  const partition = page.getByRole('region', { name: 'Partition inspector' });
  await expect(partition).toContainText('Leaderbroker 1');
  await expect(partition).toContainText('Leader epoch1');
  await expect(partition).toContainText(/analytics: \d+ \(lag \d+\)/);
  // A record in the list opens the tuple inspector.
  await partition
    .getByRole('button', { name: /^#\d+$/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' })).toContainText(
    'appended to a partition log',
  );

  await page.getByRole('button', { name: 'Inspect broker 0' }).first().click();
  await expect(page.getByRole('region', { name: 'Broker inspector' })).toContainText(
    'Down: its replicas are offline',
  );

  await page.getByRole('button', { name: 'c1: inspect consumer' }).click();
  const consumer = page.getByRole('region', { name: 'Consumer inspector' });
  await expect(consumer).toContainText('crashed at 12.0 s');
  await consumer.getByRole('button', { name: 'Close inspector' }).click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' })).toBeVisible();
});

test('a record appended in this step slides in, except with reduced motion', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=5000');
  const fresh = page.locator('.cell--new').first();
  await expect(fresh).toBeAttached();
  expect(await fresh.evaluate((el) => getComputedStyle(el).animationName)).toBe('cell-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await fresh.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

test('acks=all with too few in-sync replicas: the broker refuses writes and the UI says why', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-min-isr&t=4900');
  const broker = page.getByRole('region', { name: 'Broker' });
  await expect(broker.getByRole('note')).toHaveCount(0);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('80');
  await expect(broker.getByRole('note')).toContainText(
    /refused \d+ writes? so far\. \d+ with NOT_ENOUGH_REPLICAS: acks=all needs at least min\.insync\.replicas \(2\)/,
  );
  // Each consumer's next fetch position is marked in the log.
  await expect(broker.locator('.position title').first()).toHaveText(/^c1 fetches offset \d+ next$/);
});

test('the code export is a window, not a wall: long Kafka commands fold, scroll in their block, and unfold on request (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-failover&t=5000');
  const code = page.getByRole('region', { name: 'Code export' });
  const pre = code.locator('pre.code__text');
  await expect(code.getByRole('tab', { name: 'Kafka commands' })).toHaveAttribute('aria-selected', 'true');
  const fold = code.getByText(/… \d+ more lines\. Download or Copy give the whole file\./);
  await expect(fold).toBeVisible();
  // The block scrolls on its own, at most 60 % of the window high, and the page stays short.
  const box = await pre.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(900 * 0.6 + 1);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
  // Lines keep identifiers whole (no wrapping inside them).
  expect(await pre.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
  const shown = ((await pre.textContent()) ?? '').split('\n').length;
  await code.getByRole('button', { name: /^Show all \d+ lines$/ }).click();
  await expect(fold).toHaveCount(0);
  expect(((await pre.textContent()) ?? '').split('\n').length).toBeGreaterThan(shown + 100);
  // Download gives every line, folded or not.
  await page.reload();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    code.getByRole('button', { name: 'Download' }).click(),
  ]);
  const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(text.split('\n').length).toBeGreaterThan(shown + 100);
});
