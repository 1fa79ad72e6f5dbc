import { describe, expect, it } from 'vitest';
import { presets } from './presets';

const NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A description a student reads must agree with the scenario it describes (issue 20: "eight" of nine). */
describe('preset descriptions', () => {
  it('count the hand-written readings they have', () => {
    let counted = 0;
    for (const { id, scenario } of presets) {
      const said = scenario.description.match(/^(\w+) readings written in by hand/i);
      if (!said) continue;
      counted++;
      expect(NUMBERS.indexOf(said[1]!.toLowerCase()), id).toBe(scenario.tuples.length);
    }
    expect(counted).toBeGreaterThan(0);
  });
});
