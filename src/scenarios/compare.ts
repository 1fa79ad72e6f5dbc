import type { LogDeliverySpec, MessagingSpec, ScenarioSpec } from '../engine/types';

export type DeliveryModel = 'direct' | 'queue' | 'log';

export const modelNames: Record<DeliveryModel, string> = {
  direct: 'direct messaging',
  queue: 'queue broker',
  log: 'Kafka log',
};

/** The delivery model a scenario uses, if any. */
export function modelOf(spec: ScenarioSpec): DeliveryModel | null {
  return spec.delivery ? 'log' : (spec.messaging?.model ?? null);
}

interface ConsumerPlan {
  readonly id: string;
  readonly faults: readonly { readonly atMs: number; readonly kind: 'crashConsumer' | 'restartConsumer' }[];
}

/**
 * The same scenario delivered another way, for side-by-side comparison. Consumers keep their names
 * and their crash/restart times. Direct messaging fans out to every consumer, so in a Kafka log each
 * consumer becomes a group of its own (each reads everything), and in a queue broker the consumers
 * compete for messages (each message goes to one of them), as the models themselves differ.
 */
export function asModel(spec: ScenarioSpec, model: DeliveryModel): ScenarioSpec {
  const consumers = consumerPlan(spec);
  const { delivery: _d, messaging: _m, ...base } = spec;
  if (model === 'log') {
    const delivery: LogDeliverySpec = {
      model: 'log',
      brokers: 1,
      partitions: 1,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      replicaLagTimeMaxMs: 30000,
      replicaFetchDelayMs: 0,
      acks: 1,
      unkeyedPartitioner: 'sticky',
      stickyBatchRecords: 16,
      retention: { ms: null, records: null, segmentRecords: 50 },
      groups: consumers.map((c) => ({
        id: c.id,
        assignor: 'range',
        autoOffsetReset: 'earliest',
        commitMode: 'afterProcessing',
        autoCommitIntervalMs: 5000,
        sessionTimeoutMs: 3000,
        maxPollRecords: 50,
        pollIntervalMs: 200,
        processingMsPerRecord: 0,
        members: [{ id: c.id, joinAtMs: 0 }],
      })),
      faults: consumers
        .flatMap((c) => c.faults.map((f) => ({ atMs: f.atMs, kind: f.kind, group: c.id, member: c.id })))
        .sort((a, b) => a.atMs - b.atMs),
    };
    return { ...base, delivery };
  }
  const messaging: MessagingSpec = {
    model,
    consumers: consumers.map((c) => ({ id: c.id })),
    processingMsPerRecord: spec.messaging?.processingMsPerRecord ?? 100,
    faults: consumers
      .flatMap((c) => c.faults.map((f) => ({ atMs: f.atMs, kind: f.kind, consumer: c.id })))
      .sort((a, b) => a.atMs - b.atMs),
  };
  return { ...base, messaging };
}

function consumerPlan(spec: ScenarioSpec): ConsumerPlan[] {
  if (spec.messaging) {
    return spec.messaging.consumers.map((c) => ({
      id: c.id,
      faults: spec
        .messaging!.faults.filter((f) => f.consumer === c.id)
        .map((f) => ({ atMs: f.atMs, kind: f.kind })),
    }));
  }
  if (spec.delivery) {
    // One consumer per group; it is down whenever the group's first member is.
    return spec.delivery.groups.map((g) => {
      const first = g.members[0]?.id;
      const faults = spec.delivery!.faults.flatMap((f) =>
        'group' in f &&
        f.group === g.id &&
        f.member === first &&
        (f.kind === 'crashConsumer' || f.kind === 'restartConsumer')
          ? [{ atMs: f.atMs, kind: f.kind }]
          : [],
      );
      return { id: g.id, faults };
    });
  }
  return [{ id: 'consumer', faults: [] }];
}
