import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { type Dot, dotAt, flightAt } from './flight';
import { flowOffset } from './motion';
import { pipelineTopology } from './topology';

const simOf = (id: string) => {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return new Simulation(p.scenario, p.scenario.seed);
};
const keyOf = (d: Dot) => `${d.tupleId}@${d.edge}`;

/** Each dot of step `tick`, with the same dot one step later (where it still exists). */
function pairsAt(id: string, tick: number) {
  const sim = simOf(id);
  const topology = pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null);
  sim.seek(tick);
  const now = flightAt(sim, topology).dots;
  sim.step();
  const next = new Map<string, Dot[]>();
  for (const d of flightAt(sim, topology).dots) next.set(keyOf(d), [...(next.get(keyOf(d)) ?? []), d]);
  return { tickMs: sim.scenario.spec.tickMs, pairs: now.map((d) => ({ d, next: next.get(keyOf(d)) ?? [] })) };
}

describe('map dots between steps', () => {
  it.each([
    ['kafka-failover', 60],
    ['three-kinds', 200],
    ['watermarks', 100],
    ['queue-broker', 60],
  ] as const)('%s: a dot between two steps is drawn between its places at the two steps', (id, tick) => {
    const { tickMs, pairs } = pairsAt(id, tick);
    let compared = 0;
    for (const { d, next } of pairs) {
      // At the step (carry 0) a dot is exactly where the step puts it.
      expect(dotAt(d, 0)).toEqual({ at: d.at, opacity: d.opacity });
      // One dot per tuple and edge at the next step; a tuple fetched twice in a moment is skipped.
      if (next.length !== 1) continue;
      const after = next[0]!;
      for (const carry of [1, tickMs / 3, tickMs / 2, tickMs - 1e-9]) {
        const { at, opacity } = dotAt(d, carry);
        expect(at, `${keyOf(d)} at +${carry} ms`).toBeGreaterThanOrEqual(d.at);
        expect(at, `${keyOf(d)} at +${carry} ms`).toBeLessThanOrEqual(after.at + 1e-9);
        expect(opacity).toBeLessThanOrEqual(d.opacity);
        expect(opacity).toBeGreaterThanOrEqual(after.opacity - 1e-9);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
    // And they move: something is drawn elsewhere half a step on.
    expect(pairs.some(({ d }) => dotAt(d, tickMs / 2).at > d.at)).toBe(true);
  });

  it('a tuple in flight never passes its arrival before the step where it arrives', () => {
    for (const [id, tick] of [
      ['kafka-failover', 60],
      ['three-kinds', 200],
      ['watermarks', 100],
    ] as const) {
      const { tickMs, pairs } = pairsAt(id, tick);
      const flying = pairs.filter(({ d }) => d.category === 'inFlight');
      expect(flying.length).toBeGreaterThan(0);
      for (const { d, next } of flying) {
        const arrivesNext = next.some((n) => n.category !== 'inFlight');
        const { at } = dotAt(d, tickMs - 1e-9);
        // The network's share of the edge ends at 0.85: the last 15 % belongs to the arrival.
        expect(at).toBeLessThanOrEqual(0.85 + 1e-12);
        if (!arrivesNext && next.length === 1) expect(at).toBeLessThanOrEqual(next[0]!.at + 1e-9);
        // A dot held at its arrival point does not move past it however long the carry.
        expect(dotAt(d, 1e9).at).toBeLessThanOrEqual(0.85 + 1e-12);
      }
    }
  });

  it("a dense edge's flow moves on with the carry and is the step's at carry 0", () => {
    expect(flowOffset(6000 + 0)).toBe(flowOffset(6000));
    expect(flowOffset(6000 + 20)).not.toBe(flowOffset(6000));
  });
});
