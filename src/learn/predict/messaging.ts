/**
 * Direct messaging vs a queue broker: how many messages a consumer that is down loses when producers
 * push to it directly, and what a queue does with the messages that wait while every worker is down.
 */
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, frameSimulation, plural, range, secs, traceSince } from './frame';

const directLost: PredictTemplate = {
  id: 'direct-messaging-lost',
  topic: 'messaging',
  kind: 'predict',
  title: 'How many messages does the consumer lose while it is down?',
  hint: 'Without a broker, a message goes to the consumers that are up when it arrives. Nobody keeps a copy for the others.',
  generate(seed) {
    const c = chooser(directLost.id, seed);
    const own = c.int(1, 3) === 0;
    const consumer = own ? 'billing' : 'shipping';
    const downMs = own ? 6000 : c.pick(2, [3000, 4000, 5000, 6000]);
    const fromMs = own ? 6000 : c.pick(3, range(2000, 19000 - downMs, 500));
    const rate = c.pick(4, [0.5, 1, 1.5, 2]);
    const frame: FrameRef = {
      scenario: 'direct-messaging',
      seed: c.simSeed(5),
      ...(own
        ? {}
        : {
            faults: [`crashConsumer:${consumer}@${fromMs}`, `restartConsumer:${consumer}@${fromMs + downMs}`],
          }),
      ...(rate === 1 ? {} : { rate }),
    };
    const sim = frameSimulation(frame);
    const ratePerSec = sim.scenario.spec.producers[0]!.ratePerSec;
    const index = sim.messaging()!.consumers.findIndex((x) => x.id === consumer);
    sim.seekTime(fromMs);
    const missedBefore = sim.messaging()!.consumers[index]!.missed;
    const sent = sim.frame().arrived;
    const toMs = fromMs + downMs;
    sim.seekTime(toMs);
    const lost = sim.messaging()!.consumers[index]!.missed - missedBefore;
    const other = sim.messaging()!.consumers.find((x) => x.id !== consumer)!;
    const tolerance = Math.max(2, Math.ceil(2 * Math.sqrt(lost)));
    const prompt =
      `Direct-messaging scenario (seed ${frame.seed}${rate === 1 ? '' : `, orders at ×${rate}`}): the shop pushes about ${ratePerSec} orders per second ` +
      `straight to two services, billing and shipping; ${sent} orders have reached them by ${secs(fromMs)}. The ${consumer} service goes down at ${secs(fromMs)} ` +
      `and comes back at ${secs(toMs)}. How many orders will ${consumer} lose (within ±${tolerance})?`;
    const explanation =
      `While ${consumer} was down (${secs(fromMs)}–${secs(toMs)}) ${plural(lost, 'order')} arrived; each went to ${other.id} only and is gone for ${consumer}: ` +
      `direct messaging keeps no copy and cannot send it again (about ${ratePerSec} per second × ${secs(downMs)} ≈ ${Math.round((ratePerSec * downMs) / 1000)}). ` +
      `A queue broker would have held them until a consumer was back; Kafka's log keeps them for any consumer to read from its offset.`;
    return {
      prompt,
      frame: { ...frame, timeMs: fromMs },
      runToMs: toMs,
      answer: { kind: 'numeric', answer: lost, tolerance, unit: 'orders' },
      explanation,
    };
  },
};

export const QUEUE_OUTCOMES = {
  ackedOnce: (n: number) =>
    `All ${n} are handed to a worker once one is back, and each is acknowledged exactly once`,
  lost: (n: number) => `All ${n} are lost: no worker was up to receive them`,
  both: (n: number) => `Each of the ${n} is delivered to both workers when they are back`,
  kept: (_n: number) => `They are processed and stay on the broker, so they can be read again later`,
} as const;

const queueKeeps: PredictTemplate = {
  id: 'queue-keeps-messages',
  topic: 'messaging',
  kind: 'predict',
  title: 'What happens to the messages queued while every worker is down?',
  hint: 'A queue broker holds each message until one consumer acknowledges it, then deletes it.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = queueAttempt(seed, attempt);
    if (!found) throw new Error(`queue-keeps-messages: no usable moment for seed ${seed}`);
    return found;
  },
};

function queueAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(queueKeeps.id, seed, attempt);
  const rate = c.pick(1, [0.5, 1, 1.5]);
  const frame: FrameRef = { scenario: 'queue-broker', seed: c.simSeed(2), ...(rate === 1 ? {} : { rate }) };
  const sim = frameSimulation(frame);
  const { tickMs } = sim.scenario.spec;
  const atMs = c.pick(3, range(7000, 11500, 500));
  sim.seekTime(atMs);
  const atTick = sim.tick;
  const waiting = [...sim.messaging()!.queue];
  if (waiting.length < 2 || sim.messaging()!.consumers.some((x) => x.online)) return null;
  sim.seek(sim.lastTick);
  const entries = traceSince(sim, atTick).filter((e) => waiting.includes(e.tupleId));
  const acks = new Map<number, number>();
  const deliveredTo = new Map<number, Set<number>>();
  let lastAckMs = 0;
  for (const e of entries) {
    if (e.kind === 'acknowledged') {
      acks.set(e.tupleId, (acks.get(e.tupleId) ?? 0) + 1);
      lastAckMs = Math.max(lastAckMs, e.timeMs);
    }
    if (e.kind === 'delivered')
      deliveredTo.set(e.tupleId, (deliveredTo.get(e.tupleId) ?? new Set()).add(e.a));
  }
  const n = waiting.length;
  // The engine's outcome for the waiting orders; only the queue's normal one makes this question.
  const outcome: keyof typeof QUEUE_OUTCOMES | null = waiting.every((id) => acks.get(id) === 1)
    ? 'ackedOnce'
    : waiting.every((id) => !acks.has(id))
      ? 'lost'
      : waiting.every((id) => deliveredTo.get(id)?.size === 2)
        ? 'both'
        : null;
  if (outcome !== 'ackedOnce') return null;
  const firstAckMs = Math.min(...entries.filter((e) => e.kind === 'acknowledged').map((e) => e.timeMs));
  const whys: Record<keyof typeof QUEUE_OUTCOMES, string> = {
    ackedOnce: `Right: the broker kept all ${n}; from ${secs(firstAckMs)} the workers took them one at a time from the head of the queue, and the last was acknowledged (and deleted) at ${secs(lastAckMs)}.`,
    lost: 'That is direct messaging. A queue broker stores each message until a consumer acknowledges it, so nothing is lost while the workers are down.',
    both: 'A queue hands each message to one consumer (competing consumers), not to every consumer: that would be publish/subscribe.',
    kept: 'Once acknowledged, a message is deleted from the queue: nobody can read it again. Keeping messages to re-read is what Kafka’s log does.',
  };
  const right: ChoiceOption = { text: QUEUE_OUTCOMES[outcome](n), why: whys[outcome] };
  const others = (Object.keys(QUEUE_OUTCOMES) as (keyof typeof QUEUE_OUTCOMES)[])
    .filter((k) => k !== outcome)
    .map((k) => ({ text: QUEUE_OUTCOMES[k](n), why: whys[k] }));
  const { options, answer } = arrange(right, others, c.int(4, 4));
  const prompt =
    `Queue-broker scenario (seed ${frame.seed}${rate === 1 ? '' : `, orders at ×${rate}`}): two billing workers share one queue; ` +
    `both went down at 6.0 s, worker-1 returns at 12.0 s and worker-2 at 14.0 s, each taking 250 ms per order. ` +
    `At ${secs(atMs)}, ${n} orders are waiting in the queue (#${waiting[0]} at the head). What will happen to these ${n} orders?`;
  const explanation =
    `The broker held the ${n} orders while nobody was up. Every one of them was later handed to one worker and acknowledged once ` +
    `(the first at ${secs(firstAckMs)}, the last at ${secs(lastAckMs)}), then deleted from the queue. ` +
    'Compare direct messaging, where they would have been lost, and Kafka, where they would stay in the log after being read.';
  return {
    prompt,
    frame: { ...frame, timeMs: atTick * tickMs },
    runToMs: Math.ceil(lastAckMs / tickMs) * tickMs,
    answer: { kind: 'choice', options, answer },
    explanation,
  };
}

export const messagingTemplates: readonly PredictTemplate[] = [directLost, queueKeeps];
