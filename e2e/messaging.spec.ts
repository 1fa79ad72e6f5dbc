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
