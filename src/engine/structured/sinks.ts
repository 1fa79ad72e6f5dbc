/**
 * What a sink does when a batch's output reaches it, and what it holds afterwards. The guide's Output
 * Sinks table: file sink exactly once (FileStreamSink.addBatch skips a batch id already in
 * _spark_metadata: "Skipping already committed batch"); Kafka at least once; foreachBatch "Depends on
 * the implementation" ("you can use the batchId provided to the function as way to deduplicate the
 * output and get an exactly-once guarantee"); console not fault tolerant.
 */
import type { OutputRow } from './operators';
import type { SinkSpec } from './spec';
import type { SinkOutcome, SinkWrite } from './types';

export function sinkOutcome(sink: SinkSpec, batchId: number, writes: readonly SinkWrite[]): SinkOutcome {
  const earlier = writes.some((w) => w.batchId === batchId && w.outcome !== 'skipped');
  if (!earlier) return 'written';
  if (sink.kind === 'file') return 'skipped';
  if (sink.kind === 'foreachBatch' && sink.idempotent) return 'replaced';
  return 'duplicated';
}

/** What the sink holds at `atMs`: batch by batch, duplicates included where the sink keeps them. */
export function sinkContents(
  writes: readonly SinkWrite[],
  atMs: number,
): {
  readonly batchId: number;
  readonly atMs: number;
  readonly rows: readonly OutputRow[];
  readonly duplicate: boolean;
}[] {
  const out: { batchId: number; atMs: number; rows: readonly OutputRow[]; duplicate: boolean }[] = [];
  for (const w of writes) {
    if (w.atMs > atMs || w.outcome === 'skipped') continue;
    if (w.outcome === 'replaced') {
      const i = out.findIndex((x) => x.batchId === w.batchId);
      if (i >= 0) out.splice(i, 1);
    }
    out.push({ batchId: w.batchId, atMs: w.atMs, rows: w.rows, duplicate: w.outcome === 'duplicated' });
  }
  return out;
}
