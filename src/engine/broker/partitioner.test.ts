import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from './partitioner';

const utf8 = new TextEncoder();

/**
 * An independent Java-semantics reference: every int operation done on BigInt and wrapped to
 * 32 bits with asIntN, Java's >>> done on the unsigned value. It shares no arithmetic with murmur2().
 */
function javaMurmur2(data: Uint8Array): number {
  const int = (x: bigint) => BigInt.asIntN(32, x);
  const ushr = (x: bigint, n: bigint) => int(BigInt.asUintN(32, x) >> n);
  const m = 0x5bd1e995n;
  let h = int(0x9747b28cn ^ BigInt(data.length));
  const length4 = Math.floor(data.length / 4);
  for (let i = 0; i < length4; i++) {
    const b = (j: number) => BigInt(data[i * 4 + j]!);
    let k = int(b(0) + (b(1) << 8n) + (b(2) << 16n) + (b(3) << 24n));
    k = int(k * m);
    k = int(k ^ ushr(k, 24n));
    k = int(k * m);
    h = int(h * m);
    h = int(h ^ k);
  }
  const tail = data.length & ~3;
  const rest = data.length % 4;
  if (rest >= 3) h = int(h ^ (BigInt(data[tail + 2]!) << 16n));
  if (rest >= 2) h = int(h ^ (BigInt(data[tail + 1]!) << 8n));
  if (rest >= 1) {
    h = int(h ^ BigInt(data[tail]!));
    h = int(h * m);
  }
  h = int(h ^ ushr(h, 13n));
  h = int(h * m);
  h = int(h ^ ushr(h, 15n));
  return Number(h);
}

describe("Kafka's murmur2 partitioner", () => {
  it("matches the test vectors of Kafka's UtilsTest.testMurmur2", () => {
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [input, expected] of cases) expect(murmur2(utf8.encode(input)), input).toBe(expected);
  });

  it('agrees with a Java-int reference implementation on any bytes and any key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(murmur2(bytes)).toBe(javaMurmur2(bytes));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.integer({ min: 1, max: 16 }),
        (key, n) => {
          expect(partitionForKey(key, n)).toBe(toPositive(javaMurmur2(utf8.encode(key))) % n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('uses toPositive (clear the sign bit), not Math.abs, and treats the empty key as a key', () => {
    // murmur2("21") is negative: abs would give another partition than Kafka's mask.
    const h = murmur2(utf8.encode('21'));
    expect(toPositive(h)).toBe(h & 0x7fffffff);
    expect(toPositive(h) % 7).not.toBe(Math.abs(h) % 7);
    expect(partitionForKey('21', 7)).toBe(toPositive(h) % 7);
    expect(toPositive(-2147483648)).toBe(0);
    expect(partitionForKey('', 12)).toBe(toPositive(murmur2(new Uint8Array(0))) % 12);
    expect(() => partitionForKey('a', 0)).toThrow(/numPartitions/);
  });

  it('spreads keys over partitions and sends a key to the same partition every time', () => {
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[partitionForKey(`user-${i}`, 6)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(partitionForKey('user-42', 6)).toBe(partitionForKey('user-42', 6));
  });
});
