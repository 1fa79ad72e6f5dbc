/**
 * Places the pipeline map with dagre (a layered layout, left to right) and turns every edge into a
 * smooth path plus a sampled polyline, so a tuple in flight can be put at any fraction of its edge
 * exactly on the curve that is drawn. Loaded lazily with the map (dagre is not in the initial JS).
 */
import dagre from '@dagrejs/dagre';
import { curveBasis, line } from 'd3-shape';
import type { MapEdge, MapNode, Topology } from './topology';

export interface PlacedNode extends MapNode {
  /** Top-left corner and size. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge extends MapEdge {
  /** The SVG path drawn for the edge. */
  readonly path: string;
  /** Points along that path (x0, y0, x1, y1, …) and the distance along it to each. */
  readonly xy: Float64Array;
  readonly along: Float64Array;
}

export interface MapLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
  /** The top of the drawing (negative when a compound's title was given room above dagre's box). */
  readonly top: number;
}

/**
 * The map's sizes follow its title font: 12 px on a screen, 16 px or more on a projector
 * (presenter mode), where the map keeps its size and scrolls rather than shrink its text.
 */
export interface MapMetrics {
  readonly fontPx: number;
  readonly titleCharPx: number;
  readonly detailCharPx: number;
  readonly nodeHeight: number;
}

export function mapMetrics(fontPx: number): MapMetrics {
  return {
    fontPx,
    titleCharPx: fontPx * 0.6,
    detailCharPx: (fontPx - 1) * 0.57,
    nodeHeight: Math.round(fontPx * 3.5),
  };
}

/** dagre's room between a compound's side and its children. */
const COMPOUND_SIDE = 24;

/** A node's width from its text, within limits (longer text is cut with an ellipsis, in full in its tooltip). */
export function nodeWidth(node: MapNode, m: MapMetrics = mapMetrics(12)): number {
  const text = Math.max(node.label.length * m.titleCharPx, Math.min(node.detail.length, 30) * m.detailCharPx);
  const k = m.fontPx / 12;
  return Math.round(Math.min(230 * k, Math.max(104 * k, text + 22)));
}

/** Records the cubic segments d3's basis curve draws, then samples them. */
class Sampler {
  readonly points: number[] = [];
  private x = 0;
  private y = 0;
  moveTo(x: number, y: number) {
    this.points.push(x, y);
    this.x = x;
    this.y = y;
  }
  lineTo(x: number, y: number) {
    this.moveTo(x, y);
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
    const { x: x0, y: y0 } = this;
    for (let i = 1; i <= 12; i++) {
      const t = i / 12;
      const u = 1 - t;
      this.points.push(
        u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x,
        u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y,
      );
    }
    this.x = x;
    this.y = y;
  }
  closePath() {}
}

const curve = line<{ x: number; y: number }>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** An edge's drawn path through dagre's points, and points sampled along it with their distances. */
function edgeGeometry(points: readonly { x: number; y: number }[]): Omit<PlacedEdge, keyof MapEdge> {
  const sampler = new Sampler();
  line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveBasis)
    .context(sampler as unknown as CanvasRenderingContext2D)(points as { x: number; y: number }[]);
  const xy = Float64Array.from(sampler.points);
  const along = new Float64Array(xy.length / 2);
  for (let i = 1; i < along.length; i++) {
    along[i] = along[i - 1]! + Math.hypot(xy[2 * i]! - xy[2 * i - 2]!, xy[2 * i + 1]! - xy[2 * i - 1]!);
  }
  return { path: curve(points as { x: number; y: number }[]) ?? '', xy, along };
}

