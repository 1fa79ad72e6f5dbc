/**
 * Kafka's partitioned log:
 * - which partition a keyed record is appended to. The answer is the engine's default partitioner
 *   (murmur2 of the key, made positive, modulo the partition count), checked against the run: the
 *   record must really be appended there;
 * - where a partition's log ends once the records on their way have been appended: each partition
 *   numbers its own records, so only the records whose key belongs to it move its log end offset.
 */
import { murmur2, partitionForKey, type Simulation, type TupleView, toPositive } from '../../engine';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, frameSimulation, plural, secs, traceSince } from './frame';
import { ownedText } from './groups';

const NAMES: Record<string, string> = {
  'kafka-failover': 'Kafka failover',
  'kafka-min-isr': 'Kafka min-ISR',
  'dstream-windows': 'DStream windows',
  'stateful-streams': 'Stateful streams',
};

export const partitionText = (p: number) => `partition ${p}`;
export const ROUND_ROBIN_TEXT = 'whichever partition is next in turn: keyed records are spread round-robin';

const keyPartition: PredictTemplate = {
  id: 'kafka-key-partition',
  topic: 'kafka-log',
  kind: 'predict',
  title: 'Which partition does this record go to?',
  hint: 'A keyed record’s partition depends only on its key and the number of partitions. Where did earlier records with the same key go?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 48 && !found; attempt++) found = attemptAt(seed, attempt);
    if (!found) throw new Error(`kafka-key-partition: no usable record for seed ${seed}`);
    return found;
  },
};

