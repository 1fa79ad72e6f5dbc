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

/**
 * Outcome of a run at its cursor, from its state and the counts the engine keeps per tick as the
 * trace grows (`OutcomeCounters`): O(consumers + partitions) per call, not a scan of the trace.
 */
export function deliveryOutcome(sim: Simulation): DeliveryOutcome {
  const messaging = sim.messaging();
  const delivery = sim.delivery();
  const counts = sim.outcomeCounts();
  if (messaging && counts) {
    const queue = messaging.model === 'queue';
    return {
      model: messaging.model,
      consumers: messaging.consumers.map((c, i) => ({
        id: c.id,
        up: c.online,
        received: counts.received[i] ?? 0,
        lost: c.missed,
        duplicates: counts.duplicates[i] ?? 0,
      })),
      stored: queue ? messaging.queue.length : 0,
      replayable: false,
    };
  }
  if (delivery && counts) {
    const spec = sim.scenario.spec.delivery!;
    return {
      model: 'log',
      consumers: delivery.groups.map((g, i) => ({
        id: spec.groups[i]!.id,
        up: g.members.some((m) => m.alive),
        received: counts.received[i] ?? 0,
        // Never processed, and now behind the group's committed offset (skipped) or deleted by retention.
        lost: counts.lost[i] ?? 0,
        duplicates: counts.duplicates[i] ?? 0,
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
