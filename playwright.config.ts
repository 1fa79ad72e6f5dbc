import { defineConfig, devices } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Another checkout's run (or a helper's) can use its own port and build folder: PW_PORT=4174.
const PORT = process.env.PW_PORT ?? '4173';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT_DIR = PORT === '4173' ? 'dist' : `dist-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // The screenshot writer runs only on request (see e2e/screenshots.spec.ts).
  // The rendering and database benchmarks run only from `npm run bench` (RENDER_BENCH=1).
  testIgnore: [
    ...(process.env.SCREENSHOTS ? [] : ['**/screenshots.spec.ts']),
    ...(process.env.RENDER_BENCH ? [] : ['**/render.spec.ts', '**/databaseBench.spec.ts']),
    // The pixel comparison runs only on request (see e2e/visual.spec.ts).
    ...(process.env.VISUAL ? [] : ['**/visual.spec.ts']),
  ],
  timeout: 30_000,
  // Snapshots sit in e2e/snapshots/, no platform suffix: the computed-style texts (styles.spec.ts)
  // are committed; the pixel baselines (visual.spec.ts, on request) are made locally and ignored.
  snapshotPathTemplate: '{testDir}/snapshots/{arg}{ext}',
  expect: {
    timeout: 5_000,
    // Software rendering in one Chromium build is deterministic: the pixel comparison allows nothing.
    toHaveScreenshot: { maxDiffPixels: 0, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  fullyParallel: false,
  // Two cores: one worker is the fastest setting here.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    // Each test's fresh context would install the service worker and precache the whole site
    // (1.1 MB) once it is idle: about 13 % of the suite's time, for nothing the test checks. Only
    // the specs about offline use and the first visit (offline, loading) let it run.
    serviceWorkers: 'block',
    // Every test starts as a returning visitor: the start panel shows only on a first visit, which
    // e2e/welcome.spec.ts opens with an empty storage state.
    storageState: {
      cookies: [],
      origins: [
        {
          origin: ORIGIN,
          localStorage: [{ name: 'streamscope:welcome', value: 'dismissed' }],
        },
      ],
    },
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
