import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import { activeBatches, type BatchMetrics, completedMetrics } from './metrics';
import './StreamingMetrics.css';
import { useViewSim } from '../viewSim';

const selectMetrics = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

const CHARTS: readonly {
  key: keyof BatchMetrics;
  title: string;
  unit: string;
  reference: boolean;
}[] = [
  { key: 'inputRate', title: 'Input rate', unit: 'records/s', reference: false },
  { key: 'schedulingDelayMs', title: 'Scheduling delay', unit: 'ms', reference: false },
  { key: 'processingMs', title: 'Processing time', unit: 'ms', reference: true },
  { key: 'totalDelayMs', title: 'Total delay', unit: 'ms', reference: true },
];

/** Spark's streaming UI: input rate, scheduling delay, processing time and total delay per batch. */
export function StreamingMetrics({ controls }: { controls?: React.ReactNode }) {
  const { sim, tick } = useViewSim(useShallow(selectMetrics));
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const run = sim.streaming();
  const nowMs = sim.timeMs;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const data = useMemo(
    () =>
      run && !run.error ? completedMetrics(run.batches, run.spec.batchIntervalMs, nowMs).slice(-80) : [],
    [run, nowMs, tick],
  );
  if (!run) return null;
  const B = run.spec.batchIntervalMs;
  const active = activeBatches(run.batches, nowMs);
  const last = data[data.length - 1];
  const chartW = Math.max(220, Math.floor((width - 16) / (width > 760 ? 2 : 1)) - 8);
  const summaryText = [
    last
      ? `Batch ${last.timeMs / 1000} s: ${last.records} records (${fmt(last.inputRate)} records/s), scheduling delay ${last.schedulingDelayMs} ms, processing ${last.processingMs} ms, total delay ${last.totalDelayMs} ms.`
      : 'No batch has completed yet.',
    active.queued > 0
      ? `${active.queued} batch${active.queued === 1 ? '' : 'es'} queued behind the running one: processing takes longer than the ${B / 1000} s batch interval.`
      : active.stalled > 0
        ? `${active.stalled} batch${active.stalled === 1 ? '' : 'es'} cannot run: every core is taken by a receiver (Spark warns: use local[n] with n > number of receivers).`
        : data.length > 0
          ? 'No batch is waiting.'
          : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div ref={ref} className="metrics">
      {controls}
      <p className="metrics__summary">{summaryText}</p>
      <LiveSummary text={summaryText} />
      <div className="metrics__grid">
        {CHARTS.map((c) => (
          <Chart
            key={c.key}
            data={data}
            field={c.key}
            title={c.title}
            unit={c.unit}
            reference={c.reference ? B : null}
            width={chartW}
          />
        ))}
      </div>
      <p className="metrics__note">
        Simplified cost model: each input record costs the per-record time once, spread over the free cores;
        every output job adds a fixed overhead. A batch starts when the previous one has finished
        (spark.streaming.concurrentJobs = 1).
        {run.spec.backpressure.enabled &&
          ' Backpressure: Spark’s PID rate estimator sets the next batches’ rate from completed ones, but never below spark.streaming.backpressure.pid.minRate (100 records/s).'}
      </p>
    </div>
  );
}

/**
 * A y tick's label. A time axis uses one unit throughout (issue 20: it mixed 800 with 1.2 s):
 * seconds when its top tick reaches 1 s, milliseconds below that; other axes show the number.
 */
export function tickLabel(t: number, unit: string, topTick: number): string {
  if (unit !== 'ms') return String(t);
  if (topTick >= 1000) return `${Number((t / 1000).toFixed(3))} s`;
  return `${t} ms`;
}

function fmt(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, '');
}

function Chart({
  data,
  field,
  title,
  unit,
  reference,
  width,
}: {
  data: readonly BatchMetrics[];
  field: keyof BatchMetrics;
  title: string;
  unit: string;
  reference: number | null;
  width: number;
}) {
  const height = 120;
  const m = { top: 10, right: 12, bottom: 22, left: 44 };
  const values = data.map((d) => d[field]);
  // A time axis spans at least 100 ms, so a flat 0 ms line is not drawn against fractions of a millisecond.
  const max = Math.max(unit === 'ms' ? 100 : 1, reference ?? 0, ...values) * 1.1;
  const x0 = data[0]?.timeMs ?? 0;
  const x1 = data[data.length - 1]?.timeMs ?? 1;
  const x = scaleLinear()
    .domain([x0, Math.max(x1, x0 + 1)])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([height - m.bottom, m.top]);
  const ticks = y.ticks(4);
  const path = line<BatchMetrics>()
    .x((d) => x(d.timeMs))
    .y((d) => y(d[field]))(data as BatchMetrics[]);
  const last = data[data.length - 1];
  const over = reference !== null && last !== undefined && last[field] > reference;
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>{' '}
        <span className={over ? 'chart__value chart__value--over' : 'chart__value'}>
          {last ? `${fmt(last[field])} ${unit}` : '—'}
        </span>
      </figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title} per batch${last ? `; latest ${fmt(last[field])} ${unit}` : ''}`}
      >
        {ticks.map((t) => (
          <g key={t} className="chart__grid">
            <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} />
            <text x={m.left - 6} y={y(t) + 4} textAnchor="end">
              {tickLabel(t, unit, ticks.at(-1) ?? t)}
            </text>
          </g>
        ))}
        {reference !== null && (
          <g className="chart__reference">
            <line x1={m.left} x2={width - m.right} y1={y(reference)} y2={y(reference)} />
            <text x={width - m.right} y={y(reference) - 4} textAnchor="end">
              batch interval
            </text>
          </g>
        )}
        {path && <path d={path} className="chart__line" />}
        {data.map((d) => (
          <circle
            key={d.timeMs}
            cx={x(d.timeMs)}
            cy={y(d[field])}
            r={data.length > 40 ? 1.5 : 2.5}
            className="chart__dot"
          />
        ))}
        {data.length > 0 && (
          <text x={m.left} y={height - 6} className="chart__axis">
            {x0 / 1000} s
          </text>
        )}
        {data.length > 1 && (
          <text x={width - m.right} y={height - 6} textAnchor="end" className="chart__axis">
            {x1 / 1000} s
          </text>
        )}
      </svg>
    </figure>
  );
}
