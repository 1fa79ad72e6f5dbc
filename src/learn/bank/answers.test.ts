import { describe, expect, it } from 'vitest';
import type { ChoiceQuestion, NumericQuestion, OrderQuestion, ShortQuestion } from '../types';
import { checkStatic, normaliseShort } from './answers';

const base = { topic: 'watermarks', prompt: 'p', explanation: 'e', hint: 'h' } as const;

const choice: ChoiceQuestion = {
  ...base,
  id: 'test-choice',
  kind: 'choice',
  options: [
    { text: 'a', why: 'a' },
    { text: 'b', why: 'b' },
    { text: 'c', why: 'c' },
  ],
  answer: 1,
};
const numeric: NumericQuestion = { ...base, id: 'test-numeric', kind: 'numeric', answer: 14_999 };
const tolerant: NumericQuestion = {
  ...base,
  id: 'test-tolerant',
  kind: 'numeric',
  answer: 0.8,
  tolerance: 0.05,
};
const short: ShortQuestion = {
  ...base,
  id: 'test-short',
  kind: 'short',
  accept: ['mapWithState', 'map with state'],
};
const order: OrderQuestion = { ...base, id: 'test-order', kind: 'order', items: ['x', 'y', 'z', 'w'] };

describe('normaliseShort', () => {
  it('lower-cases, strips backticks and punctuation and collapses whitespace', () => {
    expect(normaliseShort('  `auto.offset.reset`  ')).toBe('autooffsetreset');
    expect(normaliseShort('Publish /  Subscribe!')).toBe('publish subscribe');
    expect(normaliseShort('Semi-Structured')).toBe('semistructured');
    expect(normaliseShort('\tIn-sync\n replicas ')).toBe('insync replicas');
  });

  it('keeps letters and digits of any script', () => {
    expect(normaliseShort('Murmur2')).toBe('murmur2');
    expect(normaliseShort('Café 1')).toBe('café 1');
  });

  it('gives the empty string for punctuation only', () => {
    expect(normaliseShort(' `.,;` ')).toBe('');
  });
});

describe('checkStatic', () => {
  it('choice: right only for the answer index', () => {
    expect(checkStatic(choice, 1)).toBe(true);
    expect(checkStatic(choice, 0)).toBe(false);
    expect(checkStatic(choice, 3)).toBe(false);
    expect(checkStatic(choice, '1')).toBe(false);
    expect(checkStatic(choice, [1])).toBe(false);
  });

  it('numeric: exact by default, within the tolerance when one is given', () => {
    expect(checkStatic(numeric, 14_999)).toBe(true);
    expect(checkStatic(numeric, 15_000)).toBe(false);
    expect(checkStatic(tolerant, 0.84)).toBe(true);
    expect(checkStatic(tolerant, 0.76)).toBe(true);
    expect(checkStatic(tolerant, 0.86)).toBe(false);
    expect(checkStatic({ ...tolerant, tolerance: 0, answer: 0.3 }, 0.1 + 0.2)).toBe(true);
  });

  it('numeric: accepts the text of an input field, rejects non-numbers', () => {
    expect(checkStatic(numeric, ' 14999 ')).toBe(true);
    expect(checkStatic(numeric, '')).toBe(false);
    expect(checkStatic(numeric, 'abc')).toBe(false);
    expect(checkStatic(numeric, Number.NaN)).toBe(false);
    expect(checkStatic(numeric, Number.POSITIVE_INFINITY)).toBe(false);
    expect(checkStatic(numeric, [14_999])).toBe(false);
  });

  it('short: any accepted spelling, ignoring case, whitespace, backticks and punctuation', () => {
    expect(checkStatic(short, 'mapWithState')).toBe(true);
    expect(checkStatic(short, '`mapWithState()`')).toBe(true);
    expect(checkStatic(short, 'MAP WITH STATE')).toBe(true);
    expect(checkStatic(short, 'map-with-state')).toBe(true);
    expect(checkStatic(short, 'updateStateByKey')).toBe(false);
    expect(checkStatic(short, '')).toBe(false);
    expect(checkStatic(short, '  ')).toBe(false);
    expect(checkStatic(short, 3)).toBe(false);
  });

  it('order: right only for the identity permutation of all items', () => {
    expect(checkStatic(order, [0, 1, 2, 3])).toBe(true);
    expect(checkStatic(order, [1, 0, 2, 3])).toBe(false);
    expect(checkStatic(order, [0, 1, 2])).toBe(false);
    expect(checkStatic(order, [0, 1, 2, 3, 4])).toBe(false);
    expect(checkStatic(order, 0)).toBe(false);
    expect(checkStatic(order, '0123')).toBe(false);
  });
});
