import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DelayModel } from '../../engine';
import { useRoute } from '../../store/route';
import type { SelectedEntity } from '../../store/sim/selectionSlice';
import type { SimStore } from '../../store/simStore';
import { keyColour } from '../colours';
import { LiveSummary } from '../LiveSummary';
import { MarkShape } from '../producers/MarkShape';
import { useElementWidth } from '../useElementWidth';
import { usePlayingFast, useViewSim } from '../viewSim';
import { whenFound } from '../whenFound';
import { mapAtCursor } from './atCursor';
import { type EdgeLoad, FAST_MAX_DOTS_PER_EDGE, FETCH_SHOWN_MS, MAX_DOTS_PER_EDGE } from './flight';
import { layoutMap, mapMetrics, type PlacedEdge, type PlacedNode, pointAlong } from './layout';
import { MapCompound, MapNodeView } from './MapNode';
import { flowOffset, useDotMotion } from './motion';
import { type MapNodeKind, pipelineTopology } from './topology';
import { mapDrawnWith } from './warmUp';
import './PipelineMap.css';

/** Below this scale the map keeps its size and scrolls sideways rather than shrink its text. */
const MIN_SCALE = 0.7;

const selectMap = (s: SimStore) => ({
  sim: s.sim,
  tick: s.tick,
  entity: s.selectedEntity,
  inspect: s.inspect,
  selectedTuple: s.selectedTuple,
  select: s.select,
});

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** The user's motion preference, followed when it changes (one listener, not one per frame). */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(REDUCED_MOTION).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(REDUCED_MOTION);
    if (!query) return;
    const change = () => setReduced(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return reduced;
}

export function delayText(d: DelayModel): string {
  switch (d.kind) {
    case 'constant':
      return `${d.ms} ms`;
    case 'uniform':
      return `${d.minMs}–${d.maxMs} ms`;
    case 'exponential':
      return `${d.meanMs} ms on average`;
  }
}

const SPOT_KINDS: Record<string, readonly MapNodeKind[]> = {
  'map:producers': ['producer'],
  'map:partitions': ['partition', 'cluster'],
  'map:consumers': ['group', 'member', 'queue', 'consumer'],
  'map:app': ['app', 'operation', 'state', 'sink', 'checkpoint', 'processor'],
};

function isSelected(node: PlacedNode, entity: SelectedEntity | null): boolean {
  const t = node.target;
  if (!entity || !('entity' in t)) return false;
  if (t.entity === 'partition') return entity.kind === 'partition' && entity.partition === t.partition;
  if (t.entity === 'member')
    return entity.kind === 'member' && entity.group === t.group && entity.member === t.member;
  return (entity.kind === 'dstream' || entity.kind === 'batch') && entity.node === t.node;
}

