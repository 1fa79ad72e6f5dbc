import { expect, seriousViolations, test } from './fixtures';

test('an instructor bookmarks moments, then drives presenter mode with the keyboard', async ({ page }) => {
  await page.goto('./?scenario=watermarks&seed=5&t=0');
  await expect(page.getByRole('region', { name: 'Event time plot' })).toBeVisible();
  // Two prepared moments: at 8 s and 20 s.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('80');
  await page.keyboard.press('m');
  await page.getByRole('slider', { name: 'Simulation time' }).fill('200');
  await page.getByRole('button', { name: /^Bookmark/ }).click();
  const marks = page.getByRole('group', { name: 'Bookmarks' }).getByRole('listitem');
  await expect(marks).toHaveCount(2);
  await page.getByRole('slider', { name: 'Simulation time' }).fill('0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('p');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  // The transport is chrome too: the presenter's bar shows the time instead.
  await expect(page.getByRole('region', { name: 'Playback' })).toBeHidden();
  const bar = page.getByRole('status').filter({ hasText: 'Leave presenter mode' });
  await expect(bar).toBeVisible();
  const shownSeconds = async () => Number((await bar.textContent())?.match(/(\d+\.\d) s/)?.[1]);
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('.app') as Element).fontSize),
  ).toBe('20px');
  expect(await seriousViolations(page)).toEqual([]);

  // A clicker's PageDown / PageUp jump between the bookmarks; Space does the same as PageDown.
  await page.keyboard.press('PageDown');
  await expect.poll(shownSeconds).toBe(8);
  await page.keyboard.press('Space');
  await expect.poll(shownSeconds).toBe(20);
  await page.keyboard.press('PageUp');
  await expect.poll(shownSeconds).toBe(8);
  await expect(page.getByText('Bookmark 1 of 2')).toBeVisible();

  // B blanks the screen and brings it back.
  await page.keyboard.press('b');
  await expect(page.getByRole('dialog', { name: 'Screen blanked' })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect.poll(shownSeconds).toBe(8);
  await page.keyboard.press('b');
  await expect(page.getByRole('dialog', { name: 'Screen blanked' })).toBeHidden();

  // Q pauses and asks the room; Enter reveals the answer; Escape returns to the run.
  await page.keyboard.press('q');
  const ask = page.getByRole('dialog').filter({ hasText: 'Question for the room' });
  await expect(ask).toBeVisible();
  await expect(ask.getByText(/\(the answer\)/)).toHaveCount(0);
  await expect(ask.getByText('Enter reveals the answer')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(ask.getByText(/^Answer [A-H]\./)).toBeVisible();
  await expect(ask.getByRole('listitem', { name: /\(the answer\)/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();

  // P leaves presenter mode; the navigation is back.
  await page.keyboard.press('p');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // Bookmarks are kept in the browser.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Bookmarks' }).getByRole('listitem')).toHaveCount(2);
});

test('the "Presenter mode" button starts it, and a lesson step moves on with PageDown', async ({ page }) => {
  await page.goto('./#/lessons');
  await page
    .getByRole('region', { name: 'Lessons' })
    .getByRole('link', { name: /^Start/ })
    .first()
    .click();
  const dock = page.getByRole('region', { name: /^Step 1 of/ });
  await expect(dock).toBeVisible();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('region', { name: /^Step 2 of/ })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('region', { name: /^Step 1 of/ })).toBeVisible();
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
