import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset, presets } from '../../scenarios/presets';
import { estimatedMapHeight } from './estimate';
import { FAST_MAX_DOTS_PER_EDGE, flightAt } from './flight';
import { layoutMap, mapMetrics, pointAlong } from './layout';
import { statusAt } from './status';
import {
  memberNode,
  operationRuns,
  partitionNode,
  pipelineTopology,
  producerNode,
  type Topology,
} from './topology';

const simOf = (id: string) => {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return new Simulation(p.scenario, p.scenario.seed);
};
const topologyOf = (sim: Simulation) => pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null);
const ids = (t: Topology) => new Set(t.nodes.map((n) => n.id));

describe('pipeline map topology', () => {
  it.each(presets.map((p) => p.id))(
    '%s: a node per producer, partition, member and consumer, edges between nodes',
    (id) => {
      const sim = simOf(id);
      const t = topologyOf(sim);
      const spec = sim.scenario.spec;
      const nodes = ids(t);
      for (let i = 0; i < sim.scenario.producers.length; i++) expect(nodes.has(producerNode(i))).toBe(true);
      for (let p = 0; p < (spec.delivery?.partitions ?? 0); p++)
        expect(nodes.has(partitionNode(p))).toBe(true);
      spec.delivery?.groups.forEach((g, gi) => {
        for (const m of g.members) expect(nodes.has(memberNode(gi, m.id))).toBe(true);
      });
      for (const c of spec.messaging?.consumers ?? []) expect(nodes.has(`consumer:${c.id}`)).toBe(true);
      const ops = sim.streaming()?.nodes ?? [];
      const runs = operationRuns(ops);
      for (const op of ops) expect(nodes.has(`op:${runs.get(op.index)}`)).toBe(true);
      for (const e of t.edges) {
        expect(nodes.has(e.from), e.id).toBe(true);
        expect(nodes.has(e.to), e.id).toBe(true);
      }
      // Every producer's tuples go somewhere.
      for (let i = 0; i < sim.scenario.producers.length; i++) {
        expect(t.edges.some((e) => e.from === producerNode(i) && e.kind === 'network')).toBe(true);
      }
      // Ids are unique.
      expect(nodes.size).toBe(t.nodes.length);
      expect(new Set(t.edges.map((e) => e.id)).size).toBe(t.edges.length);
    },
  );

  it('draws an edge from a keyed producer to exactly the partitions its records end up in', () => {
    for (const id of [
      'kafka-failover',
      'kafka-structured-streaming',
      'stateful-streams',
      'dstream-windows',
    ]) {
      const sim = simOf(id);
      const t = topologyOf(sim);
      sim.seek(sim.lastTick);
      const used = new Map<number, Set<number>>();
      for (let tupleId = 0; ; tupleId++) {
        const tuple = sim.tuple(tupleId);
        if (!tuple) break;
        const p = sim.kafkaPartitionOf(tupleId);
        if (p === null) continue;
        const set = used.get(tuple.producerIndex) ?? new Set<number>();
        set.add(p);
        used.set(tuple.producerIndex, set);
      }
      for (const [producer, partitions] of used) {
        const drawn = t.edges
          .filter((e) => e.from === producerNode(producer))
          .map((e) => Number(e.to.split(':')[1]))
          .sort();
        expect(drawn, `${id} producer ${producer}`).toEqual([...partitions].sort());
      }
    }
  });
});

it('draws a run of plain transformations as one node, and keeps state, windows, inputs and outputs apart', () => {
  const sim = simOf('receiver-wordcount');
  const ops = sim.streaming()!.nodes;
  const t = topologyOf(sim);
  const opNodes = t.nodes.filter((n) => n.id.startsWith('op:'));
  expect(opNodes.length).toBeLessThan(ops.length);
  for (const op of ops) {
    const head = operationRuns(ops).get(op.index)!;
    const plain = op.role !== 'input' && op.role !== 'output' && !op.mustCheckpoint && op.windowMs === null;
    if (!plain) expect(head, op.spec.id).toBe(op.index);
    // Each node's label lists its operations in program order.
    expect(t.nodes.find((n) => n.id === `op:${head}`)!.label).toContain(op.spec.op);
  }
});

