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
