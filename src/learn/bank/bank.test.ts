import { describe, expect, it } from 'vitest';
import { findPreset } from '../../scenarios/presets';
import { parseQuery } from '../../scenarios/validate';
import { type StaticQuestion, TOPICS } from '../types';
import { checkStatic, normaliseShort } from './answers';
import { staticQuestions } from './index';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HTML_TAG = /<\/?[a-z][^>]*>/i;
const MIN_PER_TOPIC = 5;
const MIN_TOTAL = 70;
const MIN_PER_KIND = { numeric: 10, short: 7, order: 9 } as const;

function ofKind<K extends StaticQuestion['kind']>(kind: K): Extract<StaticQuestion, { kind: K }>[] {
  return staticQuestions.filter((q): q is Extract<StaticQuestion, { kind: K }> => q.kind === kind);
}

describe('the review-question bank', () => {
  it('has unique kebab-case ids, each prefixed by its topic', () => {
    const ids = staticQuestions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of staticQuestions) {
      expect(q.id, q.id).toMatch(KEBAB);
      expect(q.id.startsWith(`${q.topic}-`), `${q.id} should start with "${q.topic}-"`).toBe(true);
    }
  });

  it('covers every topic with enough questions, in topic order', () => {
    const topicIds: string[] = TOPICS.map((t) => t.id);
    for (const topic of topicIds) {
      const count = staticQuestions.filter((q) => q.topic === topic).length;
      expect(count, topic).toBeGreaterThanOrEqual(MIN_PER_TOPIC);
    }
    const order = staticQuestions.map((q) => topicIds.indexOf(q.topic));
    expect(order.every((t) => t >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('meets the floors for each kind of question', () => {
    expect(staticQuestions.length).toBeGreaterThanOrEqual(MIN_TOTAL);
    expect(ofKind('numeric').length).toBeGreaterThanOrEqual(MIN_PER_KIND.numeric);
    expect(ofKind('short').length).toBeGreaterThanOrEqual(MIN_PER_KIND.short);
    expect(ofKind('order').length).toBeGreaterThanOrEqual(MIN_PER_KIND.order);
    const choices = ofKind('choice').length;
    expect(choices).toBeGreaterThan(ofKind('numeric').length);
  });

  it('has a plain-text prompt, explanation and hint on every question', () => {
    for (const q of staticQuestions) {
      for (const [field, text] of [
        ['prompt', q.prompt],
        ['explanation', q.explanation],
        ['hint', q.hint],
      ] as const) {
        expect(text.trim(), `${q.id}.${field}`).not.toBe('');
        expect(text, `${q.id}.${field}`).not.toMatch(HTML_TAG);
      }
    }
  });

  it('choice: at least 3 unique options, each with a why, and one answer in range', () => {
    for (const q of ofKind('choice')) {
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
      const texts = q.options.map((o) => o.text.trim());
      expect(new Set(texts).size, q.id).toBe(texts.length);
      for (const o of q.options) {
        expect(o.text.trim(), q.id).not.toBe('');
        expect(o.why.trim(), `${q.id}: why for "${o.text}"`).not.toBe('');
        expect(`${o.text} ${o.why}`, q.id).not.toMatch(HTML_TAG);
      }
      expect(Number.isInteger(q.answer), q.id).toBe(true);
      expect(q.answer, q.id).toBeGreaterThanOrEqual(0);
      expect(q.answer, q.id).toBeLessThan(q.options.length);
      expect(checkStatic(q, q.answer), q.id).toBe(true);
    }
  });

  it('choice: spreads the right answer over the positions', () => {
    const choices = ofKind('choice');
    const byIndex = new Map<number, number>();
    for (const q of choices) byIndex.set(q.answer, (byIndex.get(q.answer) ?? 0) + 1);
    for (const index of [0, 1, 2, 3]) {
      expect(byIndex.get(index) ?? 0, `answers at index ${index}`).toBeGreaterThanOrEqual(
        choices.length * 0.15,
      );
      expect(byIndex.get(index) ?? 0, `answers at index ${index}`).toBeLessThanOrEqual(choices.length * 0.35);
    }
  });

  it('numeric: finite answers and non-negative tolerances', () => {
    for (const q of ofKind('numeric')) {
      expect(Number.isFinite(q.answer), q.id).toBe(true);
      if (q.tolerance !== undefined) {
        expect(Number.isFinite(q.tolerance), q.id).toBe(true);
        expect(q.tolerance, q.id).toBeGreaterThanOrEqual(0);
      }
      expect(checkStatic(q, q.answer), q.id).toBe(true);
    }
  });

  it('short: accepted spellings that are non-empty and distinct after normalisation', () => {
    for (const q of ofKind('short')) {
      expect(q.accept.length, q.id).toBeGreaterThan(0);
      const normalised = q.accept.map(normaliseShort);
      expect(
        normalised.every((a) => a !== ''),
        q.id,
      ).toBe(true);
      expect(new Set(normalised).size, `${q.id}: ${normalised.join(' | ')}`).toBe(normalised.length);
      for (const spelling of q.accept) expect(checkStatic(q, spelling), `${q.id}: ${spelling}`).toBe(true);
    }
  });

  it('order: 3 to 6 unique items', () => {
    for (const q of ofKind('order')) {
      expect(q.items.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.items.length, q.id).toBeLessThanOrEqual(6);
      const items = q.items.map((i) => i.trim());
      expect(
        items.every((i) => i !== ''),
        q.id,
      ).toBe(true);
      expect(new Set(items).size, q.id).toBe(items.length);
      expect(items.join(' '), q.id).not.toMatch(HTML_TAG);
      expect(
        checkStatic(
          q,
          q.items.map((_, i) => i),
        ),
        q.id,
      ).toBe(true);
    }
  });

  it('frames name an existing preset and a time within its run', () => {
    const framed = staticQuestions.filter((q) => q.frame !== undefined);
    expect(framed.length).toBeGreaterThan(0);
    for (const q of framed) {
      const frame = q.frame!;
      const preset = findPreset(frame.scenario);
      expect(preset, `${q.id}: no preset "${frame.scenario}"`).toBeDefined();
      if (preset && frame.timeMs !== undefined) {
        expect(frame.timeMs, q.id).toBeGreaterThanOrEqual(0);
        expect(frame.timeMs, q.id).toBeLessThanOrEqual(preset.scenario.durationMs);
      }
      // An edited query rides in the link: it must be one the simulator accepts, unchanged by parsing.
      if (preset && frame.query) {
        const parsed = parseQuery(JSON.parse(JSON.stringify(frame.query)), preset.scenario);
        expect(parsed.ok && parsed.value, q.id).toEqual(frame.query);
      }
    }
  });
});
