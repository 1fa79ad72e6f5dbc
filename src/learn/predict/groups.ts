/**
 * Consumer-group templates: where a restarted consumer resumes (the group's committed offset, not
 * the position it had reached), and which partitions a member owns after a rebalance (the group's
 * assignor over the new member list).
 */
import { rangeAssign, roundRobinAssign } from '../../engine/broker/assignors';
import type { ChoiceOption, FrameRef, PredictInstance, PredictTemplate } from '../types';
import { arrange, chooser, frameSimulation, range, secs, traceSince } from './frame';

const resumeOffset: PredictTemplate = {
  id: 'consumer-resume-offset',
  topic: 'consumer-groups',
  kind: 'predict',
  title: 'From which offset does the restarted consumer read?',
  hint: 'A consumer that restarts remembers nothing: it asks its group for the offsets committed before the crash.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 16 && !found; attempt++) found = resumeAttempt(seed, attempt);
    if (!found) throw new Error(`consumer-resume-offset: no usable crash for seed ${seed}`);
    return found;
  },
};

function resumeAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(resumeOffset.id, seed, attempt);
  const failover = c.int(1, 3) !== 0;
  const preset = failover ? 'kafka-failover' : 'kafka-min-isr';
  const member = failover ? c.pick(2, ['c1', 'c2']) : 'c1';
  const crashMs = failover ? c.pick(3, range(4500, 9000, 500)) : c.pick(3, range(2500, 12500, 500));
  const restartMs = crashMs + c.pick(4, failover ? [1000, 1500, 2000, 2500] : [1000, 1500, 2000]);
  const frame: FrameRef = {
    scenario: preset,
    seed: c.simSeed(5),
    faults: [
      `crashConsumer:${failover ? 'analytics' : 'ledger'}/${member}@${crashMs}`,
      `restartConsumer:${failover ? 'analytics' : 'ledger'}/${member}@${restartMs}`,
    ],
  };
  const sim = frameSimulation(frame);
  const { tickMs } = sim.scenario.spec;
  const spec = sim.scenario.spec.delivery!.groups[0]!;
  sim.seekTime(crashMs - tickMs);
  const live = sim.delivery()!.groups[0]!.members.find((m) => m.memberId === member);
  if (!live?.alive) return null;
  const owned = live.assigned.map((tp) => tp.partition).filter((p) => live.positions[p] !== undefined);
  if (owned.length === 0) return null;
  const p = c.pick(6, owned);
  const position = live.positions[p]!;
  sim.seekTime(crashMs);
  const crashTick = sim.tick;
  const committed = sim.delivery()!.groups[0]!.committed[p];
  const hw = sim.delivery()!.cluster.partitions[p]!.highWatermark;
  if (committed === undefined || committed === position) return null;
  const commitEntry = sim
    .traceRange(0, sim.frame().traceLength)
    .filter((e) => e.kind === 'committed' && e.a === 0 && e.b === p && e.c === committed)
    .at(-1);
  sim.seekTime(restartMs - tickMs);
  if (sim.delivery()!.groups[0]!.committed[p] !== committed) return null;
  // The first fetch of the partition by the restarted member: its offset is the answer's check.
  const memberIndex = sim.delivery()!.rosters[0]!.indexOf(member);
  let firstFetch: { atMs: number; offset: number } | null = null;
  for (let t = sim.tick + 1; t <= Math.min(sim.lastTick, sim.tick + 30) && !firstFetch; t++) {
    sim.seek(t);
    const e = sim
      .traceAtTick(t)
      .find((x) => x.kind === 'fetched' && x.a === 0 && x.b === memberIndex && x.c === p);
    if (!e) continue;
    const appended = sim.traceForTuple(e.tupleId).find((x) => x.kind === 'appended');
    if (appended) firstFetch = { atMs: t * tickMs, offset: appended.b };
  }
  if (!firstFetch || firstFetch.offset !== committed) return null;
  const partitions = live.assigned.map((tp) => tp.partition).join(', ');
  const commitRule =
    spec.commitMode === 'auto'
      ? `auto-commit every ${secs(spec.autoCommitIntervalMs)}`
      : spec.commitMode === 'afterProcessing'
        ? 'a commit after each processed batch'
        : 'a commit as soon as records are fetched';
  const prompt =
    `${failover ? 'Kafka failover' : 'Kafka min-ISR'} scenario (seed ${frame.seed}): consumer ${member} of group ${spec.id} ` +
    `(${commitRule}) reads partition${live.assigned.length === 1 ? '' : 's'} ${partitions}. It crashes at ${secs(crashMs)} and restarts at ` +
    `${secs(restartMs)}. ${rejoin(spec.members.find((m) => m.id === member)?.instanceId !== undefined, spec.assignor, p)} ` +
    `Just before the crash its position on partition ${p} was ${position} (it had fetched up to offset ${position - 1}); ` +
    `the group's committed offset for partition ${p} is ${committed}, and the partition's high watermark is ${hw}. ` +
    `From which offset will ${member} read partition ${p} after the restart?`;
  const explanation =
    `A restarted consumer has no positions: it resumes from the group's committed offset, ${committed}` +
    `${commitEntry ? ` (committed at ${secs(commitEntry.timeMs)})` : ''}. Its first fetch after the restart, at ${secs(firstFetch.atMs)}, read offset ${committed}. ` +
    `So offsets ${committed}–${position - 1}, fetched before the crash, are read again: at-least-once delivery. ` +
    `Nothing is skipped either: the high watermark (${hw}) is where new records go, not where a consumer resumes.`;
  return {
    prompt,
    frame: { ...frame, timeMs: crashTick * tickMs },
    runToMs: firstFetch.atMs,
    answer: { kind: 'numeric', answer: committed, unit: 'offset' },
    explanation,
  };
}

