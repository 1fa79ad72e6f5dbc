import { test } from '@playwright/test';

/**
 * Not a check: writes screenshots for a person to look at. Playwright only collects this file when
 * SCREENSHOTS is set: `SCREENSHOTS=/tmp/shots npx playwright test screenshots`.
 */

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?scenario=three-kinds&seed=7&t=36000&tuple=80');
    await page.getByRole('region', { name: 'Producers' }).waitFor();
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/app-${scheme}.png`, fullPage: true });
  });
}

test('screenshot slide example', async ({ page }) => {
  await page.goto('./?scenario=slide-example&t=12000&tuple=2');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/slide.png`, fullPage: true });
});

test('screenshot dense', async ({ page }) => {
  await page.goto('./?scenario=dense&t=45000');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/dense.png`, fullPage: true });
});

test('screenshot offline, buffering', async ({ page }) => {
  await page.goto('./?scenario=offline-backfill&t=20000');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/offline.png`, fullPage: true });
});

test('screenshot phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?scenario=three-kinds&t=36000&tuple=80');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/phone.png`, fullPage: true });
  await page.locator('.lanes__svg').screenshot({ path: `${process.env.SCREENSHOTS}/phone-lanes.png` });
});

test('screenshot kafka', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=14000');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/kafka.png`, fullPage: true });
});

test('screenshot messaging', async ({ page }) => {
  await page.goto('./?scenario=direct-messaging&t=10000');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/direct.png`, fullPage: true });
  await page.goto('./?scenario=queue-broker&t=10000');
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/queue.png`, fullPage: true });
});

test('screenshot comparison', async ({ page }) => {
  await page.goto('./?scenario=direct-messaging&t=20000&compare=log');
  await page
    .getByRole('region', { name: 'Comparison' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/compare.png` });
});

test('screenshot min isr', async ({ page }) => {
  await page.goto('./?scenario=kafka-min-isr&t=8000');
  await page
    .getByRole('region', { name: 'Broker' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/minisr.png` });
});

test('screenshot spark streaming', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=dstream-windows&t=9500');
  const timeline = page.getByRole('region', { name: 'DStream timeline' });
  await timeline.screenshot({ path: `${process.env.SCREENSHOTS}/dstream.png` });
  await page
    .getByRole('region', { name: 'Streaming metrics' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/metrics.png` });
  await page
    .getByRole('region', { name: 'Pipeline', exact: true })
    .screenshot({ path: `${process.env.SCREENSHOTS}/pipeline.png` });
  await timeline.getByRole('button', { name: /^Batch at 8 s/ }).click();
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/streaming.png`, fullPage: true });
  await page.goto('./?scenario=spark-falling-behind&t=30000');
  await page.getByLabel('Cost per record (ms)').fill('10');
  await page
    .getByRole('region', { name: 'Streaming metrics' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/behind.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?scenario=receiver-wordcount&t=14000');
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/receiver-dark.png` });
});

test('screenshot spark streaming states', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=spark-falling-behind&t=20000');
  await page.getByLabel('Cost per record (ms)').fill('10');
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/behind-timeline.png` });
  await page.goto('./?scenario=dstream-windows&t=6000');
  await page.getByLabel('Batch interval').selectOption('2000');
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/error.png` });
  await page.goto('./?scenario=dstream-windows&t=6000');
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .getByRole('button', { name: /^windowed = / })
    .click();
  await page
    .getByRole('region', { name: 'DStream inspector' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/lineage.png` });
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .getByRole('button', { name: /^stream at 5 s/ })
    .click();
  await page.getByRole('button', { name: /^p0 · / }).click();
  await page
    .getByRole('region', { name: 'Batch inspector' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/partition.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?scenario=dstream-windows&t=6000');
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/phone-dstream.png` });
});

test('screenshot event time', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=watermarks&t=21000');
  await page
    .getByRole('button', { name: /past its window/ })
    .first()
    .focus();
  await page
    .getByRole('region', { name: 'Event time plot' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/etplot.png` });
  await page
    .getByRole('region', { name: 'Window results' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/wresults.png` });
  await page.getByRole('button', { name: 'Run query' }).click();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('250');
  await page
    .getByRole('region', { name: 'DBMS vs stream' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/dbms.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(
    './?scenario=watermarks&t=30000&et=%7B%22engine%22%3A%22flink%22%2C%22flink%22%3A%7B%22allowedLatenessMs%22%3A2000%7D%7D',
  );
  await page
    .getByRole('region', { name: 'Event time plot' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/etplot-flink-dark.png` });
});