/** The scenario's shape, with its tuples travelling through it, its faults, and a way into every view. */
export default function PipelineMap({ presenting = false }: { presenting?: boolean }) {
  const { sim, tick, entity, inspect, selectedTuple, select } = useViewSim(useShallow(selectMap));
  const spotlight = useRoute((s) => s.spotlight);
  const reduced = useReducedMotion();
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const topology = useMemo(() => pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null), [sim]);
  // On a projector the map's text is 16 px or more and the map scrolls sideways rather than shrink it.
  const metrics = useMemo(() => mapMetrics(presenting ? 17 : 12), [presenting]);
  const layout = useMemo(() => layoutMap(topology, metrics), [topology, metrics]);
  useEffect(() => {
    mapDrawnWith(metrics);
  }, [metrics]);
  // Playing fast (views taking turns, viz/viewSim.ts), busier edges flow instead of showing each dot.
  const fast = usePlayingFast();
  const maxDots = fast ? FAST_MAX_DOTS_PER_EDGE : MAX_DOTS_PER_EDGE;
  // `tick` is the cursor of the mutable run: each step recomputes what follows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const { flight, status } = useMemo(
    () => mapAtCursor(sim, topology, maxDots),
    [sim, tick, topology, maxDots],
  );
  const spotKinds = spotlight?.flatMap((s) => SPOT_KINDS[s] ?? []) ?? [];
  const spotOf = (kind: MapNodeKind) => (spotKinds.length === 0 ? null : spotKinds.includes(kind));
  const minScale = presenting ? 1 : MIN_SCALE;
  const fits = layout.width * minScale <= width;
  const scale = layout.width <= width || !fits ? 1 : width / layout.width;

  const open = useCallback(
    (node: PlacedNode) => {
      const t = node.target;
      if ('entity' in t) {
        inspect(
          t.entity === 'partition'
            ? { kind: 'partition', partition: t.partition }
            : t.entity === 'member'
              ? { kind: 'member', group: t.group, member: t.member }
              : { kind: 'dstream', node: t.node },
        );
      }
      // The view may still be loading (views load lazily): look for it for a moment.
      const motion = window.matchMedia?.(REDUCED_MOTION).matches ? 'auto' : 'smooth';
      whenFound(
        () => document.querySelector(`section.panel.${t.panel}`),
        (view) => view.scrollIntoView({ block: 'start', behavior: motion }),
      );
    },
    [inspect],
  );

  const parents = new Set(layout.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const compounds = layout.nodes.filter((n) => parents.has(n.id));
  const leaves = layout.nodes.filter((n) => !parents.has(n.id));
  const edgesById = useMemo(() => new Map(layout.edges.map((e) => [e.id, e])), [layout]);
  const dotGroup = useRef<SVGGElement>(null);
  const edgeGroup = useRef<SVGGElement>(null);
  useDotMotion(dotGroup, edgeGroup, { dots: flight.dots, edges: edgesById, timeMs: sim.timeMs });
  const inFlight = flight.dots.filter((d) => d.category === 'inFlight').length;
  const down = [...status.nodes.values()].filter((s) => s.down).length;
  const summary = `Pipeline map at ${(sim.timeMs / 1000).toFixed(1)} s: ${leaves.length} parts, ${inFlight} tuples in flight${down ? `, ${down} down` : ''}.`;
  return (
    <div ref={ref} className={`pipemap${fits ? '' : ' pipemap--scroll'}`}>
      <LiveSummary text={summary} />
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; its parts are buttons */}
      <svg
        className="pipemap__svg"
        style={{ ['--map-font' as string]: `${metrics.fontPx}px` }}
        width={Math.round(layout.width * scale)}
        height={Math.round(layout.height * scale)}
        viewBox={`0 ${layout.top} ${layout.width} ${layout.height}`}
        role="group"
        aria-label="Pipeline map: the scenario's parts and the tuples travelling between them"
      >
        <defs>
          <marker
            id="pipemap-arrow"
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="8"
            markerHeight="8"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0L8,4L0,8Z" className="pipemap__arrow" />
          </marker>
        </defs>
        {compounds.map((n) => (
          <MapCompound
            key={n.id}
            node={n}
            status={status.nodes.get(n.id)}
            metrics={metrics}
            spotlit={spotOf(n.kind)}
            onOpen={open}
          />
        ))}
        <g className="pipemap__edges" ref={edgeGroup}>
          {layout.edges.map((e) => (
            <MapEdgeView
              key={e.id}
              edge={e}
              load={flight.load.get(e.id)}
              idle={e.kind === 'fetch' && !status.activeEdges.has(e.id)}
              title={edgeTitle(e, flight.load.get(e.id), sim.scenario.producers[e.producer ?? -1]?.spec)}
              timeMs={sim.timeMs}
              flowing={!fast}
              showCount={reduced}
              rate={sim.scenario.producers[e.producer ?? -1]?.spec.ratePerSec ?? 0}
            />
          ))}
        </g>
        {!reduced && (
          // A click on a dot opens its tuple; the lanes are the keyboard's way to the same tuples.
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is not focusable; the live summary counts the dots
          <g
            ref={dotGroup}
            className="pipemap__dots"
            aria-hidden="true"
            onClick={(e) => pickDot(e.target, select)}
          >
            {flight.dots.map((d) => {
              const edge = edgesById.get(d.edge);
              if (!edge) return null;
              const [x, y] = pointAlong(edge, d.at);
              return (
                <g
                  key={`${d.tupleId}@${d.edge}`}
                  className={`pipemap__dot${d.tupleId === selectedTuple ? ' is-selected' : ''}`}
                  data-tuple={d.tupleId}
                  style={{ ['--key' as string]: keyColour(d.keyIndex), opacity: d.opacity }}
                >
                  {d.tupleId === selectedTuple && <circle className="pipemap__ring" cx={x} cy={y} r={9} />}
                  <MarkShape category={d.category} x={x} y={y} r={4.5} />
                </g>
              );
            })}
          </g>
        )}
        {leaves.map((n) => (
          <MapNodeView
            key={n.id}
            node={n}
            status={status.nodes.get(n.id)}
            metrics={metrics}
            selected={isSelected(n, entity)}
            spotlit={spotOf(n.kind)}
            onOpen={open}
          />
        ))}
      </svg>
      {!fits && (
        <p className="pipemap__scrollhint">
          The map is wider than the screen: scroll it sideways to see all of it.
        </p>
      )}
      <MapLegend
        reduced={reduced}
        fetches={layout.edges.some((e) => e.kind === 'fetch')}
        unplaced={flight.unplaced.reduce((a, b) => a + b, 0)}
        fast={fast}
      />
    </div>
  );
}

/** The tuple of the dot a click landed on, if any, into the inspector. */
function pickDot(target: EventTarget, select: (tupleId: number) => void): void {
  const dot = target instanceof Element ? target.closest('[data-tuple]') : null;
  const id = Number(dot?.getAttribute('data-tuple'));
  if (dot && Number.isInteger(id)) select(id);
}

