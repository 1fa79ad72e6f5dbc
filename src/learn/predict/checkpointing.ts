/**
 * Checkpointing and delivery guarantees: after a driver crash, Spark Streaming re-runs the batches its
 * last metadata checkpoint listed as pending, plus those of its down time. An at-least-once sink
 * writes a re-run batch again: what that batch had written before the crash is now there twice.
 */
import { batchStatus, sinkLedger } from '../../engine';
import type { FrameRef, PredictInstance, PredictTemplate } from '../types';
import { chooser, plural, secs } from './frame';
import { editedStreaming, playStreaming, tickCeil } from './streamingRun';

const PRESET = 'stateful-streams';

const duplicates: PredictTemplate = {
  id: 'at-least-once-duplicates',
  topic: 'checkpointing',
  kind: 'predict',
  title: 'How many duplicates does the at-least-once sink hold after recovery?',
  hint: 'The checkpoint is written when a batch is generated, before it completes. Which batches does the restarted driver run again, and had any of them already written?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = attemptAt(seed, attempt);
    if (!found) throw new Error(`at-least-once-duplicates: no usable crash for seed ${seed}`);
    return found;
  },
};

function attemptAt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(duplicates.id, seed, attempt);
  const sinkId = c.pick(1, ['saveTotals', 'saveSessions']);
  const restartAfterMs = c.pick(2, [1000, 2000, 3000, 5000]);
  const batchMs = c.pick(
    3,
    Array.from({ length: 27 }, (_, i) => 4000 + 1000 * i),
  );
  // Mostly after the batch finished (its output is written), sometimes while it runs (killed).
  const afterMs = c.pick(4, [250, 400, 600, 800, 20]);
  const crashMs = batchMs + afterMs;
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(5),
    streaming: editedStreaming(
      PRESET,
      {},
      { faults: [{ atMs: crashMs, kind: 'driverCrash', restartAfterMs }] },
    ),
  };
  const played = playStreaming(frame);
  const { run, tickMs, durationMs } = played;
  const sink = played.node(sinkId);
  const recovery = run.recoveries[0];
  if (!recovery?.recovered) return null;
  const reruns = run.batches.filter((b) => b.attempt > 1);
  if (reruns.some((b) => b.endMs === null)) return null;
  const runToMs = tickCeil(Math.max(...reruns.map((b) => b.endMs!)), tickMs);
  if (runToMs > durationMs) return null;
  const crashed = run.batches.find((b) => b.timeMs === batchMs && b.attempt === 1);
  if (!crashed) return null;
  const crashTick = tickCeil(crashMs, tickMs);
  const status = batchStatus(crashed, crashMs);
  if (status !== 'done' && status !== 'killed') return null;
  const wrote = crashed.outputs.find((o) => o.node === sink.index)?.written?.length ?? 0;
  if (wrote === 0) return null;
  const ledger = sinkLedger(run, sink.index, 'atLeastOnce', runToMs);
  const dup = ledger.writes.filter((w) => w.fate === 'duplicate');
  const prompt =
    `Stateful-streams scenario (seed ${frame.seed}): a checkpoint directory is set, so the driver writes a metadata checkpoint each time it generates a batch. ` +
    `The sink ${sinkId} writes ${sinkId === 'saveTotals' ? 'the whole state of updateStateByKey' : 'one element per record from mapWithState'} each batch, at least once. ` +
    `The driver crashes at ${secs(crashMs)}, ` +
    (status === 'done'
      ? `after the batch at ${secs(batchMs)} finished (at ${secs(crashed.endMs!)}) and wrote ${plural(wrote, 'element')} to ${sinkId}`
      : `while the batch at ${secs(batchMs)} is still running (it would have written ${plural(wrote, 'element')})`) +
    `; it comes back at ${secs(recovery.restartMs)}. How many duplicate elements will ${sinkId} hold once recovery has re-run its batches?`;
  const explanation =
    `The new driver recovered from checkpoint-${recovery.checkpointMs}, written when the batch at ${secs(recovery.checkpointMs ?? 0)} was generated: ` +
    `it listed as pending (not yet complete) ${recovery.pendingTimes.map(secs).join(', ') || 'nothing'}, and the down time added ${recovery.downTimes.map(secs).join(', ') || 'nothing'}. ` +
    (dup.length > 0
      ? `Re-running ${dup.map((w) => secs(w.batchTimeMs)).join(', ')}, whose output had already been written, wrote ${plural(ledger.duplicates, 'element')} a second time. `
      : `${status === 'killed' ? `The batch at ${secs(batchMs)} was killed before writing, so its re-run wrote it once. ` : ''}No re-run batch had written before the crash, so nothing was written twice. `) +
    'An idempotent or transactional sink would hold no duplicates.';
  return {
    prompt,
    frame: { ...frame, timeMs: crashTick },
    runToMs,
    answer: { kind: 'numeric', answer: ledger.duplicates, unit: 'elements' },
    explanation,
  };
}

export const checkpointingTemplates: readonly PredictTemplate[] = [duplicates];
