import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../engine/types';
import { findPreset } from '../scenarios/presets';
import { encodeFault, parseFault, withFaults } from './faults';

const delivery = findPreset('kafka-failover')!.scenario.delivery!;

describe('faults in links', () => {
  it('round-trips broker and consumer faults', () => {
    const faults: FaultSpec[] = [
      { atMs: 8000, kind: 'crashBroker', broker: 2 },
      { atMs: 12300, kind: 'crashConsumer', group: 'analytics', member: 'c1' },
      { atMs: 0, kind: 'addConsumer', group: 'analytics', member: 'c9' },
    ];
    for (const f of faults) expect(parseFault(encodeFault(f), delivery)).toEqual(f);
    expect(encodeFault(faults[1]!)).toBe('crashConsumer:analytics/c1@12300');
  });

  it('says what is wrong with a bad fault', () => {
    expect(parseFault('crashBroker:7@100', delivery)).toMatch(
      /names broker 7, but this scenario has brokers 0–2/,
    );
    expect(parseFault('explode:0@100', delivery)).toMatch(/unknown kind "explode"/);
    expect(parseFault('crashConsumer:nope/c1@5', delivery)).toMatch(/unknown consumer group "nope"/);
    expect(parseFault('crashBroker@5', delivery)).toMatch(/not of the form KIND:TARGET@MS/);
    expect(parseFault('crashBroker:0@5', undefined)).toMatch(/needs a scenario with a broker/);
  });

  it('merges injected faults with the scenario’s, in time order', () => {
    const merged = withFaults(delivery, [{ atMs: 1000, kind: 'crashBroker', broker: 1 }]);
    expect(merged.faults.map((f) => f.atMs)).toEqual([1000, 8000, 12000, 18000]);
    expect(merged.retention).toEqual(delivery.retention);
  });
});
