import { expect, test } from './fixtures';

test('direct messaging: a consumer that is down loses what was sent meanwhile', async ({ page }) => {
  await page.goto('./?scenario=direct-messaging&t=5900');
  const consumers = page.getByRole('region', { name: 'Consumers' });
  const billing = consumers.getByRole('row', { name: /^billing/ });
  await expect(billing).toContainText('up');
  await expect(billing.getByRole('cell').nth(2)).toHaveText('0');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('110');
  await expect(billing).toContainText('down');
  expect(Number(await billing.getByRole('cell').nth(2).textContent())).toBeGreaterThan(10);
  // Back up at 12 s: it receives new orders again, but what it lost stays lost.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('120');
  await expect(billing).toContainText('up');
  const lost = Number(await billing.getByRole('cell').nth(2).textContent());
  await page.getByRole('slider', { name: 'Simulation time' }).fill('200');
  await expect(billing).toContainText('up');
  expect(Number(await billing.getByRole('cell').nth(2).textContent())).toBe(lost);
  // There is no broker to fetch them from.
  await expect(page.getByRole('region', { name: 'Broker' })).toHaveCount(0);
});

test('queue broker: messages wait while every consumer is down, then drain; acknowledged ones are gone', async ({
  page,
}) => {
  await page.goto('./?scenario=queue-broker&t=11900');
  const broker = page.getByRole('region', { name: 'Broker' });
  const waiting = async () =>
    Number((await broker.getByText(/messages? waiting/).textContent())?.match(/^(\d+)/)?.[1]);
  const during = await waiting();
  expect(during).toBeGreaterThan(20);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('200');
  expect(await waiting()).toBeLessThan(during);
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await expect(consumers.getByRole('row', { name: /^worker-1/ })).toContainText('up');
});

test('comparison: the same orders through direct messaging and a Kafka log', async ({ page }) => {
  await page.goto('./?scenario=direct-messaging&t=20000');
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await comparison.getByRole('combobox', { name: 'Compare with' }).selectOption('log');
  await expect(page).toHaveURL(/compare=log/);
  const billing = comparison.getByRole('row', { name: /^billing/ });
  await expect(billing.getByRole('cell').nth(0)).toContainText(/\d+ received · \d+ lost/);
  await expect(billing.getByRole('cell').nth(1)).toHaveText(/^\d+ received$/);
  await expect(comparison.getByRole('row', { name: /^Kept by the broker/ })).toContainText(
    'any can be read again',
  );
  // Stepping back moves both runs: before the crash nobody has lost anything.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('50');
  await expect(billing.getByRole('cell').nth(0)).not.toContainText('lost');
  await page.reload();
  await expect(comparison.getByRole('combobox', { name: 'Compare with' })).toHaveValue('log');
});

test('fault injection in direct messaging: take a consumer offline now, and it loses what is sent meanwhile', async ({
  page,
}) => {
  await page.goto('./?scenario=direct-messaging&t=2000');
  const consumers = page.getByRole('region', { name: 'Consumers' });
  const shipping = consumers.getByRole('row', { name: /^shipping/ });
  await consumers.getByRole('button', { name: 'Take shipping offline' }).click();
  await expect(shipping).toContainText('down');
  await expect(page).toHaveURL(/fault=crashConsumer%3Ashipping%402000/);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('40');
  expect(Number(await shipping.getByRole('cell').nth(2).textContent())).toBeGreaterThan(3);
  await consumers.getByRole('button', { name: 'Bring shipping back' }).click();
  await expect(shipping).toContainText('up');
});
