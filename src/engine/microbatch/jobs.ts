/**
 * A batch's jobs: what each output operation does with its RDD, and when the jobs run on the
 * cluster model (one batch at a time, input tasks spread over the cores left by the receivers).
 */
import type { DStreamNode } from './context';
import { recompute } from './executorLoss';
import { fnCatalogue } from './functions';
import type { Rdd } from './rdd';
import type { RunState } from './runState';
import type { OutputResult } from './types';
import { formatValue } from './values';

/** The job of an output operation (print, foreachRDD, sink) on its parent's RDD. */
export function runOutput(run: RunState, node: DStreamNode, rdd: Rdd, timeMs: number): OutputResult {
  const spec = node.spec;
  const type = node.type;
  const text = (id: number) => recordText(run, id);
  const all = rdd.partitions.flat();
  if (spec.op === 'print') {
    // DStream.print(num): take(num + 1), print num, "..." when there were more.
    const num = spec.num ?? 10;
    const first = all.slice(0, num + 1);
    const lines = [
      '-------------------------------------------',
      `Time: ${timeMs} ms`,
      '-------------------------------------------',
    ];
    for (const v of first.slice(0, num)) lines.push(formatValue(v, type, text));
    if (first.length > num) lines.push('...');
    return { node: node.index, lines, written: null };
  }
  if (spec.op === 'foreachRDD') {
    const f = fnCatalogue.foreachRDD(spec.fn)!;
    return { node: node.index, lines: [`${timeMs} ms: ${f.apply(all.length)}`], written: null };
  }
  return { node: node.index, lines: [], written: all };
}

/** A record as ConsumerRecord.toString or a tuple would print. */
export function recordText(run: RunState, id: number): string {
  const r = run.source;
  return `(${r.key(id)},${r.value(id)})`;
}

/**
 * When the jobs of the batch at `timeMs`, generated at `genMs`, start and finish; null when it has
 * no jobs, or never gets a core. An executor loss charges its recomputation to the batch it hits.
 */
export function scheduleJobs(
  run: RunState,
  timeMs: number,
  genMs: number,
  taskSizes: readonly number[],
  inputRecords: number,
  jobs: number,
): { startMs: number | null; endMs: number | null } {
  const spec = run.spec;
  let startMs: number | null = null;
  let endMs: number | null = null;
  const cores = spec.cores - run.receivers;
  if (jobs > 0 && cores > 0) {
    // spark.streaming.concurrentJobs = 1: a batch's jobs start when the previous batch's finish.
    startMs = Math.max(genMs, run.lastEndMs);
    endMs = startMs + processingMs(taskSizes, cores, spec.perRecordMs, jobs, spec.jobOverheadMs);
    // An executor lost while this batch runs (or before it starts): its partitions are recomputed.
    const lost = run.pendingLosses.filter((t) => t < endMs!);
    if (lost.length > 0) {
      run.pendingLosses = run.pendingLosses.filter((t) => t >= endMs!);
      endMs += recompute(run, lost[0]!, timeMs, cores, inputRecords);
    }
    run.lastEndMs = endMs;
  } else if (jobs > 0) {
    run.lastEndMs = Number.POSITIVE_INFINITY;
  }
  return { startMs, endMs };
}

/**
 * The simplified cost of a batch: every job pays a fixed overhead; the input records are tasks
 * (one per input partition) spread over the free cores, each record costing `perRecordMs`.
 */
export function processingMs(
  taskSizes: readonly number[],
  cores: number,
  perRecordMs: number,
  jobs: number,
  overheadMs: number,
): number {
  const free = new Array<number>(Math.max(1, cores)).fill(0);
  for (const size of taskSizes) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[k]!) k = i;
    free[k]! += size * perRecordMs;
  }
  return Math.round(jobs * overheadMs + Math.max(...free));
}
