/**
 * Replication templates: who leads a partition after a broker crash (clean election from the ISR),
 * and which partitions refuse acks=all writes while a broker is down (min.insync.replicas).
 */
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, frameSimulation, secs, traceSince } from './frame';

export const OFFLINE_TEXT = 'no leader: the partition goes offline';
export const brokerText = (b: number) => `broker ${b}`;
const setText = (xs: readonly number[]) => `{${xs.join(', ')}}`;

interface CrashPlan {
  readonly preset: 'kafka-failover' | 'kafka-min-isr';
  /** Link faults added to the scenario's own. */
  readonly faults: readonly string[];
  /** The crash the question is about. */
  readonly broker: number;
  readonly atMs: number;
}

function crashPlans(c: ReturnType<typeof chooser>): CrashPlan[] {
  const t = (k: number, xs: number[]) => c.pick(k, xs);
  return [
    { preset: 'kafka-failover', faults: [], broker: 0, atMs: 8000 },
    {
      preset: 'kafka-failover',
      faults: [`crashBroker:1@${t(10, [3000, 4000, 5000, 6000])}`],
      broker: 0,
      atMs: 8000,
    },
    (() => {
      const at = t(11, [3000, 4000, 5000, 6000]);
      return { preset: 'kafka-failover', faults: [`crashBroker:1@${at}`], broker: 1, atMs: at } as const;
    })(),
    (() => {
      const at = t(12, [10000, 12000, 14000]);
      return { preset: 'kafka-failover', faults: [`crashBroker:2@${at}`], broker: 2, atMs: at } as const;
    })(),
    { preset: 'kafka-min-isr', faults: [], broker: 1, atMs: 5000 },
    (() => {
      const at = t(13, [6000, 7000, 8000, 9000]);
      return { preset: 'kafka-min-isr', faults: [`crashBroker:0@${at}`], broker: 0, atMs: at } as const;
    })(),
  ];
}

const newLeader: PredictTemplate = {
  id: 'failover-new-leader',
  topic: 'replication',
  kind: 'predict',
  title: 'Who leads the partition after the broker crash?',
  hint: 'With unclean leader election off, only a live replica that is in the in-sync replica set (ISR) may become leader.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = leaderAttempt(seed, attempt);
    if (!found) throw new Error(`failover-new-leader: no usable crash for seed ${seed}`);
    return found;
  },
};

function leaderAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(newLeader.id, seed, attempt);
  const plan = c.pick(1, crashPlans(c));
  const frame: FrameRef = { scenario: plan.preset, seed: c.simSeed(2), faults: plan.faults };
  const sim = frameSimulation(frame);
  const tickMs = sim.scenario.spec.tickMs;
  const atMs = plan.atMs - c.pick(3, [100, 500, 1000, 2000]);
  sim.seekTime(atMs);
  const cluster = sim.delivery()!.cluster;
  // Copies: the run's state changes in place as the cursor moves on.
  const before = { alive: [...cluster.alive] };
  if (!before.alive[plan.broker]) return null;
  const partitions = cluster.partitions.map((p) => ({
    partition: p.partition,
    assignment: [...p.assignment],
    leader: p.leader,
    isr: [...p.isr],
  }));
  sim.seekTime(plan.atMs);
  const after = sim.delivery()!.cluster;
  // Mostly ask about a partition the crash changes (its leader was on the crashed broker).
  const hit = partitions.filter((p) => p.leader === plan.broker);
  const pool = hit.length > 0 && c.int(4, 4) !== 0 ? hit : partitions;
  const q = c.pick(5, pool);
  if (q.leader === null) return null;
  const leaderAfter = after.partitions[q.partition]!.leader;
  const brokers = before.alive.length;
  const liveIsr = q.isr.filter((b) => b !== plan.broker && before.alive[b]);
  const why = (b: number): string => {
    if (b === leaderAfter) {
      return b === q.leader
        ? `Right: broker ${plan.broker} did not lead partition ${q.partition}, so its leader stays; the ISR only shrinks.`
        : `Right: broker ${b} is the first live replica of partition ${q.partition} that is in the ISR ${setText(q.isr)}: the controller elects it (a clean election).`;
    }
    if (b === plan.broker) return `Broker ${b} is the one that crashes: a dead broker leads nothing.`;
    if (!q.assignment.includes(b))
      return `Broker ${b} holds no replica of partition ${q.partition} (replicas on ${setText(q.assignment)}): it has no copy of the log to serve.`;
    if (!before.alive[b]) return `Broker ${b} is already down.`;
    if (!q.isr.includes(b))
      return `Broker ${b} is not in the ISR ${setText(q.isr)}: it may be missing records, and unclean leader election is off.`;
    return `The leader of partition ${q.partition} is broker ${q.leader}, not ${plan.broker}: nothing forces a change.`;
  };
  const texts = [...Array.from({ length: brokers }, (_, b) => b), null].map((b) => ({
    b,
    option: {
      text: b === null ? OFFLINE_TEXT : brokerText(b),
      why:
        b === null
          ? leaderAfter === null
            ? `Right: the only in-sync replica was on broker ${plan.broker}. With unclean leader election disabled the partition has no leader — producers get errors and consumers read nothing — until that broker returns.`
            : `An in-sync replica on a live broker remains (${setText(liveIsr)}), so a new leader is elected at once.`
          : why(b),
    } satisfies ChoiceOption,
  }));
  const right = texts.find((x) => x.b === leaderAfter)!.option;
  const { options, answer } = arrange(
    right,
    texts.filter((x) => x.b !== leaderAfter).map((x) => x.option),
    c.int(6, 4),
  );
  const down = before.alive.flatMap((a, b) => (a ? [] : [b]));
  const prompt =
    `${plan.preset === 'kafka-failover' ? 'Kafka failover' : 'Kafka min-ISR'} scenario (seed ${frame.seed}): ` +
    `at ${secs(atMs)} partition ${q.partition} has replicas on brokers ${setText(q.assignment)}, leader broker ${q.leader}, ISR ${setText(q.isr)}` +
    `${down.length > 0 ? `; ${down.length === 1 ? 'broker' : 'brokers'} ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down` : ''}. Broker ${plan.broker} will crash at ${secs(plan.atMs)}. ` +
    `Who leads partition ${q.partition} right after that?`;
  const explanation =
    `Kafka elects a partition leader only from its in-sync replicas on live brokers (unclean.leader.election.enable=false), taking the first in the replica list. ` +
    `Partition ${q.partition}: replicas ${setText(q.assignment)}, ISR ${setText(q.isr)}; after broker ${plan.broker} crashed the leader is ` +
    `${leaderAfter === null ? 'none — the partition is offline' : `broker ${leaderAfter}`} (leader epoch ${after.partitions[q.partition]!.leaderEpoch}).`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs: Math.ceil(plan.atMs / tickMs) * tickMs,
    answer: { kind: 'choice', options, answer },
    explanation,
  };
}

export const partitionsText = (ps: readonly number[]) =>
  ps.length === 0
    ? 'none: another replica takes over and writes go on'
    : ps.length === 1
      ? `partition ${ps[0]} only`
      : `partitions ${ps.slice(0, -1).join(', ')} and ${ps.at(-1)}`;

const refused: PredictTemplate = {
  id: 'min-isr-refused-partitions',
  topic: 'replication',
  kind: 'predict',
  title: 'Which partitions refuse writes while a broker is down?',
  hint: 'With acks=all, a write needs at least min.insync.replicas in-sync replicas. Which partitions lose a replica when the broker stops?',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = refusedAttempt(seed, attempt);
    if (!found) throw new Error(`min-isr-refused-partitions: no usable outage for seed ${seed}`);
    return found;
  },
};

function refusedAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(refused.id, seed, attempt);
  const plans = [
    { broker: 1, fromMs: 5000, toMs: 11000, faults: [] as string[] },
    ...[0, 2].map((b) => {
      const from = c.pick(10 + b, [1500, 2000, 2500]);
      const to = from + c.pick(20 + b, [2000, 2300]);
      return {
        broker: b,
        fromMs: from,
        toMs: to,
        faults: [`crashBroker:${b}@${from}`, `restartBroker:${b}@${to}`],
      };
    }),
    ...[0, 2].map((b) => {
      const from = c.pick(30 + b, [11500, 12000, 12500]);
      const to = from + 3000;
      return {
        broker: b,
        fromMs: from,
        toMs: to,
        faults: [`crashBroker:${b}@${from}`, `restartBroker:${b}@${to}`],
      };
    }),
  ];
  const plan = c.pick(1, plans);
  const rate = c.pick(2, [1, 1.5, 2]);
  const frame: FrameRef = {
    scenario: 'kafka-min-isr',
    seed: c.simSeed(3),
    faults: plan.faults,
    ...(rate === 1 ? {} : { rate }),
  };
  const sim = frameSimulation(frame);
  const tickMs = sim.scenario.spec.tickMs;
  const minIsr = sim.scenario.spec.delivery!.minInsyncReplicas;
  const atMs = plan.fromMs - c.pick(4, [200, 500, 1000]);
  sim.seekTime(atMs);
  const atTick = sim.tick;
  const before = sim.delivery()!.cluster.partitions.map((p) => ({
    partition: p.partition,
    assignment: [...p.assignment],
    leader: p.leader,
    isr: [...p.isr],
  }));
  if (before.some((p) => p.isr.length < minIsr)) return null;
  sim.seekTime(plan.fromMs);
  const shrunk = sim
    .delivery()!
    .cluster.partitions.filter((p) => p.leader === null || p.isr.length < minIsr)
    .map((p) => p.partition);
  const runToMs = plan.toMs - tickMs;
  sim.seekTime(runToMs);
  const rejected = new Set(
    traceSince(sim, atTick)
      .filter((e) => e.kind === 'produceRejected')
      .map((e) => e.a),
  );
  // The engine's refusals must be exactly the shrunk partitions (each got a write while it was down).
  if (shrunk.length === 0 || shrunk.join() !== [...rejected].sort((a, b) => a - b).join()) return null;
  const all = before.map((p) => p.partition);
  const led = before.filter((p) => p.leader === plan.broker).map((p) => p.partition);
  const hosted = before.filter((p) => p.assignment.includes(plan.broker)).map((p) => p.partition);
  const answer: ChoiceOption = {
    text: partitionsText(shrunk),
    why: `Right: ${partitionsText(shrunk)} had a replica on broker ${plan.broker}; without it the ISR has one member, below min.insync.replicas=${minIsr}, so acks=all writes get NOT_ENOUGH_REPLICAS.`,
  };
  const distractors: ChoiceOption[] = [
    {
      text: partitionsText(led),
      why: `Not only the partitions broker ${plan.broker} led: a follower there counts too. Every partition with a replica on it (${partitionsText(hosted)}) drops to one in-sync replica.`,
    },
    {
      text: partitionsText(all),
      why: `Partitions with no replica on broker ${plan.broker} keep both in-sync replicas and accept writes.`,
    },
    {
      text: partitionsText([]),
      why: `A new leader keeps a partition available, but with acks=all and min.insync.replicas=${minIsr} one replica is not enough: the broker refuses rather than risk losing data.`,
    },
    {
      text: partitionsText(all.filter((p) => !shrunk.includes(p))),
      why: `It is the other way round: the partitions that lost a replica (${partitionsText(shrunk)}) refuse writes.`,
    },
  ];
  const { options, answer: index } = arrange(answer, distractors, c.int(5, 4));
  const layout = before
    .map((p) => `${p.partition} on brokers ${setText(p.assignment)} (leader ${p.leader})`)
    .join(', ');
  const prompt =
    `Kafka min-ISR scenario (seed ${frame.seed}${rate === 1 ? '' : `, payments at ×${rate}`}): acks=all, replication factor 2, ` +
    `min.insync.replicas=${minIsr}. At ${secs(atMs)} every partition has its two replicas in sync: ${layout}. ` +
    `Broker ${plan.broker} will be down from ${secs(plan.fromMs)} to ${secs(plan.toMs)}. Which partitions will refuse the producer's writes meanwhile?`;
  const explanation =
    `From ${secs(plan.fromMs)} the ISR of ${partitionsText(shrunk)} holds a single broker, fewer than min.insync.replicas=${minIsr}: ` +
    `every acks=all write to ${shrunk.length === 1 ? 'it' : 'them'} was refused (NOT_ENOUGH_REPLICAS) until broker ${plan.broker} was back in sync. ` +
    `Durability over availability: with acks=1 they would have been accepted on one copy. The other partitions went on as before.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atMs },
    runToMs,
    answer: { kind: 'choice', options, answer: index },
    explanation,
  };
}

export const replicationTemplates: readonly PredictTemplate[] = [newLeader, refused];
