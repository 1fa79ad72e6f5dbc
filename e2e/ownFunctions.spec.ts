import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The state inspector's column of `totals`, the preset's updateStateByKey. */
const totals = (page: Page) =>
  page
    .getByRole('region', { name: 'State inspector' })
    .getByRole('region', { name: /totals = ones\.updateStateByKey/ });

test('a student writes an update function that drops a key after two idle batches, and reads it in the State inspector', async ({
  page,
}) => {
  await page.goto('./?scenario=stateful-streams&t=13500');
  await page.getByLabel('totals: update function').selectOption({ label: 'your own function…' });
  // The editor fills in the catalogue's running count, written in the language.
  const code = page.getByLabel('totals: function code');
  await expect(code).toHaveValue('(values, state) => Some(state.getOrElse(0) + values.size)');
  // State: (count, idle batches). kim's last click is at 12 s.
  await page.getByLabel('totals: state type, as Scala writes it').fill('(Long, Long)');
  await code.fill(
    '(values, state) => values.isEmpty ? (state.get._2 + 1 >= 2 ? None : Some((state.get._1, state.get._2 + 1))) : Some((state.map(s => s._1).getOrElse(0) + values.sum, 0))',
  );
  await expect(page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert')).toHaveCount(0);
  // After the batch at 13 s kim has been idle one batch; after 14 s, two: the function returned None.
  await expect(totals(page).getByRole('row', { name: /^kim/ })).toContainText('(5,1)');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('145');
  await expect(totals(page).getByRole('row', { name: /^kim/ })).toContainText('removed');
  await expect(totals(page)).toContainText('Batch at 14 s');
});

test('an ill-typed function gets an error that says what is wrong and where the type came from', async ({
  page,
}) => {
  await page.goto('./?scenario=stateful-streams&t=5500');
  await page.getByLabel('ones: function').selectOption({ label: 'your own function…' });
  const code = page.getByLabel('ones: function code');
  await expect(code).toHaveValue('r => (r.key, 1)');
  await code.fill('r => (r.key, r.key * 2)');
  await expect(
    page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert').first(),
  ).toContainText('r.key * 2: * needs numbers; r.key is a String');
  await code.fill('r => (r.key, 2)');
  await expect(page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert')).toHaveCount(0);
});

test('a link whose functions try to reach the page, prototypes, timers or the network runs none of it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { reached: string[]; violations: string[] };
    w.reached = [];
    w.violations = [];
    // Anything that ran would leave a trace here.
    Object.defineProperty(window, 'pwned', { set: () => w.reached.push('pwned'), configurable: false });
    const fetch0 = window.fetch;
    window.fetch = (...args) => {
      w.reached.push(`fetch ${String(args[0])}`);
      return fetch0(...args);
    };
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective));
  });
  const attacks = [
    'r => window.pwned = 1',
    'r => r.constructor.constructor("window.pwned = 1")()',
    'r => r.__proto__',
    'r => setTimeout(r, 1)',
    'r => fetch("https://example.com/x")',
    'r => globalThis',
    'r => this',
  ];
  const base = {
    batchIntervalMs: 1000,
    checkpointDir: '/tmp/ckpt',
    pipeline: [
      { id: 'clicks', op: 'kafkaDirectStream', startingOffsets: 'earliest' },
      { id: 'ones', op: 'map', input: 'clicks', code: '' },
      { id: 'out', op: 'print', input: 'ones' },
    ],
  };
  for (const code of attacks) {
    const app = { ...base, pipeline: base.pipeline.map((o) => (o.id === 'ones' ? { ...o, code } : o)) };
    await page.goto(`./?scenario=stateful-streams&t=3500&app=${encodeURIComponent(JSON.stringify(app))}`);
    // The function is refused before the run, with a message that names it; the page keeps working.
    await expect(
      page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert').first(),
    ).toContainText(/error: map: /);
    await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  }
  expect(await page.evaluate(() => (window as unknown as { reached: string[] }).reached)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('the code export writes the student’s function in PySpark, ready to copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?scenario=stateful-streams&t=5500');
  await page.getByLabel('ones: function').selectOption({ label: 'your own function…' });
  await page.getByLabel('ones: function code').fill('r => (r.key.toLowerCase, 2)');
  await expect(page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert')).toHaveCount(0);
  // The code sits under the pipeline it was made from.
  const code = page.getByRole('region', { name: 'Pipeline', exact: true });
  await code.getByRole('tab', { name: 'DStream (PySpark)' }).click();
  await expect(code.locator('pre.code__text')).toContainText(
    'ones = clicks.map(lambda r: (r[0].lower(), 2))',
  );
  await code.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'ones = clicks.map(lambda r: (r[0].lower(), 2))',
  );
});

