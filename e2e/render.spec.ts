import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Rendering budget (issue 8): the densest preset played at 16× in headless Chromium, with at least
 * 5,000 tuples in view. Frame intervals come from requestAnimationFrame, long tasks from the
 * Long Tasks API. It runs from `npm run bench` (RENDER_BENCH=1), not `npm test`: it measures the
 * machine as much as the app, and prints its figures for the README.
 */
const P95_BUDGET_MS = 20;
const LONG_TASK_BUDGET_MS = 50;
const PLAY_MS = 5000;
/** Each of the other presets is played this long at 16×. */
const SWEEP_PLAY_MS = 3000;
/** The lanes' worker paints at least this many frames a second while playing (60 Hz display). */
const MIN_LANE_PAINTS_PER_SEC = 50;
/** The presets, one JSON file each, named by id (BENCH_PRESETS=a,b measures only those). */
const PRESET_IDS = readdirSync(new URL('../src/scenarios/presets/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((id) => !process.env.BENCH_PRESETS || process.env.BENCH_PRESETS.split(',').includes(id));

// The harness's own trace (DOM snapshots and a screencast of every frame) would compete with the page
// for the two cores; a learner's browser records none.
test.use({ trace: 'off' });

interface Played {
  /** Intervals between animation frames, the first few (start-up) left out, sorted. */
  readonly frames: readonly number[];
  readonly longTasks: readonly number[];
}

/** Plays the loaded scenario at 16× for `ms`, recording frame intervals and long tasks. */
async function playAt16(
  page: Page,
  ms: number,
  during?: () => Promise<void>,
  every250ms?: () => Promise<void>,
): Promise<Played> {
  await page.getByRole('combobox', { name: /speed/i }).selectOption('16');
  // Let the lazy views and fonts settle before measuring.
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean };
    w.__frames = [];
    w.__long = [];
    w.__stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(frame);
    });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  if (every250ms) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      await page.waitForTimeout(Math.min(250, end - Date.now()));
      await every250ms();
    }
  } else await page.waitForTimeout(ms);
  await during?.();
  const { frames, long } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames, long: w.__long };
  });
  // A short preset may have ended already.
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click({ timeout: 1000 }).catch(() => undefined);
  return { frames: frames.slice(5).sort((a, b) => a - b), longTasks: long };
}

function figuresOf({ frames, longTasks }: Played) {
  const p = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? Infinity;
  return {
    frames: frames.length,
    medianMs: Number(p(0.5).toFixed(1)),
    p95Ms: Number(p(0.95).toFixed(1)),
    p99Ms: Number(p(0.99).toFixed(1)),
    maxMs: Number(p(1).toFixed(1)),
    longTasks: longTasks.length,
    longestTaskMs: Number(Math.max(0, ...longTasks).toFixed(0)),
  };
}

