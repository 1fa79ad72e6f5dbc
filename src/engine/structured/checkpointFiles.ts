/** What the checkpoint location's files hold: the query id and the sources' initial offsets. */
import type { InputReader } from './sources';
import type { CheckpointFile } from './types';

/** sources/N/0: the offsets an input starts from (KafkaMicroBatchStream's metadataLog.get(0)). */
export function offsetJson(reader: InputReader, offsets: readonly number[]): CheckpointFile['content'] {
  return { [reader.spec.id]: Object.fromEntries(offsets.map((o, p) => [String(p), o])) };
}

/** A stable, UUID-shaped id from a name (the query id lives in the checkpoint's metadata file). */
export function uuidOf(name: string, salt: number): string {
  let h = 2166136261 ^ salt;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    h = Math.imul(h ^ (round + 1), 2246822519);
    hex.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** What offsets/N records of a batch: its offset ranges, watermark and timestamp. */
export interface OffsetsEntry {
  readonly from: readonly (readonly number[])[];
  readonly until: readonly (readonly number[])[];
  readonly batchWatermarkMs: number;
  readonly batchTimestampMs: number;
}
