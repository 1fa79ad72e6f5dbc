import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packText } from './linkCodec';
import { unpackParams } from './linkHash';
import { LONG_LIMITS, LONG_PARAMS, parseLink } from './url';

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

  it('packed parameters in the hash', async () => {
    const good = await packText('{"engine":"flink"}');
    const data = fc.oneof(
      fc.string(),
      fc.base64String(),
      fc.stringMatching(/^[\w-]{0,60}$/),
      // A good packed text with characters flipped, cut short or padded.
      fc
        .tuple(fc.nat({ max: good.length }), fc.stringMatching(/^[\w-]{0,3}$/))
        .map(([at, s]) => good.slice(0, at) + s + good.slice(at + s.length)),
    );
    const name = fc.constantFrom(...LONG_PARAMS, 'scenario', 'junk');
    const params = fc
      .array(fc.tuple(name, data), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    await fc.assert(
      fc.asyncProperty(params, async (hashParams) => {
        const { texts, problems } = await unpackParams(hashParams);
        for (const p of problems) expect(p.length).toBeGreaterThan(10);
        for (const [k, text] of Object.entries(texts))
          expect(text.length).toBeLessThanOrEqual(LONG_LIMITS[k as keyof typeof LONG_LIMITS].text);
        for (const p of parseLink('?scenario=three-kinds', ['three-kinds'], { texts, problems }).problems)
          expect(p.length).toBeGreaterThan(10);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