// From the first moment (the lanes fill up as it plays) and from a moment already full of tuples.
for (const startMs of [0, 5000]) {
  test(`the dense preset plays from ${startMs / 1000} s at 16× with p95 frame interval ≤ 20 ms and no task over 50 ms`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(`./?scenario=dense&t=${startMs}`);
    const lanes = page.getByRole('region', { name: 'Producers' });
    await expect(lanes).toBeVisible();
    // The lanes are painted in their worker (on request, and moved on by itself between requests while
    // playing): count the frames it paints, each one image put on its canvas.
    // The dense lanes' code loads with the first dense run, and starts the worker.
    const lanesWorker = () => page.workers().find((w) => w.url().includes('lanes.worker'));
    await expect.poll(() => lanesWorker() !== undefined, { message: 'the lanes worker' }).toBe(true);
    const painter = lanesWorker();
    await painter!.evaluate(() => {
      const w = self as unknown as { __paints: number };
      const put = OffscreenCanvasRenderingContext2D.prototype.putImageData;
      w.__paints = 0;
      OffscreenCanvasRenderingContext2D.prototype.putImageData = function (
        this: OffscreenCanvasRenderingContext2D,
        ...args: Parameters<typeof put>
      ) {
        w.__paints++;
        return put.apply(this, args);
      } as typeof put;
    });
    let paints = 0;
    let inView = '';
    const played = await playAt16(page, PLAY_MS, async () => {
      paints = await painter!.evaluate(() => (self as unknown as { __paints: number }).__paints);
      inView = (await lanes.getByText(/in the last \d+ s: /).textContent()) ?? '';
    });

    const tuples = [...inView.matchAll(/(\d+) [a-z]/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const figures = {
      fromMs: startMs,
      tuplesInView: tuples,
      ...figuresOf(played),
      lanePaintsPerSec: Math.round(paints / (PLAY_MS / 1000)),
    };
    console.log(`render bench: ${JSON.stringify(figures)}`);
    expect(tuples).toBeGreaterThanOrEqual(5000);
    expect(figures.frames).toBeGreaterThan(PLAY_MS / 40);
    expect(figures.p95Ms).toBeLessThanOrEqual(P95_BUDGET_MS);
    // The canvas itself keeps pace: the worker paints nearly every frame.
    expect(figures.lanePaintsPerSec).toBeGreaterThanOrEqual(MIN_LANE_PAINTS_PER_SEC);
    expect(played.longTasks.filter((d) => d > LONG_TASK_BUDGET_MS)).toEqual([]);
  });
}

// Beyond the budget, which names the densest preset: every preset at 16×, from its start.
// Its figures go in the README; it fails on a main-thread task over 50 ms.
test('every preset plays at 16× with no main-thread task over 50 ms', async ({ page }) => {
  test.setTimeout(PRESET_IDS.length * 15_000);
  const rows: string[] = [];
  const over: string[] = [];
  for (const id of PRESET_IDS) {
    await page.goto(`./?scenario=${id}`);
    await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
    const figures = figuresOf(await playAt16(page, SWEEP_PLAY_MS));
    rows.push(`${id.padEnd(22)} ${JSON.stringify(figures)}`);
    if (figures.longestTaskMs > LONG_TASK_BUDGET_MS) over.push(`${id}: ${figures.longestTaskMs} ms`);
  }
  console.log(`render bench, every preset at 16×:\n${rows.join('\n')}`);
  expect(over).toEqual([]);
});

/**
 * Issue 19: a lecturer's laptop is rarely idle. Every preset at 16× for 5 s while a CPU-bound child
 * process keeps one of the two cores busy (the bench starts and stops it itself); a preset that ends
 * sooner is played again from its start. Targets: p95 frame ≤ 20 ms and at most 1 task over 50 ms.
 * It prints every preset's figures, then fails if any preset missed a target.
 */
test('every preset at 16× on a busy machine: p95 frame ≤ 20 ms, at most 1 task over 50 ms', async ({
  page,
}) => {
  test.setTimeout(PRESET_IDS.length * 20_000);
  const rows: string[] = [];
  const missed: string[] = [];
  for (const id of PRESET_IDS) {
    await page.goto(`./?scenario=${id}`);
    await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
    // A bounded busy loop on one core, for as long as this preset plays (and a little more).
    const busy = spawn(
      process.execPath,
      ['-e', 'const end = Date.now() + 9000; while (Date.now() < end) {}'],
      {
        stdio: 'ignore',
      },
    );
    try {
      const figures = figuresOf(
        await playAt16(page, PLAY_MS, undefined, async () => {
          // Played again from its start when it ends sooner.
          const play = page.getByRole('button', { name: 'Play' });
          if (await play.isVisible()) {
            await page.keyboard.press('Home');
            await play.click({ timeout: 1000 }).catch(() => undefined);
          }
        }),
      );
      rows.push(`${id.padEnd(26)} ${JSON.stringify(figures)}`);
      const longOnes = figures.longTasks;
      if (figures.p95Ms > P95_BUDGET_MS || longOnes > 1) {
        missed.push(`${id}: p95 ${figures.p95Ms} ms, ${longOnes} task(s) over 50 ms`);
      }
    } finally {
      busy.kill();
    }
  }
  console.log(`render bench, every preset at 16× with one core busy:\n${rows.join('\n')}`);
  expect(missed).toEqual([]);
});

/** Slider input → next frame painted: the budget (issue 19), at the 99th percentile on every preset. */
const SEEK_P99_BUDGET_MS = 50;
/** Per preset: keyboard presses on the slider, and pointer drags across it (each drag several moves). */
const SEEK_KEYS = 24;
const SEEK_DRAGS = 6;
const SEEK_MOVES_PER_DRAG = 6;

/**
 * Issue 19: seeking with the slider, measured from each `input` event on it (its timeStamp: when the
 * browser took the key or pointer move) to just after the next frame is painted (a message posted
 * from that frame's requestAnimationFrame runs after its paint). The moves are random but seeded,
 * the same in every run: keys on the slider (PageUp/PageDown, arrows, Home/End) and pointer drags to
 * points along it. It prints p50/p99 per preset and fails when a preset's p99 is over 50 ms.
 */
test('seek: slider moved → next frame painted, p99 ≤ 50 ms on every preset', async ({ page }) => {
  test.setTimeout(PRESET_IDS.length * 30_000);
  let seed = 19;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const KEYS = ['PageUp', 'PageDown', 'PageDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
  const rows: string[] = [];
  const missed: string[] = [];
  for (const id of PRESET_IDS) {
    await page.goto(`./?scenario=${id}`);
    await expect(page.getByRole('region', { name: 'Producers' })).toBeVisible();
    const slider = page.getByRole('slider', { name: 'Simulation time' });
    // Let the lazy views load before measuring.
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { __seeks: number[]; __inputs: number };
      w.__seeks = [];
      w.__inputs = 0;
      const input = document.querySelector<HTMLInputElement>('.transport__slider input');
      input?.addEventListener(
        'input',
        (e) => {
          w.__inputs++;
          const from = e.timeStamp;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => w.__seeks.push(performance.now() - from);
            channel.port2.postMessage(null);
          });
        },
        { capture: true },
      );
    });
    const settle = async () => {
      await page.waitForFunction(() => {
        const w = window as unknown as { __seeks: number[]; __inputs: number };
        return w.__seeks.length >= w.__inputs;
      });
    };
    await slider.focus();
    for (let i = 0; i < SEEK_KEYS; i++) {
      await page.keyboard.press(KEYS[Math.floor(random() * KEYS.length)]!);
      await settle();
    }
    const box = (await slider.boundingBox())!;
    const at = (fraction: number) =>
      [box.x + 4 + fraction * (box.width - 8), box.y + box.height / 2] as const;
    for (let d = 0; d < SEEK_DRAGS; d++) {
      await page.mouse.move(...at(random()));
      await page.mouse.down();
      await settle();
      for (let m = 0; m < SEEK_MOVES_PER_DRAG; m++) {
        await page.mouse.move(...at(random()), { steps: 2 });
        await settle();
      }
      await page.mouse.up();
    }
    const seeks = await page.evaluate(() =>
      (window as unknown as { __seeks: number[] }).__seeks.sort((a, b) => a - b),
    );
    const p = (q: number) => seeks[Math.min(seeks.length - 1, Math.floor(q * seeks.length))] ?? Infinity;
    const figures = {
      seeks: seeks.length,
      p50Ms: Number(p(0.5).toFixed(1)),
      p99Ms: Number(p(0.99).toFixed(1)),
      maxMs: Number(p(1).toFixed(1)),
    };
    rows.push(`${id.padEnd(26)} ${JSON.stringify(figures)}`);
    expect(seeks.length, `${id}: slider inputs measured`).toBeGreaterThanOrEqual(SEEK_KEYS / 2);
    if (figures.p99Ms > SEEK_P99_BUDGET_MS) missed.push(`${id}: p99 ${figures.p99Ms} ms`);
  }
  console.log(`seek bench, slider input → next frame painted:\n${rows.join('\n')}`);
  expect(missed).toEqual([]);
});