test('a function that fails while running stops the application at that batch, and says so', async ({
  page,
}) => {
  await page.goto('./?scenario=stateful-streams&t=5500');
  await page.getByLabel('ones: function').selectOption({ label: 'your own function…' });
  await page.getByLabel('ones: function code').fill('r => (r.key, 10 / (r.value.toLong - r.value.toLong))');
  const alert = page.getByRole('region', { name: 'DStream timeline' }).getByRole('alert');
  await expect(alert).toContainText('The application stopped: the batch at 1 s failed in your function.');
  await expect(alert).toContainText('ones = clicks.map(…) failed in the batch at 1000 ms');
  await expect(alert).toContainText('java.lang.ArithmeticException: / by zero');
  // Everything else keeps working: fixing the function brings the batches back.
  await page.getByLabel('ones: function code').fill('r => (r.key, 1)');
  await expect(alert).toHaveCount(0);
});

test('in a Structured Streaming query, a student switches to flatMapGroupsWithState, writes the function, and reads the same state as the catalogue’s', async ({
  page,
}) => {
  await page.goto('./?scenario=kafka-structured-streaming&t=30000');
  const store = page.getByRole('region', { name: 'State store' });
  await store.getByLabel('stateful operator').selectOption('flatMapGroupsWithState');
  await expect(store.getByLabel('flatMapGroupsWithState function', { exact: true })).toHaveValue(
    'sessionCount',
  );
  /** The state store's rows as "key state", by key (the catalogue lists them by first event). */
  const rows = async () => {
    const table = store.getByRole('table', { name: /State store rows/ });
    await expect(table).toBeVisible();
    return table.evaluate((t) => {
      const state = [...t.querySelectorAll('th')].findIndex((th) => th.textContent === 'state');
      return [...t.querySelectorAll('tbody tr')]
        .map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return `${cells[0]} ${cells[state]}`;
        })
        .sort();
    });
  };
  const catalogue = await rows();
  expect(catalogue.length).toBeGreaterThan(0);
  await store.getByLabel('flatMapGroupsWithState function', { exact: true }).selectOption({
    label: 'your own function…',
  });
  // The catalogue's sessionCount, written with a GroupState: it keeps the same state.
  const code = store.getByLabel('flatMapGroupsWithState function code');
  await expect(code).toHaveValue(/state\.setTimeoutDuration\(10000\)/);
  await expect(store.getByLabel('flatMapGroupsWithState state type, as Scala writes it')).toHaveValue('Long');
  await expect.poll(rows).toEqual(catalogue);
  // An ill-typed function: the query fails at start with the compiler's words, next to the code.
  await code.fill('(key, values, state) => key * 2');
  await expect(store.getByRole('alert')).toContainText('key * 2: * needs numbers');
  // Fixed: the query runs again; a state of the key's event count, no results.
  await code.fill(
    '(key, values, state) => { state.update(state.getOption.getOrElse(0) + values.size); Seq() }',
  );
  await expect(store.getByRole('alert')).toHaveCount(0);
  await expect.poll(rows).toEqual(catalogue);
});

test('the scenario editor adds, shows and removes a Structured Streaming query', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: /Pipeline/ }).click();
  await dialog.getByRole('button', { name: 'Add a Structured Streaming query' }).click();
  await expect(dialog.getByLabel('Structured Streaming query (JSON)')).toHaveValue(/"windowAggregation"/);
  await dialog.getByRole('button', { name: 'Remove the Structured Streaming query' }).click();
  await expect(dialog.getByText('None: no Structured Streaming query reads the topic.')).toBeVisible();
  // Added again and applied: the query runs, and its State store panel edits its operator.
  await dialog.getByRole('button', { name: 'Add a Structured Streaming query' }).click();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'State store' }).getByLabel('stateful operator')).toHaveValue(
    'windowAggregation',
  );
});
