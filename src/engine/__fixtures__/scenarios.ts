import fc from 'fast-check';
import type {
  DelayModel,
  ExplicitTupleSpec,
  KeyDistribution,
  LogDeliverySpec,
  MessagingSpec,
  ProducerSpec,
  ScenarioSpec,
} from '../types';

/** Random but valid scenarios for property tests: small enough to run hundreds of times. */
const delay: fc.Arbitrary<DelayModel> = fc.oneof(
  fc.record({ kind: fc.constant('constant' as const), ms: fc.integer({ min: 0, max: 2000 }) }),
  fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 3000 }))
    .map(([a, b]) => ({ kind: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc.record({ kind: fc.constant('exponential' as const), meanMs: fc.integer({ min: 0, max: 1500 }) }),
);

const distribution = (keys: string[]): fc.Arbitrary<KeyDistribution> =>
  fc.oneof(
    fc.constant({ kind: 'uniform' as const }),
    fc.record({ kind: fc.constant('zipf' as const), exponent: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
    fc.record({
      kind: fc.constant('hotKey' as const),
      key: fc.constantFrom(...keys),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );

function producer(index: number, durationMs: number, lossy: boolean): fc.Arbitrary<ProducerSpec> {
  return fc.integer({ min: 1, max: 5 }).chain((keyCount) => {
    const keys = Array.from({ length: keyCount }, (_, i) => `k${i}`);
    return fc
      .record({
        ratePerSec: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 40 }),
          fc.double({ min: 0.5, max: 30, noNaN: true }),
        ),
        arrivals: fc.constantFrom('fixed' as const, 'poisson' as const),
        startMs: fc.integer({ min: 0, max: Math.floor(durationMs / 2) }),
        keyDistribution: distribution(keys),
        delay,
        jitter: fc.record({
          probability: fc.double({ min: 0, max: 0.5, noNaN: true }),
          maxMs: fc.integer({ min: 0, max: 4000 }),
        }),
        offline: fc
          .uniqueArray(fc.integer({ min: 0, max: durationMs }), { minLength: 0, maxLength: 4 })
          .map((cuts) => {
            const sorted = cuts.sort((a, b) => a - b);
            const periods = [];
            for (let i = 0; i + 1 < sorted.length; i += 2)
              periods.push({ fromMs: sorted[i]!, toMs: sorted[i + 1]! });
            return periods;
          }),
        dropProbability: lossy ? fc.constantFrom(0, 0.2) : fc.constant(0),
        keyed: fc.boolean(),
        payloadKind: fc.constantFrom('structured', 'semiStructured', 'unstructured'),
      })
      .map((r) => ({
        id: `p${index}`,
        label: `Producer ${index}`,
        ratePerSec: r.ratePerSec,
        arrivals: r.arrivals,
        startMs: r.startMs,
        stopMs: durationMs,
        keys,
        keyDistribution: r.keyDistribution,
        value: { min: 0, max: 10, decimals: 1 },
        payload:
          r.payloadKind === 'structured'
            ? { kind: 'structured' as const, keyColumn: 'key', valueColumn: 'value', unit: '' }
            : r.payloadKind === 'semiStructured'
              ? { kind: 'semiStructured' as const }
              : { kind: 'unstructured' as const, templates: ['{key} did {value}'] },
        delay: r.delay,
        jitter: r.jitter,
        offline: r.offline,
        dropProbability: r.dropProbability,
        keyed: r.keyed,
      }));
  });
}

function explicitTuples(durationMs: number, producerIds: string[]): fc.Arbitrary<ExplicitTupleSpec[]> {
  return fc.array(
    fc
      .record({
        producer: fc.constantFrom('scripted', ...producerIds),
        key: fc.constantFrom('x', 'y', 'k0'),
        value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 4 })),
        eventTime: fc.integer({ min: 0, max: durationMs }),
        lag: fc.integer({ min: 0, max: 5000 }),
      })
      .map(({ lag, ...t }) => ({ ...t, arrivalTime: t.eventTime + lag })),
    { maxLength: 6 },
  );
}

