/** Batch generation: JobGenerator.generateJobs as the driver's timer (or a restart) reaches a batch time. */
import { getOrCompute } from './compute';
import { readInput } from './inputs';
import { runOutput, scheduleJobs } from './jobs';
import { feedCompletions } from './rateController';
import { isTimeValid, type RunState, rddAt } from './runState';
import type { OutputResult } from './types';

/**
 * Generates the batch at `timeMs` at `genMs` (its time, or the restart time for a re-run): blocks
 * are allocated to it, every output operation asks for its RDD at that time, and its jobs are
 * scheduled on the cluster.
 */
export function generate(
  run: RunState,
  timeMs: number,
  genMs: number,
  recovery: 'pending' | 'downtime' | null,
): void {
  const spec = run.spec;
  // The rate controllers hear of every batch that completed before this one is generated.
  const rates = feedCompletions(run, genMs);
  run.generating = { timeMs: genMs, rates, read: [], failure: null };
  // ReceiverTracker.allocateBlocksToBatch runs for every batch, whether or not anything reads it.
  if (recovery === null || !run.batches.some((b) => b.timeMs === timeMs)) {
    for (const input of run.inputs) {
      if (input.node.spec.op === 'receiverStream' || input.node.spec.op === 'producerStream')
        readInput(input, run.source, spec, timeMs, rates[input.node.index] ?? null, 'allocate');
    }
  }
  const outputs: OutputResult[] = [];
  for (const node of run.nodes) {
    if (node.role !== 'output') continue;
    const parent = node.parents[0]!;
    if (!isTimeValid(run, parent, timeMs)) continue;
    const rdd = getOrCompute(run, parent, timeMs);
    if (!rdd) continue;
    outputs.push(runOutput(run, node, rdd, timeMs));
  }
  const { read, failure, stops } = run.generating;
  run.generating = null;
  if (stops) run.stoppedAtMs = timeMs;
  // A re-run batch reads its input again (from Kafka's checkpointed offset ranges, or its blocks).
  const reread =
    recovery === null
      ? []
      : run.nodes
          .filter((n) => n.role === 'input')
          .flatMap((n) => {
            const rdd = rddAt(run, n.index, timeMs);
            return rdd && rdd.computedAtMs < genMs ? rdd.partitions.map((p) => p.length) : [];
          });
  const taskSizes = [...read.flatMap((r) => r.partitionSizes), ...reread];
  const inputRecords = taskSizes.reduce((a, b) => a + b, 0);
  const jobs = outputs.length;
  const { startMs, endMs } = scheduleJobs(run, timeMs, genMs, taskSizes, inputRecords, jobs);
  const limit = rates.find((r) => r !== null) ?? null;
  run.batches.push({
    index: run.batches.length,
    timeMs,
    jobs,
    inputRecords,
    taskSizes,
    startMs,
    endMs,
    outputs,
    failure,
    rateLimit: limit,
    generatedAtMs: genMs,
    attempt: recovery === null ? 1 : 2,
    recovery,
    killedAtMs: null,
  });
}
