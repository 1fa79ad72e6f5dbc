import { expect, shownSeconds, test } from './fixtures';

test('a student opens the app, plays, pauses and steps back and forth', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('three-kinds');
  const slider = page.getByRole('slider', { name: 'Simulation time' });
  await expect(slider).toHaveValue('0');

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownSeconds(page), { timeout: 5000 }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await slider.inputValue();
  await page.waitForTimeout(400);
  await expect(slider).toHaveValue(paused);
  // Tuples have arrived and are drawn in the lanes.
  await expect(page.getByRole('button', { name: /^Tuple #\d+ from Thermostat/ }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(slider).toHaveValue(String(Number(paused) + 1));
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(slider).toHaveValue(String(Number(paused) - 1));

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(slider).toHaveValue('0');
});

test('keyboard: space plays and pauses, arrows step, Home/End jump, +/− change speed, ? shows shortcuts', async ({
  page,
}) => {
  await page.goto('./?scenario=slide-example&t=0');
  const slider = page.getByRole('slider', { name: 'Simulation time' });
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await page.locator('body').press('ArrowRight');
  await page.locator('body').press('ArrowRight');
  await expect(slider).toHaveValue('2');
  await page.locator('body').press('ArrowLeft');
  await expect(slider).toHaveValue('1');
  await page.locator('body').press('End');
  await expect(slider).toHaveValue('64');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await page.locator('body').press('Home');
  await expect(slider).toHaveValue('0');
  await page.locator('body').press('+');
  await page.locator('body').press('+');
  await expect(speed).toHaveValue('4');
  await page.locator('body').press('-');
  await expect(speed).toHaveValue('2');
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Play / pause');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('plays to the end at 16x and can play again from the start', async ({ page }) => {
  await page.goto('./?scenario=slide-example&t=12000');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('slider', { name: 'Simulation time' })).toHaveValue('64', { timeout: 5000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownSeconds(page)).toBeLessThan(12);
});

test('the play button keeps its filled look under the pointer, so its white icon stays visible', async ({
  page,
}) => {
  await page.goto('./');
  const play = page.getByRole('button', { name: 'Play' });
  const background = () => play.evaluate((el) => getComputedStyle(el).backgroundColor);
  const resting = await background();
  await play.hover();
  await expect.poll(background).toBe(resting);
});