/** Direct messaging or a queue broker, with consumers going down and coming back. */
export function messagingArbitrary(durationMs: number): fc.Arbitrary<MessagingSpec> {
  return fc
    .record({
      model: fc.constantFrom('direct' as const, 'queue' as const),
      consumers: fc.integer({ min: 1, max: 3 }),
      processingMsPerRecord: fc.integer({ min: 0, max: 300 }),
      faults: fc.array(
        fc.record({
          atMs: fc.integer({ min: 0, max: durationMs }),
          kind: fc.constantFrom('crashConsumer' as const, 'restartConsumer' as const),
          consumer: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 6 },
      ),
    })
    .map((r) => ({
      model: r.model,
      consumers: Array.from({ length: r.consumers }, (_, i) => ({ id: `m${i}` })),
      processingMsPerRecord: r.processingMsPerRecord,
      faults: r.faults
        .map((f) => ({ atMs: f.atMs, kind: f.kind, consumer: `m${f.consumer % r.consumers}` }))
        .sort((a, b) => a.atMs - b.atMs),
    }));
}

/** A Kafka-style delivery with consumer groups and scripted faults within the run. */
export function logDeliveryArbitrary(durationMs: number): fc.Arbitrary<LogDeliverySpec> {
  const at = fc.integer({ min: 0, max: durationMs });
  return fc
    .record({
      brokers: fc.integer({ min: 1, max: 4 }),
      partitions: fc.integer({ min: 1, max: 6 }),
      rf: fc.integer({ min: 1, max: 4 }),
      minIsr: fc.integer({ min: 1, max: 3 }),
      replicaFetchDelayMs: fc.integer({ min: 0, max: 500 }),
      acks: fc.constantFrom<LogDeliverySpec['acks']>(0, 1, 'all'),
      unkeyedPartitioner: fc.constantFrom<LogDeliverySpec['unkeyedPartitioner']>('sticky', 'roundRobin'),
      stickyBatchRecords: fc.integer({ min: 1, max: 20 }),
      retentionMs: fc.option(fc.integer({ min: 0, max: 10000 }), { freq: 2 }),
      retentionRecords: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 2 }),
      segmentRecords: fc.integer({ min: 1, max: 30 }),
      groups: fc.array(
        fc.record({
          assignor: fc.constantFrom('range' as const, 'roundrobin' as const, 'cooperative-sticky' as const),
          autoOffsetReset: fc.constantFrom('earliest' as const, 'latest' as const),
          commitMode: fc.constantFrom(
            'auto' as const,
            'afterProcessing' as const,
            'beforeProcessing' as const,
          ),
          autoCommitIntervalMs: fc.integer({ min: 100, max: 5000 }),
          sessionTimeoutMs: fc.integer({ min: 100, max: 5000 }),
          maxPollRecords: fc.integer({ min: 1, max: 20 }),
          pollIntervalMs: fc.integer({ min: 10, max: 1000 }),
          processingMsPerRecord: fc.integer({ min: 0, max: 200 }),
          members: fc.integer({ min: 1, max: 3 }),
          joinAtMs: at,
        }),
        { maxLength: 2 },
      ),
      faults: fc.array(
        fc.record({
          atMs: at,
          kind: fc.constantFrom(
            'crashBroker',
            'restartBroker',
            'crashConsumer',
            'restartConsumer',
            'addConsumer',
            'removeConsumer',
          ),
          target: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 6 },
      ),
    })
    .map((r): LogDeliverySpec => {
      const replicationFactor = Math.min(r.rf, r.brokers);
      const groups = r.groups.map((g, gi) => ({
        id: `g${gi}`,
        assignor: g.assignor,
        autoOffsetReset: g.autoOffsetReset,
        commitMode: g.commitMode,
        autoCommitIntervalMs: g.autoCommitIntervalMs,
        sessionTimeoutMs: g.sessionTimeoutMs,
        maxPollRecords: g.maxPollRecords,
        pollIntervalMs: g.pollIntervalMs,
        processingMsPerRecord: g.processingMsPerRecord,
        members: Array.from({ length: g.members }, (_, mi) => ({
          id: `c${mi}`,
          joinAtMs: mi === 0 ? 0 : g.joinAtMs,
        })),
      }));
      const faults = r.faults
        .flatMap((f): LogDeliverySpec['faults'][number][] => {
          if (f.kind === 'crashBroker' || f.kind === 'restartBroker') {
            return [{ atMs: f.atMs, kind: f.kind, broker: f.target % r.brokers }];
          }
          const g = groups[f.target % Math.max(1, groups.length)];
          if (!g) return [];
          const member =
            f.kind === 'addConsumer' ? `extra${f.target}` : g.members[f.target % g.members.length]!.id;
          return [{ atMs: f.atMs, kind: f.kind as 'crashConsumer', group: g.id, member }];
        })
        .sort((a, b) => a.atMs - b.atMs);
      return {
        model: 'log',
        brokers: r.brokers,
        partitions: r.partitions,
        replicationFactor,
        minInsyncReplicas: Math.min(r.minIsr, replicationFactor),
        replicaLagTimeMaxMs: 30000,
        replicaFetchDelayMs: r.replicaFetchDelayMs,
        acks: r.acks,
        unkeyedPartitioner: r.unkeyedPartitioner,
        stickyBatchRecords: r.stickyBatchRecords,
        groups,
        faults,
        retention: { ms: r.retentionMs, records: r.retentionRecords, segmentRecords: r.segmentRecords },
      };
    });
}

