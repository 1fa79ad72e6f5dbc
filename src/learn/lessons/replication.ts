import type { Lesson, TaskContext } from '../types';

/** A numeric field of the inspected entity (e.g. a partition's number), or null. */
function entityField(ctx: TaskContext, field: string): number | null {
  const value = (ctx.selectedEntity as Readonly<Record<string, unknown>> | null)?.[field];
  return typeof value === 'number' ? value : null;
}

export const replicationLesson: Lesson = {
  id: 'replication',
  topic: 'replication',
  title: 'Replication and broker failure',
  summary:
    'Each partition is copied to several brokers: a leader, in-sync followers and a high watermark keep acknowledged records safe when a broker fails.',
  steps: [
    {
      title: 'Leaders and followers',
      body: [
        'Each partition is copied to several brokers; here the replication factor is 2. One copy is the leader, which takes every write (and, by default, serves the reads); the others are followers, which keep fetching from the leader to stay up to date.',
        // Kafka quickstart (`kafka-topics.sh --describe`): "isr" is "the subset of the replicas list that is
        // currently alive and caught-up to the leader", and lists the leader; Kafka design doc, "Replication".
        'The leader and the followers that have caught up with it form the in-sync replica set, the ISR; the leader is always in it. The high watermark (HW) is the offset up to which every in-sync replica has the records. Consumers read only below it; the faded cells beyond it are on the leader but not yet safe.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 6000 },
      highlight: ['broker'],
      task: {
        text: 'Click a broker’s label inside a partition block (such as “Broker 0 · leader”) to see which partitions that broker leads and which it follows.',
        hint: 'Each row of a partition block starts with the broker’s label; the inspector lists that broker’s role in every partition.',
        check: (ctx) => ctx.selectedEntity?.kind === 'broker',
      },
    },
    {
      title: 'A broker crashes',
      body: [
        'At 8 s broker 0 crashes. It led partition 0, so Kafka’s controller picks a new leader from the ISR: broker 1, which has every acknowledged record. The leader epoch goes up by one, and producers and consumers move to the new leader.',
        'Partition 2 keeps its leader, broker 2, but its ISR shrinks to that one broker. Every partition is still available, but for now some have no spare copy.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 7500 },
      highlight: ['broker', 'inspector'],
      task: {
        text: 'Play past 8 s and read partition 0’s title line: leader broker 1, epoch 1, ISR {1}.',
        hint: 'Step with → (0.1 s at a time) around 8 s to catch the moment of the election.',
        check: (ctx) => ctx.sim.delivery()?.cluster.partitions.some((p) => p.leaderEpoch > 0) ?? false,
      },
    },
    {
      title: 'When no in-sync replica is left',
      body: [
        'Partition 0 now lives only on broker 1. If broker 1 fails too, no in-sync replica is left. By default Kafka does not promote a replica that was out of sync (`unclean.leader.election.enable=false`), because that could lose acknowledged records: the partition goes offline until an in-sync replica comes back.',
        'Writes to an offline partition fail for lack of a leader, while the other partitions carry on.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 10000 },
      highlight: ['broker'],
      task: {
        text: 'Press Crash broker 1 at the top of the Broker panel and look at partition 0: its leader is now none.',
        hint: 'Your crash becomes part of the run; “Remove added faults” takes it out again.',
        check: (ctx) =>
          ctx.injectedFaults.some((f) => f.startsWith('crashBroker:')) &&
          (ctx.sim.delivery()?.cluster.partitions.some((p) => p.leader === null) ?? false),
      },
    },
    {
      title: 'acks=all and min.insync.replicas',
      body: [
        'How safe a write is depends on the producer’s `acks`. With `acks=all` the leader answers only once every in-sync replica has the record. `min.insync.replicas` adds a floor: when the ISR is smaller than that, the leader refuses `acks=all` writes with NOT_ENOUGH_REPLICAS.',
        'This topic has replication factor 2 and `min.insync.replicas=2`. When broker 1 crashes at 5 s, partitions 0 and 1 (which have a copy on it) are left with one in-sync replica each, and their writes are refused until broker 1 is back at 11 s. Partition 2 is untouched. Durability wins over availability.',
      ],
      frame: { scenario: 'kafka-min-isr', seed: 2, timeMs: 4500 },
      highlight: ['broker'],
      task: {
        text: 'Play past 5 s until the broker starts refusing writes: a note appears above the partitions.',
        hint: 'The first refusal comes with the first payment for partition 0 or 1 after the crash.',
        check: (ctx) => (ctx.sim.delivery()?.refused.notEnoughReplicas ?? 0) > 0,
      },
    },
    {
      title: 'Choosing acks',
      body: [
        'With `acks=0` the producer does not wait at all, and a lost record goes unnoticed. With `acks=1` only the leader has the record when the producer hears back; if the leader dies before a follower copies it, an acknowledged record can vanish. With `acks=all`, three replicas and `min.insync.replicas=2`, a topic survives one broker failure without losing acknowledged data and still accepts writes.',
        'Broker 1 came back at 11 s, caught up with the leaders and rejoined the ISR, so the partitions accept writes again.',
      ],
      frame: { scenario: 'kafka-min-isr', seed: 2, timeMs: 12000 },
      highlight: ['broker', 'inspector'],
      task: {
        text: 'Click the title “Partition 1” and check in the inspector that both its replicas are in sync again.',
        hint: 'The inspector lists each replica as leader, in sync or out of sync.',
        check: (ctx) => ctx.selectedEntity?.kind === 'partition' && entityField(ctx, 'partition') === 1,
      },
    },
  ],
};
