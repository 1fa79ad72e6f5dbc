/**
 * Tuples in flight on the pipeline map, at the cursor: where each one is along its edge, in what
 * shape. Everything is read from the run at the cursor, so stepping back moves them back.
 *
 * - Network edges: a tuple sent at s that arrives at a is (now − s)/(a − s) of the way along the
 *   first 85 % of its edge, drawn as in flight; for half a second after it arrives it crosses the
 *   last 15 % in the shape its arrival earned (in order, out of order, late). A tuple the network
 *   lost is drawn as a cross halfway along, for a second after it was sent.
 * - Fetch edges: a fetch takes no time in the model, so each record a consumer fetched is drawn
 *   along its edge for the 0.8 s after the fetch (the map's legend says so).
 */
import type { Simulation, TupleMark } from '../../engine';
import { partitionForKey } from '../../engine';
import type { MarkCategory } from '../producers/layout';
import { consumerNode, memberNode, partitionNode, producerNode, type Topology } from './topology';

export const ARRIVAL_MS = 500;
export const LOSS_SHOWN_MS = 1000;
export const FETCH_SHOWN_MS = 800;
/** Where the network's part of an edge ends and the arrival's begins. */
const IN_FLIGHT_SHARE = 0.85;
/** More dots than this on one edge and the edge shows a flowing density and a count instead. */
export const MAX_DOTS_PER_EDGE = 40;
/**
 * The same while playing fast (8× and up): a dot then crosses its edge in a frame or two, too fast
 * to follow one by one, and thousands entering and leaving the page each second kept the map from
 * drawing in time (issue 19). Paused, every tuple on its way is drawn again.
 */
export const FAST_MAX_DOTS_PER_EDGE = 10;

export interface Dot {
  readonly tupleId: number;
  readonly edge: string;
  /** 0 at the edge's start, 1 at its end. */
  readonly at: number;
  readonly category: MarkCategory;
  readonly keyIndex: number;
  /** 1 while moving; fades towards 0 for a lost tuple. */
  readonly opacity: number;
  /** How far along the edge it moves per millisecond of simulated time (between steps). */
  readonly speed: number;
  /** The furthest it may be drawn before the next step (a tuple in flight stops at its arrival). */
  readonly until: number;
  /** How much opacity it loses per millisecond (a lost tuple fades). */
  readonly fade: number;
}

/**
 * Where a dot is drawn `carryMs` after its step (0 ≤ carry < one step): moving on at its speed,
 * never past `until`, so nothing that happens in the next step (an arrival) shows early.
 */
export function dotAt(dot: Dot, carryMs: number): { at: number; opacity: number } {
  if (!(carryMs > 0)) return { at: dot.at, opacity: dot.opacity };
  return {
    at: Math.max(dot.at, Math.min(dot.until, dot.at + dot.speed * carryMs)),
    opacity: Math.max(0, dot.opacity - dot.fade * carryMs),
  };
}

/** How arriving, lost and fetched dots move between steps (see `flightAt`'s rules). */
const ARRIVING = { speed: (1 - IN_FLIGHT_SHARE) / ARRIVAL_MS, until: 1, fade: 0 } as const;
const LOST = { speed: 0, until: 0.5, fade: 1 / LOSS_SHOWN_MS } as const;
const FETCHED = { speed: 1 / FETCH_SHOWN_MS, until: 1, fade: 0 } as const;

export interface EdgeLoad {
  /** Tuples on the edge now (in flight, arriving, or fetched in the last moment). */
  readonly count: number;
  /** Of those, tuples still in the network. */
  readonly inFlight: number;
  readonly dense: boolean;
}

export interface Flight {
  readonly dots: readonly Dot[];
  readonly load: ReadonlyMap<string, EdgeLoad>;
  /** Per producer: tuples in flight whose partition is chosen only on arrival (not drawn, counted). */
  readonly unplaced: readonly number[];
}

function arrivedCategory(t: TupleMark): MarkCategory {
  return t.late ? 'late' : t.outOfOrder ? 'outOfOrder' : 'onTime';
}

/** The node a producer's tuple arrives at, or null when that is decided only on arrival. */
function destinationOf(sim: Simulation, t: TupleMark): string[] | null {
  const spec = sim.scenario.spec;
  if (spec.delivery) {
    const producer = sim.scenario.producers[t.producerIndex];
    if (!producer?.spec.keyed) return null;
    const key = sim.scenario.keys[t.keyIndex] ?? '';
    return [partitionNode(partitionForKey(key, spec.delivery.partitions))];
  }
  if (spec.messaging?.model === 'queue') return ['queue'];
  if (spec.messaging) return spec.messaging.consumers.map((c) => consumerNode(c.id));
  return [];
}

/**
 * `pending`: the run's pending tuples at the cursor (`sim.pending()`), shared with the node status;
 * `maxDots`: more on one edge and it flows instead.
 */
