/**
 * What the pipeline map says about each node at the cursor: a status line, and whether the node is
 * down (greyed with a cross) or in trouble. Faults show at their moment: a crashed broker or
 * consumer, a partition without a leader, a rebalancing group, a producer offline, a driver or a
 * query restarting. Read from the run's state at the cursor, nothing else.
 */
import type { Simulation } from '../../engine';
import { consumerNode, memberNode, partitionNode, producerNode } from './topology';

export type ReplicaRole = 'leader' | 'inSync' | 'outOfSync' | 'offline';

export interface NodeStatus {
  readonly line: string;
  /** A partition's replicas, in assignment order, and what each one is now. */
  readonly replicas?: readonly { readonly broker: number; readonly role: ReplicaRole }[];
  readonly down?: boolean;
  readonly warn?: boolean;
}

export interface MapStatus {
  readonly nodes: ReadonlyMap<string, NodeStatus>;
  /** Fetch edges in use now (a partition assigned to a member; a queue consumer online). */
  readonly activeEdges: ReadonlySet<string>;
  /** Brokers that are down, for the cluster's header. */
  readonly brokersDown: readonly number[];
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function statusAt(sim: Simulation, pending = sim.pending()): MapStatus {
  const nodes = new Map<string, NodeStatus>();
  const active = new Set<string>();
  const now = sim.timeMs;
  const spec = sim.scenario.spec;

  const buffered = new Array<number>(sim.scenario.producers.length).fill(0);
  for (const id of pending) {
    const t = sim.tupleMark(id);
    if (t?.status === 'buffered') buffered[t.producerIndex] = (buffered[t.producerIndex] ?? 0) + 1;
  }
  sim.scenario.producers.forEach((p, i) => {
    const offline = p.spec.offline.some((o) => o.fromMs <= now && now < o.toMs);
    if (offline) nodes.set(producerNode(i), { line: `offline · holding ${buffered[i]}`, warn: true });
  });

  let brokersDown: number[] = [];
  const delivery = sim.delivery();
  if (delivery) {
    brokersDown = delivery.cluster.alive.flatMap((alive, b) => (alive ? [] : [b]));
    nodes.set('cluster', {
      line:
        brokersDown.length === 0
          ? 'every broker up'
          : `✕ broker${brokersDown.length === 1 ? '' : 's'} ${brokersDown.join(', ')} down`,
      warn: brokersDown.length > 0,
    });
    for (const p of delivery.cluster.partitions) {
      const replicas = p.assignment.map((broker) => ({
        broker,
        role: (!delivery.cluster.alive[broker]
          ? 'offline'
          : broker === p.leader
            ? 'leader'
            : p.isr.includes(broker)
              ? 'inSync'
              : 'outOfSync') as ReplicaRole,
      }));
      const isr = `in sync ${p.isr.map((b) => `B${b}`).join(', ')}`;
      nodes.set(
        partitionNode(p.partition),
        p.leader === null
          ? { line: 'no leader: offline', down: true, replicas }
          : { line: `leader B${p.leader}, ${isr}`, warn: p.isr.length < p.assignment.length, replicas },
      );
    }
    delivery.groups.forEach((g, gi) => {
      const roster = delivery.rosters[gi] ?? [];
      for (const id of roster) {
        const m = g.members.find((x) => x.memberId === id);
        if (!m) {
          nodes.set(memberNode(gi, id), { line: 'not in the group', down: true });
          continue;
        }
        if (!m.alive) {
          nodes.set(memberNode(gi, id), { line: 'crashed', down: true });
          continue;
        }
        const parts = m.assigned.map((tp) => tp.partition).sort((a, b) => a - b);
        for (const p of parts) active.add(`${partitionNode(p)}->${memberNode(gi, id)}`);
        nodes.set(memberNode(gi, id), {
          line:
            parts.length === 0
              ? g.rebalancePending
                ? 'waiting for the rebalance'
                : 'no partitions'
              : `reads P${parts.join(', P')}`,
        });
      }
      nodes.set(`group:${gi}`, {
        line: g.rebalancePending ? `rebalancing · generation ${g.generation}` : `generation ${g.generation}`,
        warn: g.rebalancePending,
      });
    });
  }

  const messaging = sim.messaging();
  if (messaging) {
    for (const c of messaging.consumers) {
      const id = consumerNode(c.id);
      if (!c.online)
        nodes.set(id, {
          line: messaging.model === 'direct' ? `down · missed ${c.missed}` : 'down',
          down: true,
        });
      else {
        nodes.set(id, {
          line: messaging.model === 'queue' ? `acknowledged ${c.acknowledged}` : `received ${c.received}`,
        });
        if (messaging.model === 'queue') active.add(`queue->${id}`);
      }
    }
    if (messaging.model === 'queue') nodes.set('queue', { line: `${messaging.queue.length} waiting` });
  }

  const run = sim.streaming();
  if (run) {
    const recovery = run.recoveries.find((r) => r.crashMs <= now && now < r.restartMs);
    if (recovery) {
      nodes.set('app', { line: `driver down · restarts at ${seconds(recovery.restartMs)}`, down: true });
    } else {
      const batches = run.batches.filter((b) => b.generatedAtMs <= now);
      const running = batches.find(
        (b) => b.startMs !== null && b.startMs <= now && (b.endMs ?? Infinity) > now,
      );
      const queued = batches.filter(
        (b) => b.jobs > 0 && (b.startMs === null || b.startMs > now) && b.killedAtMs === null,
      ).length;
      nodes.set('app', {
        line: run.error
          ? 'did not start'
          : running
            ? `batch ${seconds(running.timeMs)} running${queued ? ` · ${queued} queued` : ''}`
            : 'waiting for the next batch',
        warn: queued > 1,
        ...(run.error ? { down: true } : {}),
      });
    }
  }

  const query = sim.query();
  if (query) {
    const current = query.runs.filter((r) => r.startMs <= now).at(-1);
    if (!current) nodes.set('app', { line: `starts at ${seconds(spec.query?.startAtMs ?? 0)}` });
    else if (current.stoppedMs !== null && current.stoppedMs <= now) {
      const next = query.runs.find((r) => r.startMs > now);
      nodes.set('app', {
        line: `stopped (${current.stopReason ?? 'stopped'})${next ? ` · restarts at ${seconds(next.startMs)}` : ''}`,
        down: true,
      });
    } else {
      const done = query.batches.filter((b) => b.commitMs <= now).length;
      nodes.set('app', { line: `run ${current.index + 1} · ${done} batches done` });
    }
  }
  return { nodes, activeEdges: active, brokersDown };
}
