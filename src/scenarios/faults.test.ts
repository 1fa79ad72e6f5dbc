import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../engine/types';
import { encodeFault, parseFault, withInjected } from './faults';
import { findPreset } from './presets';

const kafka = findPreset('kafka-failover')!.scenario;
const delivery = kafka.delivery!;
const direct = findPreset('direct-messaging')!.scenario;

describe('faults in links', () => {
  it('round-trips broker and consumer faults', () => {
    const faults: FaultSpec[] = [
      { atMs: 8000, kind: 'crashBroker', broker: 2 },
      { atMs: 12300, kind: 'crashConsumer', group: 'analytics', member: 'c1' },
      { atMs: 0, kind: 'addConsumer', group: 'analytics', member: 'c9' },
    ];
    for (const f of faults) expect(parseFault(encodeFault(f), kafka)).toEqual(f);
    expect(encodeFault(faults[1]!)).toBe('crashConsumer:analytics/c1@12300');
  });

  it('says what is wrong with a bad fault', () => {
    expect(parseFault('crashBroker:7@100', kafka)).toMatch(
      /names broker 7, but this scenario has brokers 0–2/,
    );
    expect(parseFault('explode:0@100', kafka)).toMatch(/unknown kind "explode"/);
    expect(parseFault('crashConsumer:nope/c1@5', kafka)).toMatch(/unknown consumer group "nope"/);
    expect(parseFault('crashBroker@5', kafka)).toMatch(/not of the form KIND:TARGET@MS/);
    expect(parseFault('crashBroker:0@5', findPreset('three-kinds')!.scenario)).toMatch(
      /needs a scenario with a broker or consumers/,
    );
    // Direct messaging and queues name the consumer alone.
    expect(parseFault('crashConsumer:billing@6500', direct)).toEqual({
      atMs: 6500,
      kind: 'crashConsumer',
      consumer: 'billing',
    });
    expect(encodeFault({ atMs: 6500, kind: 'crashConsumer', consumer: 'billing' })).toBe(
      'crashConsumer:billing@6500',
    );
    expect(parseFault('crashConsumer:nobody@1', direct)).toMatch(/unknown consumer "nobody"/);
  });

  it('merges injected faults with the scenario’s, in time order', () => {
    const merged = withInjected(kafka, [{ atMs: 1000, kind: 'crashBroker', broker: 1 }]).delivery!;
    expect(merged.faults.map((f) => f.atMs)).toEqual([1000, 8000, 12000, 18000]);
    expect(merged.retention).toEqual(delivery.retention);
    const m = withInjected(direct, [{ atMs: 7000, kind: 'restartConsumer', consumer: 'billing' }]).messaging!;
    expect(m.faults.map((f) => f.atMs)).toEqual([6000, 7000, 12000]);
  });
});
