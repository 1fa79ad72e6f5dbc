import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Fixed moments of the app that the look checks visit: every preset mid-run, and the pages, modes
 * and dialogs that have their own styles. Shared by the computed-style snapshot (styles.spec.ts, in
 * `npm test`) and the pixel comparison (visual.spec.ts, on request).
 */

/** The presets, one JSON file each, named by id. */
export const PRESET_IDS = readdirSync(new URL('../src/scenarios/presets/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** A mid-run moment (ms) for each preset, where it has something to show. */
export const PRESET_MOMENT_MS: Readonly<Record<string, number>> = {
  dense: 45_000,
  'direct-messaging': 10_000,
  'dstream-windows': 9_500,
  'kafka-failover': 14_000,
  'kafka-min-isr': 8_000,
  'kafka-rf3': 8_000,
  'kafka-structured-streaming': 46_000,
  'offline-backfill': 20_000,
  'queue-broker': 10_000,
  'receiver-wordcount': 14_000,
  'skewed-keys': 15_000,
  'slide-example': 12_000,
  'spark-falling-behind': 20_000,
  'stateful-streams': 20_000,
  'three-kinds': 36_000,
  watermarks: 20_000,
};

export interface Moment {
  /** A file-name-safe name. */
  readonly name: string;
  /** Brings the page to the moment (a fresh page, colour scheme already set). */
  readonly open: (page: Page) => Promise<void>;
  /** Phone-sized viewport. */
  readonly phone?: boolean;
}

/** Opens a simulator link and waits until its views (some load lazily) have settled. */
export async function openLink(page: Page, query: string, hash = ''): Promise<void> {
  await page.goto(`./?${query}${hash}`);
  await page.getByRole('region', { name: 'Playback' }).waitFor();
  await settle(page);
}

/**
 * Waits until lazily loaded views and their stylesheets are in, in the page and in any embedded
 * moment (an iframe): the document loaded, no Suspense fallback ("Loading …") left, fonts ready.
 * Every lazy view has such a fallback, and Vite resolves a lazy chunk only after its stylesheet
 * has loaded, so no wait for network idleness (half a second of nothing, 20 s over all moments).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (const frame of page.frames()) {
    await frame.waitForFunction(
      () => ![...document.querySelectorAll('p')].some((p) => /^Loading/.test(p.textContent ?? '')),
      undefined,
      { timeout: 30_000 },
    );
    await frame.evaluate(() => document.fonts.ready);
  }
}

async function present(page: Page): Promise<void> {
  await page.keyboard.press('p');
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
}

export const MOMENTS: readonly Moment[] = [
  ...PRESET_IDS.map((id) => ({
    name: id,
    open: (page: Page) => openLink(page, `scenario=${id}&t=${PRESET_MOMENT_MS[id]}`),
  })),
  {
    name: 'inspector-tuple',
    open: (page) => openLink(page, 'scenario=three-kinds&seed=7&t=36000&tuple=80'),
  },
  {
    name: 'dstream-batch',
    open: async (page) => {
      await openLink(page, 'scenario=dstream-windows&t=9500');
      await page
        .getByRole('region', { name: 'DStream timeline' })
        .getByRole('button', { name: /^Batch at 8 s/ })
        .click();
      // The inspector loads lazily: wait for it, not only for the click.
      await page
        .getByRole('region', { name: 'Batch inspector' })
        .getByRole('heading', { name: 'Output' })
        .waitFor();
      await settle(page);
    },
  },
  {
    name: 'phone-dstream',
    phone: true,
    open: (page) => openLink(page, 'scenario=dstream-windows&t=9500'),
  },
  {
    name: 'phone-kafka',
    phone: true,
    open: (page) => openLink(page, 'scenario=kafka-failover&t=14000'),
  },
  {
    name: 'presenter-watermarks',
    open: async (page) => {
      await openLink(page, 'scenario=watermarks&seed=5&t=20000');
      await present(page);
    },
  },
  {
    name: 'presenter-stateful',
    open: async (page) => {
      await openLink(page, 'scenario=stateful-streams&t=20000');
      await present(page);
    },
  },
  {
    name: 'embed',
    open: (page) => openLink(page, 'scenario=watermarks&seed=5&t=20000&embed=1'),
  },
  {
    name: 'lessons',
    open: async (page) => {
      await page.goto('./#/lessons');
      await page.getByRole('region', { name: 'Lessons' }).getByRole('listitem').first().waitFor();
      await settle(page);
    },
  },
  {
    name: 'lesson-step',
    open: async (page) => {
      await openLink(page, 'scenario=watermarks&seed=5&t=6000', '#/lessons/dbms-vs-streams/1');
      await page.getByRole('region', { name: /^Step 1 of 3/ }).waitFor();
      await settle(page);
    },
  },
  {
    name: 'questions',
    open: async (page) => {
      await page.goto('./#/questions');
      await page
        .getByRole('link', { name: /^Practise/ })
        .first()
        .waitFor();
      await settle(page);
    },
  },
  {
    name: 'question-card',
    open: async (page) => {
      await page.goto('./#/questions');
      await page
        .getByRole('link', { name: /^Practise/ })
        .first()
        .click();
      await settle(page);
    },
  },
  {
    name: 'question-answered',
    open: async (page) => {
      await page.goto('./#/questions');
      const region = page.getByRole('region', { name: 'Review questions' });
      await region.getByRole('link', { name: /Which ordering does Kafka guarantee/ }).click();
      const card = page.getByRole('article');
      await card.getByRole('button', { name: 'Show a hint' }).click();
      await card.getByRole('radio', { name: 'A total order over the whole topic, by offset.' }).check();
      await card.getByRole('button', { name: 'Check answer' }).click();
      await card.getByRole('status').waitFor();
      await settle(page);
    },
  },
  ...[
    ['question-order', 'tuples-schema-rigidity'],
    ['question-short', 'tuples-self-describing-name'],
    ['question-numeric', 'checkpointing-default-interval'],
    ['question-predict', 'watermark-late-in-flight'],
  ].map(([name, id]) => ({
    name: name!,
    open: async (page: Page) => {
      await page.goto(`./#/questions/${id}/1`);
      await page.getByRole('article').waitFor();
      await settle(page);
    },
  })),
  ...['General', 'Producers', 'Explicit tuples', 'Broker', 'Pipeline', 'Faults', 'JSON'].map((tab) => ({
    name: `editor-${tab.toLowerCase().replace(' ', '-')}`,
    open: async (page: Page) => {
      await openLink(page, 'scenario=stateful-streams&t=10000');
      await page.getByRole('button', { name: 'Edit scenario' }).click();
      await page.getByRole('dialog').getByRole('tab', { name: tab }).click();
      await settle(page);
    },
  })),
  {
    name: 'shortcuts',
    open: async (page) => {
      await openLink(page, 'scenario=kafka-failover&t=10000');
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
    },
  },
];
