/**
 * Kafka's default partitioning of keyed records, bit for bit:
 * partition = toPositive(murmur2(utf8(key))) % numPartitions
 * (org.apache.kafka.common.utils.Utils.murmur2 / toPositive, used by the producer's
 * BuiltInPartitioner.partitionForKey). Java's 32-bit int arithmetic is reproduced with
 * Math.imul and `| 0`; `>>>` is Java's unsigned shift.
 */

const utf8 = new TextEncoder();

/** Kafka's murmur2: a 32-bit signed hash of the bytes (seed 0x9747b28c). */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const seed = 0x9747b28c | 0;
  const m = 0x5bd1e995;
  const r = 24;
  let h = seed ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      (data[i4]! & 0xff) +
      ((data[i4 + 1]! & 0xff) << 8) +
      ((data[i4 + 2]! & 0xff) << 16) +
      ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  // Java's switch on length % 4 falls through from case 3 to case 1.
  const tail = length & ~3;
  const rest = length % 4;
  if (rest >= 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which differs for negatives). */
export function toPositive(x: number): number {
  return x & 0x7fffffff;
}

/** The partition Kafka's default partitioner picks for a keyed record. An empty key is a key. */
export function partitionForKey(key: string, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new Error(`partitionForKey: numPartitions must be a positive integer, got ${numPartitions}`);
  }
  let byKey = hashes.get(numPartitions);
  if (!byKey) {
    byKey = new Map();
    hashes.set(numPartitions, byKey);
  }
  let partition = byKey.get(key);
  if (partition === undefined) {
    partition = toPositive(murmur2(utf8.encode(key))) % numPartitions;
    // A pure function of (key, numPartitions): remembered, as keys repeat (bounded: see below).
    if (byKey.size < MAX_REMEMBERED) byKey.set(key, partition);
  }
  return partition;
}

/** Keys remembered per partition count; a scenario has at most a few thousand keys. */
const MAX_REMEMBERED = 1 << 16;
const hashes = new Map<number, Map<string, number>>();
