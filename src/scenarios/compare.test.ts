import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine';
import { deliveryOutcome } from '../engine/delivery/summary';
import { asModel, modelOf } from './compare';
import { findPreset } from './presets';
import { parseScenario } from './validate';

const direct = findPreset('direct-messaging')!.scenario;

function outcome(model: 'direct' | 'queue' | 'log') {
  const spec = asModel(direct, model);
  const sim = new Simulation(spec, direct.seed);
  while (sim.step());
  return { spec, sim, o: deliveryOutcome(sim) };
}

describe('comparing delivery models on the same tuples', () => {
  it('produces valid scenarios of the requested model, with the same consumers and crash times', () => {
    for (const m of ['direct', 'queue', 'log'] as const) {
      const { spec } = outcome(m);
      expect(modelOf(spec)).toBe(m);
      const r = parseScenario(JSON.parse(JSON.stringify(spec)));
      expect(r.ok ? [] : r.problems).toEqual([]);
    }
    expect(asModel(direct, 'log').delivery!.faults).toEqual([
      { atMs: 6000, kind: 'crashConsumer', group: 'billing', member: 'billing' },
      { atMs: 12000, kind: 'restartConsumer', group: 'billing', member: 'billing' },
    ]);
  });

  it('direct messaging loses what a down consumer missed; a log delivers everything to both and keeps it', () => {
    const d = outcome('direct');
    const log = outcome('log');
    const arrived = d.sim.frame().arrived;
    const billing = (o: typeof d.o) => o.consumers.find((c) => c.id === 'billing')!;
    expect(billing(d.o).lost).toBeGreaterThan(0);
    expect(billing(d.o).received + billing(d.o).lost).toBe(arrived);
    expect(billing(log.o)).toMatchObject({ received: arrived, lost: 0 });
    expect(log.o).toMatchObject({ stored: arrived, replayable: true });
    expect(d.o).toMatchObject({ stored: 0, replayable: false });
  });

  it('a queue loses nothing but shares the messages between consumers and keeps none once acknowledged', () => {
    const q = outcome('queue');
    const total = q.o.consumers.reduce((n, c) => n + c.received, 0);
    expect(q.o.consumers.every((c) => c.lost === 0)).toBe(true);
    expect(total + q.o.stored + q.sim.messaging()!.consumers.filter((c) => c.current !== null).length).toBe(
      q.sim.frame().arrived,
    );
    expect(q.o.replayable).toBe(false);
  });
});
