import { expect, seriousViolations, test } from './fixtures';

test('answer a question wrongly, then rightly, see the feedback, and find the progress after a reload', async ({
  page,
}) => {
  await page.goto('./');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Review questions' })
    .click();
  const region = page.getByRole('region', { name: 'Review questions' });
  await expect(region).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await region.getByRole('link', { name: /Which ordering does Kafka guarantee/ }).click();

  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { name: /Which ordering does Kafka guarantee/ })).toBeVisible();
  await card.getByRole('button', { name: 'Show a hint' }).click();
  await expect(card.getByText('Where are offsets numbered?')).toBeVisible();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.getByRole('alert')).toHaveText('Choose one of the answers first.');

  await card.getByRole('radio', { name: 'A total order over the whole topic, by offset.' }).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  const feedback = card.getByRole('status');
  await expect(feedback).toContainText('✗ Not quite.');
  await expect(feedback).toContainText('Offsets are numbered per partition');
  await expect(feedback).toContainText('The answer: Order within each partition');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Try it again' }).click();
  await card.getByRole('radio', { name: /^Order within each partition/ }).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.getByRole('status')).toContainText('✓ Right.');
  await expect(card.getByRole('status')).toContainText('✓ Right.Each partition is its own append-only log');

  await page.reload();
  await page.goto('./#/questions');
  const item = page
    .getByRole('region', { name: 'Review questions' })
    .getByRole('listitem')
    .filter({ hasText: 'Which ordering does Kafka guarantee' });
  await expect(item).toContainText('right last time');
  await expect(page.getByText(/You have answered 1; 1 right the last time\./)).toBeVisible();
});

test('a predict-then-run question shows its moment, is graded by the engine, and varies on "practise again"', async ({
  page,
}) => {
  await page.goto('./#/questions');
  const region = page.getByRole('region', { name: 'Review questions' });
  const predict = region.getByRole('listitem').filter({ hasText: 'Predict, then run' }).first();
  await predict.getByRole('link').click();
  const card = page.getByRole('article');
  const moment = card.getByRole('link', { name: /Look at the moment/ });
  await expect(moment).toHaveAttribute('href', /\?scenario=[a-z-]+.*&t=\d+/);
  const prompt = await card.getByRole('heading').textContent();
  const radio = card.getByRole('radio');
  if ((await radio.count()) > 0) await radio.first().check();
  else await card.getByRole('textbox', { name: 'Your answer' }).fill('0');
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.getByRole('status')).toContainText(/Right\.|Not quite\./);
  await expect(card.getByRole('link', { name: /Run it to .* and see why/ })).toHaveAttribute('href', /t=\d+/);
  await page.getByRole('button', { name: 'Practise again with a new variant' }).click();
  await expect(page).toHaveURL(/#\/questions\/[a-z0-9-]+\/2$/);
  await expect(page.getByRole('article').getByRole('button', { name: 'Check answer' })).toBeVisible();
  expect(prompt).toBeTruthy();
});

test('a quiz scores at the end and reviews the mistakes with links that explain them', async ({ page }) => {
  await page.goto('./#/questions');
  await page.getByRole('link', { name: 'Start a quiz (10 questions)' }).click();
  await expect(page.getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible();
  for (let i = 1; i <= 10; i++) {
    const card = page.getByRole('article');
    await expect(card.getByText(`Question ${i} of 10`)).toBeVisible();
    const radio = card.getByRole('radio');
    const text = card.getByRole('textbox', { name: 'Your answer' });
    if ((await radio.count()) > 0) await radio.first().check();
    else if ((await text.count()) > 0) await text.fill('0');
    // No feedback during a quiz.
    await card.getByRole('button', { name: 'Submit answer' }).click();
  }
  const score = page.getByRole('status').filter({ hasText: 'Your score' });
  await expect(score).toHaveText(/Your score: \d+ of 10/);
  const mistakes = page.getByRole('listitem').filter({ hasText: 'The answer:' });
  const wrong = 10 - Number((await score.textContent())?.match(/(\d+) of 10/)?.[1]);
  await expect(mistakes).toHaveCount(wrong);
  if (wrong > 0)
    await expect(mistakes.first().getByRole('link')).toHaveAttribute('href', /scenario=|#\/lessons\//);
  await page.goto('./#/questions');
  await expect(page.getByText(/Last quiz: \d+ of 10/)).toBeVisible();
});

test('corrupted saved progress is discarded with a notice; the pages keep working', async ({ page }) => {
  await page.goto('./#/questions');
  await page.evaluate(() =>
    localStorage.setItem('streamscope:progress', '{"version":1,"state":{"lessons":7}}'),
  );
  await page.reload();
  await expect(page.getByText(/Your saved progress could not be read/)).toHaveText(
    'Your saved progress could not be read ("lessons" is not an object); it was reset.',
  );
  await expect(page.locator('.notice')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Review questions' })).toBeVisible();
});

test('corrected questions: the backfill question counts the watch’s readings, and getActiveOrCreate is accepted (issue 18)', async ({
  page,
}) => {
  await page.goto('./#/questions/event-time-backfill-processing-windows/1');
  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { name: /heart-rate backlog in one burst/ })).toBeVisible();
  await card.getByRole('radio', { name: /^No watch readings between 10 s and 25 s/ }).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  const feedback = card.getByRole('status');
  await expect(feedback).toContainText('✓ Right.');
  // The verdict is said once, not “✓ Right. Right: …” (issue 20).
  await expect(feedback).toContainText('✓ Right.By arrival time nothing came from the watch');
  await expect(feedback).not.toContainText('Right: by arrival');
  // The corrected explanation: the pedometer stays online, so only the watch is silent.
  await expect(feedback).toContainText('only the pedometer’s readings did');
  await expect(feedback).toContainText('To count the watch’s readings when they were taken');
  await expect(feedback).not.toContainText('No steps');

  await page.goto('./#/questions/checkpointing-get-or-create/1');
  const short = page.getByRole('article');
  await short.getByRole('textbox', { name: 'Your answer' }).fill('StreamingContext.getActiveOrCreate');
  await short.getByRole('button', { name: 'Check answer' }).click();
  await expect(short.getByRole('status')).toContainText('✓ Right.');
  await expect(short.getByRole('status')).toContainText('returns the context already running in this JVM');
});

test('a predict question’s embedded moment opens at the view it is about, not the producer counters (issue 20)', async ({
  page,
}) => {
  await page.goto('./#/questions/failover-new-leader/1');
  const frame = page.frameLocator('iframe.question__frame');
  const broker = frame.locator('.workspace__main .panel.broker');
  await expect(broker).toBeVisible();
  // Scrolled so that the Broker view's top is in the embedded window, above the transport.
  await expect
    .poll(async () =>
      broker.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight / 2;
      }),
    )
    .toBe(true);
});