/**
 * How the restarted consumer gets its partitions back. A dynamic member (no group.instance.id)
 * rejoins as a new member and the group rebalances; only a static member that returns within its
 * session timeout keeps its assignment without a rebalance (KIP-345; the engine's
 * broker/groups.ts join/leave). The template keeps only restarts in which it got partition `p` back.
 */
function rejoin(isStatic: boolean, assignor: string, p: number): string {
  return isStatic
    ? `It is a static member (group.instance.id) back within its session timeout, so no rebalance runs and it keeps partition ${p}.`
    : `It has no group.instance.id, so it rejoins as a new member and the group rebalances; here the ${assignor} assignor hands it partition ${p} again.`;
}

/** "partitions 0 and 1", "partition 2", "no partitions". */
export function ownedText(ps: readonly number[]): string {
  if (ps.length === 0) return 'no partitions';
  if (ps.length === 1) return `partition ${ps[0]}`;
  return `partitions ${ps.slice(0, -1).join(', ')} and ${ps.at(-1)}`;
}

interface GroupEvent {
  readonly preset: 'kafka-failover' | 'kafka-min-isr';
  readonly faults: readonly string[];
  /** When the rebalance happens (the fault, or the crashed member's session expiry). */
  readonly atMs: number;
  readonly what: string;
  /** Members after the event, and the one asked about. */
  readonly members: readonly string[];
  readonly asked: string;
}

function groupEvents(c: ReturnType<typeof chooser>): GroupEvent[] {
  const addAt = c.pick(10, range(2000, 7000, 500));
  const added = c.pick(11, ['c0', 'c3']);
  const addMembers = [...new Set(['c1', 'c2', added])];
  const removeAt = c.pick(12, range(2000, 10000, 500));
  const removed = c.pick(13, ['c1', 'c2']);
  const ledgerAt = c.pick(14, range(2000, 12000, 1000));
  const ledgerNew = c.pick(15, ['c0', 'c2']);
  return [
    {
      preset: 'kafka-failover',
      faults: [`addConsumer:analytics/${added}@${addAt}`],
      atMs: addAt,
      what: `A new consumer, ${added}, will join the group at ${secs(addAt)}.`,
      members: addMembers,
      asked: c.pick(16, addMembers),
    },
    {
      preset: 'kafka-failover',
      faults: [`removeConsumer:analytics/${removed}@${removeAt}`],
      atMs: removeAt,
      what: `Consumer ${removed} will leave the group cleanly at ${secs(removeAt)}.`,
      members: ['c1', 'c2'].filter((m) => m !== removed),
      asked: removed === 'c1' ? 'c2' : 'c1',
    },
    {
      preset: 'kafka-failover',
      faults: [],
      atMs: 16000,
      what: 'Consumer c1 crashed at 12.0 s; its 4.0 s session runs out at 16.0 s (a session this short needs a broker whose group.min.session.timeout.ms, 6 s by default, was lowered).',
      members: ['c2'],
      asked: 'c2',
    },
    {
      preset: 'kafka-min-isr',
      faults: [`addConsumer:ledger/${ledgerNew}@${ledgerAt}`],
      atMs: ledgerAt,
      what: `A second consumer, ${ledgerNew}, will join the group at ${secs(ledgerAt)}.`,
      members: ['c1', ledgerNew],
      asked: c.pick(17, ['c1', ledgerNew]),
    },
  ];
}

const rebalance: PredictTemplate = {
  id: 'rebalance-assignment',
  topic: 'consumer-groups',
  kind: 'predict',
  title: 'Which partitions does the member own after the rebalance?',
  hint: 'An eager rebalance reassigns every partition from scratch. The range assignor sorts the members by id and gives each a contiguous block.',
  generate(seed) {
    let found: PredictInstance | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) found = rebalanceAttempt(seed, attempt);
    if (!found) throw new Error(`rebalance-assignment: no usable rebalance for seed ${seed}`);
    return found;
  },
};

