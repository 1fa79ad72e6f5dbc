import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLink } from './url';

/**
 * Fuzzing (issue 8): random and malformed links. Nothing may throw; every problem is a sentence.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

describe(`fuzzing: ${RUNS} random and malformed links`, () => {
  it('links', () => {
    const param = fc.constantFrom(
      'scenario',
      'seed',
      't',
      'tuple',
      'fault',
      'compare',
      'app',
      'et',
      'rate',
      'junk',
    );
    const links = fc.oneof(
      fc.string(),
      fc
        .array(fc.tuple(param, fc.oneof(fc.string(), fc.json(), fc.integer().map(String))), { maxLength: 8 })
        .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
    );
    fc.assert(
      fc.property(links, (search) => {
        const { problems } = parseLink(search, ['three-kinds', 'watermarks']);
        for (const p of problems) expect(p.length).toBeGreaterThan(10);
      }),
      { numRuns: RUNS },
    );
  });
});