export function flightAt(
  sim: Simulation,
  topology: Topology,
  pending = sim.pending(),
  maxDots = MAX_DOTS_PER_EDGE,
): Flight {
  const now = sim.timeMs;
  const dots: Dot[] = [];
  const unplaced = new Array<number>(sim.scenario.producers.length).fill(0);
  // Without a broker, the network ends at whatever reads the producers' tuples.
  const readersOf = new Map<number, string[]>();
  for (const e of topology.edges) {
    if (e.kind !== 'network' || e.producer === undefined) continue;
    const list = readersOf.get(e.producer) ?? [];
    list.push(e.to);
    readersOf.set(e.producer, list);
  }
  // A tuple's edges depend only on its producer and key: found once per pair (issue 19: a Kafka
  // partition hashed, and its edge's name built, for each of thousands of tuples every step).
  const keyCount = sim.scenario.keys.length + 1;
  const edgesByPair = new Map<number, string[] | null>();
  const edgesOf = (t: TupleMark): string[] | null => {
    const pair = t.producerIndex * keyCount + t.keyIndex;
    let edges = edgesByPair.get(pair);
    if (edges === undefined) {
      const to = destinationOf(sim, t);
      const targets = to === null ? null : to.length > 0 ? to : (readersOf.get(t.producerIndex) ?? []);
      edges =
        targets === null ? null : targets.map((target) => `${producerNode(t.producerIndex)}->${target}`);
      edgesByPair.set(pair, edges);
    }
    return edges;
  };
  const counts = new Map<string, { count: number; inFlight: number }>();
  /**
   * Counts a dot on its edge; true while the edge has at most `maxDots` (then its dot is drawn and
   * should be built; past that the edge flows instead, and its dots are never built).
   */
  const admit = (edge: string, category: MarkCategory): boolean => {
    let c = counts.get(edge);
    if (!c) {
      c = { count: 0, inFlight: 0 };
      counts.set(edge, c);
    }
    c.count++;
    if (category === 'inFlight') c.inFlight++;
    return c.count <= maxDots;
  };
  const place = (
    id: number,
    t: TupleMark,
    at: number,
    category: MarkCategory,
    motion: Pick<Dot, 'speed' | 'until' | 'fade'>,
    opacity = 1,
  ) => {
    const edges = edgesOf(t);
    if (edges === null) {
      // Counted while in the network; arriving or lost, they are simply not drawn.
      if (category === 'inFlight') unplaced[t.producerIndex] = (unplaced[t.producerIndex] ?? 0) + 1;
      return;
    }
    for (const edge of edges) {
      if (!admit(edge, category)) continue;
      dots.push({
        tupleId: id,
        edge,
        at,
        category,
        keyIndex: t.keyIndex,
        opacity,
        speed: motion.speed,
        until: motion.until,
        fade: motion.fade,
      });
    }
  };
  for (const id of pending) {
    const transit = sim.scheduledArrival(id);
    const t = transit && sim.tupleMark(id);
    if (!transit || !t) continue;
    const span = Math.max(1, transit.arrivalMs - transit.sentMs);
    const until = (IN_FLIGHT_SHARE * (transit.arrivalMs - transit.sentMs)) / span;
    const speed = IN_FLIGHT_SHARE / span;
    place(id, t, (IN_FLIGHT_SHARE * (now - transit.sentMs)) / span, 'inFlight', { speed, until, fade: 0 });
  }
  for (const id of sim.arrivalsBetween(now - ARRIVAL_MS, now)) {
    const t = sim.tupleMark(id);
    if (!t || t.arrivalTimeMs === null) continue;
    const at = IN_FLIGHT_SHARE + ((1 - IN_FLIGHT_SHARE) * (now - t.arrivalTimeMs)) / ARRIVAL_MS;
    place(id, t, at, arrivedCategory(t), ARRIVING);
  }
  for (const id of sim.droppedBetween(now - LOSS_SHOWN_MS, now)) {
    const t = sim.tupleMark(id);
    if (!t || t.sentTimeMs === null) continue;
    place(id, t, 0.5, 'dropped', LOST, 1 - (now - t.sentTimeMs) / LOSS_SHOWN_MS);
  }
  fetches(sim, admit, dots);
  const load = new Map<string, EdgeLoad>();
  for (const [edge, c] of counts) load.set(edge, { ...c, dense: c.count > maxDots });
  // Dots were kept up to `maxDots` per edge: those of an edge that went on past it are dropped.
  return { dots: dots.filter((d) => !load.get(d.edge)?.dense), load, unplaced };
}

/** Records fetched by a consumer group member, or handed out by the queue, in the last moment. */
function fetches(
  sim: Simulation,
  admit: (edge: string, category: MarkCategory) => boolean,
  dots: Dot[],
): void {
  const spec = sim.scenario.spec;
  if (!spec.delivery && spec.messaging?.model !== 'queue') return;
  const now = sim.timeMs;
  const tickMs = spec.tickMs;
  const rosters = sim.delivery()?.rosters ?? [];
  const consumers = spec.messaging?.consumers ?? [];
  const first = Math.max(0, sim.tick - Math.ceil(FETCH_SHOWN_MS / tickMs) + 1);
  const kinds =
    spec.messaging?.model === 'queue' ? (['fetched', 'delivered'] as const) : (['fetched'] as const);
  // Edge names by (group, member, partition) or consumer: thousands of fetches share a few edges.
  const names = new Map<string, string>();
  for (let tick = first; tick <= sim.tick; tick++) {
    for (const e of sim.traceAtTickOfKinds(tick, kinds)) {
      const t = sim.tupleMark(e.tupleId);
      if (!t) continue;
      const age = now - e.timeMs;
      const which = `${e.kind} ${e.a} ${e.b} ${e.c}`;
      let edge = names.get(which);
      if (edge === undefined) {
        if (e.kind === 'fetched') {
          const member = rosters[e.a]?.[e.b];
          if (member === undefined) continue;
          edge = `${partitionNode(e.c)}->${memberNode(e.a, member)}`;
        } else {
          const consumer = consumers[e.a];
          if (!consumer) continue;
          edge = `queue->${consumerNode(consumer.id)}`;
        }
        names.set(which, edge);
      }
      const category = arrivedCategory(t);
      if (!admit(edge, category)) continue;
      dots.push({
        tupleId: e.tupleId,
        edge,
        at: Math.min(1, age / FETCH_SHOWN_MS),
        category,
        keyIndex: t.keyIndex,
        opacity: 1,
        ...FETCHED,
      });
    }
  }
}
