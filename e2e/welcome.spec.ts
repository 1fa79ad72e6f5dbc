import { expect, seriousViolations, test } from './fixtures';

/** A first visit: nothing saved, no link (issue 20). */
test.use({ storageState: { cookies: [], origins: [] } });

const welcome = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Welcome to Streamscope' });

test('a first visit shows the start panel; "Start the first lesson" opens lesson 1, and the panel never returns', async ({
  page,
}) => {
  await page.goto('./');
  await expect(welcome(page)).toBeVisible();
  await expect(welcome(page)).toContainText('Space');
  expect(await seriousViolations(page, '.welcome')).toEqual([]);
  await welcome(page).getByRole('button', { name: 'Start the first lesson' }).click();
  await expect(
    page.getByRole('region', { name: /^Step 1 of \d+: A database waits to be asked/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/#\/lessons\/dbms-vs-streams\/1$/);
  // Back on the simulator, and after a reload with nothing in the address: gone for good.
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test('"Explore a scenario" opens the end-to-end pipeline; closing the panel also keeps it away', async ({
  page,
}) => {
  await page.goto('./');
  await welcome(page).getByRole('button', { name: 'Explore a scenario' }).click();
  await expect(welcome(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('kafka-structured-streaming');
  await expect(page.getByRole('region', { name: 'Query progress' })).toBeVisible();

  const other = await page
    .context()
    .browser()!
    .newContext({ storageState: { cookies: [], origins: [] } });
  const second = await other.newPage();
  await second.goto('./');
  await welcome(second).getByRole('button', { name: 'Close the welcome' }).click();
  await expect(welcome(second)).toHaveCount(0);
  await second.reload();
  await expect(second.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(welcome(second)).toHaveCount(0);
  await other.close();
});

test('links and embeds never show it, and the list pages hide the scenario controls', async ({ page }) => {
  await page.goto('./?scenario=watermarks&t=5000');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
  await page.goto('./?scenario=watermarks&t=5000&embed=1');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);

  // The Scenario, Seed and Edit-scenario controls do nothing on the lesson list and question pages.
  await page.goto('./?scenario=watermarks#/lessons');
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit scenario' })).toHaveCount(0);
  await page.goto('./?scenario=watermarks#/questions');
  await expect(page.getByRole('region', { name: 'Review questions' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  // An open lesson runs over the simulator and keeps them.
  await page.goto('./#/lessons/watermarks/1');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible();
});
