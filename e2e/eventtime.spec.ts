import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AXE_OPTIONS, expect, shownSeconds, test } from './fixtures';
import { longParam } from './linkParams';

const plot = (page: Page) => page.getByRole('region', { name: 'Event time plot' });
const results = (page: Page) => page.getByRole('region', { name: 'Window results' });

/** "…arrived at 9.0 s with event time 2.7 s; watermark was 5.5 s…" → numbers. */
function parse(text: string) {
  const m = /arrived at ([\d.]+) s with event time ([\d.]+) s; watermark was ([\d.]+) s/.exec(text);
  expect(m, text).not.toBeNull();
  return { arrival: Number(m![1]), event: Number(m![2]), watermark: Number(m![3]) };
}

test('step until a window fires, read why a late tuple was dropped, compare another delay', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&t=8500');
  await expect(results(page)).toContainText('No window has produced a result yet.');
  // Step tick by tick until the first window is emitted.
  let steps = 0;
  while (
    (await results(page)
      .getByRole('row', { name: /^\[0\.0 s, 5\.0 s\)/ })
      .count()) === 0
  ) {
    await page.locator('body').press('ArrowRight');
    steps++;
    expect(steps).toBeLessThan(40);
  }
  const firedAt = await shownSeconds(page);
  await expect(plot(page)).toContainText(`Window [0.0 s, 5.0 s) fired at ${firedAt.toFixed(1)} s`);
  // The window fired once the watermark had passed its end (5 s).
  const wm = Number(
    /the watermark is ([\d.]+) s/.exec(
      (await plot(page).locator('.etplot__summary').textContent()) ?? '',
    )?.[1],
  );
  expect(wm).toBeGreaterThanOrEqual(5);

  // A late tuple: its event time was behind the watermark when it arrived, so it was dropped.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('360');
  const late = plot(page)
    .getByRole('button', { name: /late, dropped/ })
    .first();
  await late.hover();
  const text = (await plot(page).getByRole('status').textContent()) ?? '';
  expect(text).toMatch(/late, dropped/);
  const { event, watermark } = parse(text);
  // Its 5 s window had ended by the watermark that judged it.
  expect(Math.floor(event / 5) * 5 + 5).toBeLessThanOrEqual(watermark);
  // Keyboard users get the same explanation by focusing it.
  await late.focus();
  await expect(plot(page).getByRole('status')).toContainText('late, dropped');

  // Spark 3.4+ judges late rows by the previous batch's watermark; the ≤ 3.3 rule drops more tuples.
  const droppedNow = await plot(page)
    .getByRole('button', { name: /late, dropped/ })
    .count();
  await plot(page)
    .getByLabel(/Spark 3\.4\+/)
    .uncheck();
  await expect
    .poll(() =>
      plot(page)
        .getByRole('button', { name: /late, dropped/ })
        .count(),
    )
    .toBeGreaterThan(droppedNow);
  await plot(page)
    .getByLabel(/Spark 3\.4\+/)
    .check();

  // Compare with a 5 s watermark delay: the same window is emitted later, and the late tuple counts there.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('400');
  await results(page).getByLabel('Compare with').selectOption('delay');
  await results(page).getByLabel('delay (s)').fill('5');
  const row = results(page)
    .locator('.wtable--compare')
    .getByRole('row', { name: /^≠?\s*\[0\.0 s, 5\.0 s\)/ });
  await expect(row).toHaveClass(/is-different/);
  const cells = await row.getByRole('cell').allTextContents();
  const [a, b] = cells.map((c) => /(\d+) at ([\d.]+) s/.exec(c)!);
  expect(Number(b![2])).toBeGreaterThan(Number(a![2]));
  // The table says what differs: the value, or only when it came out (issue 20).
  await expect(row.getByRole('cell').last()).toHaveText(a![1] === b![1] ? 'only the time' : 'the value');
  await expect(results(page)).toContainText(/Dropped: [1-9]\d* here, 0 there/);
});

test('Flink rules with allowed lateness: a late tuple re-fires its window instead of being dropped', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&t=20000');
  await plot(page).getByLabel('Rules').selectOption('flink');
  await expect(plot(page)).toContainText('Flink: watermark = max timestamp − 2 s − 1 ms');
  await expect(
    plot(page)
      .getByRole('button', { name: /late, dropped/ })
      .first(),
  ).toBeVisible();
  await plot(page).getByLabel('Allowed lateness (s)').fill('4');
  await expect(plot(page).getByRole('button', { name: /late, dropped/ })).toHaveCount(0);
  const kept = plot(page)
    .getByRole('button', { name: /within the allowed lateness/ })
    .first();
  await kept.focus();
  await expect(plot(page).getByRole('status')).toContainText('its window fired again');
  await expect(results(page).getByText('(late firing)').first()).toBeVisible();
  // The setting is in the link.
  await expect.poll(() => longParam(page.url(), 'et')).toContain('"allowedLatenessMs":4000');
  await page.reload();
  await expect(plot(page).getByLabel('Allowed lateness (s)')).toHaveValue('4');
});

test('Spark output modes and a slide longer than the window is refused with Spark’s message', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&t=20000');
  await plot(page).getByLabel('Output mode').selectOption('update');
  await expect(results(page)).toContainText('Update mode');
  await expect(results(page).getByText('(update)').first()).toBeVisible();
  await plot(page)
    .getByRole('combobox', { name: /^Window/ })
    .selectOption('sliding');
  await plot(page).getByLabel('slide (s)').fill('8');
  await expect(plot(page).getByRole('alert')).toContainText(
    'The slide duration (8000 ms) must be less than or equal to the windowDuration (5000 ms)',
  );
});

