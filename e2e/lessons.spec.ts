import { expect, seriousViolations, shownSeconds, test } from './fixtures';

test('complete a lesson step by step; the progress is kept after a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  const index = page.getByRole('region', { name: 'Lessons' });
  await expect(index.getByRole('listitem')).toHaveCount(13);
  expect(await seriousViolations(page)).toEqual([]);
  await index.getByRole('link', { name: 'Start: Data at rest, data in motion' }).click();

  // Step 1: reading only; the views it points at are spotlit, the others dimmed.
  const step1 = page.getByRole('region', { name: 'Step 1 of 3: A database waits to be asked' });
  await expect(step1).toBeVisible();
  await expect(page).toHaveURL(/scenario=watermarks&seed=5&t=6000.*#\/lessons\/dbms-vs-streams\/1$/);
  expect(await shownSeconds(page)).toBe(6);
  await expect(page.getByRole('region', { name: 'DBMS vs stream' })).toHaveClass(/is-spotlit/);
  await expect(page.getByRole('region', { name: 'Producers' })).toHaveClass(/is-dimmed/);
  expect(await seriousViolations(page)).toEqual([]);
  await step1.getByRole('button', { name: 'Next step →' }).click();

  // Step 2: play until 20 more readings have arrived.
  const step2 = page.getByRole('region', { name: /^Step 2 of 3/ });
  const task2 = step2.getByRole('group', { name: 'Try it' });
  await expect(task2.getByRole('status')).toHaveText('Not done yet.');
  await step2.getByRole('button', { name: 'Show a hint' }).click();
  await expect(task2).toContainText('Run query is the button');
  await page.locator('body').press('Space');
  await expect(task2.getByRole('status')).toHaveText('✓ Done — well spotted.', { timeout: 15_000 });
  await page.locator('body').press('Space');
  await step2.getByRole('button', { name: 'Next step →' }).click();

  // Step 3: jump to the end.
  const step3 = page.getByRole('region', { name: /^Step 3 of 3/ });
  await expect(step3.getByRole('group', { name: 'Try it' }).getByRole('status')).toHaveText('Not done yet.');
  await page.locator('body').press('End');
  await expect(step3.getByRole('group', { name: 'Try it' }).getByRole('status')).toHaveText(
    '✓ Done — well spotted.',
  );
  await expect(step3.getByRole('link', { name: /Step 1: .* \(done\)/ })).toBeVisible();
  await step3.getByRole('button', { name: /^Next lesson: / }).click();
  await expect(page.getByRole('region', { name: /^Step 1 of \d+/ })).toBeVisible();

  await page.reload();
  await page.goto('./#/lessons');
  const card = page.getByRole('region', { name: 'Lessons' }).getByRole('listitem').first();
  await expect(card).toContainText('Finished');
  await expect(card.getByRole('link', { name: 'Review: Data at rest, data in motion' })).toBeVisible();
  await expect(page.getByText('1 of 13 finished.')).toBeVisible();
});

test('a share link opens the exact lesson step and frame it was copied at', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/lessons/watermarks/2');
  await expect(page.getByRole('region', { name: /^Step 2 of \d+/ })).toBeVisible();
  // The step opens its own moment first (8 s); only then move away from it and share.
  await expect.poll(() => shownSeconds(page)).toBe(8);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('173');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(dialog).toContainText('at this lesson step');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/t=17300.*#\/lessons\/watermarks\/2$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(dialog.getByRole('textbox', { name: 'Embed in a course page' })).toHaveValue(/embed=1/);
  expect(await seriousViolations(page)).toEqual([]);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: /^Step 2 of \d+/ })).toBeVisible();
  expect(await shownSeconds(other)).toBe(17.3);
  await other.close();
});

test('embed mode shows the views without the navigation, with a way out', async ({ page }) => {
  await page.goto('./?scenario=kafka-failover&t=9000&embed=1');
  await expect(page.getByRole('region', { name: 'Broker' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  const out = page.getByRole('link', { name: 'Open in Streamscope' });
  await expect(out).toHaveAttribute('href', /scenario=kafka-failover/);
  expect(await out.getAttribute('href')).not.toContain('embed=1');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/t=9100.*embed=1|embed=1.*t=9100/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a link to a missing lesson or a bad page says so and keeps working', async ({ page }) => {
  await page.goto('./#/lessons/no-such-lesson/1');
  await expect(
    page.getByText('There is no lesson "no-such-lesson"; here is the list of lessons.'),
  ).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  await page.goto('./#/nowhere');
  await expect(page.getByText(/The link's page "#\/nowhere" is not one of/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
});

test('switching scenario in the middle of a lesson says the step needs its own, and offers it back (issue 20)', async ({
  page,
}) => {
  await page.goto('./#/lessons/watermarks/2');
  await expect(page.getByRole('region', { name: /^Step 2 of \d+/ })).toBeVisible();
  await expect(page.locator('.panel.is-spotlit').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('dense');
  const alert = page.getByRole('alert').filter({ hasText: 'This step runs on the scenario' });
  await expect(alert).toContainText('Watermarks');
  // Nothing is greyed out over the other scenario.
  await expect(page.locator('.panel.is-spotlit')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Reopen the step’s scenario' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('watermarks');
  await expect(alert).toHaveCount(0);
  await expect(page.locator('.panel.is-spotlit').first()).toBeVisible();
  // Or leave the lesson.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('dense');
  await page.getByRole('button', { name: 'Leave the lesson' }).click();
  await expect(page.getByRole('region', { name: /^Step 2 of/ })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('dense');
});
