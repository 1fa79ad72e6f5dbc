/**
 * Kafka's partitioned log: which partition a keyed record is appended to. The answer is the engine's
 * default partitioner (murmur2 of the key, made positive, modulo the partition count), checked
 * against the run: the record must really be appended there.
 */
import { murmur2, partitionForKey, toPositive } from '../../engine';
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

export const kafkaLogTemplates: readonly PredictTemplate[] = [keyPartition];
