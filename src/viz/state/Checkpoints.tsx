import { scaleLinear } from 'd3-scale';
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatValue, type StreamingRun } from '../../engine';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import './Checkpoints.css';
import { useViewSim } from '../viewSim';

const selectCk = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${ms / 1000} s`;

type Opened = { kind: 'metadata'; timeMs: number } | { kind: 'data'; index: number };

/**
 * The checkpoint directory over time: a metadata checkpoint per batch, data checkpoints of stateful
 * DStreams at their interval, and each one's lineage growing batch by batch until a checkpoint cuts
 * it. Every file opens to show what it holds.
 */
export function Checkpoints() {
  const { sim } = useViewSim(useShallow(selectCk));
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const [opened, setOpened] = useState<Opened | null>(null);
  const run = sim.streaming();
  if (!run || run.error) return null;
  const dir = run.spec.checkpointDir;
  if (dir === null)
    return (
      <p>
        No checkpoint directory is set (<code>ssc.checkpoint(dir)</code>), so nothing is written: a driver
        failure would lose every batch in flight and all state.
      </p>
    );
  const nowMs = sim.timeMs;
  const batches = run.batches.filter((b) => b.timeMs <= nowMs).slice(-30);
  const stateful = run.nodes.filter((n) => n.checkpointIntervalMs !== null);
  const data = run.dataCheckpoints.map((c, index) => ({ ...c, index })).filter((c) => c.writtenAtMs <= nowMs);
  const lastData = data.at(-1);
  const summary = `Checkpoint directory ${dir}: ${batches.length > 0 ? `newest metadata checkpoint at ${secs(batches.at(-1)!.timeMs)}` : 'no metadata checkpoint yet'}; ${data.length} state checkpoint${data.length === 1 ? '' : 's'} written${lastData ? `, the newest of ${run.nodes[lastData.node]!.spec.id} at ${secs(lastData.timeMs)}` : ''}.`;
  return (
    <div ref={ref} className="checkpoints">
      <LiveSummary text={summary} />
      <p className="muted">
        <code>{dir}</code> — a metadata checkpoint (configuration, DStream graph, batches not yet completed,
        Kafka offsets) is written at every batch; the state of{' '}
        {stateful.map((n) => n.spec.id).join(' and ') || 'no DStream'} is written every{' '}
        {stateful.map((n) => secs(n.checkpointIntervalMs!)).join(' / ')}, which cuts its lineage.
      </p>
      {batches.length > 0 && (
        <LineageChart run={run} width={width} batches={batches.map((b) => b.timeMs)} onOpen={setOpened} />
      )}
      <h3>Files</h3>
      <ul className="plain ckfiles">
        {[
          ...data.map((c) => ({
            at: c.writtenAtMs,
            label: `${run.nodes[c.node]!.spec.id}: rdd-${c.node * 1000 + c.timeMs / run.spec.batchIntervalMs} (state at ${secs(c.timeMs)}, ${c.partitions} partition files)`,
            open: { kind: 'data', index: c.index } as Opened,
          })),
          ...batches.slice(-8).map((b) => ({
            at: b.timeMs,
            label: `checkpoint-${b.timeMs}`,
            open: { kind: 'metadata', timeMs: b.timeMs } as Opened,
          })),
        ]
          .sort((a, b) => b.at - a.at)
          .slice(0, 12)
          .map((f) => (
            <li key={f.label}>
              <button type="button" className="link" onClick={() => setOpened(f.open)}>
                {f.label}
              </button>{' '}
              <span className="muted">written at {secs(f.at)}</span>
            </li>
          ))}
      </ul>
      {opened && <Contents run={run} opened={opened} nowMs={nowMs} onClose={() => setOpened(null)} />}
    </div>
  );
}

function LineageChart({
  run,
  width,
  batches,
  onOpen,
}: {
  run: StreamingRun;
  width: number;
  batches: number[];
  onOpen: (o: Opened) => void;
}) {
  const stateful = run.nodes.filter((n) => n.checkpointIntervalMs !== null);
  const rowH = 46;
  const m = { left: 150, right: 12, top: 22 };
  // A time axis under the rows (issue 20: the chart had no times on it).
  const axisY = m.top + rowH * Math.max(1, stateful.length) + 4;
  const height = axisY + 22;
  const x = scaleLinear()
    .domain([batches[0]!, batches[batches.length - 1]! + run.spec.batchIntervalMs])
    .range([m.left, width - m.right]);
  const bw = Math.max(4, x(batches[0]! + run.spec.batchIntervalMs) - x(batches[0]!) - 3);
  const maxLen = Math.max(1, ...stateful.flatMap((n) => batches.map((t) => run.lineageLength(n, t))));
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; it groups the checkpoint buttons
    <svg
      width={width}
      height={height}
      className="lineage-chart"
      role="group"
      aria-label="Checkpoints and lineage length per batch"
    >
      {batches.map((t) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG mark acting as a button
        <g
          key={`m${t}`}
          role="button"
          tabIndex={0}
          aria-label={`Metadata checkpoint at ${secs(t)}`}
          className="ck-meta"
          onClick={() => onOpen({ kind: 'metadata', timeMs: t })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onOpen({ kind: 'metadata', timeMs: t });
            }
          }}
        >
          {/* A file with a folded corner, filled: a checkpoint written, not an empty checkbox. */}
          <path d={`M${x(t) - 4},4h5l3,3v9h-8Z`} />
          <path className="ck-meta__fold" d={`M${x(t) + 1},4v3h3`} />
        </g>
      ))}
      <text x={m.left - 8} y={14} textAnchor="end" className="ck-label">
        metadata
      </text>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; each checkpoint button names its time */}
      <g className="ck-axis" aria-hidden="true">
        <line x1={m.left} x2={width - m.right} y1={axisY} y2={axisY} />
        {x.ticks(Math.min(8, batches.length)).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={axisY} y2={axisY + 4} />
            <text x={x(t)} y={axisY + 16} textAnchor="middle">
              {secs(t)}
            </text>
          </g>
        ))}
        <text x={m.left - 8} y={axisY + 16} textAnchor="end" className="ck-label">
          batch time
        </text>
      </g>
      {stateful.map((n, row) => {
        const y0 = m.top + row * rowH;
        return (
          <g key={n.index}>
            <text x={m.left - 8} y={y0 + rowH / 2} textAnchor="end" className="ck-label">
              {n.spec.id} lineage
            </text>
            {batches.map((t) => {
              const len = run.lineageLength(n, t);
              const h = ((rowH - 12) * len) / maxLen;
              const ck = run.isCheckpointTime(n, t);
              const index = run.dataCheckpoints.findIndex((c) => c.node === n.index && c.timeMs === t);
              return (
                <g key={t}>
                  <rect
                    x={x(t) - bw / 2}
                    y={y0 + rowH - 6 - h}
                    width={bw}
                    height={Math.max(1, h)}
                    className="lineage-bar"
                  >
                    <title>{`${n.spec.id} at ${secs(t)}: depends on ${len} earlier RDD${len === 1 ? '' : 's'} of itself`}</title>
                  </rect>
                  {ck && index >= 0 && (
                    // biome-ignore lint/a11y/useSemanticElements: an SVG mark acting as a button
                    <g
                      role="button"
                      tabIndex={0}
                      aria-label={`Data checkpoint of ${n.spec.id} at ${secs(t)}`}
                      className="ck-data"
                      onClick={() => onOpen({ kind: 'data', index })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onOpen({ kind: 'data', index });
                        }
                      }}
                    >
                      <polygon
                        points={`${x(t)},${y0 + 2} ${x(t) + 7},${y0 + 9} ${x(t)},${y0 + 16} ${x(t) - 7},${y0 + 9}`}
                      />
                    </g>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function Contents({
  run,
  opened,
  nowMs,
  onClose,
}: {
  run: StreamingRun;
  opened: Opened;
  nowMs: number;
  onClose: () => void;
}) {
  let title: string;
  let body: string;
  if (opened.kind === 'metadata') {
    // The file as it stands now: written when its batch was generated, rewritten when it completed.
    const c = run.metadataCheckpointAt(opened.timeMs, Math.max(opened.timeMs, nowMs));
    title = `checkpoint-${opened.timeMs}`;
    body = c
      ? [
          `checkpointTime: ${c.timeMs} ms`,
          c.written === 'completed'
            ? `(rewritten at ${c.writtenAtMs} ms, when its batch completed)`
            : '(written when its batch was generated; rewritten when it completes)',
          `master: ${c.master}`,
          `batchDuration: ${c.batchIntervalMs} ms`,
          `checkpointDir: ${c.checkpointDir}`,
          'graph:',
          ...c.graph.map((g) => `  ${g.id}: ${g.dstream} (${g.op})`),
          `pendingTimes: ${c.pendingTimes.length === 0 ? '(none)' : c.pendingTimes.map((t) => `${t} ms`).join(', ')}`,
          'Kafka offsets (DirectKafkaInputDStreamCheckpointData):',
          ...c.offsets.map(
            (o) =>
              `  ${o.stream} @ ${o.batchTimeMs} ms: ${o.ranges.map((r) => `p${r.partition} [${r.fromOffset}, ${r.untilOffset})`).join(' ')}`,
          ),
        ].join('\n')
      : 'Not written yet.';
  } else {
    const c = run.dataCheckpoints[opened.index];
    const node = c ? run.nodes[c.node] : undefined;
    title = node && c ? `${node.spec.id}: state RDD at ${c.timeMs} ms` : 'data checkpoint';
    body =
      c && node && c.writtenAtMs <= nowMs
        ? [
            `RDD of ${node.spec.id} (${node.classes[0]}) at ${c.timeMs} ms, ${c.partitions} partitions`,
            `written at ${c.writtenAtMs} ms; later RDDs start their lineage here`,
            ...c.records.slice(0, 40).map((r) => `  ${formatValue(r, node.type)}`),
            ...(c.records.length > 40 ? [`  … ${c.records.length - 40} more`] : []),
          ].join('\n')
        : 'Not written yet.';
  }
  return (
    <section className="ckcontents" aria-label={`Contents of ${title}`}>
      <div className="ckcontents__head">
        <strong>{title}</strong>
        <button type="button" className="icon-button" aria-label="Close checkpoint" onClick={onClose}>
          ×
        </button>
      </div>
      <pre className="debug-string">{body}</pre>
    </section>
  );
}