function rebalanceAttempt(seed: number, attempt: number): PredictInstance | null {
  const c = chooser(rebalance.id, seed, attempt);
  const ev = c.pick(1, groupEvents(c));
  const frame: FrameRef = { scenario: ev.preset, seed: c.simSeed(2), faults: ev.faults };
  const sim = frameSimulation(frame);
  const { tickMs } = sim.scenario.spec;
  const groupSpec = sim.scenario.spec.delivery!.groups[0]!;
  const n = sim.scenario.spec.delivery!.partitions;
  const atMs =
    ev.atMs === 16000 ? c.pick(3, range(12500, 15500, 500)) : ev.atMs - c.pick(3, [100, 500, 1000]);
  sim.seekTime(atMs);
  const atTick = sim.tick;
  const group = sim.delivery()!.groups[0]!;
  const current = (m: string) =>
    group.members.find((x) => x.memberId === m)?.assigned.map((tp) => tp.partition) ?? [];
  const before = Object.fromEntries(group.members.map((m) => [m.memberId, current(m.memberId)]));
  // The prediction: the group's assignor over the members after the event.
  const members = ev.members.map((memberId) => ({ memberId, topics: ['topic'] }));
  const assign = groupSpec.assignor === 'roundrobin' ? roundRobinAssign : rangeAssign;
  const predicted = assign({ topic: n }, members);
  const answerParts = predicted[ev.asked]!.map((tp) => tp.partition);
  // The run must agree: the rebalance happens at the event and gives the asked member exactly that.
  sim.seekTime(ev.atMs);
  const rebalanced = traceSince(sim, atTick).some((e) => e.kind === 'rebalanced' && e.a === 0);
  const got = sim
    .delivery()!
    .groups[0]!.members.find((m) => m.memberId === ev.asked)
    ?.assigned.map((tp) => tp.partition);
  if (!rebalanced || got?.join() !== answerParts.join()) return null;
  const sorted = [...ev.members].sort();
  const plan = sorted
    .map((m) => `${m} → ${predicted[m]!.map((tp) => tp.partition).join(', ') || 'nothing'}`)
    .join('; ');
  const other = groupSpec.assignor === 'roundrobin' ? rangeAssign : roundRobinAssign;
  const otherParts = other({ topic: n }, members)[ev.asked]!.map((tp) => tp.partition);
  const all = Array.from({ length: n }, (_, i) => i);
  const answer: ChoiceOption = {
    text: ownedText(answerParts),
    why: `Right: the ${groupSpec.assignor} assignor sorts the members by id and deals out the ${n} partitions: ${plan}.`,
  };
  const mine = before[ev.asked] ?? [];
  const distractors: ChoiceOption[] = [
    {
      text: ownedText(mine),
      why: `An eager rebalance revokes every partition and assigns them again for the new member list: ${plan}.`,
    },
    {
      text: ownedText(otherParts),
      why: `That is what the ${groupSpec.assignor === 'roundrobin' ? 'range' : 'round-robin'} assignor would give; this group uses ${groupSpec.assignor}: ${plan}.`,
    },
    {
      text: ownedText(all),
      why: `Only a member alone in the group gets every partition; here ${ev.members.length} members share them: ${plan}.`,
    },
    ...(answerParts.length < n
      ? [
          {
            text: ownedText(all.filter((p) => !answerParts.includes(p))),
            why: `The assignor gives those to the other member${ev.members.length > 2 ? 's' : ''}: ${plan}.`,
          },
        ]
      : []),
    {
      text: ownedText([]),
      why: `With at least as many partitions as members, every member gets some: ${plan}.`,
    },
    ...all.map((p) => ({ text: ownedText([p]), why: `The ${groupSpec.assignor} assignor gives: ${plan}.` })),
  ];
  const { options, answer: index } = arrange(answer, distractors, c.int(4, 4));
  const now = Object.entries(before)
    .map(([m, ps]) => `${m} owns ${ownedText(ps)}`)
    .join(', ');
  const prompt =
    `${ev.preset === 'kafka-failover' ? 'Kafka failover' : 'Kafka min-ISR'} scenario (seed ${frame.seed}): group ${groupSpec.id} ` +
    `(${groupSpec.assignor} assignor) reads a topic with ${n} partitions. At ${secs(atMs)}: ${now || 'no member owns anything'}. ` +
    `${ev.what} Which partitions will ${ev.asked} own after the group rebalances?`;
  const explanation =
    `The group rebalanced at ${secs(ev.atMs)} (generation ${sim.delivery()!.groups[0]!.generation}) with members ${sorted.join(', ')}. ` +
    `The ${groupSpec.assignor} assignor (eager: every partition is revoked first) gave ${plan}. So ${ev.asked} owns ${ownedText(answerParts)}.`;
  return {
    prompt,
    frame: { ...frame, timeMs: atTick * tickMs },
    runToMs: Math.ceil(ev.atMs / tickMs) * tickMs,
    answer: { kind: 'choice', options, answer: index },
    explanation,
  };
}

export const groupTemplates: readonly PredictTemplate[] = [resumeOffset, rebalance];
