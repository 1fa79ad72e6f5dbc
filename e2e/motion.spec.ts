import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Motion between steps (issue 19): at 1× a step lasts several frames; what moves with time (the
 * now line, the lanes sliding, tuples in flight on the map) moves on every frame in between, while
 * the step, and so what is drawn and in what state, stays the step's. With reduced motion nothing
 * moves between steps, and after a pause and a step back everything is where the step puts it.
 */

interface Sample {
  readonly tick: string;
  /** Where each watched element is drawn: `key` → x,y of its box (page pixels). */
  readonly at: Record<string, string>;
}

/**
 * `frames` consecutive animation frames: the step shown and where the elements matching
 * `selector` are drawn (keyed by `keyAttr`, or by order).
 */
function sampleFrames(page: Page, selector: string, frames: number, keyAttr?: string): Promise<Sample[]> {
  return page.evaluate(
    ({ selector, frames, keyAttr }) =>
      new Promise<Sample[]>((resolve) => {
        const samples: Sample[] = [];
        const slider = document.querySelector<HTMLInputElement>('.transport__slider input');
        const frame = () => {
          const at: Record<string, string> = {};
          document.querySelectorAll(selector).forEach((el, i) => {
            const box = el.getBoundingClientRect();
            at[keyAttr ? (el.getAttribute(keyAttr) ?? String(i)) : String(i)] =
              `${box.x.toFixed(2)},${box.y.toFixed(2)}`;
          });
          samples.push({ tick: slider?.value ?? '', at });
          if (samples.length < frames) requestAnimationFrame(frame);
          else resolve(samples);
        };
        requestAnimationFrame(frame);
      }),
    { selector, frames, keyAttr },
  );
}

/** Of consecutive frames that show the same step: how many, and in how many something moved. */
function movesWithinSteps(samples: readonly Sample[]): { sameStep: number; moved: number } {
  let sameStep = 0;
  let moved = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a.tick !== b.tick) continue;
    const shared = Object.keys(b.at).filter((k) => k in a.at);
    if (shared.length === 0) continue;
    sameStep++;
    if (shared.some((k) => a.at[k] !== b.at[k])) moved++;
  }
  return { sameStep, moved };
}

const lanes = (page: Page) => page.getByRole('region', { name: 'Producers' });
const map = (page: Page) => page.getByRole('region', { name: 'Pipeline map' });
const NOW_LINE = '.lanes .now line';
const MAP_DOTS = '.pipemap__dots > g';

async function playAt1x(page: Page, query: string) {
  await page.goto(`./?${query}`);
  // A vertical line has no width: attached, not "visible" to Playwright.
  await expect(lanes(page).locator(NOW_LINE)).toBeAttached();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
}

test('at 1× the now line and the tuples on the map move every frame, not once a step', async ({ page }) => {
  // Three kinds: 100 ms steps; early in the run the lanes' window is not full and the now line moves.
  await playAt1x(page, 'scenario=three-kinds&t=2000');
  const line = movesWithinSteps(await sampleFrames(page, NOW_LINE, 40));
  // At 60 frames a second a 100 ms step lasts about six frames: most frames repeat the step.
  expect(line.sameStep).toBeGreaterThanOrEqual(15);
  expect(line.moved).toBeGreaterThanOrEqual(line.sameStep * 0.9);

  // Later the window is full: the now line stands at the right and the tuples slide under it.
  await playAt1x(page, 'scenario=three-kinds&t=36000');
  const marks = movesWithinSteps(await sampleFrames(page, '.lanes [data-tuple]', 40, 'data-tuple'));
  expect(marks.sameStep).toBeGreaterThanOrEqual(15);
  expect(marks.moved).toBeGreaterThanOrEqual(marks.sameStep * 0.9);

  await map(page).scrollIntoViewIfNeeded();
  await expect(map(page).locator(MAP_DOTS).first()).toBeAttached();
  const dots = movesWithinSteps(await sampleFrames(page, MAP_DOTS, 40, 'data-tuple'));
  expect(dots.sameStep).toBeGreaterThanOrEqual(15);
  expect(dots.moved).toBeGreaterThanOrEqual(dots.sameStep * 0.9);
});

test('with reduced motion nothing moves between steps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playAt1x(page, 'scenario=three-kinds&t=2000');
  const line = movesWithinSteps(await sampleFrames(page, NOW_LINE, 40));
  expect(line.sameStep).toBeGreaterThanOrEqual(15);
  expect(line.moved).toBe(0);
  // The steps themselves still move it.
  const samples = await sampleFrames(page, NOW_LINE, 20);
  expect(new Set(samples.map((s) => s.at['0'])).size).toBeGreaterThan(1);
});