export function scenarioArbitrary(
  options: { lossy?: boolean; delivery?: boolean } = {},
): fc.Arbitrary<ScenarioSpec> {
  return (
    fc
      .record({
        tickMs: fc.constantFrom(7, 10, 50, 100, 250, 1000),
        ticks: fc.integer({ min: 1, max: 300 }),
        producerCount: fc.integer({ min: 1, max: 3 }),
        boundMs: fc.integer({ min: 0, max: 3000 }),
      })
      // A whole number of ticks, at most 15 s.
      .map((r) => ({
        ...r,
        durationMs: r.tickMs * Math.max(1, Math.min(r.ticks, Math.floor(15000 / r.tickMs))),
      }))
      .chain(({ durationMs, tickMs, producerCount, boundMs }) =>
        fc
          .tuple(
            ...Array.from({ length: producerCount }, (_, i) =>
              producer(i, durationMs, options.lossy ?? false),
            ),
          )
          .chain((producers) =>
            explicitTuples(
              durationMs,
              producers.map((p) => p.id),
            ).map(
              (tuples): ScenarioSpec => ({
                version: 1,
                name: 'random',
                description: '',
                durationMs,
                tickMs,
                seed: 1,
                lateness: { boundMs },
                producers,
                tuples,
              }),
            ),
          ),
      )
      .chain((spec) =>
        options.delivery
          ? fc.oneof(
              fc.constant(spec),
              logDeliveryArbitrary(spec.durationMs).map((delivery) => ({ ...spec, delivery })),
              messagingArbitrary(spec.durationMs).map((messaging) => ({ ...spec, messaging })),
            )
          : fc.constant(spec),
      )
  );
}

/** One busy Poisson producer with jitter and an offline period: every tuple category appears. */
export function denseSpec(): ScenarioSpec {
  return {
    version: 1,
    name: 'dense',
    description: '',
    durationMs: 20000,
    tickMs: 100,
    seed: 1,
    lateness: { boundMs: 300 },
    producers: [
      {
        id: 'p',
        label: 'p',
        ratePerSec: 50,
        arrivals: 'poisson',
        startMs: 0,
        stopMs: 20000,
        keys: ['a', 'b', 'c'],
        keyDistribution: { kind: 'uniform' },
        value: { min: 0, max: 10, decimals: 0 },
        payload: { kind: 'structured', keyColumn: 'key', valueColumn: 'value', unit: '' },
        delay: { kind: 'uniform', minMs: 0, maxMs: 800 },
        jitter: { probability: 0.1, maxMs: 2000 },
        offline: [{ fromMs: 5000, toMs: 7000 }],
        dropProbability: 0,
        keyed: true,
      },
    ],
    tuples: [],
  };
}
