import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import type { ScenarioSpec } from '../engine/types';
import { findPreset } from './presets';

/** Refused writes on the min.insync.replicas preset: what the broker counts and what the trace says. */
function runToEnd(spec: ScenarioSpec, seed = 1): Simulation {
  const sim = new Simulation(spec, seed);
  while (sim.step());
  return sim;
}

describe('refused writes', () => {
  it('the counters agree with the produceRejected entries of the trace', () => {
    const sim = runToEnd(findPreset('kafka-min-isr')!.scenario, 2);
    const rejected = sim.traceRange(0, sim.frame().traceLength).filter((e) => e.kind === 'produceRejected');
    expect(rejected.length).toBeGreaterThan(5);
    expect(sim.delivery()!.refused).toEqual({
      notEnoughReplicas: rejected.filter((e) => e.b === 0).length,
      noLeader: rejected.filter((e) => e.b === 1).length,
    });
  });

  it('a partition whose only replica is down refuses writes for want of a leader', () => {
    const base = findPreset('kafka-min-isr')!.scenario;
    const spec: ScenarioSpec = {
      ...base,
      delivery: {
        ...base.delivery!,
        brokers: 1,
        replicationFactor: 1,
        minInsyncReplicas: 1,
        faults: [{ atMs: 3000, kind: 'crashBroker', broker: 0 }],
      },
    };
    const sim = runToEnd(spec, 2);
    const { refused } = sim.delivery()!;
    expect(refused.notEnoughReplicas).toBe(0);
    expect(refused.noLeader).toBe(
      sim.traceRange(0, sim.frame().traceLength).filter((e) => e.kind === 'produceRejected').length,
    );
    expect(refused.noLeader).toBeGreaterThan(50);
  });
});
