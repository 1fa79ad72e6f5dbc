/**
 * Checkpointing and delivery guarantees: after a driver crash, Spark Streaming re-runs the batches its
 * last metadata checkpoint listed as pending, plus those of its down time.
 * - An at-least-once sink writes a re-run batch again: what that batch had written before the crash
 *   is now there twice.
 * - Which batches the restarted driver runs before its timer's first new batch: the checkpoint's
 *   pending times (even those that finished after it was written) and every batch time from the
 *   checkpoint's own up to the restart.
 */
import { batchStatus, type MetadataCheckpoint, sinkLedger } from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, frameSimulation, plural, presetScenario, secs } from './frame';
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
    `Stateful-streams scenario (seed ${frame.seed}): a checkpoint directory is set, so the driver writes a metadata checkpoint each time it generates a batch, and rewrites it when that batch completes. ` +
    `The sink ${sinkId} writes ${sinkId === 'saveTotals' ? 'the whole state of updateStateByKey' : 'one element per record from mapWithState'} each batch, at least once. ` +
    `The driver crashes at ${secs(crashMs)}, ` +
    (status === 'done'
      ? `after the batch at ${secs(batchMs)} finished (at ${secs(crashed.endMs!)}) and wrote ${plural(wrote, 'element')} to ${sinkId}`
      : `while the batch at ${secs(batchMs)} is still running (it would have written ${plural(wrote, 'element')})`) +
    `; it comes back at ${secs(recovery.restartMs)}. How many duplicate elements will ${sinkId} hold once recovery has re-run its batches?`;
  const explanation =
    `The new driver recovered from checkpoint-${recovery.checkpointMs}, ${writtenText(run.metadataCheckpointAt(recovery.checkpointMs ?? 0, crashMs))}: ` +
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

const recoveredBatches: PredictTemplate = {
  id: 'driver-recovery-batches',
  topic: 'checkpointing',
  kind: 'predict',
  title: 'Which batches does the restarted driver run from its checkpoint?',
  hint: 'The new driver knows only its latest metadata checkpoint: the batches it listed as pending, and the time it was written. Which batch times has nobody generated since?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 16 && !found; attempt++) found = recoveryAttempt(seed, attempt);
    if (!found) throw new Error(`driver-recovery-batches: no usable crash for seed ${seed}`);
    return found;
  },
};

const RECOVERY_PRESETS: Record<string, string> = {
  'stateful-streams': 'Stateful-streams',
  'receiver-wordcount': 'Receiver-wordcount',
};

/** Per-record costs that make about one batch in two take longer than the batch interval. */
const SLOW_PER_RECORD_MS: Record<string, readonly number[]> = {
  'stateful-streams': [500, 700],
  'receiver-wordcount': [350, 450],
};

const timesText = (ts: readonly number[]) =>
  ts.length === 0
    ? 'none'
    : ts.length === 1
      ? secs(ts[0]!)
      : `${ts.slice(0, -1).map(secs).join(', ')} and ${secs(ts.at(-1)!)}`;
const sorted = (ts: Iterable<number>) => [...new Set(ts)].sort((a, b) => a - b);

function recoveryAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(recoveredBatches.id, seed, attempt);
  const preset = c.pick(1, Object.keys(RECOVERY_PRESETS));
  const own = presetScenario(preset);
  const B = own.streaming!.batchIntervalMs;
  const restartAfterMs = c.pick(2, [1000, 2000, 3000, 5000]);
  // Sometimes slow jobs, so that batches queue and several are pending at a checkpoint.
  const perRecordMs = c.pick(7, [null, null, ...SLOW_PER_RECORD_MS[preset]!]);
  // A crash in the first 20 s or so: the run before it is all the question needs, and cheap to play.
  const batchMs = B * (3 + c.int(3, Math.floor(Math.min(own.durationMs - 12000, 20000) / B) - 3));
  const crashMs = batchMs + c.pick(4, [0.02, 0.25, 0.4, 0.6, 0.8]) * B;
  const frame: FrameRef = {
    scenario: preset,
    seed: c.simSeed(5),
    streaming: editedStreaming(
      preset,
      {},
      {
        ...(perRecordMs === null ? {} : { perRecordMs }),
        faults: [{ atMs: crashMs, kind: 'driverCrash', restartAfterMs }],
      },
    ),
  };
  // The restarted driver schedules every recovered batch (and its times) as soon as it is back.
  const sim = frameSimulation(frame);
  const { tickMs, durationMs } = sim.scenario.spec;
  sim.seekTime(crashMs + restartAfterMs + 2 * B);
  const run = sim.streaming()!;
  const r = run.recoveries[0];
  if (!r?.recovered || r.checkpointMs === null || r.pendingTimes.length > 4) return null;
  const reruns = run.batches.filter((b) => b.attempt > 1);
  if (reruns.length === 0 || reruns.some((b) => b.endMs === null)) return null;
  const runToMs = tickCeil(Math.max(...reruns.map((b) => b.endMs!)), tickMs);
  if (runToMs > durationMs) return null;
  // JobGenerator.restart: timesToReschedule = (pendingTimes ++ downTimes).distinct.sorted, where
  // downTimes = checkpointTime.until(restartTime, batchDuration) and restartTime is
  // RecurringTimer.getRestartTime, the first batch time after the driver is back.
  const right = sorted([...r.pendingTimes, ...r.downTimes].filter((t) => t < r.restartMs));
  const engine = sorted(reruns.map((b) => b.timeMs));
  if (right.join() !== engine.join())
    throw new Error(
      `driver-recovery-batches: the engine re-ran ${engine.join()}, JobGenerator.restart says ${right.join()}`,
    );
  const first = (t: number) => run.batches.find((b) => b.timeMs === t && b.attempt === 1);
  const doneAtCrash = r.pendingTimes.filter((t) => {
    const b = first(t);
    return b !== undefined && b.endMs !== null && b.endMs <= r.crashMs;
  });
  const unfinished = r.killed.map((i) => run.batches[i]!.timeMs);
  const afterCrash = right.filter((t) => t > r.crashMs);
  const answer: ChoiceOption = {
    text: timesText(right),
    why: `Right: the checkpoint's pending batches (${timesText(r.pendingTimes)}) and every batch time from the checkpoint's own, ${secs(r.checkpointMs)}, up to the restart at ${secs(r.restartMs)}.`,
  };
  const distractors: ChoiceOption[] = [
    {
      text: timesText(sorted([...unfinished, ...afterCrash])),
      why: `The new driver cannot see which batches finished: it trusts the checkpoint's pending list${doneAtCrash.length > 0 ? `, which still names ${timesText(doneAtCrash)} although it had finished before the crash` : ''}, and starts the down time at the checkpoint's own time.`,
    },
    {
      text: timesText(sorted(r.pendingTimes)),
      why: `The pending batches are only part of it: the driver also generates every batch time it missed, from ${secs(r.checkpointMs)} up to the restart at ${secs(r.restartMs)}.`,
    },
    {
      text: timesText(sorted([...right, r.restartMs])),
      why: `The batch of ${secs(r.restartMs)} is the timer's first new batch, not a recovered one: the down time stops before the restart time.`,
    },
    {
      text: timesText(afterCrash),
      why: 'Batches generated before the crash but not completed are lost with the driver; the ones its checkpoint listed as pending are run again too.',
    },
  ];
  let arranged: ReturnType<typeof arrange<ChoiceOption>>;
  try {
    arranged = arrange(answer, distractors, c.int(6, 4));
  } catch {
    return null;
  }
  const status = (t: number) => {
    const b = first(t);
    if (!b) return `${secs(t)} not generated`;
    if (batchStatus(b, r.crashMs) === 'done') return `${secs(t)} finished at ${secs(b.endMs!)}`;
    return `${secs(t)} ${b.startMs !== null && b.startMs <= r.crashMs ? 'running' : 'queued'}`;
  };
  // JobGenerator.generateJobs posts DoCheckpoint(time) as it generates each batch, so a checkpoint lists
  // its own batch as pending until clearMetadata rewrites it at the batch's completion;
  // RecurringTimer.getRestartTime: "a multiple of this timer's period and more than current time".
  const prompt =
    `${RECOVERY_PRESETS[preset]} scenario (seed ${frame.seed}): batches every ${secs(B)}, with a checkpoint directory. The driver crashes at ${secs(r.crashMs)}. ` +
    `Its latest metadata checkpoint, checkpoint-${r.checkpointMs}, was ${writtenText(run.metadataCheckpointAt(r.checkpointMs, r.crashMs))} and lists as pending: ${timesText(r.pendingTimes)}. ` +
    (r.pendingTimes.length > 0 ? `At the crash: ${r.pendingTimes.map(status).join('; ')}. ` : '') +
    `The driver is back at ${secs(r.crashMs + restartAfterMs)} and restarts its timer at the next batch time after that. ` +
    'Which batch times will it run from the checkpoint, before its timer’s first new batch?';
  const explanation =
    `It recovered from checkpoint-${r.checkpointMs} and restarted its timer at ${secs(r.restartMs)}. It re-ran the pending ${timesText(r.pendingTimes)}` +
    `${doneAtCrash.length > 0 ? ` (${timesText(doneAtCrash)} had finished before the crash, but the checkpoint was written before that)` : ''}, ` +
    `and generated the down time, from the checkpoint's time up to the restart: ${timesText(r.downTimes)}. Without repeats, ${timesText(right)}. ` +
    'A batch that finished after the checkpoint was written runs again, which is why outputs must be idempotent or transactional for exactly-once results.';
  return {
    prompt,
    frame: { ...frame, timeMs: tickCeil(r.crashMs, tickMs) },
    runToMs,
    answer: { kind: 'choice', options: arranged.options, answer: arranged.answer },
    explanation,
  };
}

export const checkpointingTemplates: readonly PredictTemplate[] = [duplicates, recoveredBatches];

/**
 * Which version of checkpoint-<t> the new driver read: JobGenerator writes it when it generates
 * batch t (DoCheckpoint(time, false)) and again when batch t completes (clearMetadata → DoCheckpoint(time, true)).
 */
function writtenText(c: MetadataCheckpoint | null): string {
  if (!c) return 'missing';
  return c.written === 'completed'
    ? `rewritten when the batch of ${secs(c.timeMs)} completed, at ${secs(c.writtenAtMs)}`
    : `written when the batch of ${secs(c.timeMs)} was generated`;
}
