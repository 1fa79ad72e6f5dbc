import type { PartitionRange, QueryBatch, QueryBatchPhase, Window } from '../../engine';

/** Seconds with at most two decimals: 5 s, 5.45 s. */
export const secs = (ms: number) => `${Math.round(ms / 10) / 100} s`;

export const windowText = (w: Window) => `[${secs(w.startMs).slice(0, -2)}, ${secs(w.endMs)})`;

/** Offset ranges as Spark's progress lists them, per partition: p0 15→45. */
export const offsetsText = (ranges: readonly PartitionRange[]) =>
  ranges.map((r) => `p${r.partition} ${r.fromOffset}→${r.untilOffset}`).join(', ');

export const PHASE_TEXT: Record<QueryBatchPhase, string> = {
  planning: 'planning (reading offsets, writing offsets/N)',
  running: 'running',
  committing: 'committing (writing commits/N)',
  committed: 'committed',
  killed: 'killed by a driver crash',
};

export function sinkText(b: QueryBatch): string {
  const rows = `${b.output.length} row${b.output.length === 1 ? '' : 's'}`;
  switch (b.sink) {
    case 'written':
      return rows;
    case 'duplicated':
      return `${rows} again (duplicates)`;
    case 'replaced':
      return `${rows}, replacing the first write`;
    case 'skipped':
      return 'skipped: already in _spark_metadata';
    default:
      return '';
  }
}
