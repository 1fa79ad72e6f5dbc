import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { pipelineTopology, type Topology } from './topology';

const topologyOf = (id: string) => {
  const p = findPreset(id)!;
  const sim = new Simulation(p.scenario, p.scenario.seed);
  return pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null);
};

/** A fresh copy of the layout module, with nothing laid out yet. */
async function coldLayout() {
  vi.resetModules();
  return (await import('./layout')).layoutMap;
}

/** The same text, a different one of the same length, for every node's label and detail. */
function relabelled(t: Topology): Topology {
  const swap = (text: string) => text.replace(/[0-9]/g, (d) => String((Number(d) + 1) % 10));
  return {
    ...t,
    nodes: t.nodes.map((n) => ({
      ...n,
      label: swap(n.label),
      ...('detail' in n && typeof n.detail === 'string' ? { detail: swap(n.detail) } : {}),
    })),
  };
}

describe('map layout reuse (issue 19)', () => {
  it.each(['kafka-failover', 'spark-falling-behind', 'kafka-structured-streaming', 'three-kinds'])(
    '%s: a graph laid out before gives the layout a cold start gives, with its own labels',
    async (id) => {
      const t = topologyOf(id);
      const other = relabelled(t);
      const warm = await coldLayout();
      warm(t);
      const reused = warm(other);
      const fresh = (await coldLayout())(other);
      expect(reused).toEqual(fresh);
      expect(reused.nodes.map((n) => n.label)).toEqual(other.nodes.map((n) => n.label));
    },
  );

  it('a node whose text grows is laid out again', async () => {
    const t = topologyOf('kafka-failover');
    const layoutMap = await coldLayout();
    const before = layoutMap(t);
    const longer: Topology = {
      ...t,
      nodes: t.nodes.map((n, i) =>
        i === 0 ? { ...n, label: `${n.label} with a much longer name than before` } : n,
      ),
    };
    const after = layoutMap(longer);
    expect(after).toEqual((await coldLayout())(longer));
    expect(after.nodes[0]!.width).toBeGreaterThan(before.nodes[0]!.width);
  });
});
