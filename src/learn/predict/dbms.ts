/**
 * DBMS vs stream processing: a database answers once, from the rows stored when it is asked (the
 * `readings` table holds the tuples that have arrived by then), while a continuous query updates its
 * result as each tuple arrives. The same one-shot query asked again later may give another answer,
 * even about the past, because tuples that happened earlier may still be on their way.
 */
import type { Simulation } from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, arrivedBy, chooser, frameSimulation, plural, range, secs, tuplesAt } from './frame';

const NAMES: Record<string, string> = {
  'three-kinds': 'Three-sources',
  watermarks: 'Watermarks',
};
const PRESETS = Object.keys(NAMES);

/** The Database pane's starting query and the continuous query beside it (viz/eventtime/DbmsVsStream). */
const DB_SQL = 'SELECT key, COUNT(*) AS n, AVG(value) AS avg FROM readings GROUP BY key ORDER BY key';
const STREAM_SQL = 'SELECT key, COUNT(*) AS n, AVG(value) AS avg FROM STREAM readings GROUP BY key';

/** "The phone app is offline from 20.0 s to 32.0 s." for each offline period of the run, or "". */
function offlineNote(sim: Simulation): string {
  return sim.scenario.producers
    .flatMap((p) =>
      p.spec.offline.map((o) => ` ${p.spec.label} is offline from ${secs(o.fromMs)} to ${secs(o.toMs)}.`),
    )
    .join('');
}

const staleAnswer: PredictTemplate = {
  id: 'dbms-stale-answer',
  topic: 'dbms-vs-streams',
  kind: 'predict',
  title: 'What do the database answer and the continuous query show later?',
  hint: 'Which of the two is computed once, when you ask, and which is updated by every tuple that arrives? A tuple is counted only once it has arrived.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = staleAttempt(seed, attempt);
    if (!found) throw new Error(`dbms-stale-answer: no usable key and moments for seed ${seed}`);
    return found;
  },
};

function staleAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(staleAnswer.id, seed, attempt);
  const preset = c.pick(1, PRESETS);
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(2) };
  const sim = frameSimulation(frame);
  const { durationMs } = sim.scenario.spec;
  const producers = sim.scenario.producers.map((p) => p.spec);
  const keyed = producers.flatMap((p, i) => p.keys.map((key) => ({ key, producer: i })));
  const { key, producer } = c.pick(3, keyed);
  const afterMs = c.pick(5, [3000, 4000, 5000, 6000, 8000]);
  const atMs = c.pick(4, range(5000, durationMs - afterMs - 2000, 500));
  const laterMs = atMs + afterMs;
  const all = tuplesAt(sim, laterMs);
  const mine = all.filter((t) => t.key === key && t.producerIndex === producer && !t.dropped);
  const n = mine.filter((t) => arrivedBy(t, atMs)).length;
  const m = mine.filter((t) => arrivedBy(t, laterMs)).length;
  // Tuples of the key that have happened by the later moment, arrived or not.
  const h = mine.filter((t) => t.eventTimeMs <= laterMs).length;
  if (n === 0 || m - n < 2) return null;
  const spec = producers[producer]!;
  const label = spec.label;
  const both = (db: number, stream: number) =>
    `Your answer says n = ${db}; the continuous query says n = ${stream}`;
  const right: ChoiceOption = {
    text: both(n, m),
    why: `Right: your answer is a snapshot of the rows stored at ${secs(atMs)} and stays ${n} until you run the query again; the continuous query counted each of the ${m - n} tuples with key \`${key}\` that arrived by ${secs(laterMs)}.`,
  };
  const wrong: ChoiceOption[] = [
    {
      text: both(m, m),
      why: `A database answers once, when asked: the ${m - n} rows stored after ${secs(atMs)} are in \`readings\`, but your answer is not recomputed until you run the query again.`,
    },
    {
      text: both(n, n),
      why: `A continuous query is not waiting to be asked: it updates its result as each tuple arrives, so it counted the ${m - n} that arrived after ${secs(atMs)}.`,
    },
    h > m
      ? {
          text: both(n, h),
          why: `${h} tuples with key \`${key}\` had happened by ${secs(laterMs)}, but ${h - m} of them ${h - m === 1 ? 'was' : 'were'} still on their way: a stream processor counts a tuple when it arrives, not when it happens.`,
        }
      : {
          text: both(m, n),
          why: 'That is the other way round: the database answer is the one computed once, and the continuous query the one that moves with every tuple.',
        },
  ];
  const { options, answer } = arrange(right, wrong, c.int(6, 4));
  const prompt =
    `${NAMES[preset]} scenario (seed ${frame.seed}): at ${secs(atMs)} you press Run query in the Database pane with ` +
    `\`${DB_SQL}\`. In its answer key \`${key}\` (sent by ${label}, about ${spec.ratePerSec} tuples a second` +
    `${spec.keys.length > 1 ? ` spread over ${spec.keys.length} keys` : ''}) has n = ${n}, as in the continuous query \`${STREAM_SQL}\` beside it.` +
    `${offlineNote(sim)} You do not run the query again. At ${secs(laterMs)}, what n will each of them show for \`${key}\`?`;
  const explanation =
    `Between ${secs(atMs)} and ${secs(laterMs)}, ${m - n} tuples with key \`${key}\` arrived and were stored as rows of \`readings\`. ` +
    `The database's answer was computed once, from the ${n} rows stored at ${secs(atMs)}: it still says ${n} (stamped ${secs(atMs)}) until you ask again. ` +
    `The continuous query is registered once and updated by every arriving tuple, so it says ${m}` +
    `${h > m ? `; ${plural(h - m, 'tuple that had', 'tuples that had')} happened by then but not arrived ${h - m === 1 ? 'is' : 'are'} not counted by either yet` : ''}.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: laterMs,
    answer: { kind: 'choice', options, answer },
    explanation,
  };
}

const rerunPast: PredictTemplate = {
  id: 'dbms-rerun-past',
  topic: 'dbms-vs-streams',
  kind: 'predict',
  title: 'What does the same query about the past return when asked again?',
  hint: 'The query filters on event time, when a tuple happened. A database counts the rows stored when it is asked; which tuples that happened before the first moment were not stored yet?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = rerunAttempt(seed, attempt);
    if (!found) throw new Error(`dbms-rerun-past: no usable moments for seed ${seed}`);
    return found;
  },
};

function rerunAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(rerunPast.id, seed, attempt);
  const preset = c.pick(1, PRESETS);
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(2) };
  const sim = frameSimulation(frame);
  const { durationMs, tickMs } = sim.scenario.spec;
  const afterMs = c.pick(4, [4000, 5000, 6000, 8000]);
  const atMs = c.pick(3, range(4000, durationMs - afterMs - 2000, 500));
  sim.seekTime(atMs);
  const then = sim.frame();
  // Arrivals up to 15 s on: the second run is at most that much later.
  const all = tuplesAt(sim, Math.min(durationMs, atMs + 15000));
  // What had happened by `atMs` (event time up to it) but was not stored yet: in flight or buffered.
  const pending = all.slice(0, then.created).filter((t) => !t.dropped && !arrivedBy(t, atMs));
  if (pending.length === 0 || pending.some((t) => t.arrivalTimeMs === null)) return null;
  const lastMs = Math.max(...pending.map((t) => t.arrivalTimeMs!));
  const laterMs = Math.max(atMs + afterMs, Math.ceil(lastMs / 1000) * 1000);
  if (laterMs > durationMs || laterMs - atMs > 15000 || laterMs % tickMs !== 0) return null;
  const stored = then.arrived;
  const matching = all.filter((t) => t.eventTimeMs <= atMs && arrivedBy(t, laterMs)).length;
  if (matching !== stored + pending.length) return null;
  const newer = all.filter((t) => t.eventTimeMs > atMs && arrivedBy(t, laterMs)).length;
  const held = pending.filter((t) => t.sentTimeMs === null || t.sentTimeMs > atMs).length;
  const holder = sim.scenario.producers.find((p) =>
    p.spec.offline.some((o) => o.fromMs <= atMs && atMs < o.toMs),
  )?.spec;
  if (held > 0 && !holder) return null;
  const heldText =
    held > 0 && holder
      ? `, and ${holder.label}, offline until ${secs(holder.offline.find((o) => o.fromMs <= atMs && atMs < o.toMs)!.toMs)}, holds ${plural(held, 'more tuple')} it has recorded`
      : '';
  const prompt =
    `${NAMES[preset]} scenario (seed ${frame.seed}): at ${secs(atMs)} the table \`readings\` holds ${plural(stored, 'row')}, one per tuple that has arrived. ` +
    `You run \`SELECT COUNT(*) FROM readings WHERE event_time <= ${atMs}\` (everything that happened up to ${secs(atMs)}) and it returns ${stored}. ` +
    `At that moment ${plural(pending.length - held, 'tuple is', 'tuples are')} on their way to the processor${heldText}. ` +
    `At ${secs(laterMs)} you run the same query again. What does it return?`;
  const explanation =
    `It returns ${matching}. The query asks about event time, but a database can only count the rows stored when it runs. ` +
    `The ${plural(pending.length, 'tuple')} that had happened by ${secs(atMs)} without having arrived ` +
    `${held > 0 ? `(${held} of them held while the source was offline) ` : ''}${pending.length === 1 ? 'was' : 'were'} stored later, the last at ${secs(lastMs)}, so the second run counts them: ` +
    `${stored} + ${pending.length} = ${matching}. The ${plural(newer, 'tuple')} that happened after ${secs(atMs)} and arrived by ${secs(laterMs)} do not match the condition. ` +
    'Each one-shot answer is a snapshot of what had arrived; a stream processor instead updates its result for that span as each late tuple arrives.';
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: laterMs,
    answer: { kind: 'numeric', answer: matching, unit: 'rows' },
    explanation,
  };
}

export const dbmsTemplates: readonly PredictTemplate[] = [staleAnswer, rerunPast];
