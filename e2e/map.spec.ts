import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, seriousViolations, test } from './fixtures';

/** The presets as files: what the map must show for each. */
const PRESET_DIR = new URL('../src/scenarios/presets/', import.meta.url);
const presets = readdirSync(PRESET_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    id: f.replace(/\.json$/, ''),
    spec: JSON.parse(readFileSync(new URL(f, PRESET_DIR), 'utf8')),
  }));

const map = (page: Page) => page.getByRole('region', { name: 'Pipeline map' });

async function openMap(page: Page, query: string) {
  await page.goto(`./?${query}`);
  await expect(map(page).locator('svg.pipemap__svg')).toBeVisible();
}

const nodeCount = (page: Page, prefix: string) => map(page).locator(`[data-node^="${prefix}"]`).count();

test('every preset has a map with a node per producer, partition and consumer, and no serious axe violation', async ({
  page,
}) => {
  test.setTimeout(60_000);
  expect(presets.length).toBeGreaterThanOrEqual(16);
  for (const { id, spec } of presets) {
    await openMap(page, `scenario=${id}`);
    const members = (spec.delivery?.groups ?? []).reduce(
      (n: number, g: { members: unknown[] }) => n + g.members.length,
      0,
    );
    expect(await nodeCount(page, 'producer:'), id).toBe(spec.producers.length);
    expect(await nodeCount(page, 'partition:'), id).toBe(spec.delivery?.partitions ?? 0);
    expect(await nodeCount(page, 'member:'), id).toBeGreaterThanOrEqual(members);
    expect(await nodeCount(page, 'consumer:'), id).toBe(spec.messaging?.consumers.length ?? 0);
    if (spec.streaming || spec.query) expect(await nodeCount(page, 'app'), id).toBe(1);
    expect(await seriousViolations(page, 'section.panel.map'), id).toEqual([]);
  }
});

test('a map node opens its inspector and scrolls its view into sight, by mouse and by keyboard', async ({
  page,
}) => {
  await openMap(page, 'scenario=kafka-failover&t=5000');
  await map(page).locator('[data-node="partition:1"]').click();
  const inspector = page.getByRole('region', { name: 'Partition inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText('Partition 1');
  await expect(page.getByRole('region', { name: 'Broker' })).toBeInViewport();

  await page.evaluate(() => window.scrollTo(0, 0));
  const member = map(page).locator('[data-node="member:0:c2"]');
  await member.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Consumer inspector' })).toContainText('c2');
  await expect(member).toHaveClass(/is-selected/);

  await openMap(page, 'scenario=dstream-windows&t=8000');
  await map(page).locator('[data-node^="op:"]').first().click();
  await expect(page.getByRole('region', { name: 'DStream inspector' })).toBeVisible();
});

test('tuples travel along the edges in simulation time, and stepping back puts them back', async ({
  page,
}) => {
  await openMap(page, 'scenario=kafka-failover&t=6000');
  const dots = map(page).locator('.pipemap__dots > g');
  await expect(dots.first()).toBeAttached();
  const positions = () =>
    map(page)
      .locator('.pipemap__dots')
      .evaluate((g) => Array.from(g.querySelectorAll('circle, path'), (m) => m.outerHTML).join('\n'));
  const before = await positions();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(positions).not.toBe(before);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(positions).toBe(before);
});

test('clicking a tuple on the map opens it in the inspector, and the map rings it', async ({ page }) => {
  await openMap(page, 'scenario=three-kinds&seed=7&t=36000');
  const dot = map(page).locator('.pipemap__dot').first();
  const id = await dot.getAttribute('data-tuple');
  await dot.click();
  await expect(
    page.getByRole('region', { name: 'Tuple inspector' }).getByRole('heading', { name: `Tuple #${id}` }),
  ).toBeVisible();
  await expect(map(page).locator(`.pipemap__dot[data-tuple="${id}"] .pipemap__ring`)).toHaveCount(1);
});

test('faults show on the map at their moment', async ({ page }) => {
  await openMap(page, 'scenario=kafka-failover&t=7000');
  const cluster = map(page).locator('[data-node="cluster"]');
  await expect(cluster).toHaveAccessibleName(/every broker up/);
  await openMap(page, 'scenario=kafka-failover&t=12500');
  await expect(cluster).toHaveAccessibleName(/broker 0 down/);
  await expect(map(page).locator('[data-node="member:0:c1"]')).toHaveClass(/is-down/);
  await expect(map(page).locator('[data-node="member:0:c1"]')).toHaveAccessibleName(/crashed/);
  // Broker 0's replicas are crossed out in every partition that has one.
  await expect(map(page).locator('[data-node="partition:0"]')).toHaveAccessibleName(/broker 0 down/);
  // A restarted broker is back at its moment.
  await openMap(page, 'scenario=kafka-failover&t=18500');
  await expect(cluster).toHaveAccessibleName(/every broker up/);
});

test('a crowded edge shows a count and a rate; with reduced motion counts replace motion', async ({
  page,
}) => {
  await openMap(page, 'scenario=dense&t=4000');
  await expect(map(page).locator('.mapedge.is-dense .mapedge__count').first()).toHaveText(
    /^\d+ in flight · \d+\/s$/,
  );
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page, 'scenario=kafka-failover&t=6000');
  await expect(map(page).locator('.pipemap__dots')).toHaveCount(0);
  await expect(map(page).locator('.mapedge__count').first()).toBeVisible();
  await expect(map(page)).toContainText('Motion is reduced');
});

test('the map has no serious accessibility problems, exports as SVG, and is 16 px text on a projector', async ({
  page,
}) => {
  for (const id of ['kafka-failover', 'kafka-structured-streaming', 'queue-broker', 'stateful-streams']) {
    await openMap(page, `scenario=${id}&t=9000`);
    expect(await seriousViolations(page, 'section.panel.map'), id).toEqual([]);
  }
  await openMap(page, 'scenario=kafka-failover&t=9000');
  const button = page.getByRole('button', { name: 'Export Pipeline map view' });
  await button.focus();
  await page.keyboard.press('Enter');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^streamscope-kafka-failover-map-9000\.svg$/);
  const text = readFileSync((await file.path()) as string, 'utf8');
  expect(text).toContain('Partition 0');
  expect(text).toContain('Clicks');

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const sizes = await map(page)
    .locator('svg.pipemap__svg')
    .evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text'), (t) => ({
        text: t.textContent,
        px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
      }));
    });
  expect(sizes.length).toBeGreaterThan(5);
  expect(sizes.filter((s) => s.px < 16 - 1e-6)).toEqual([]);
});
