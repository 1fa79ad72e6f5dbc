import { expect, test } from './fixtures';

test('opening Streamscope again without a link goes on where the learner stopped', async ({ page }) => {
  await page.goto('./?scenario=watermarks&seed=4&t=12000');
  await expect(page.getByRole('region', { name: 'Event time plot' })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/t=12100|t=12050|t=12250|t=12200/);
  const left = new URL(page.url()).search;
  await page.goto('./');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('watermarks');
  await expect(page).toHaveURL(new RegExp(`${left.replace('?', '\\?')}$`));
});

test('a corrupted saved session is discarded with a notice naming the problem; the app starts afresh', async ({
  page,
}) => {
  await page.goto('./?scenario=dstream-windows');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('streamscope:session', '{"version":1,"link":'));
  await page.goto('./');
  await expect(page.getByText(/Your last session could not be restored/)).toHaveText(
    'Your last session could not be restored (it is not valid JSON); starting afresh.',
  );
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('three-kinds');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  // The broken entry is replaced by the fresh session.
  const saved = await page.evaluate(() => localStorage.getItem('streamscope:session'));
  expect(JSON.parse(saved ?? 'null')).toMatchObject({ version: 1, link: expect.stringMatching(/^\?/) });
});
