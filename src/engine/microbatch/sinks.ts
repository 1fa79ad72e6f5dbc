import type { SinkGuarantee } from '../types';
import type { StreamingRun } from './run';
import { type Batch, batchStatus } from './types';
import { type Value, valueKey } from './values';

export type WriteFate = 'written' | 'duplicate' | 'overwritten' | 'skipped' | 'lost';

export interface SinkWrite {
  readonly batchTimeMs: number;
  readonly attempt: number;
  /** When the write happened (the batch's end), or when it was lost (the crash). */
  readonly atMs: number;
  readonly values: readonly Value[];
  readonly fate: WriteFate;
}

export interface SinkLedger {
  readonly guarantee: SinkGuarantee;
  readonly writes: readonly SinkWrite[];
  /** What the sink holds: every element written, in write order (duplicates included). */
  readonly contents: readonly Value[];
  /** Elements written more than once. */
  readonly duplicates: number;
  /** Batches whose output never reached the sink. */
  readonly lostBatches: readonly number[];
}

export const GUARANTEES: readonly {
  readonly id: SinkGuarantee;
  readonly label: string;
  readonly how: string;
}[] = [
  {
    id: 'atMostOnce',
    label: 'at most once',
    how: 'progress is recorded when a batch starts: a batch killed while running is never written again',
  },
  {
    id: 'atLeastOnce',
    label: 'at least once',
    how: 'every re-run batch writes again: what was written before the crash is written twice',
  },
  {
    id: 'idempotent',
    label: 'exactly once (idempotent)',
    how: 'writes are keyed by batch time and element: a re-run overwrites the same rows',
  },
  {
    id: 'transactional',
    label: 'exactly once (transactional)',
    how: 'output and the batch id commit together: a re-run of a committed batch is skipped',
  },
];

/**
 * What a sink holds at `nowMs` under a delivery guarantee, given the batches that wrote to it,
 * their re-runs after driver failures, and the batches those failures killed.
 */
export function sinkLedger(
  run: StreamingRun,
  sinkNode: number,
  guarantee: SinkGuarantee,
  nowMs: number,
): SinkLedger {
  const writes: SinkWrite[] = [];
  const contents: Value[] = [];
  const committed = new Set<number>();
  // Batches killed while running (they had started): at-most-once counts them as processed.
  const started = new Set<number>();
  const done: Batch[] = [];
  for (const b of run.batches) {
    if (b.generatedAtMs > nowMs) continue;
    const status = batchStatus(b, nowMs);
    if (status === 'killed' && b.startMs !== null && b.killedAtMs !== null && b.startMs < b.killedAtMs) {
      started.add(b.timeMs);
      if (b.outputs.some((o) => o.node === sinkNode))
        writes.push({
          batchTimeMs: b.timeMs,
          attempt: b.attempt,
          atMs: b.killedAtMs,
          values: [],
          fate: 'lost',
        });
    }
    if (status === 'done') done.push(b);
  }
  done.sort((a, b) => a.endMs! - b.endMs! || a.index - b.index);
  let duplicates = 0;
  for (const b of done) {
    const out = b.outputs.find((o) => o.node === sinkNode);
    if (!out?.written) continue;
    const values = out.written;
    let fate: WriteFate = 'written';
    if (b.attempt > 1) {
      if (committed.has(b.timeMs)) {
        fate =
          guarantee === 'atLeastOnce' ? 'duplicate' : guarantee === 'idempotent' ? 'overwritten' : 'skipped';
      } else if (guarantee === 'atMostOnce' && started.has(b.timeMs)) {
        fate = 'skipped';
      }
    }
    if (fate === 'written' || fate === 'duplicate') contents.push(...values);
    if (fate === 'duplicate') duplicates += values.length;
    if (fate === 'written') committed.add(b.timeMs);
    writes.push({ batchTimeMs: b.timeMs, attempt: b.attempt, atMs: b.endMs!, values, fate });
  }
  const lostBatches = [...started].filter((t) => !committed.has(t));
  return { guarantee, writes, contents, duplicates, lostBatches };
}

/** Elements as comparable strings (for multiset comparisons). */
export const elementKeys = (values: readonly Value[]) => values.map(valueKey).sort();