function edgeTitle(
  e: PlacedEdge,
  load: EdgeLoad | undefined,
  producer: { label: string; ratePerSec: number; delay: DelayModel } | undefined,
): string {
  const count = load
    ? ` · ${e.kind === 'network' ? `${load.inFlight} in flight` : `${load.count} on it`} now`
    : '';
  if (e.kind === 'network' && producer) {
    const rate = producer.ratePerSec > 0 ? `${producer.ratePerSec} tuples/s` : 'scripted tuples';
    return `Network from ${producer.label}: ${rate}, delay ${delayText(producer.delay)}${count}`;
  }
  if (e.kind === 'fetch') return `Fetches${count}`;
  if (e.kind === 'state') return 'Reads and writes state, checkpointed';
  return 'Data flows on, batch by batch';
}

const MapEdgeView = memo(MapEdgeViewOf, sameEdge);

function MapEdgeViewOf({
  edge,
  load,
  idle,
  title,
  timeMs,
  flowing,
  showCount,
  rate,
}: {
  rate: number;
  edge: PlacedEdge;
  load: EdgeLoad | undefined;
  idle: boolean;
  title: string;
  timeMs: number;
  /**
   * A dense edge's dashes flow with time; playing fast they stand still (at 16× they moved half a
   * dash a frame, which reads as flicker, and repainting the edges every frame was a third of the
   * dense preset's raster work: issue 19).
   */
  flowing: boolean;
  showCount: boolean;
}) {
  const dense = load?.dense ?? false;
  const flows = dense && flowing;
  const n = edge.along.length;
  const mid = pointAlong(edge, 0.5);
  return (
    <g
      className={`mapedge mapedge--${edge.kind}${idle ? ' is-idle' : ''}${dense ? ' is-dense' : ''}`}
      data-edge={edge.id}
    >
      <title>{title}</title>
      <path className="mapedge__hit" d={edge.path} />
      <path
        className="mapedge__line"
        d={edge.path}
        markerEnd={n > 1 && !idle ? 'url(#pipemap-arrow)' : undefined}
        // A dense edge flows with simulation time, so stepping back runs it backwards.
        style={flows ? { strokeDashoffset: flowOffset(timeMs) } : undefined}
        data-flow={flows || undefined}
      />
      {load && (dense || showCount) && (
        <text className="mapedge__count" x={mid[0]} y={mid[1] - 6} textAnchor="middle">
          {edge.kind === 'network' ? `${load.inFlight} in flight${rate ? ` · ${rate}/s` : ''}` : load.count}
        </text>
      )}
    </g>
  );
}

function MapLegend({
  reduced,
  fetches,
  unplaced,
  fast,
}: {
  reduced: boolean;
  fetches: boolean;
  unplaced: number;
  fast: boolean;
}) {
  const items = [
    ['inFlight', 'in flight'],
    ['onTime', 'arrived in order'],
    ['outOfOrder', 'out of order'],
    ['late', 'late'],
    ['dropped', 'lost'],
  ] as const;
  return (
    <div className="pipemap__legend">
      {!reduced && (
        <ul aria-label="Tuple shapes on the map">
          {items.map(([category, text]) => (
            <li key={category}>
              <svg width={14} height={14} aria-hidden="true" className="pipemap__glyph">
                <MarkShape category={category} x={7} y={7} r={4.5} />
              </svg>
              {text}
            </li>
          ))}
        </ul>
      )}
      <p>
        {reduced
          ? 'Motion is reduced: each edge shows how many tuples are on it instead.'
          : `Tuples are coloured by key and move in simulation time.${fetches ? ` A fetch takes no time in this model: each record read is drawn along its edge for ${FETCH_SHOWN_MS / 1000} s.` : ''} A crowded edge shows a count${fast ? ` (playing this fast: from ${FAST_MAX_DOTS_PER_EDGE + 1} tuples on it, with still dashes; pause to see each tuple)` : ''}.`}{' '}
        {/* Kafka's producer picks a keyless record's partition before sending it (KafkaProducer.doSend →
            BuiltInPartitioner, the sticky partitioner of KIP-480); this model picks it when the record
            reaches the broker (engine/delivery/logDelivery.ts deliver), so it cannot be drawn on its way. */}
        {unplaced > 0 &&
          `${unplaced} tuple${unplaced === 1 ? ' has' : 's have'} no key and ${unplaced === 1 ? 'is' : 'are'} not drawn on the way: this model picks a keyless record's partition when it reaches the broker (Kafka's producer picks it before sending). `}
        Click a part to open its view.
      </p>
    </div>
  );
}

type EdgeProps = Parameters<typeof MapEdgeViewOf>[0];

/** An edge is redrawn only when what it shows changed (a dense edge flows with time). */
function sameEdge(a: EdgeProps, b: EdgeProps): boolean {
  return (
    a.edge === b.edge &&
    a.idle === b.idle &&
    a.title === b.title &&
    a.showCount === b.showCount &&
    a.rate === b.rate &&
    a.load?.count === b.load?.count &&
    a.load?.inFlight === b.load?.inFlight &&
    a.load?.dense === b.load?.dense &&
    a.flowing === b.flowing &&
    (!(a.load?.dense && a.flowing) || a.timeMs === b.timeMs)
  );
}