describe('pipeline map layout', () => {
  const cases = presets.flatMap((p) => [12, 16].map((font) => [p.id, font] as const));
  it.each(cases)(
    '%s at %i px: leaf nodes do not overlap, children sit inside their parent, edges join their nodes',
    (id, font) => {
      const sim = simOf(id);
      const layout = layoutMap(topologyOf(sim), mapMetrics(font));
      const byId = new Map(layout.nodes.map((n) => [n.id, n]));
      const parents = new Set(layout.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
      const leaves = layout.nodes.filter((n) => !parents.has(n.id));
      for (let i = 0; i < leaves.length; i++) {
        for (let j = i + 1; j < leaves.length; j++) {
          const a = leaves[i]!;
          const b = leaves[j]!;
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
      for (const n of layout.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeGreaterThanOrEqual(layout.top);
        expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
        expect(n.y + n.height).toBeLessThanOrEqual(layout.top + layout.height);
        if (!n.parent) continue;
        const p = byId.get(n.parent)!;
        expect(
          n.x >= p.x && n.x + n.width <= p.x + p.width && n.y >= p.y && n.y + n.height <= p.y + p.height,
          n.id,
        ).toBe(true);
        // Room for the compound's title and status line above its children.
        expect(n.y - p.y, `${n.id} under ${p.id}'s title`).toBeGreaterThanOrEqual(font * 2.9 - 1e-9);
      }
      // A compound box holds its own children and no one else's.
      for (const c of layout.nodes.filter((n) => parents.has(n.id))) {
        for (const n of leaves) {
          if (n.parent === c.id) continue;
          const apart =
            c.x + c.width <= n.x || n.x + n.width <= c.x || c.y + c.height <= n.y || n.y + n.height <= c.y;
          expect(apart, `${c.id} covers ${n.id}`).toBe(true);
        }
      }
      const near = (x: number, y: number, id: string) => {
        const n = byId.get(id)!;
        return x >= n.x - 2 && x <= n.x + n.width + 2 && y >= n.y - 2 && y <= n.y + n.height + 2;
      };
      for (const e of layout.edges) {
        expect(e.along.length).toBeGreaterThan(1);
        expect(near(...pointAlong(e, 0), e.from), `${e.id} starts at its source`).toBe(true);
        expect(near(...pointAlong(e, 1), e.to), `${e.id} ends at its target`).toBe(true);
      }
    },
  );

  it('puts a point along an edge in order of the fraction', () => {
    const layout = layoutMap(topologyOf(simOf('kafka-failover')));
    for (const e of layout.edges) {
      let last = -1;
      for (let f = 0; f <= 1.0001; f += 0.1) {
        const [x, y] = pointAlong(e, f);
        // Distance from the start along the sampled curve grows with the fraction.
        let best = 0;
        let bestD = Infinity;
        for (let i = 0; i < e.along.length; i++) {
          const d = Math.hypot(e.xy[2 * i]! - x, e.xy[2 * i + 1]! - y);
          if (d < bestD) {
            bestD = d;
            best = e.along[i]!;
          }
        }
        expect(bestD).toBeLessThan(3);
        expect(best).toBeGreaterThanOrEqual(last - 3);
        last = best;
      }
    }
  });
});

describe('tuples in flight on the map', () => {
  it('puts each tuple in flight on its producer’s edge, as far along as its time in the network', () => {
    const sim = simOf('kafka-failover');
    const t = topologyOf(sim);
    const edges = new Set(t.edges.map((e) => e.id));
    sim.seekTime(6000);
    const flight = flightAt(sim, t);
    const inFlight = flight.dots.filter((d) => d.category === 'inFlight');
    expect(inFlight.length).toBeGreaterThan(0);
    const now = sim.timeMs;
    const sent = new Map(inFlight.map((d) => [d.tupleId, sim.tuple(d.tupleId)!.sentTimeMs!]));
    for (const d of flight.dots) expect(edges.has(d.edge), d.edge).toBe(true);
    // Run on to see when each one really arrives.
    sim.seek(sim.lastTick);
    for (const d of inFlight) {
      const arrival = sim.tuple(d.tupleId)!.arrivalTimeMs;
      if (arrival === null) continue;
      const s = sent.get(d.tupleId)!;
      expect(d.at).toBeCloseTo((0.85 * (now - s)) / Math.max(1, arrival - s), 6);
      expect(d.at).toBeGreaterThanOrEqual(0);
      expect(d.at).toBeLessThan(0.85 + 1e-9);
    }
  });

  it('moves them back when stepping back, exactly', () => {
    const sim = simOf('kafka-failover');
    const t = topologyOf(sim);
    sim.seekTime(9000);
    const before = JSON.stringify(flightAt(sim, t));
    for (let i = 0; i < 7; i++) sim.step();
    expect(JSON.stringify(flightAt(sim, t))).not.toBe(before);
    for (let i = 0; i < 7; i++) sim.stepBack();
    expect(JSON.stringify(flightAt(sim, t))).toBe(before);
  });

  it('draws fetched records on the edge from their partition to the member that fetched them', () => {
    const sim = simOf('kafka-failover');
    const t = topologyOf(sim);
    sim.seekTime(5000);
    const fetched = flightAt(sim, t).dots.filter((d) => d.edge.startsWith('partition:'));
    expect(fetched.length).toBeGreaterThan(0);
    for (const d of fetched) {
      const p = Number(d.edge.split('->')[0]!.split(':')[1]);
      expect(sim.kafkaPartitionOf(d.tupleId)).toBe(p);
      expect(d.category).not.toBe('inFlight');
    }
  });

  it('counts, rather than draws, keyless records on their way (their partition is picked on arrival here)', () => {
    const preset = findPreset('kafka-failover')!.scenario;
    const spec = { ...preset, producers: preset.producers.map((p) => ({ ...p, keyed: false })) };
    const sim = new Simulation(spec, spec.seed);
    const t = pipelineTopology(sim.scenario, null);
    // A keyless producer may write to any partition.
    expect(t.edges.filter((e) => e.kind === 'network').length).toBe(spec.delivery!.partitions);
    sim.seekTime(6000);
    const flight = flightAt(sim, t);
    const inFlight = sim.pending().filter((id) => sim.scheduledArrival(id) !== null).length;
    expect(inFlight).toBeGreaterThan(0);
    expect(flight.unplaced[0]).toBe(inFlight);
    expect(flight.dots.some((d) => d.category === 'inFlight')).toBe(false);
  });

  it('turns a crowded edge into a count', () => {
    const sim = simOf('dense');
    const t = topologyOf(sim);
    sim.seekTime(4000);
    const flight = flightAt(sim, t);
    const crowded = [...flight.load].filter(([, l]) => l.dense);
    expect(crowded.length).toBeGreaterThan(0);
    for (const [edge] of crowded) expect(flight.dots.some((d) => d.edge === edge)).toBe(false);
  });

  it('playing fast, an edge flows from more than FAST_MAX_DOTS_PER_EDGE tuples, the same tuples counted', () => {
    const sim = simOf('spark-falling-behind');
    const t = topologyOf(sim);
    sim.seekTime(20_000);
    const slow = flightAt(sim, t);
    const fast = flightAt(sim, t, sim.pending(), FAST_MAX_DOTS_PER_EDGE);
    // Edges with 11 to 40 tuples show each one at the usual threshold, and flow playing fast.
    const onlyFast = [...fast.load].filter(([edge, l]) => l.dense && !slow.load.get(edge)!.dense);
    expect(onlyFast.length).toBeGreaterThan(0);
    for (const [edge, l] of fast.load) {
      expect(l.count).toBe(slow.load.get(edge)!.count);
      expect(l.dense).toBe(l.count > FAST_MAX_DOTS_PER_EDGE);
      expect(fast.dots.filter((d) => d.edge === edge).length).toBe(l.dense ? 0 : l.count);
    }
  });
});

describe('faults on the map', () => {
  it('shows a crashed broker, a partition led elsewhere and a crashed consumer at their moment', () => {
    const sim = simOf('kafka-failover');
    sim.seekTime(7900);
    expect(statusAt(sim).brokersDown).toEqual([]);
    sim.seekTime(8200);
    expect(statusAt(sim).brokersDown).toEqual([0]);
    sim.seekTime(12500);
    const status = statusAt(sim);
    expect(status.nodes.get(memberNode(0, 'c1'))?.down).toBe(true);
    sim.seekTime(18500);
    expect(statusAt(sim).brokersDown).toEqual([]);
  });

  it('shows a producer offline and a consumer down', () => {
    const backfill = simOf('offline-backfill');
    backfill.seekTime(12000);
    expect(statusAt(backfill).nodes.get(producerNode(0))?.line).toMatch(/^offline · holding \d+/);
    backfill.seekTime(26000);
    expect(statusAt(backfill).nodes.get(producerNode(0))).toBeUndefined();
    const direct = simOf('direct-messaging');
    direct.seekTime(7000);
    expect(statusAt(direct).nodes.get('consumer:billing')?.down).toBe(true);
    direct.seekTime(13000);
    expect(statusAt(direct).nodes.get('consumer:billing')?.down).toBeFalsy();
  });
});

describe('the map placeholder', () => {
  it.each(presets.map((p) => p.id))('%s: keeps about the room the map will take (within 80 px)', (id) => {
    const sim = simOf(id);
    const layout = layoutMap(topologyOf(sim));
    // The legend under the map takes about 70 px.
    expect(Math.abs(estimatedMapHeight(sim.scenario.spec) - (layout.height + 70))).toBeLessThanOrEqual(80);
  });
});
