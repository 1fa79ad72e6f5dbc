import { expect, test } from './fixtures';
import { openLink, PRESET_IDS, PRESET_MOMENT_MS } from './moments';

/**
 * On a phone nothing widens the page: every element of every preset's page (mid-run, its lazy
 * views loaded) ends inside the viewport, unless it sits in a box that scrolls or clips sideways
 * (a wide table scrolls within its panel) or inside an SVG (which clips its own drawing).
 */
for (const id of PRESET_IDS)
  test(`on a phone, ${id} fits the screen's width`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openLink(page, `scenario=${id}&t=${PRESET_MOMENT_MS[id] ?? 10_000}`);
    const wider = await page.evaluate(() => {
      const clips = (e: Element) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (p instanceof SVGElement) return true;
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
        }
        return false;
      };
      const over = [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > window.innerWidth + 1 && !clips(e);
      });
      return over
        .filter((e) => !over.some((o) => o !== e && o.contains(e)))
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (“${(e.textContent ?? '').trim().slice(0, 30)}”): right edge at ${Math.round(e.getBoundingClientRect().right)} px`,
        );
    });
    expect(wider).toEqual([]);
  });

test('on a phone the transport takes at most 12 % of the screen, and the page does not scroll sideways (issue 20)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLink(page, 'scenario=kafka-failover&t=9000');
  const transport = page.getByRole('region', { name: 'Playback' });
  const box = (await transport.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(844 * 0.12);
  // Everything it offers is still there.
  for (const name of ['Reset', 'Step back', 'Play', 'Step forward'])
    await expect(transport.getByRole('button', { name })).toBeVisible();
  await expect(transport.getByRole('slider', { name: 'Simulation time' })).toBeVisible();
  await expect(transport.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a phone a lesson link opens at the lesson’s text (issue 20)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/lessons/watermarks/3');
  const step = page.getByRole('region', { name: /^Step 3 of \d+/ });
  await expect(step).toBeVisible();
  await expect
    .poll(() => step.evaluate((el) => Math.round(el.getBoundingClientRect().top)))
    .toBeLessThan(844 / 3);
  await expect(step.getByRole('heading', { level: 2 })).toBeInViewport();
});
