/** The cluster's share of a batch: how long its tasks take on the cores, and its event-time statistics. */
import type { EventRecord } from '../eventtime/windows';
import type { QueryBatch } from './types';

/** Tasks in order, each to the core that frees first. */
export function makespan(tasks: readonly number[], cores: number): number {
  const free = new Array<number>(Math.max(1, cores)).fill(0);
  for (const t of tasks) {
    let i = 0;
    for (let c = 1; c < free.length; c++) if (free[c]! < free[i]!) i = c;
    free[i]! += t;
  }
  return Math.max(...free);
}

/** The progress's eventTime min, max and avg over the rows a batch read. */
export function eventStats(records: readonly EventRecord[]): QueryBatch['eventTime'] {
  if (records.length === 0) return null;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const r of records) {
    min = Math.min(min, r.eventTimeMs);
    max = Math.max(max, r.eventTimeMs);
    sum += r.eventTimeMs;
  }
  return { minMs: min, maxMs: max, avgMs: Math.floor(sum / records.length) };
}
