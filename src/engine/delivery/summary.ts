import type { Simulation } from '../simulation';

/** What each consumer got, whatever the delivery model: the numbers the comparison view shows. */
export interface ConsumerOutcome {
  readonly id: string;
  readonly up: boolean;
  /** Distinct messages this consumer processed (or was handed, for direct messaging). */
  readonly received: number;
  /** Messages this consumer will never get: sent while it was down, with nothing kept to re-read. */
  readonly lost: number;
  /** Extra processings of messages it had already processed (at-least-once duplicates). */
  readonly duplicates: number;
}

export interface DeliveryOutcome {
  readonly model: 'direct' | 'queue' | 'log' | null;
  readonly consumers: readonly ConsumerOutcome[];
  /** Messages the broker still holds and can hand out again (or for the first time). */
  readonly stored: number;
  /** Whether consumers can go back and read old messages again. */
  readonly replayable: boolean;
}

/** Outcome of a run at its cursor, from its state and its trace so far. */
export function deliveryOutcome(sim: Simulation): DeliveryOutcome {
  const messaging = sim.messaging();
  const delivery = sim.delivery();
  const entries = sim.traceRange(0, sim.frame().traceLength);
  if (messaging) {
    const queue = messaging.model === 'queue';
    const seen = messaging.consumers.map(() => new Map<number, number>());
    const kind = queue ? 'acknowledged' : 'delivered';
    for (const e of entries)
      if (e.kind === kind) seen[e.a]?.set(e.tupleId, (seen[e.a]!.get(e.tupleId) ?? 0) + 1);
    return {
      model: messaging.model,
      consumers: messaging.consumers.map((c, i) => ({
        id: c.id,
        up: c.online,
        received: seen[i]!.size,
        lost: c.missed,
        duplicates: [...seen[i]!.values()].reduce((n, v) => n + v - 1, 0),
      })),
      stored: queue ? messaging.queue.length : 0,
      replayable: false,
    };
  }
  if (delivery) {
    const spec = sim.scenario.spec.delivery!;
    const seen = delivery.groups.map(() => new Map<number, number>());
    // Records that made it into a log (and were not truncated away by a failover): partition, offset.
    const stored = new Map<number, { partition: number; offset: number }>();
    for (const e of entries) {
      if (e.kind === 'processed') seen[e.a]?.set(e.tupleId, (seen[e.a]!.get(e.tupleId) ?? 0) + 1);
      else if (e.kind === 'appended') stored.set(e.tupleId, { partition: e.a, offset: e.b });
      else if (e.kind === 'truncated' && stored.get(e.tupleId)?.offset === e.b) stored.delete(e.tupleId);
    }
    // Lost for a group: never processed, and now behind its committed offset (skipped) or deleted by retention.
    const lostFor = (gi: number) => {
      const g = delivery.groups[gi]!;
      let lost = 0;
      for (const [tupleId, at] of stored) {
        const p = delivery.cluster.partitions[at.partition]!;
        const gone = at.offset < Math.max(g.committed[at.partition] ?? 0, p.logStartOffset);
        if (gone && !seen[gi]!.has(tupleId)) lost++;
      }
      return lost;
    };
    return {
      model: 'log',
      consumers: delivery.groups.map((g, i) => ({
        id: spec.groups[i]!.id,
        up: g.members.some((m) => m.alive),
        received: seen[i]!.size,
        lost: lostFor(i),
        duplicates: [...seen[i]!.values()].reduce((n, v) => n + v - 1, 0),
      })),
      stored: delivery.cluster.partitions.reduce((n, p) => {
        const leader = p.replicas.find((r) => r.broker === p.leader);
        return n + (leader ? leader.log.length : 0);
      }, 0),
      replayable: true,
    };
  }
  return { model: null, consumers: [], stored: 0, replayable: false };
}
