import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { packedNow, packText, UnpackError, unpackText } from './linkCodec';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The reason unpacking gave, or 'ok'. */
async function refusal(data: string, maxChars = 1000): Promise<string> {
  try {
    await unpackText(data, maxChars);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(UnpackError);
    return (error as Error).message;
  }
}

describe('packing the long parts of a link (raw DEFLATE, base64url)', () => {
  it(`gives back any JSON text it packed, in address-safe characters (${RUNS} runs)`, async () => {
    const texts = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const data = await packText(text);
        expect(data).toMatch(BASE64URL);
        expect(await unpackText(data, Math.max(1, text.length))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads what another DEFLATE writer wrote (the format, not this module, is the contract)', async () => {
    const text = JSON.stringify({ name: 'Zürich → 東京', n: [1, 2, 3] });
    const data = deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
    expect(await unpackText(data, 100)).toBe(text);
  });

  it('makes a scenario several times shorter than its URL-encoded JSON', async () => {
    const json = JSON.stringify(findPreset('dstream-windows')!.scenario);
    const data = await packText(json);
    expect(data.length).toBeLessThan(encodeURIComponent(json).length / 2);
  });

  it('remembers what it packed and unpacked, so an unchanged link is written at once', async () => {
    const text = `{"remember":"${'me '.repeat(20)}"}`;
    expect(packedNow(text)).toBeUndefined();
    const data = await packText(text);
    expect(packedNow(text)).toBe(data);
    const other = deflateRawSync(Buffer.from('{"other":1}')).toString('base64url');
    await unpackText(other, 100);
    expect(packedNow('{"other":1}')).toBe(other);
  });

  it('refuses text that is not base64url, not DEFLATE or not UTF-8, saying which', async () => {
    expect(await refusal('{"version":1}')).toBe('is not base64url text (letters, digits, - and _)');
    expect(await refusal('abc+/')).toBe('is not base64url text (letters, digits, - and _)');
    expect(await refusal('')).toBe('is empty');
    expect(await refusal('A')).toBe('is not base64url text (letters, digits, - and _)');
    expect(await refusal('____')).toBe('is not valid compressed data');
    const good = await packText('{"a":"a long enough text to be cut short somewhere"}');
    expect(await refusal(good.slice(0, good.length - 6))).toBe('is not valid compressed data');
    const latin1 = deflateRawSync(Buffer.from([0x7b, 0xe9, 0x7d])).toString('base64url');
    expect(await refusal(latin1)).toBe('is not compressed UTF-8 text');
  });

  it('stops a small link that would inflate to megabytes, and one just over its limit', async () => {
    const bomb = deflateRawSync(Buffer.alloc(20_000_000, 0x20)).toString('base64url');
    expect(bomb.length).toBeLessThan(30_000);
    const error = await unpackText(bomb, 5000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnpackError);
    expect((error as UnpackError).tooLong).toBe(true);
    expect((error as UnpackError).message).toBe('unpacks to more than 5000 characters');
    const justOver = await packText('x'.repeat(5001));
    expect(await refusal(justOver, 5000)).toBe('unpacks to more than 5000 characters');
    expect(await refusal(await packText('x'.repeat(5000)), 5000)).toBe('ok');
  });
});