/** Where a point `fraction` (0–1) of the way along an edge lies. */
export function pointAlong(edge: PlacedEdge, fraction: number): [number, number] {
  const { xy, along } = edge;
  const n = along.length;
  if (n === 0) return [0, 0];
  const target = Math.max(0, Math.min(1, fraction)) * along[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (along[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return [xy[0]!, xy[1]!];
  const a = along[lo - 1]!;
  const span = along[lo]! - a || 1;
  const f = (target - a) / span;
  return [
    xy[2 * lo - 2]! + f * (xy[2 * lo]! - xy[2 * lo - 2]!),
    xy[2 * lo - 1]! + f * (xy[2 * lo + 1]! - xy[2 * lo - 1]!),
  ];
}

/** What dagre placed, without the nodes' and edges' own data (labels, details). */
export interface Geometry {
  readonly nodes: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  readonly edges: ReadonlyMap<string, Omit<PlacedEdge, keyof MapEdge>>;
  readonly width: number;
  readonly height: number;
  readonly top: number;
}

/** Geometries of the graphs laid out lately, by dagre's input: a new run of the same pipeline reuses one. */
const recentGeometries = new Map<string, Geometry>();
const RECENT_GEOMETRIES = 8;
const edgeKey = (e: MapEdge) => `${e.from}->${e.to}`;

/**
 * The map's layout (dagre). What dagre places depends only on the graph, the node sizes and the
 * spacing, so the geometry is kept by those: a what-if's new run (issue 19: 14–64 ms of dagre in the
 * frame that drew it) or a preset loaded again reuses it, with its own labels.
 */
export function layoutMap(topology: Topology, metrics: MapMetrics = mapMetrics(12)): MapLayout {
  const input = dagreInput(topology, metrics);
  let geometry = recentGeometries.get(input.key);
  if (!geometry) {
    geometry = place(input);
    remember(input.key, geometry);
  }
  const { nodes: at, edges: along } = geometry;
  return {
    nodes: topology.nodes.map((n) => ({ ...n, ...at.get(n.id)! })),
    edges: topology.edges.map((e) => ({ ...e, ...along.get(edgeKey(e))! })),
    width: geometry.width,
    height: geometry.height,
    top: geometry.top,
  };
}

function remember(key: string, geometry: Geometry): void {
  recentGeometries.set(key, geometry);
  if (recentGeometries.size > RECENT_GEOMETRIES)
    recentGeometries.delete(recentGeometries.keys().next().value!);
}

/** What dagre is given: node sizes, parents, edges and their lengths, and the metrics; `key` names it. */
export interface DagreInput {
  readonly key: string;
  readonly sized: readonly { id: string; parent: string | null; compound: boolean; width: number }[];
  readonly links: readonly { from: string; to: string; minlen: number }[];
  readonly metrics: MapMetrics;
}

function dagreInput(topology: Topology, metrics: MapMetrics): DagreInput {
  const k = metrics.fontPx / 12;
  const compound = new Set(topology.nodes.filter((n) => n.parent).map((n) => n.parent!));
  // A compound's title must fit above its children: they are made at least that wide.
  const titleWidth = new Map<string, number>();
  for (const n of topology.nodes) {
    if (compound.has(n.id) && (n.kind === 'cluster' || n.kind === 'group')) {
      titleWidth.set(n.id, n.label.length * metrics.titleCharPx * 0.96 + 20);
    }
  }
  const sized = topology.nodes.map((n) => {
    if (compound.has(n.id)) return { id: n.id, parent: n.parent ?? null, compound: true, width: 0 };
    const title = n.parent ? Math.min(170 * k, (titleWidth.get(n.parent) ?? 0) - 2 * COMPOUND_SIDE) : 0;
    return {
      id: n.id,
      parent: n.parent ?? null,
      compound: false,
      width: Math.max(nodeWidth(n, metrics), Math.ceil(title)),
    };
  });
  // The network is where tuples are seen travelling: its edges are drawn longer than the others.
  const app = topology.nodes.some((n) => n.kind === 'app');
  const links = topology.edges.map((e) => ({
    from: e.from,
    to: e.to,
    minlen: e.kind === 'network' ? (app ? 2 : 4) : 1,
  }));
  return { key: JSON.stringify([metrics, sized, links]), sized, links, metrics };
}

let worker: Worker | null | undefined;
let asked = 0;

/**
 * Lays the map of `topology` out in a worker, ahead of the render that will draw it (a new run's
 * warm-up: dagre took 45–65 ms for a changed pipeline, issue 19), and keeps it for that render.
 * Null when it is known already or there is no worker (the render then lays it out itself); else a
 * promise that settles when the layout is kept, or after 2 s whatever happened.
 */
export function prepareMapLayout(topology: Topology, metrics: MapMetrics): Promise<void> | null {
  const input = dagreInput(topology, metrics);
  if (recentGeometries.has(input.key)) return null;
  if (worker === undefined) {
    try {
      worker =
        typeof Worker === 'function'
          ? new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
          : null;
    } catch {
      worker = null;
    }
  }
  if (!worker) return null;
  const w: Worker = worker;
  const id = ++asked;
  return new Promise((resolve) => {
    const timer = setTimeout(finish, 2000);
    function finish() {
      clearTimeout(timer);
      w.removeEventListener('message', answer);
      resolve();
    }
    function answer(e: MessageEvent<{ id: number; geometry: Geometry }>) {
      if (e.data.id !== id) return;
      remember(input.key, e.data.geometry);
      finish();
    }
    w.addEventListener('message', answer);
    w.postMessage({ id, input });
  });
}

/** dagre's placement of a graph (in the page, or in the layout worker). */
export function place({ sized, links, metrics }: DagreInput): Geometry {
  const k = metrics.fontPx / 12;
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  // edgesep also sets the room dagre leaves above a compound's children (for its title).
  g.setGraph({
    rankdir: 'LR',
    nodesep: 14 * k,
    edgesep: 24 * k,
    ranksep: 40 * k,
    marginx: 4,
    marginy: 10 * k,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of sized) if (!n.compound) g.setNode(n.id, { width: n.width, height: metrics.nodeHeight });
  for (const n of sized) if (n.compound) g.setNode(n.id, {});
  for (const n of sized) if (n.parent) g.setParent(n.id, n.parent);
  for (const e of links) g.setEdge(e.from, e.to, { minlen: e.minlen });
  dagre.layout(g);
  // dagre's compound boxes leave some room above their children; the title and status need more.
  const childTop = new Map<string, number>();
  for (const n of sized) {
    if (!n.parent) continue;
    const p = g.node(n.id);
    const top = (p.y ?? 0) - (p.height ?? 0) / 2;
    childTop.set(n.parent, Math.min(childTop.get(n.parent) ?? Number.POSITIVE_INFINITY, top));
  }
  const nodes = new Map<string, { x: number; y: number; width: number; height: number }>();
  let width = 0;
  let bottom = 0;
  let top = 0;
  for (const n of sized) {
    const p = g.node(n.id);
    const w = p.width ?? 0;
    const y = (p.y ?? 0) - (p.height ?? 0) / 2;
    const lift = n.compound ? Math.max(0, y + metrics.fontPx * 2.9 - (childTop.get(n.id) ?? y)) : 0;
    const box = { x: (p.x ?? 0) - w / 2, y: y - lift, width: w, height: (p.height ?? 0) + lift };
    nodes.set(n.id, box);
    width = Math.max(width, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
    top = Math.min(top, box.y - 4);
  }
  top = Math.floor(top);
  const edges = new Map<string, Omit<PlacedEdge, keyof MapEdge>>();
  for (const e of links) {
    edges.set(`${e.from}->${e.to}`, edgeGeometry(g.edge(e.from, e.to)?.points ?? []));
  }
  return { nodes, edges, width: Math.ceil(width + 4), height: Math.ceil(bottom + 4 - top), top };
}