test('screenshot state and checkpoints', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=stateful-streams&t=20500');
  await page
    .getByRole('region', { name: 'State inspector' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/state.png` });
  await page.getByRole('button', { name: /^Data checkpoint of totals at 10 s/ }).click();
  await page
    .getByRole('region', { name: 'Checkpoints' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/checkpoints.png` });
});

test('screenshot recovery', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=stateful-streams&t=6500');
  await page.getByRole('button', { name: 'Crash the driver now' }).click();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('120');
  await page
    .getByRole('region', { name: 'Recovery' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/recovery.png` });
  await page
    .getByRole('region', { name: 'DStream timeline' })
    .screenshot({ path: `${process.env.SCREENSHOTS}/rerun-timeline.png` });
});

test('screenshot learning pages', async ({ page }) => {
  const dir = process.env.SCREENSHOTS;
  await page.goto('./#/lessons');
  await page.getByRole('region', { name: 'Lessons' }).waitFor();
  await page.screenshot({ path: `${dir}/lessons.png` });
  await page.goto('./#/lessons/watermarks/2');
  await page.getByRole('region', { name: /^Step 2 of/ }).waitFor();
  await page.getByRole('region', { name: 'Event time plot' }).waitFor();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${dir}/lesson-step.png` });
  await page.goto('./#/questions');
  await page.getByRole('region', { name: 'Review questions' }).waitFor();
  await page.screenshot({ path: `${dir}/questions.png` });
  await page.goto('./#/questions/kafka-log-order-scope/1');
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.screenshot({ path: `${dir}/question-feedback.png` });
  await page.goto('./#/questions/window-next-emitted/3');
  await page.getByRole('article').waitFor();
  await page.screenshot({ path: `${dir}/question-predict.png` });
  await page.goto('./?scenario=watermarks&t=15000');
  await page.keyboard.press('p');
  await page.screenshot({ path: `${dir}/presenter.png` });
  await page.keyboard.press('q');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: `${dir}/presenter-ask.png` });
});

test('screenshot structured streaming', async ({ page }) => {
  const dir = process.env.SCREENSHOTS;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?scenario=kafka-structured-streaming&t=35200');
  const progress = page.getByRole('region', { name: 'Query progress', exact: true });
  await progress.getByRole('button', { name: 'Crash the driver now' }).click();
  await page.getByRole('slider', { name: 'Simulation time' }).fill('460');
  await progress.getByRole('button', { name: '6 (re-run)' }).click();
  await progress.screenshot({ path: `${dir}/structured-streaming.png` });
  await page
    .getByRole('region', { name: 'Event time plot', exact: true })
    .screenshot({ path: `${dir}/structured-plot.png` });
  await page
    .getByRole('region', { name: 'Checkpoints', exact: true })
    .screenshot({ path: `${dir}/structured-checkpoints.png` });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${dir}/structured-${scheme}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/structured-phone.png`, fullPage: true });
  await page
    .getByRole('region', { name: 'State store', exact: true })
    .screenshot({ path: `${dir}/structured-phone-state.png` });
  await progress.screenshot({ path: `${dir}/structured-phone-progress.png` });
});

// The README's pictures (copied into e2e/screenshots/ by hand after a look).
test('screenshot readme', async ({ page }) => {
  const dir = process.env.SCREENSHOTS;
  await page.goto('./?scenario=three-kinds&seed=7&t=36000&tuple=80');
  await page.locator('section.panel.map svg.pipemap__svg').waitFor();
  await page.screenshot({ path: `${dir}/readme-streamscope.png` });
  await page.goto('./?scenario=kafka-failover&seed=4&t=12500');
  const map = page.getByRole('region', { name: 'Pipeline map' });
  await map.locator('svg.pipemap__svg').waitFor();
  await map.screenshot({ path: `${dir}/readme-pipeline-map.png` });
  await page.goto('./?scenario=kafka-structured-streaming&seed=7&t=41000');
  await map.locator('svg.pipemap__svg').waitFor();
  await map.screenshot({ path: `${dir}/readme-pipeline-structured.png` });
});