function attemptAt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(keyPartition.id, seed, attempt);
  const preset = c.pick(1, Object.keys(NAMES));
  const rate = c.pick(2, [1, 1, 1.5, 2]);
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(3), ...(rate === 1 ? {} : { rate }) };
  const sim = frameSimulation(frame);
  const { tickMs, durationMs } = sim.scenario.spec;
  const n = sim.scenario.spec.delivery!.partitions;
  const atMs = Math.round((2000 + c.int(4, durationMs - 5000)) / tickMs) * tickMs;
  sim.seekTime(atMs);
  const tick = sim.tick;
  const onWay = sim
    .pending()
    .map((id) => sim.tuple(id)!)
    .filter((t) => t.status === 'inFlight' && sim.scenario.producers[t.producerIndex]!.spec.keyed);
  if (onWay.length === 0) return null;
  const tuple = c.pick(5, onWay);
  // Earlier records with this key, and where they went (what the broker view shows by now).
  const earlier = sim
    .traceRange(0, sim.frame().traceLength)
    .filter((e) => e.kind === 'appended' && sim.tuple(e.tupleId)!.key === tuple.key);
  sim.seek(sim.lastTick);
  const arrival = sim.tuple(tuple.id)!.arrivalTimeMs;
  if (arrival === null || arrival > durationMs) return null;
  sim.seek(tick);
  const runToTick = Math.ceil(arrival / tickMs);
  sim.seek(runToTick);
  const appended = traceSince(sim, tick).find((e) => e.kind === 'appended' && e.tupleId === tuple.id);
  if (!appended) return null; // refused (no leader, too few in-sync replicas): not this question
  const p = partitionForKey(tuple.key, n);
  if (appended.a !== p)
    throw new Error(`kafka-key-partition: engine appended to ${appended.a}, partitioner says ${p}`);
  const hash = murmur2(new TextEncoder().encode(tuple.key));
  const formula = `toPositive(murmur2("${tuple.key}")) mod ${n} = ${toPositive(hash)} mod ${n} = ${p}`;
  const answer: ChoiceOption = {
    text: partitionText(p),
    why: `Right: Kafka's default partitioner computes ${formula}. Every record with key ${tuple.key} goes there${earlier.length > 0 ? `, as the ${plural(earlier.length, 'earlier one')} did` : ''}.`,
  };
  const distractors: ChoiceOption[] = [];
  for (let q = 0; q < n; q++)
    if (q !== p)
      distractors.push({
        text: partitionText(q),
        why: `The partition comes from the key's hash: ${formula}, not ${q}. Load or the previous record's partition play no part.`,
      });
  if (n < 4)
    distractors.push({
      text: ROUND_ROBIN_TEXT,
      why: 'Only records without a key are spread (sticky or round-robin). A keyed record always goes to its key’s partition, which keeps each key’s records in order.',
    });
  const { options, answer: index } = arrange(answer, distractors, c.int(6, 4));
  const producer = sim.scenario.producers[tuple.producerIndex]!.spec.label;
  const prompt =
    `${NAMES[preset]} scenario (seed ${frame.seed}${rate === 1 ? '' : `, producers at ×${rate}`}): tuple #${tuple.id} from ${producer}, key ${tuple.key}, ` +
    `was sent at ${secs(tuple.sentTimeMs!)} and is on its way to the broker at ${secs(atMs)}. The topic has ${n} partitions; ` +
    `${earlier.length === 0 ? 'no record with this key has been appended yet' : `${plural(earlier.length, 'record')} with this key ${earlier.length === 1 ? 'has' : 'have'} been appended so far, to ${ownedText([...new Set(earlier.map((e) => e.a))].sort((a, b) => a - b))}`}. ` +
    'Which partition will this record be appended to?';
  const explanation =
    `It arrived at ${secs(arrival)} and was appended to partition ${p} at offset ${appended.b}. Kafka's default partitioner: ${formula}. ` +
    `The same key always gives the same partition (as long as the partition count does not change), so a key's records stay in order within one partition.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs, tuple: tuple.id },
    runToMs: runToTick * tickMs,
    answer: { kind: 'choice', options, answer: index },
    explanation,
  };
}

const logEnd: PredictTemplate = {
  id: 'kafka-log-end-offset',
  topic: 'kafka-log',
  kind: 'predict',
  title: 'Where will the partition’s log end once these records are appended?',
  hint: 'Each partition numbers its own records from 0, and a record gets its offset when the leader appends it. Which of the records on their way belong to this partition?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 24 && !found; attempt++) found = logEndAttempt(seed, attempt);
    if (!found) throw new Error(`kafka-log-end-offset: no usable moment for seed ${seed}`);
    return found;
  },
};

const LOG_END_RATES: Record<string, readonly number[]> = {
  'kafka-failover': [1, 1.5, 2, 3],
  'dstream-windows': [2, 3, 5],
};

/** A leadership change or truncation moves log ends by other rules (the replication topic's). */
const FAILOVER_KINDS = new Set(['brokerCrashed', 'brokerRestarted', 'leaderElected', 'truncated']);

interface Flight {
  readonly t: TupleView;
  readonly partition: number;
  readonly offset: number;
}

function logEndAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(logEnd.id, seed, attempt);
  const preset = c.pick(1, Object.keys(LOG_END_RATES));
  const rate = c.pick(2, LOG_END_RATES[preset]!);
  const frame: FrameRef = { scenario: preset, seed: c.simSeed(3), ...(rate === 1 ? {} : { rate }) };
  const sim = frameSimulation(frame);
  const { tickMs, durationMs } = sim.scenario.spec;
  // A moment in the first 17 s or so: cheap to play, and the logs already hold every key.
  const fromMs = Math.round((2000 + c.int(4, Math.min(durationMs - 7000, 12000))) / tickMs) * tickMs;
  const toMs = fromMs + 3000;
  sim.seekTime(toMs + 1000);
  // The tuples around the window (ids follow creation; nobody here is offline, so sent = created).
  const tuples: TupleView[] = [];
  for (let id = sim.frame().created - 1; id >= 0; id--) {
    const t = sim.tuple(id)!;
    if (t.eventTimeMs < fromMs - 3000) break;
    tuples.push(t);
  }
  tuples.reverse();
  const arrivedBy = (t: TupleView, ms: number) => t.arrivalTimeMs !== null && t.arrivalTimeMs <= ms;
  const moments: { atMs: number; onWay: TupleView[]; runToMs: number }[] = [];
  for (let atMs = fromMs; atMs < toMs; atMs += tickMs) {
    const onWay = tuples.filter((t) => t.sentTimeMs !== null && t.sentTimeMs <= atMs && !arrivedBy(t, atMs));
    if (onWay.length < 2 || onWay.some((t) => t.arrivalTimeMs === null)) continue;
    const runToMs = Math.ceil(Math.max(...onWay.map((t) => t.arrivalTimeMs!)) / tickMs) * tickMs;
    // Nothing sent later reaches the broker first: the answer is decided by what is on its way now.
    const later = tuples.some((t) => t.sentTimeMs! > atMs && arrivedBy(t, runToMs));
    if (!later && runToMs <= durationMs) moments.push({ atMs, onWay, runToMs });
  }
  const busy = moments.filter((m) => m.onWay.length >= 3);
  if (moments.length === 0) return null;
  const { atMs, onWay, runToMs } = c.pick(5, busy.length > 0 ? busy : moments);
  const flights: Flight[] = [];
  const keyPartition = new Map<string, number>();
  for (const t of onWay) {
    const appended = sim.traceForTuple(t.id).find((e) => e.kind === 'appended');
    if (!appended) return null; // refused: the replication topic's question
    flights.push({ t, partition: appended.a, offset: appended.b });
    // The key's partition is on show: an earlier record with it is in the log already.
    const earlier = tuples.find((u) => u.key === t.key && arrivedBy(u, atMs));
    const shown = earlier && sim.traceForTuple(earlier.id).find((e) => e.kind === 'appended');
    if (shown?.a !== appended.a) return null;
    keyPartition.set(t.key, appended.a);
  }
  const targets = [...new Set(flights.map((f) => f.partition))].sort((a, b) => a - b);
  // Rather a partition that only some of them go to (the others must be told apart), and more than one.
  const count = (q: number) => flights.filter((f) => f.partition === q).length;
  const partial = targets.filter((q) => count(q) < flights.length);
  const several = partial.filter((q) => count(q) >= 2);
  const p = c.pick(6, several.length > 0 ? several : partial.length > 0 ? partial : targets);
  const before = logEnds(sim, atMs);
  const tracedAt = sim.frame().traceLength;
  const after = logEnds(sim, runToMs);
  const between = sim.traceRange(tracedAt, sim.frame().traceLength);
  if (!before || !after || between.some((e) => FAILOVER_KINDS.has(e.kind))) return null;
  const mine = flights.filter((f) => f.partition === p).sort((a, b) => a.offset - b.offset);
  const answer = after[p]!;
  // Offsets are given out one by one as the leader appends: the new ones follow the old log end.
  if (answer !== before[p]! + mine.length || mine[0]!.offset !== before[p]) return null;
  const keysIn = (q: number) =>
    [...keyPartition]
      .filter(([, x]) => x === q)
      .map(([k]) => k)
      .sort();
  const where = targets.map((q) => `${keysIn(q).join(' and ')} in partition ${q}`).join('; ');
  const prompt =
    `${NAMES[preset]} scenario (seed ${frame.seed}${rate === 1 ? '' : `, producers at ×${rate}`}): at ${secs(atMs)} the partitions' logs end at ` +
    `${before.map((o, q) => `offset ${o} (partition ${q})`).join(', ')}: the offset each one's next record would get. ` +
    `${plural(flights.length, 'tuple is', 'tuples are')} on the way to the broker: ${flights.map((f) => `#${f.t.id} (key ${f.t.key})`).join(', ')}; ` +
    `the logs already hold records with these keys: ${where}. No other tuple reaches the broker before they have all arrived. ` +
    `Once they have, at which offset will partition ${p}'s log end?`;
  const explanation =
    `${plural(mine.length, 'of them goes', 'of them go')} to partition ${p}: ${mine.map((f) => `#${f.t.id} was appended at offset ${f.offset}`).join(', ')}` +
    ` (all had arrived by ${secs(runToMs)}). Its log end moves from ${before[p]} to ${answer}. ` +
    // Kafka documentation, "Topics and Logs": each partition is an ordered sequence of records that is
    // continually appended to; each gets "a sequential id number called the offset", unique within it.
    // UnifiedLog.append assigns offsets from the leader's log end offset as a batch is appended.
    'Each partition numbers its own records, one after another as its leader appends them (in arrival order, not sending order), so records bound for other partitions take none of its offsets.';
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs,
    answer: { kind: 'numeric', answer },
    explanation,
  };
}

/** Each partition's log end offset on its leader at `atMs`; null while one has no leader. */
function logEnds(sim: Simulation, atMs: number): number[] | null {
  sim.seekTime(atMs);
  const out: number[] = [];
  for (const p of sim.delivery()!.cluster.partitions) {
    const leader = p.replicas.find((r) => r.broker === p.leader);
    if (!leader) return null;
    out.push(p.logStartOffset + leader.log.length);
  }
  return out;
}

export const kafkaLogTemplates: readonly PredictTemplate[] = [keyPartition, logEnd];