test('paused mid-step, everything is where the step puts it', async ({ page }) => {
  await playAt1x(page, 'scenario=three-kinds&t=36000');
  await page.waitForTimeout(730);
  await page.getByRole('button', { name: 'Pause' }).click();
  const tick = await page.locator('.transport__slider input').inputValue();
  await page.evaluate(() => window.scrollTo(0, 0));
  const paused = (await sampleFrames(page, `${NOW_LINE}, .lanes [data-tuple]`, 1, 'data-tuple'))[0]!;
  const pausedMap = (await sampleFrames(page, MAP_DOTS, 1, 'data-tuple'))[0]!;
  await page.goto(`./?scenario=three-kinds&t=${Number(tick) * 100}`);
  await expect(page.locator('.transport__slider input')).toHaveValue(tick);
  await expect(map(page).locator(MAP_DOTS).first()).toBeAttached();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect((await sampleFrames(page, `${NOW_LINE}, .lanes [data-tuple]`, 1, 'data-tuple'))[0]).toEqual(paused);
  expect((await sampleFrames(page, MAP_DOTS, 1, 'data-tuple'))[0]).toEqual(pausedMap);
});

test('after a pause and a step back, everything is where the step puts it', async ({ page }) => {
  await playAt1x(page, 'scenario=three-kinds&t=36000');
  await page.waitForTimeout(700);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  const tick = await page.locator('.transport__slider input').inputValue();
  const places = async () => ({
    lanes: (await sampleFrames(page, `${NOW_LINE}, .lanes [data-tuple]`, 1, 'data-tuple'))[0]!,
    map: (await sampleFrames(page, MAP_DOTS, 1, 'data-tuple'))[0]!,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  const stepped = await places();
  expect(stepped.lanes.tick).toBe(tick);
  expect(Object.keys(stepped.map.at).length).toBeGreaterThan(0);

  // The same step opened afresh from its link: the same places, to the hundredth of a pixel.
  const ms = Number(tick) * 100;
  await page.goto(`./?scenario=three-kinds&t=${ms}`);
  await expect(page.locator('.transport__slider input')).toHaveValue(tick);
  await expect(map(page).locator(MAP_DOTS).first()).toBeAttached();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await places()).toEqual(stepped);

  // Early in the run the now line moves across a still axis: paused, it stands at the step's time.
  await playAt1x(page, 'scenario=three-kinds&t=2000');
  await page.waitForTimeout(700);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  const shown = await page.locator('.transport__slider input').inputValue();
  const { lineX, ticks } = await lanes(page).evaluate((el) => ({
    lineX: el.querySelector('.now line')!.getBoundingClientRect().x,
    ticks: Array.from(el.querySelectorAll('.axis__tick'), (t) => ({
      label: t.textContent ?? '',
      x: t.querySelector('line')!.getBoundingClientRect().x,
    })),
  }));
  const zero = ticks.find((t) => t.label === '0 s')!;
  const last = ticks[ticks.length - 1]!;
  const pxPerMs = (last.x - zero.x) / (Number.parseFloat(last.label) * 1000);
  expect(lineX).toBeCloseTo(zero.x + Number(shown) * 100 * pxPerMs, 1);
});

test('at 16× the views in sight take turns to draw, and the lanes still slide every frame', async ({
  page,
}) => {
  await page.goto('./?scenario=three-kinds&t=30000');
  await expect(lanes(page).locator(NOW_LINE)).toBeAttached();
  await page.getByRole('combobox', { name: /speed/i }).selectOption('16');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const samples = await sampleFrames(page, '.lanes [data-tuple]', 30, 'data-tuple');
  let pairs = 0;
  let moved = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const shared = Object.keys(b.at).filter((k) => k in a.at);
    if (shared.length === 0) continue;
    pairs++;
    if (shared.some((k) => a.at[k] !== b.at[k])) moved++;
  }
  expect(pairs).toBeGreaterThanOrEqual(20);
  // Drawn every other frame, moved on from their step in between: no frame stands still.
  expect(moved).toBeGreaterThanOrEqual(pairs * 0.9);
  // Paused, the lanes are drawn at the step the transport shows.
  await page.getByRole('button', { name: 'Pause' }).click();
  const shown = await page.getByRole('slider', { name: 'Simulation time' }).getAttribute('aria-valuetext');
  await expect(lanes(page).locator('.now text')).toHaveText(
    `now ${Number(shown!.split(' ')[0]).toFixed(1)} s`,
  );
});
