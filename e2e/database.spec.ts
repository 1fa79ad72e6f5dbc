import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const pane = (page: Page) => page.getByRole('region', { name: 'Database: data at rest' });

/** Counts per key as a table shows them: "key n" lines. */
const countsOf = (table: ReturnType<Page['locator']>) =>
  table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
      return `${cells[0]} ${cells[1]}`;
    }),
  );

test('a student asks the database at rest, steps on, sees the answer go stale, and asks again', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('./?scenario=watermarks&t=20000');
  const db = pane(page);
  await expect(db).toContainText('No answer yet');
  await db.getByRole('button', { name: 'Run query' }).click();
  const answer = db.getByRole('table', { name: /Database answer at 20\.0 s/ });
  await expect(answer).toBeVisible();
  await expect(db.getByRole('status')).toContainText(/Answered at 20\.0 s over \d+ rows/);
  // Everything that had arrived is counted both ways: the database's answer equals the stream's now.
  const stream = page.getByRole('table', { name: 'Continuous query result' });
  expect(await countsOf(answer)).toEqual(await countsOf(stream));

  // Time moves on: the answer stays as it was, marked stale.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('250');
  await expect(db.getByRole('status')).toContainText('Time has moved to 25.0 s');
  await expect(db.getByRole('status')).toContainText('stale until you run it again');
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('table', { name: /Database answer at 25\.0 s/ })).toBeVisible();
  await expect(db.getByRole('status')).not.toContainText('stale');

  // Stepping back removes rows again: the table holds what had arrived at 5 s, no more.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('50');
  const sql = db.getByLabel('SQL query (SQLite)');
  await sql.fill('SELECT COUNT(*) AS n, MAX(arrival_time) <= 5000 AS none_later FROM readings');
  await db.getByRole('button', { name: 'Run query' }).click();
  const shown = await db.getByText(/stores every arriving tuple: \d+ row/).textContent();
  const n = shown!.match(/: (\d+) row/)![1];
  await expect(db.getByRole('table', { name: /Database answer at 5\.0 s/ }).locator('tbody tr')).toHaveText(
    `${n}1`,
  );

  // The database's own error, next to the query.
  await sql.fill('SELEC key FROM readings');
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('alert')).toContainText('near "SELEC": syntax error');

  // A query that never ends is cancelled; the next one works on a fresh database.
  await sql.fill('WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT COUNT(*) FROM r');
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('alert')).toContainText('ran longer than 3 s and was cancelled', {
    timeout: 10_000,
  });
  await db.getByLabel('Start from').selectOption({ label: 'the newest reading per key' });
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('table', { name: /Database answer at 5\.0 s/ })).toContainText(
    'newest_event_time',
  );
  await expect(db.getByRole('alert')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('a shared link reopens the query and its answer at the link’s moment', async ({ page }) => {
  await page.goto('./?scenario=watermarks&t=15000');
  const db = pane(page);
  await db.getByLabel('SQL query (SQLite)').fill('SELECT COUNT(*) AS n FROM readings');
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(db.getByRole('table', { name: /Database answer at 15\.0 s/ })).toBeVisible();
  const n = await db
    .getByRole('table', { name: /Database answer/ })
    .locator('tbody td')
    .textContent();
  // The address now carries the query; opened afresh, it asks again and shows the same answer.
  await expect
    .poll(() => new URL(page.url()).searchParams.get('sql'))
    .toBe('SELECT COUNT(*) AS n FROM readings');
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  const again = pane(other);
  await expect(again.getByLabel('SQL query (SQLite)')).toHaveValue('SELECT COUNT(*) AS n FROM readings');
  await expect(
    again.getByRole('table', { name: /Database answer at 15\.0 s/ }).locator('tbody td'),
  ).toHaveText(n!);
});

test('Spark SQL’s window() runs on the database, and the stream side says what Spark would refuse', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&t=30000');
  const db = pane(page);
  await db
    .getByLabel('Start from')
    .selectOption({ label: 'counts per key and 10 s window (Spark’s window())' });
  await db.getByRole('button', { name: 'Run query' }).click();
  const answer = db.getByRole('table', { name: /Database answer at 30\.0 s/ });
  await expect(answer.getByRole('columnheader')).toHaveText(['key', 'window_start', 'window_end', 'n']);
  await expect(answer.locator('tbody tr').first()).toContainText(/^\w+010000\d+$/);
  const stream = page.getByRole('region', { name: 'Your query on the stream' });
  await stream.getByLabel('output mode').selectOption('append');
  await expect(stream.getByRole('status')).toHaveText(
    'Spark accepts it as a streaming query in append mode.',
  );
  // It runs continuously too: the windows the watermark has passed, what was late, what is still open.
  const continuous = stream.getByRole('table', { name: "Your query's continuous result" });
  await expect(continuous.getByRole('columnheader')).toHaveText(['key', 'window_start', 'window_end', 'n']);
  await expect(continuous.locator('tbody tr').first()).toBeVisible();
  const diff = stream.getByRole('list', { name: 'How the two answers differ' });
  await expect(diff).toContainText(/the watermark at \d+\.\d s/);
  await expect(diff).toContainText(/\d+ tuples? the database holds (was|were) dropped by the stream as late/);
  await expect(diff).toContainText(/\d+ windows? \(per key\) with rows at rest/);
  await expect(diff).toContainText("The database's answer is from 30.0 s: now.");
  // GROUP BY key alone, sorted: refused in append mode (no watermarked window among the keys), and
  // in update mode for the sort.
  await db
    .getByLabel('SQL query (SQLite)')
    .fill('SELECT key, COUNT(*) AS n FROM readings GROUP BY key ORDER BY n DESC');
  await db.getByRole('button', { name: 'Run query' }).click();
  await expect(stream.getByRole('status')).toContainText(
    'Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark',
  );
  await stream.getByLabel('output mode').selectOption('update');
  await expect(stream.getByRole('status')).toContainText(
    'Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode',
  );
  // The code export writes the query as the streaming job that runs it on the topic.
  const code = page.getByRole('region', { name: 'Code export' });
  await code.getByRole('tab', { name: 'Your SQL on the stream (PySpark)' }).click();
  await expect(code.locator('pre.code__text')).toContainText(
    'result = spark.sql("""SELECT key, COUNT(*) AS n FROM readings GROUP BY key ORDER BY n DESC""")',
  );
  await expect(code.locator('pre.code__text')).toContainText('.outputMode("update")');
  await stream.getByLabel('output mode').selectOption('complete');
  await expect(stream.getByRole('status')).toHaveText(
    'Spark accepts it as a streaming query in complete mode.',
  );
});
