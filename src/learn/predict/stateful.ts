/**
 * Stateful streams: for which keys mapWithState's function runs in a batch (once per record of a key
 * in the batch, plus a last call for idle keys timing out — only in checkpointed batches), and how
 * many calls updateStateByKey makes (once per key with state or new values, every batch).
 */
import { type StateStep, valueKey } from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, plural, secs } from './frame';
import {
  editedStreaming,
  keyCounts,
  type PlayedStreaming,
  pairsAt,
  playStreaming,
  tickCeil,
} from './streamingRun';

const PRESET = 'stateful-streams';

/** "ana ×2, eve ×1; kim, lee timing out" — calls of a stateful function, keys sorted. */
export function callsText(
  records: readonly (readonly [string, number])[],
  timeouts: readonly string[],
): string {
  const sorted = [...records].sort((a, b) => a[0].localeCompare(b[0]));
  const parts = sorted.map(([k, n]) => `${k} ×${n}`).join(', ');
  const out = [...timeouts].sort();
  if (parts === '' && out.length === 0) return 'no calls at all';
  if (out.length === 0) return parts;
  return `${parts === '' ? 'no records' : parts}; ${out.join(', ')} timing out`;
}

/** The calls of a state step as (key, record calls) and timed-out keys. */
export function callsOf(step: StateStep): { records: [string, number][]; timeouts: string[] } {
  const records = keyCounts(step.calls.filter((x) => x.reason === 'record').map((x) => [x.key, 0] as const));
  const timeouts = step.calls.filter((x) => x.reason === 'timeout').map((x) => String(x.key));
  return { records, timeouts };
}

/** Candidate batch times: finished well before the end, with a state step before them. */
function batchTimes(played: PlayedStreaming, nodeId: string): number[] {
  const { run, tickMs, durationMs } = played;
  const node = played.node(nodeId);
  return run.batches
    .filter((b) => b.timeMs >= 2000 && b.endMs !== null && b.endMs <= durationMs - tickMs)
    .map((b) => b.timeMs)
    .filter((t) => run.stateAt(node.index, t) && run.stateAt(node.index, t - run.spec.batchIntervalMs));
}

function stateText(step: StateStep, withTimes: boolean): string {
  return [...step.state.values()]
    .map((e) => `${String(e.key)} ${e.value}${withTimes ? ` (updated ${secs(e.updatedAtMs)})` : ''}`)
    .join(', ');
}

const mapWithStateCalls: PredictTemplate = {
  id: 'mapwithstate-calls',
  topic: 'stateful',
  kind: 'predict',
  title: 'For which keys does mapWithState call its function?',
  hint: 'mapWithState runs its function once per record of the batch; idle keys get one last call when they time out, and timeouts are only checked in checkpointed batches.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = mapAttempt(seed, attempt);
    if (!found) throw new Error(`mapwithstate-calls: no usable batch for seed ${seed}`);
    return found;
  },
};

function mapAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(mapWithStateCalls.id, seed, attempt);
  const timeoutMs = c.pick(1, [2000, 3000, 4000, 6000]);
  const rate = c.pick(2, [1, 1, 1.5]);
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(3),
    streaming: editedStreaming(PRESET, { sessions: { timeoutMs } }),
    ...(rate === 1 ? {} : { rate }),
  };
  const played = playStreaming(frame);
  const { run } = played;
  const B = run.spec.batchIntervalMs;
  const node = played.node('sessions');
  const ones = played.node('ones');
  const idleBefore = (t: number) =>
    [...run.stateAt(node.index, t - B)!.state.values()].filter((e) => e.updatedAtMs < t - timeoutMs);
  const times = batchTimes(played, 'sessions').filter((t) => pairsAt(run, ones, t).length > 0);
  // Checkpointed batches where keys time out, and ordinary batches with idle keys that do not (yet).
  const timingOut = times.filter((t) => run.stateAt(node.index, t)!.timedOut.length > 0);
  const idleOnly = times.filter((t) => !run.isCheckpointTime(node, t) && idleBefore(t).length > 0);
  const pool = c.int(4, 2) === 0 && timingOut.length > 0 ? timingOut : idleOnly.length > 0 ? idleOnly : times;
  if (pool.length === 0) return null;
  const t = c.pick(5, pool);
  const step = run.stateAt(node.index, t)!;
  const prev = run.stateAt(node.index, t - B)!;
  const batch = keyCounts(pairsAt(run, ones, t));
  const { records, timeouts } = callsOf(step);
  const checkpointed = run.isCheckpointTime(node, t);
  const idle = idleBefore(t).map((e) => String(e.key));
  const stateKeys = [
    ...new Set([...[...prev.state.values()].map((e) => String(e.key)), ...batch.map(([k]) => k)]),
  ];
  const answer: ChoiceOption = {
    text: callsText(records, timeouts),
    why: `Right: one call per record in the batch${timeouts.length > 0 ? `, and a last call for each key idle longer than ${secs(timeoutMs)}, because this batch's state is checkpointed` : ''}.`,
  };
  const distractors: ChoiceOption[] = [
    {
      text: callsText(
        stateKeys.map((k): [string, number] => [k, 1]),
        [],
      ),
      why: 'Once for every key with state is updateStateByKey’s behaviour. mapWithState touches only the keys in the batch (and keys timing out).',
    },
    {
      text: callsText(
        records.map(([k]): [string, number] => [k, 1]),
        timeouts,
      ),
      why: 'mapWithState calls its function once per record, not once per key: a key with two clicks in the batch gets two calls, the second seeing the first one’s update.',
    },
    timeouts.length > 0
      ? {
          text: callsText(records, []),
          why: `This batch's state RDD is checkpointed, so mapWithState scans the whole state: keys idle longer than ${secs(timeoutMs)} get a last call (State.isTimingOut) and are removed.`,
        }
      : {
          text: callsText(records, idle),
          why: `Idle keys time out only in a batch whose state is checkpointed (every ${secs(node.checkpointIntervalMs ?? 0)}); this one is not, so ${idle.join(', ') || 'no key'} wait${idle.length === 1 ? 's' : ''}.`,
        },
    {
      text: callsText(
        batch.filter(([k]) => !prev.state.has(valueKey(k))),
        timeouts,
      ),
      why: 'Not only new keys: every record of the batch calls the function, whether or not its key already has state.',
    },
  ];
  const { options, answer: index } = arrange(answer, distractors, c.int(6, 4));
  const prompt =
    `Stateful-streams scenario (seed ${frame.seed}${rate === 1 ? '' : `, clicks at ×${rate}`}): sessions = ones.mapWithState(` +
    `StateSpec.function(runningCount).timeout(Seconds(${timeoutMs / 1000}))), batches every ${secs(B)}, its state checkpointed every ${secs(node.checkpointIntervalMs ?? 0)}. ` +
    `State after the batch at ${secs(t - B)}: ${stateText(prev, true)}. The batch at ${secs(t)} read ${batch.map(([k, n]) => `${k} ×${n}`).join(', ')}; ` +
    `its state ${checkpointed ? 'is' : 'is not'} checkpointed. For which keys will the mapping function be called in this batch, and how often?`;
  const explanation =
    `In the batch at ${secs(t)} the function was called ${plural(step.calls.length, 'time')}: ${callsText(records, timeouts)}. ` +
    `mapWithState calls it once per record, only for keys in the batch` +
    (checkpointed
      ? `; this batch's state was checkpointed, so idle keys (not updated since ${secs(t - timeoutMs)}) ${timeouts.length > 0 ? `got their last call and were removed: ${timeouts.join(', ')}` : 'would have timed out, but there were none'}.`
      : `; idle keys${idle.length > 0 ? ` (${idle.join(', ')})` : ''} wait for the next checkpointed batch to time out.`) +
    ' updateStateByKey would have called its function for every key with state.';
  return {
    prompt,
    frame: { ...frame, timeMs: t },
    runToMs: tickCeil(run.batchAt(t)!.endMs!, played.tickMs),
    answer: { kind: 'choice', options, answer: index },
    explanation,
  };
}

