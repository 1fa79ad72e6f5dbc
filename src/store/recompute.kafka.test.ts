/**
 * Log, replication, consumer-group and messaging templates, answers recomputed from the run the
 * store opens for the frame, stepped tick by tick from the frozen moment to `runToMs`, by reading
 * what the views read: the trace (appends, elections, refusals, fetches, misses, acknowledgements)
 * and the broker, group and queue state.
 */
import { describe, expect, it } from 'vitest';
import type { Simulation, TraceEntry } from '../engine';
import { predictTemplates } from '../learn/predict';
import { ownedText } from '../learn/predict/groups';
import { partitionText } from '../learn/predict/kafkaLog';
import { QUEUE_OUTCOMES } from '../learn/predict/messaging';
import { brokerText, OFFLINE_TEXT, partitionsText } from '../learn/predict/replication';
import type { PredictInstance } from '../learn/types';
import { openFrame } from './frameLink';

const SEEDS = [1, 2, 3, 4, 5];

/** Steps one tick at a time up to `runToMs`, handing over each tick's trace entries. */
function stepTo(
  sim: Simulation,
  runToMs: number,
  onTick: (entries: TraceEntry[], sim: Simulation) => void = () => {},
) {
  while (sim.timeMs < runToMs && sim.step()) onTick(sim.traceAtTick(sim.tick), sim);
  expect(sim.timeMs).toBe(runToMs);
}

const template = (id: string) => predictTemplates.find((t) => t.id === id)!;
const cases = (id: string) => SEEDS.map((s) => [s, template(id).generate(s)] as [number, PredictInstance]);
const chosen = (x: PredictInstance) => {
  if (x.answer.kind !== 'choice') throw new Error('choice expected');
  return x.answer.options[x.answer.answer]!.text;
};
const num = (re: RegExp, text: string) => Number(re.exec(text)![1]);
const word = (re: RegExp, text: string) => re.exec(text)![1]!;

describe('kafka-key-partition, recomputed', () => {
  it.each(cases('kafka-key-partition'))('seed %i: the partition the record is appended to', (_, x) => {
    const sim = openFrame(x.frame);
    const id = x.frame.tuple!;
    expect(sim.traceForTuple(id).some((e) => e.kind === 'appended')).toBe(false);
    let partition: number | null = null;
    stepTo(sim, x.runToMs, (entries) => {
      for (const e of entries) if (e.kind === 'appended' && e.tupleId === id) partition = e.a;
    });
    expect(partition).not.toBeNull();
    expect(chosen(x)).toBe(partitionText(partition!));
  });
});

describe('failover-new-leader, recomputed', () => {
  it.each(cases('failover-new-leader'))('seed %i: the leader after the crash', (_, x) => {
    const p = num(/partition (\d+) has replicas/, x.prompt);
    const sim = openFrame(x.frame);
    const crashed = num(/Broker (\d+) will crash/, x.prompt);
    let elected: number | null | undefined;
    let crashSeen = false;
    stepTo(sim, x.runToMs, (entries) => {
      for (const e of entries) {
        if (e.kind === 'brokerCrashed' && e.a === crashed) crashSeen = true;
        if (e.kind === 'leaderElected' && e.a === p) elected = e.b < 0 ? null : e.b;
      }
    });
    expect(crashSeen).toBe(true);
    const leader = elected === undefined ? sim.delivery()!.cluster.partitions[p]!.leader : elected;
    expect(chosen(x)).toBe(leader === null ? OFFLINE_TEXT : brokerText(leader));
  });
});

describe('min-isr-refused-partitions, recomputed', () => {
  it.each(cases('min-isr-refused-partitions'))(
    'seed %i: the partitions whose writes were refused',
    (_, x) => {
      const sim = openFrame(x.frame);
      const refused = new Set<number>();
      stepTo(sim, x.runToMs, (entries) => {
        for (const e of entries) if (e.kind === 'produceRejected') refused.add(e.a);
      });
      expect(chosen(x)).toBe(partitionsText([...refused].sort((a, b) => a - b)));
    },
  );
});

describe('consumer-resume-offset, recomputed', () => {
  it.each(cases('consumer-resume-offset'))('seed %i: the first offset fetched after the restart', (_, x) => {
    const member = word(/consumer (c\d) of group/, x.prompt);
    const p = num(/position on partition (\d+)/, x.prompt);
    const restartMs = num(/restartConsumer:[^@]+@(\d+)/, x.frame.faults!.join(' '));
    const sim = openFrame(x.frame);
    const memberIndex = sim.delivery()!.rosters[0]!.indexOf(member);
    let committedBeforeRestart: number | undefined;
    let first: number | null = null;
    stepTo(sim, x.runToMs, (entries, s) => {
      if (s.timeMs === restartMs - s.scenario.spec.tickMs)
        committedBeforeRestart = s.delivery()!.groups[0]!.committed[p];
      for (const e of entries) {
        if (
          first !== null ||
          e.timeMs < restartMs ||
          e.kind !== 'fetched' ||
          e.b !== memberIndex ||
          e.c !== p
        )
          continue;
        first = s.traceForTuple(e.tupleId).find((a) => a.kind === 'appended')!.b;
      }
    });
    expect(first).toBe(x.answer.answer);
    expect(committedBeforeRestart).toBe(x.answer.answer);
  });
});

describe('rebalance-assignment, recomputed', () => {
  it.each(cases('rebalance-assignment'))('seed %i: what the member owns after the rebalance', (_, x) => {
    const member = word(/will (\w+) own after/, x.prompt);
    const sim = openFrame(x.frame);
    let rebalanced = false;
    stepTo(sim, x.runToMs, (entries) => {
      if (entries.some((e) => e.kind === 'rebalanced')) rebalanced = true;
    });
    expect(rebalanced).toBe(true);
    const owned = sim
      .delivery()!
      .groups[0]!.members.find((m) => m.memberId === member)!
      .assigned.map((tp) => tp.partition);
    expect(chosen(x)).toBe(ownedText(owned));
  });
});

describe('direct-messaging-lost, recomputed', () => {
  it.each(cases('direct-messaging-lost'))('seed %i: orders missed while the consumer is down', (_, x) => {
    const consumer = word(/The (\w+) service goes down/, x.prompt);
    const sim = openFrame(x.frame);
    const index = sim.messaging()!.consumers.findIndex((c) => c.id === consumer);
    expect(sim.messaging()!.consumers[index]!.online).toBe(false);
    let missed = 0;
    stepTo(sim, x.runToMs, (entries) => {
      missed += entries.filter((e) => e.kind === 'missed' && e.a === index).length;
    });
    expect(sim.messaging()!.consumers[index]!.online).toBe(true);
    expect(missed).toBe(x.answer.answer);
  });
});

describe('queue-keeps-messages, recomputed', () => {
  it.each(cases('queue-keeps-messages'))('seed %i: every waiting order acknowledged once', (_, x) => {
    const sim = openFrame(x.frame);
    const waiting = [...sim.messaging()!.queue];
    const acks = new Map<number, number>();
    stepTo(sim, x.runToMs, (entries) => {
      for (const e of entries)
        if (e.kind === 'acknowledged') acks.set(e.tupleId, (acks.get(e.tupleId) ?? 0) + 1);
    });
    expect(waiting.every((id) => acks.get(id) === 1)).toBe(true);
    expect(chosen(x)).toBe(QUEUE_OUTCOMES.ackedOnce(waiting.length));
  });
});