test('DBMS vs stream: the database answers when asked; the stream answer moves with time', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&t=10000');
  const pane = page.getByRole('region', { name: 'DBMS vs stream' });
  await expect(pane).toContainText('No answer yet: nothing happens until someone asks.');
  await pane.getByRole('button', { name: 'Run query' }).click();
  await expect(pane).toContainText('Answered at 10.0 s');
  const db = pane.getByRole('table', { name: 'Database answer' });
  const dbRows = await db.getByRole('row').allTextContents();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('200');
  // The database answer has not changed, and says it is stale; the continuous query has moved on.
  expect(await db.getByRole('row').allTextContents()).toEqual(dbRows);
  await expect(pane).toContainText(
    /Time has moved to 20\.0 s and the table now holds \d+ rows: this answer is stale until you run it again/,
  );
  const live = await pane
    .getByRole('table', { name: 'Continuous query result' })
    .getByRole('row')
    .allTextContents();
  expect(live).not.toEqual(dbRows);
});

test('the event-time page has no serious or critical accessibility violations', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?scenario=watermarks&t=20000');
    await plot(page).getByRole('button', { name: /late/ }).first().focus();
    const found = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
    const bad = found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }
});

test('events from before the run starts (negative event times) fall in Flink windows before 0 s, offset or not', async ({
  page,
}) => {
  const scenario = {
    version: 1,
    name: 'Events from before the start',
    durationMs: 20000,
    tuples: [-7000, -5500, -3000, -1000, 2000, 4000, 7000, 12000, 15000].map((eventTime, i) => ({
      key: 'a',
      value: i + 1,
      eventTime,
      arrivalTime: Math.max(0, eventTime) + 500 + i * 100,
    })),
    eventTime: {
      engine: 'flink',
      window: { kind: 'tumbling', sizeMs: 5000, offsetMs: -2000 },
      aggregate: 'sum',
    },
  };
  await page.goto('./?scenario=watermarks');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'JSON' }).click();
  await dialog.getByLabel('The whole scenario as JSON').fill(JSON.stringify(scenario));
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('160');
  // TumblingEventTimeWindows.of(5 s, -2 s): [-7, -2) holds -7, -5.5 and -3 s; [-2, 3) holds -1 and 2 s.
  const results = page.getByRole('region', { name: 'Window results' });
  await expect(results.getByRole('row', { name: /^\[-7\.0 s, -2\.0 s\) 6 at/ })).toBeVisible();
  await expect(results.getByRole('row', { name: /^\[-2\.0 s, 3\.0 s\) 9 at/ })).toBeVisible();
});

test('a window’s count sits above the tuples’ marks, so a late mark never hides it (issue 20)', async ({
  page,
}) => {
  await page.goto('./?scenario=watermarks&seed=5&t=36000');
  const plot = page.getByRole('region', { name: 'Event time plot' });
  // The windows' results: the plot's texts that are bare numbers (axis ticks carry units).
  const counts = plot.locator('svg text').filter({ hasText: /^\d+(\.\d+)?$/ });
  await expect(counts.first()).toBeVisible();
  await plot.scrollIntoViewIfNeeded();
  // Whatever marks lie under a count, the topmost element across it is the count itself.
  const hidden = await counts.evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // Across the whole number, not only its centre: a mark may cover one digit.
        return [0.15, 0.35, 0.5, 0.65, 0.85].some((f) => {
          const top = document.elementFromPoint(r.x + r.width * f, r.y + r.height / 2);
          return top !== el && !el.contains(top);
        });
      })
      .map((el) => el.textContent),
  );
  expect(hidden).toEqual([]);
});

test('a dense plot paints its on-time tuples on a canvas: hovering one explains it, a click inspects it (issue 19)', async ({
  page,
}) => {
  // The watermarks preset at 60 times its rates: thousands of on-time dots in view.
  const scenario = JSON.parse(readFileSync('src/scenarios/presets/watermarks.json', 'utf8')) as {
    producers: { ratePerSec: number }[];
  };
  for (const p of scenario.producers) p.ratePerSec *= 60;
  await page.goto(`./?scenario=watermarks&t=20000&scn=${encodeURIComponent(JSON.stringify(scenario))}`);
  const canvas = plot(page).locator('canvas.etplot__canvas');
  await expect(canvas).toBeVisible();
  await canvas.scrollIntoViewIfNeeded();
  expect(await plot(page).locator('circle').count()).toBe(0);
  // Sweep the pointer over the plot until it rests on an on-time tuple.
  const box = (await plot(page).locator('svg.etplot__svg').boundingBox())!;
  const explain = plot(page).locator('.etplot__explain');
  let found: { x: number; y: number; text: string } | null = null;
  for (let row = 1; row < 16 && !found; row++)
    for (let col = 1; col < 40 && !found; col++) {
      const x = box.x + (box.width * col) / 40;
      const y = box.y + (box.height * row) / 16;
      await page.mouse.move(x, y);
      const text = (await explain.textContent()) ?? '';
      if (text.endsWith(': on time')) found = { x, y, text };
    }
  expect(found, 'no on-time tuple under the pointer anywhere on the plot').not.toBeNull();
  const { arrival, event } = parse(found!.text);
  expect(arrival).toBeLessThanOrEqual(20);
  expect(event).toBeLessThanOrEqual(arrival);
  const id = /^#(\d+) arrived/.exec(found!.text)![1];
  await page.mouse.click(found!.x, found!.y);
  const inspector = page.getByRole('region', { name: 'Tuple inspector' });
  await expect(inspector.getByRole('heading', { name: `Tuple #${id}` })).toBeVisible();
});
