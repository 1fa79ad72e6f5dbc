import { type KeyboardEvent, memo } from 'react';
import type { MapMetrics, PlacedNode } from './layout';
import type { NodeStatus, ReplicaRole } from './status';

/** Cut text to fit a width (the whole text is in the node's tooltip and accessible name). */
export function fitText(text: string, widthPx: number, charPx: number): string {
  const max = Math.max(4, Math.floor(widthPx / charPx));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const activateOn = (run: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
};

const roleText: Record<ReplicaRole, string> = {
  leader: 'leader',
  inSync: 'in sync',
  outOfSync: 'out of sync',
  offline: 'down',
};

/** A partition's replicas as chips: the leader filled, followers outlined, a broker that is down crossed. */
function Replicas({ status, m, width }: { status: NodeStatus; m: MapMetrics; width: number }) {
  const replicas = status.replicas ?? [];
  const chip = Math.min(m.fontPx * 2.4, (width - 20) / Math.max(1, replicas.length) - 4);
  const h = m.fontPx * 1.2;
  return (
    <g transform={`translate(12,${m.nodeHeight - h - m.fontPx * 0.45})`}>
      {replicas.map((r, i) => (
        <g
          key={r.broker}
          className={`mapreplica mapreplica--${r.role}`}
          transform={`translate(${i * (chip + 4)},0)`}
        >
          <rect width={chip} height={h} rx={3} />
          <text x={chip / 2} y={h * 0.78} textAnchor="middle">
            B{r.broker}
          </text>
          {r.role === 'offline' && (
            <path className="mapnode__cross" d={`M2,2L${chip - 2},${h - 2}M${chip - 2},2L2,${h - 2}`} />
          )}
        </g>
      ))}
    </g>
  );
}

/** A leaf of the map: a producer, a partition, a consumer, an operation. A button that opens its view. */
function MapNodeViewOf({
  node,
  status,
  metrics: m,
  selected,
  spotlit,
  onOpen,
}: {
  node: PlacedNode;
  status: NodeStatus | undefined;
  metrics: MapMetrics;
  selected: boolean;
  spotlit: boolean | null;
  onOpen: (node: PlacedNode) => void;
}) {
  const line = status?.line ?? node.detail;
  const state = status?.down ? ' is-down' : status?.warn ? ' is-warn' : '';
  const light = spotlit === null ? '' : spotlit ? ' is-spotlit' : ' is-dimmed';
  const replicas = status?.replicas
    ? ` Replicas: ${status.replicas.map((r) => `broker ${r.broker} ${roleText[r.role]}`).join(', ')}.`
    : '';
  const name = `${node.label}${line ? `: ${line}` : ''}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role and keys make it one
    <g
      className={`mapnode mapnode--${node.kind}${state}${selected ? ' is-selected' : ''}${light}`}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={`${name}.${replicas} Open its view.`}
      data-node={node.id}
      onClick={() => onOpen(node)}
      onKeyDown={activateOn(() => onOpen(node))}
    >
      <title>{`${name}${replicas}`}</title>
      <rect
        className="mapnode__box"
        width={node.width}
        height={node.height}
        rx={node.kind === 'producer' ? node.height / 2 : 7}
      />
      <text className="mapnode__title" x={12} y={m.fontPx * 1.4}>
        {fitText(node.label, node.width - 20, m.titleCharPx)}
      </text>
      {status?.replicas ? (
        <Replicas status={status} m={m} width={node.width} />
      ) : (
        line && (
          <text className="mapnode__line" x={12} y={m.fontPx * 2.75}>
            {fitText(line, node.width - 20, m.detailCharPx)}
          </text>
        )
      )}
      {status?.down && <path className="mapnode__cross" d={`M${node.width - 20},8l12,12m0,-12l-12,12`} />}
    </g>
  );
}

/** A node drawn around others: the Kafka cluster, a consumer group, an application. */
function MapCompoundOf({
  node,
  status,
  metrics: m,
  spotlit,
  onOpen,
}: {
  node: PlacedNode;
  status: NodeStatus | undefined;
  metrics: MapMetrics;
  spotlit: boolean | null;
  onOpen: (node: PlacedNode) => void;
}) {
  const state = status?.down ? ' is-down' : status?.warn ? ' is-warn' : '';
  const light = spotlit === null ? '' : spotlit ? ' is-spotlit' : ' is-dimmed';
  const line = status?.line ?? node.detail;
  return (
    <g
      className={`mapgroup mapgroup--${node.kind}${state}${light}`}
      transform={`translate(${node.x},${node.y})`}
    >
      <rect className="mapgroup__box" width={node.width} height={node.height} rx={10} />
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button> */}
      <g
        className="mapgroup__head"
        role="button"
        tabIndex={0}
        aria-label={`${node.label}${line ? `: ${line}` : ''}. Open its view.`}
        data-node={node.id}
        onClick={() => onOpen(node)}
        onKeyDown={activateOn(() => onOpen(node))}
      >
        <title>{`${node.label}${line ? ` — ${line}` : ''}`}</title>
        <text className="mapgroup__title" x={10} y={m.fontPx * 1.25}>
          {fitText(node.label, node.width - 16, m.titleCharPx * 0.96)}
        </text>
        {line && (
          <text className="mapgroup__line" x={10} y={m.fontPx * 2.4}>
            {fitText(line, node.width - 16, m.detailCharPx)}
          </text>
        )}
      </g>
    </g>
  );
}

/** What a node shows of its status: equal signatures draw the same picture. */
function statusSignature(status: NodeStatus | undefined): string {
  if (!status) return '';
  const replicas = status.replicas?.map((r) => `${r.broker}${r.role}`).join() ?? '';
  return `${status.line}|${status.down ? 1 : 0}|${status.warn ? 1 : 0}|${replicas}`;
}

type NodeProps = { readonly status: NodeStatus | undefined } & Record<string, unknown>;

/** Redrawn only when something it shows changed: the map updates every frame while playing. */
function sameNode(a: NodeProps, b: NodeProps): boolean {
  for (const key of Object.keys(a)) {
    if (key === 'status') continue;
    if (a[key] !== b[key]) return false;
  }
  return statusSignature(a.status) === statusSignature(b.status);
}

export const MapNodeView = memo(MapNodeViewOf, sameNode);
export const MapCompound = memo(MapCompoundOf, sameNode);
