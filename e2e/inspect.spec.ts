import { expect, shownSeconds, test } from './fixtures';

test('inspecting a tuple shows its payload, event time, arrival time, delay and why it is late', async ({
  page,
}) => {
  await page.goto('./?scenario=slide-example&seed=1&t=12000');
  // The map above the lanes is drawn first, so the click lands where the mark stays.
  await expect(page.locator('svg.pipemap__svg')).toBeVisible();
  const late = page.getByRole('button', { name: /^Tuple #2 from Sensor/ });
  await expect(late).toHaveAccessibleName(/event time 2\.5 s, arrived 11\.0 s, delay 8\.5 s, late/);
  await late.click();
  const inspector = page.getByRole('region', { name: 'Tuple inspector' });
  await expect(inspector.getByRole('heading', { name: 'Tuple #2' })).toBeVisible();
  await expect(inspector).toContainText('Event time2.500 s');
  await expect(inspector).toContainText('Arrival time11.000 s');
  await expect(inspector).toContainText('Delay8.500 s');
  await expect(inspector).toContainText('Late: it arrived at 11.0 s with event time 2.5 s');
  await expect(inspector.getByRole('table')).toContainText('reading');
  await expect(inspector.getByRole('listitem')).toHaveText([
    /2\.500 s created at its source/,
    /11\.000 s arrived at the stream processor/,
  ]);

  // Step back before it arrived: the inspector shows it still on its way, with no verdict yet.
  await page.getByRole('slider', { name: 'Simulation time' }).fill('30');
  await expect(inspector).toContainText('on its way');
  await expect(inspector).not.toContainText('Late:');
});

test('the keyboard reaches tuples: Tab into the lanes, arrows move, Enter inspects', async ({ page }) => {
  await page.goto('./?scenario=slide-example&seed=1&t=12000');
  const newest = page.getByRole('button', { name: /^Tuple #2 from Sensor/ });
  await newest.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: /^Tuple #8 from Sensor/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('region', { name: 'Tuple inspector' }).getByRole('heading', { name: 'Tuple #8' }),
  ).toBeVisible();
  // The arrow moved between tuples, not the simulation.
  expect(await shownSeconds(page)).toBe(12);
});

test('payloads appear in their kind: a JSON document and a line of text', async ({ page }) => {
  await page.goto('./?scenario=three-kinds&seed=7&t=20000');
  await page
    .getByRole('button', { name: /from Phone app/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' }).locator('pre')).toContainText(
    '"device":',
  );
  await page
    .getByRole('button', { name: /from Web server/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' }).locator('pre')).toHaveText(
    /^(GET|POST) \/\w+ \d{3} in \d+ ms$/,
  );
});

test('"In this step" lists what happened at this moment; a click inspects that tuple', async ({ page }) => {
  await page.goto('./?scenario=slide-example&seed=1&t=6250');
  const producers = page.getByRole('region', { name: 'Producers' });
  await expect(producers.getByRole('heading', { name: 'In this step (6.00 s – 6.25 s)' })).toBeVisible();
  await expect(producers.getByRole('listitem').filter({ hasText: 'arrived at 6.200 s' })).toHaveText(
    '#3 arrived at 6.200 s · Sensor',
  );
  await producers.getByRole('button', { name: '#3', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Tuple inspector' })).toContainText(
    'Out of order: tuple #5 from the same source happened later (event time 5.0 s)',
  );
  // 6.25–6.50 s: tuple #6 arrives at 6.5 s; 6.50–6.75 s: nothing.
  await page.locator('body').press('ArrowRight');
  await expect(producers.getByRole('listitem').filter({ hasText: 'arrived at 6.500 s' })).toBeVisible();
  await page.locator('body').press('ArrowRight');
  await expect(producers.getByText('Nothing happened.')).toBeVisible();
});

test('arrow keys at the edge of a lane stay in the lanes and never move time', async ({ page }) => {
  await page.goto('./?scenario=slide-example&seed=1&t=12000');
  const newest = page.getByRole('button', { name: /^Tuple #2 from Sensor/ });
  await newest.focus();
  for (const key of ['ArrowRight', 'End', 'ArrowDown', 'ArrowUp']) {
    await page.keyboard.press(key);
    await expect(newest).toBeFocused();
    expect(await shownSeconds(page), `after ${key}`).toBe(12);
  }
  await page.keyboard.press('Home');
  const first = page.getByRole('button', { name: /^Tuple #0 from Sensor/ });
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  expect(await shownSeconds(page), 'after ArrowLeft').toBe(12);
});

/**
 * Issue 20: clicking the centre of visible marks one after another did nothing 9–16 times in 40
 * and picked a neighbour 6–18 times (the hovered mark lost its hit area; overlapping hit circles
 * gave the click to the one drawn last). Every click must open the mark under the pointer.
 */
for (const [scenario, t] of [
  ['three-kinds', 20_000],
  ['kafka-failover', 9_000],
  ['slide-example', 12_000],
] as const)
  test(`clicking marks in a row opens each one's own inspector: ${scenario}`, async ({ page }) => {
    await page.goto(`./?scenario=${scenario}&t=${t}`);
    const heading = page.getByRole('region', { name: 'Tuple inspector' }).getByRole('heading', { level: 2 });
    const marks = page.locator('.marks [data-tuple]');
    await expect(marks.first()).toBeAttached();
    // The lanes sit under the pipeline map: once it is drawn, bring them to the top of the window.
    await expect(page.locator('svg.pipemap__svg')).toBeVisible();
    await page
      .getByRole('region', { name: 'Producers' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // The centres of the visible glyphs (not the hit circles), in page coordinates.
    const centres = await marks.evaluateAll((els) =>
      els.flatMap((el) => {
        const glyph = el.querySelector('.mark') ?? el;
        const r = glyph.getBoundingClientRect();
        const inView = r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
        return inView
          ? [{ id: Number(el.getAttribute('data-tuple')), x: r.x + r.width / 2, y: r.y + r.height / 2 }]
          : [];
      }),
    );
    const picked = centres.slice(-40);
    expect(picked.length).toBeGreaterThanOrEqual(scenario === 'slide-example' ? 8 : 40);
    const wrong: string[] = [];
    for (const c of picked) {
      await page.mouse.move(c.x, c.y);
      await page.mouse.click(c.x, c.y);
      const shown = await heading.textContent();
      if (shown !== `Tuple #${c.id}`) wrong.push(`#${c.id} → ${shown}`);
    }
    expect(wrong).toEqual([]);
  });
