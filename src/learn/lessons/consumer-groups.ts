import type { Simulation } from '../../engine';
import type { Lesson } from '../types';

/** The first consumer group's members at the cursor (empty without one). */
function members(sim: Simulation) {
  return sim.delivery()?.groups[0]?.members ?? [];
}

/** Whether one running member of the first group reads every partition of the topic. */
function oneMemberOwnsAll(sim: Simulation): boolean {
  const partitions = sim.delivery()?.cluster.partitions.length ?? 0;
  return members(sim).some((m) => m.alive && m.assigned.length === partitions);
}

export const consumerGroupsLesson: Lesson = {
  id: 'consumer-groups',
  topic: 'consumer-groups',
  title: 'Consumer groups and offsets',
  summary:
    'The members of a consumer group share a topic’s partitions, record their progress as committed offsets, and rebalance when one joins, leaves or dies.',
  steps: [
    {
      title: 'A group shares the partitions',
      body: [
        'Consumers that share a `group.id` form a consumer group. Kafka gives each partition of the topic to exactly one member of the group, so the members divide the work and each record is processed by one of them. Another group reads the same topic independently, with offsets of its own.',
        'Here the group `analytics` has two members, and the range assignor gives c1 partitions 0 and 1 and c2 partition 2. The pipeline map draws each assignment as a solid line from a partition to its member. The Consumers panel shows who reads what, each partition’s committed offset and high watermark, and the lag between the two.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 5000 },
      highlight: ['map:consumers', 'consumers', 'broker'],
      task: {
        text: 'Click c1 in the Consumers panel to inspect it: its partitions, the offset it will fetch next from each, and what the group has committed.',
        hint: 'The member names in the first table of the Consumers panel are buttons.',
        check: (ctx) => ctx.selectedEntity?.kind === 'member',
      },
    },
    {
      title: 'Committed offsets, and a crash',
      body: [
        'A consumer records its progress by committing offsets to Kafka. With `enable.auto.commit` the client commits the positions of its polls every `auto.commit.interval.ms`, 3 s here. Between two commits, records are processed but not yet committed.',
        // ConsumerGroupCommand (kafka-consumer-groups.sh): LAG = latest offset − committed offset, and the
        // broker answers "latest" with the high watermark (Partition.fetchOffsetForTimestamp,
        // READ_UNCOMMITTED); the last stable offset for read_committed (ConsumerConfig.ISOLATION_LEVEL_DOC).
        'Lag is the high watermark minus the committed offset, as `kafka-consumer-groups.sh` reports it: how far behind the group is. It stops at the high watermark, not at the leader’s log end offset, because no consumer can read past it yet. The small chart under the tables shows lag over time. At 12 s, consumer c1 crashes.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 9000 },
      highlight: ['consumers'],
      task: {
        text: 'Play past 12 s, until c1 crashes, and watch the lag of partitions 0 and 1 begin to grow.',
        hint: 'The member table then shows c1 as crashed, with the moment its session expires.',
        check: (ctx) => members(ctx.sim).some((m) => !m.alive),
      },
    },
    {
      title: 'Rebalancing after a session timeout',
      body: [
        // ConsumerConfig: session.timeout.ms defaults to 45000; GroupCoordinatorConfig:
        // group.min.session.timeout.ms defaults to 6000 ("The minimum allowed session timeout for
        // registered consumers").
        'A crashed consumer stops sending heartbeats, but the group coordinator waits `session.timeout.ms` before declaring it dead: 45 s by default, 4 s here. This demo’s broker allows 4 s; a real broker refuses a session timeout below `group.min.session.timeout.ms` (6 s by default), so it would need that minimum lowered. Until then the crashed member’s partitions stay assigned to it, and nobody reads them.',
        'Then the group rebalances, a new generation begins, and c2 takes over all three partitions. It starts from the last committed offsets, so the records c1 processed after its last commit are processed a second time. That is at-least-once delivery.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 12500 },
      highlight: ['consumers', 'broker'],
      task: {
        text: 'Play until c2 owns all three partitions.',
        hint: 'c1 crashed at 12 s; add the 4 s session timeout.',
        check: (ctx) => oneMemberOwnsAll(ctx.sim),
      },
    },
    {
      title: 'Leaving cleanly',
      body: [
        'A consumer that shuts down properly tells the coordinator it is leaving (a LeaveGroup request), and the group rebalances at once, with no session timeout to wait for.',
        'A crash and a clean exit end the same way; they differ in how long the dead member’s partitions go unread.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 4000 },
      highlight: ['consumers'],
      task: {
        text: 'Press “Stop c1 cleanly” and see c2 take all three partitions straight away.',
        hint: 'The button is next to “Crash c1” under the tables of the Consumers panel.',
        check: (ctx) =>
          ctx.injectedFaults.some((f) => f.startsWith('removeConsumer:')) && oneMemberOwnsAll(ctx.sim),
      },
    },
    {
      title: 'More consumers than partitions',
      body: [
        'Within a group a partition is read by one member at most, so a group can put at most as many consumers to work as the topic has partitions. Any extra consumers sit idle, as standbys that take over when another fails.',
        'To read faster, add partitions, preferably early: adding partitions changes which partition a key hashes to, so records of one key written before and after the change end up in different partitions.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 4000 },
      highlight: ['consumers'],
      task: {
        text: 'Press Add consumer twice (c3, then c4). With three partitions, one of the four members gets none.',
        hint: 'The Partitions column of the member table shows “—” for a member with nothing to read.',
        check: (ctx) => {
          const partitions = ctx.sim.delivery()?.cluster.partitions.length ?? 0;
          const running = members(ctx.sim).filter((m) => m.alive);
          return running.length > partitions && running.some((m) => m.assigned.length === 0);
        },
      },
    },
    {
      title: 'Static members and cooperative rebalancing',
      body: [
        // ConsumerConfig.GROUP_INSTANCE_ID_DOC and KIP-345: a static member avoids "group rebalances caused
        // by transient unavailability (e.g. process restarts)" and sends no LeaveGroup when it stops.
        'Two features make rebalances cheaper. A consumer that sets `group.instance.id` is a static member (KIP-345): it sends no LeaveGroup when it stops, and if it is back under the same id within `session.timeout.ms`, it gets its old partitions back with no rebalance. Rolling restarts then pause one member’s partitions at a time instead of rebalancing the group twice per restart.',
        // ConsumerPartitionAssignor.RebalanceProtocol: EAGER revokes all owned partitions; COOPERATIVE
        // keeps them and revokes only what is reassigned "in the next rebalance event" (KIP-429).
        'The range assignor used here is eager: at every rebalance each member first gives up all its partitions, so the whole group stops reading until the new assignment arrives. With `CooperativeStickyAssignor` (KIP-429) members keep the partitions that stay theirs and give up only those that move; a second, short rebalance hands those to their new owner, while the rest of the group reads on.',
        'This scenario uses neither, but the simulator models both. In Edit scenario, set the group’s Assignor to cooperative-sticky in the Broker tab, or give a member an `instanceId` in the JSON tab, then replay c1’s crash and compare who reads what while the group rebalances.',
      ],
      frame: { scenario: 'kafka-failover', seed: 4, timeMs: 16500 },
      highlight: ['consumers'],
    },
  ],
};
