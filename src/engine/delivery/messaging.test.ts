import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseSpec } from '../__fixtures__/scenarios';
import { Simulation } from '../simulation';
import type { MessagingSpec, ScenarioSpec } from '../types';

function run(messaging: MessagingSpec, durationMs = 20000): Simulation {
  const spec: ScenarioSpec = { ...denseSpec(), durationMs, messaging };
  const sim = new Simulation(spec, 3);
  while (sim.step());
  return sim;
}

const kinds = (sim: Simulation, kind: string) =>
  sim.traceRange(0, sim.frame().traceLength).filter((e) => e.kind === kind);

describe('direct messaging', () => {
  const direct: MessagingSpec = {
    model: 'direct',
    consumers: [{ id: 'a' }, { id: 'b' }],
    processingMsPerRecord: 0,
    faults: [
      { atMs: 5000, kind: 'crashConsumer', consumer: 'b' },
      { atMs: 9000, kind: 'restartConsumer', consumer: 'b' },
    ],
  };

  it('every consumer online gets every message; one that is down misses what was sent meanwhile, for good', () => {
    const sim = run(direct);
    const m = sim.messaging()!;
    const arrived = sim.frame().arrived;
    const [a, b] = m.consumers;
    expect(a!.received).toBe(arrived);
    expect(b!.received + b!.missed).toBe(arrived);
    const missed = kinds(sim, 'missed');
    expect(missed.length).toBe(b!.missed);
    expect(missed.length).toBeGreaterThan(100);
    // Exactly the messages that arrived while b was down, and nothing brings them back.
    for (const e of missed) expect(e.timeMs).toBeGreaterThan(4900);
    for (const e of missed) expect(e.timeMs).toBeLessThanOrEqual(9000);
    expect(
      kinds(sim, 'delivered').filter((e) => e.a === 1 && missed.some((x) => x.tupleId === e.tupleId)),
    ).toEqual([]);
  });
});

describe('queue broker', () => {
  const queue: MessagingSpec = {
    model: 'queue',
    consumers: [{ id: 'a' }, { id: 'b' }],
    processingMsPerRecord: 50,
    faults: [
      { atMs: 3000, kind: 'crashConsumer', consumer: 'a' },
      { atMs: 3000, kind: 'crashConsumer', consumer: 'b' },
      { atMs: 8000, kind: 'restartConsumer', consumer: 'a' },
    ],
  };

  it('keeps messages while nobody consumes, hands each to one consumer, deletes it on acknowledgement', () => {
    const sim = new Simulation({ ...denseSpec(), durationMs: 20000, messaging: queue }, 3);
    sim.seekTime(7900);
    // Both consumers are down: the queue grows.
    expect(sim.messaging()!.queue.length).toBeGreaterThan(150);
    while (sim.step());
    const acked = kinds(sim, 'acknowledged').map((e) => e.tupleId);
    expect(new Set(acked).size).toBe(acked.length); // each message acknowledged once
    const m = sim.messaging()!;
    const holding = m.consumers.filter((c) => c.current !== null).length;
    // Every message is acknowledged, waiting, or being processed: none lost, none kept after its ack.
    expect(acked.length + m.queue.length + holding).toBe(sim.frame().arrived);
    for (const id of acked) expect(m.queue).not.toContain(id);
  });

  it('a consumer that dies before acknowledging puts its message back at the head of the queue', () => {
    const sim = run(queue);
    const redelivered = kinds(sim, 'redelivered');
    expect(redelivered.length).toBeGreaterThan(0);
    for (const r of redelivered)
      expect(kinds(sim, 'acknowledged').some((e) => e.tupleId === r.tupleId && e.timeMs > r.timeMs)).toBe(
        true,
      );
  });

  it('replays exactly after a seek', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (where) => {
        const a = new Simulation({ ...denseSpec(), messaging: queue }, 5);
        const target = Math.floor(where * a.lastTick);
        while (a.tick < target) a.step();
        const b = new Simulation({ ...denseSpec(), messaging: queue }, 5);
        b.seek(b.lastTick);
        b.seek(target);
        expect(b.snapshot()).toEqual(a.snapshot());
      }),
      { numRuns: 30 },
    );
  });
});