const FN_LABEL = {
  runningCount: 'a running count: Some(state.getOrElse(0L) + values.size)',
  sumWhileActive: 'a sum that forgets a key with no new values: if (values.isEmpty) None else …',
} as const;

const updateCalls: PredictTemplate = {
  id: 'updatestatebykey-calls',
  topic: 'stateful',
  kind: 'predict',
  title: 'How many times does updateStateByKey call its function?',
  hint: 'updateStateByKey cogroups the batch with the state: its function runs once per key that has state or new values — in every batch.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = updateAttempt(seed, attempt);
    if (!found) throw new Error(`updatestatebykey-calls: no usable batch for seed ${seed}`);
    return found;
  },
};

function updateAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(updateCalls.id, seed, attempt);
  const fn = c.pick(1, ['runningCount', 'runningCount', 'sumWhileActive'] as const);
  const rate = c.pick(2, [0.5, 1, 1, 1.5]);
  const frame: FrameRef = {
    scenario: PRESET,
    seed: c.simSeed(3),
    streaming: editedStreaming(PRESET, { totals: { fn } }),
    ...(rate === 1 ? {} : { rate }),
  };
  const played = playStreaming(frame);
  const { run } = played;
  const B = run.spec.batchIntervalMs;
  const node = played.node('totals');
  const ones = played.node('ones');
  const candidates = batchTimes(played, 'totals').filter((t) => {
    const calls = run.stateAt(node.index, t)!.calls.length;
    const batch = keyCounts(pairsAt(run, ones, t));
    const records = batch.reduce((n, [, k]) => n + k, 0);
    // Meaningful: neither "once per key in the batch" nor "once per record" gives the answer.
    return calls !== batch.length && calls !== records;
  });
  if (candidates.length === 0) return null;
  const early = candidates.filter((t) => t <= 6000);
  const t = c.pick(4, early.length > 0 && c.int(5, 3) === 0 ? early : candidates);
  const step = run.stateAt(node.index, t)!;
  const prev = run.stateAt(node.index, t - B)!;
  const batch = keyCounts(pairsAt(run, ones, t));
  const withValues = step.calls.filter((x) => x.reason === 'newValues').map((x) => String(x.key));
  const without = step.calls.filter((x) => x.reason === 'noNewValues').map((x) => String(x.key));
  const removed = step.calls.filter((x) => x.before !== null && x.after === null).map((x) => String(x.key));
  const prompt =
    `Stateful-streams scenario (seed ${frame.seed}${rate === 1 ? '' : `, clicks at ×${rate}`}): totals = ones.updateStateByKey(update) ` +
    `with ${FN_LABEL[fn]}, batches every ${secs(B)}. State after the batch at ${secs(t - B)}: ${prev.state.size === 0 ? 'empty' : stateText(prev, false)}. ` +
    `The batch at ${secs(t)} read ${batch.length === 0 ? 'no clicks' : batch.map(([k, n]) => `${k} ×${n}`).join(', ')}. ` +
    'How many times will the update function be called in this batch?';
  const explanation =
    `updateStateByKey called its function ${plural(step.calls.length, 'time')}: once for each key with new values (${withValues.join(', ') || 'none'}) ` +
    `and once for each key with state but nothing new (${without.join(', ') || 'none'}), which gets an empty Seq. ` +
    (removed.length > 0 ? `Returning None removed ${removed.join(', ')} from the state. ` : '') +
    'It runs for every key in every batch, so its cost grows with the state, not with the batch; mapWithState would have run once per record.';
  return {
    prompt,
    frame: { ...frame, timeMs: t },
    runToMs: tickCeil(run.batchAt(t)!.endMs!, played.tickMs),
    answer: { kind: 'numeric', answer: step.calls.length, unit: 'calls' },
    explanation,
  };
}

export const statefulTemplates: readonly PredictTemplate[] = [mapWithStateCalls, updateCalls];
