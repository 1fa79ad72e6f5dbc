import type { QueryBatch } from './types';

export type QueryBatchPhase = 'planning' | 'running' | 'committing' | 'committed' | 'killed';

/**
 * Where a micro-batch stands at `nowMs`, as the query's status message would say: planning (reading
 * the latest offsets, writing offsets/N), running (processing, then the sink), committing (writing
 * commits/N), committed; or killed by a driver crash.
 */
export function queryBatchPhase(b: QueryBatch, nowMs: number): QueryBatchPhase {
  if (b.killed && nowMs >= b.killed.atMs) return 'killed';
  if (b.offsetsWrittenMs === null || nowMs < b.offsetsWrittenMs) return 'planning';
  if (nowMs < b.sinkMs) return 'running';
  if (nowMs < b.commitMs) return 'committing';
  return 'committed';
}
