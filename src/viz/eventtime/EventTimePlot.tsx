import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analysisOf, computedAnalysis } from '../../store/eventTime';
import { registerWarmUp } from '../../store/sim/prepareRun';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import { useViewSim } from '../viewSim';
import { DENSE_DOTS, DOT_RADIUS, DotCanvas, dotFinder } from './DotCanvas';
import { type Dot, dotText, plotLayout, preparePlotLayout, warmUpPlot } from './layout';
import './EventTimePlot.css';

const selectPlot = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  select: s.select,
});

/** The plot's size as last drawn: a new run's layout is prepared for it. */
let lastSize: { width: number; height: number } | null = null;

// A new run's plot caches (every tuple's fate, the perfect watermark) are filled in before it is
// shown, and its layout at the cursor is computed in pieces for the size the plot has.
registerWarmUp(function* (sim) {
  const a = computedAnalysis(sim);
  if (!a) return;
  yield* warmUpPlot(a);
  if (lastSize)
    yield* preparePlotLayout(a, sim.timeMs, sim.scenario.spec.durationMs, lastSize.width, lastSize.height);
});

const secs = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');

/**
 * Processing time across, event time up: each tuple a dot, the ideal diagonal, the watermark as a
 * step line beside the perfect one, and window panes that fill as tuples arrive and light up when
 * they fire. Late tuples are crosses; hover or focus one for why.
 */
export function EventTimePlot() {
  const { sim, tick, select } = useViewSim(useShallow(selectPlot));
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const [hover, setHover] = useState<Dot | null>(null);
  const analysis = analysisOf(sim);
  const nowMs = sim.timeMs;
  const height = Math.max(260, Math.min(420, Math.round(width * 0.45)));
  useEffect(() => {
    lastSize = { width, height };
  }, [width, height]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const layout = useMemo(
    () => (analysis ? plotLayout(analysis, nowMs, sim.scenario.spec.durationMs, width, height) : null),
    [analysis, nowMs, width, height, tick],
  );
  // Many on-time dots: painted on a canvas, found under the pointer by a grid.
  const dense = useMemo(() => {
    if (!layout || layout.counted.n <= DENSE_DOTS) return null;
    // The grid is built when the pointer first moves over the plot, not with every step.
    let find: ReturnType<typeof dotFinder> | null = null;
    return {
      find: (x: number, y: number) => {
        if (!find) find = dotFinder(layout.counted);
        return find(x, y);
      },
    };
  }, [layout]);
  if (!analysis || !layout) return null;
  const { x, y, margin, domain } = layout;
  /** The on-time dot under the pointer, on the canvas (a late one is an SVG mark with its own events). */
  const dotUnder = (e: MouseEvent<SVGSVGElement>): Dot | null => {
    if (!dense || (e.target as Element).closest('.dot')) return null;
    const box = e.currentTarget.getBoundingClientRect();
    // The box is on screen (zoomed in presenter mode); the layout in the plot's own pixels.
    const scale = box.width / layout.width || 1;
    const k = dense.find((e.clientX - box.left) / scale, (e.clientY - box.top) / scale);
    return k === null ? null : layout.counted.dot(k);
  };
  const spec = analysis.spec;
  const lastFire = analysis.emissions.filter((e) => e.atMs <= nowMs).at(-1);
  const dropped = analysis.late.filter((l) => l.atMs <= nowMs).length;
  const rule =
    spec.engine === 'spark'
      ? `Spark: watermark = max event time − ${spec.spark.delayMs / 1000} s, computed when a micro-batch (every ${spec.spark.triggerMs / 1000} s) ends and used by the next; a window is done when its end ≤ watermark${spec.spark.allowMultiple ? '; late rows are judged by the previous batch’s watermark (Spark 3.4 and later)' : ''}.`
      : `Flink: watermark = max timestamp − ${spec.flink.boundMs / 1000} s − 1 ms, emitted every ${spec.flink.autoWatermarkIntervalMs} ms when it rises; a window fires when the watermark reaches its end − 1 ms${spec.flink.allowedLatenessMs > 0 ? `, and keeps its state ${spec.flink.allowedLatenessMs / 1000} s longer for late tuples` : ''}.`;
  const shown = hover ?? layout.marks.at(-1) ?? null;
  const tuples = layout.counted.n + layout.marks.length;
  const summaryText = [
    `At ${secs(nowMs)} the watermark is ${secs(layout.watermarkNow)} (perfect: ${secs(layout.perfectNow)}).`,
    lastFire
      ? `Window [${secs(lastFire.window.startMs)}, ${secs(lastFire.window.endMs)}) ${lastFire.kind === 'first' ? 'fired' : 'fired again'} at ${secs(lastFire.atMs)} with ${spec.aggregate} ${fmt(lastFire.value)}.`
      : 'No window has fired yet.',
    dropped === 0
      ? 'No tuple has been dropped.'
      : `${dropped} late tuple${dropped === 1 ? ' was' : 's were'} dropped.`,
    Number.isFinite(layout.watermarkNow) && layout.watermarkNow > layout.perfectNow
      ? `The watermark is ahead of the perfect one: a tuple still on its way with an event time before ${secs(layout.watermarkNow)} will be late.`
      : Number.isFinite(layout.watermarkNow) && layout.perfectNow - layout.watermarkNow >= 1000
        ? `It trails the perfect watermark by ${secs(layout.perfectNow - layout.watermarkNow)}: windows wait longer than they need to.`
        : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div ref={ref} className="etplot">
      <p className="etplot__rule">{rule}</p>
      <p className="etplot__summary">{summaryText}</p>
      <LiveSummary text={summaryText} />
      <div className="etplot__plot">
        {dense && (
          <DotCanvas
            layout={layout}
            dots={layout.counted}
            label={`${layout.counted.n} on-time tuples drawn densely; hover one for its times, click it to inspect it.`}
          />
        )}
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; it groups the late tuples' buttons */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on a dense plot's canvas dots; the late tuples are the keyboard's buttons, and the lanes reach every tuple */}
        <svg
          width={layout.width}
          height={layout.height}
          className={`etplot__svg${dense && hover?.kind === 'counted' ? ' is-over-dot' : ''}`}
          role="group"
          aria-label={`Event time plot: ${tuples} tuples up to ${secs(nowMs)}; watermark ${secs(layout.watermarkNow)}; ${dropped} dropped`}
          onMouseMove={
            dense
              ? (e) => {
                  const d = dotUnder(e);
                  if (d !== hover && (d !== null || hover?.kind === 'counted')) setHover(d);
                }
              : undefined
          }
          onMouseLeave={dense ? () => setHover(null) : undefined}
          onClick={
            dense
              ? (e) => {
                  const d = dotUnder(e);
                  if (d) select(d.id);
                }
              : undefined
          }
        >
          <defs>
            <clipPath id="etplot-clip">
              <rect
                x={margin.left}
                y={margin.top}
                width={layout.width - margin.left - margin.right}
                height={layout.height - margin.top - margin.bottom}
              />
            </clipPath>
          </defs>
          {layout.yTicks.map((t) => (
            <g key={`y${t}`} className="etplot__grid">
              <line x1={margin.left} x2={layout.width - margin.right} y1={y(t)} y2={y(t)} />
              <text x={margin.left - 6} y={y(t) + 4} textAnchor="end">
                {t / 1000} s
              </text>
            </g>
          ))}
          {layout.xTicks.map((t) => (
            <g key={`x${t}`} className="etplot__grid">
              <text x={x(t)} y={layout.height - margin.bottom + 16} textAnchor="middle">
                {t / 1000} s
              </text>
            </g>
          ))}
          <text
            x={(layout.width + margin.left) / 2}
            y={layout.height - 4}
            textAnchor="middle"
            className="etplot__axis"
          >
            processing time (arrival)
          </text>
          <text
            transform={`translate(14,${(layout.height - margin.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            className="etplot__axis"
          >
            event time
          </text>
          <g clipPath="url(#etplot-clip)">
            {layout.panes.map((p) => (
              <g
                key={`${p.window.startMs}-${p.window.endMs}`}
                className={`pane${p.fired ? ' pane--fired' : ''}`}
              >
                <rect
                  x={p.x0}
                  y={p.y0}
                  width={Math.max(1, p.x1 - p.x0)}
                  height={Math.max(1, p.y1 - p.y0)}
                  style={{ fillOpacity: Math.min(0.35, 0.06 + p.count * 0.02) }}
                />
              </g>
            ))}
            <line
              x1={x(domain[0])}
              y1={y(domain[0])}
              x2={x(domain[1])}
              y2={y(domain[1])}
              className="etplot__ideal"
            />
            <path d={layout.perfectPath} className="etplot__perfect" />
            <path d={layout.watermarkPath} className="etplot__watermark" />
            <line
              x1={x(nowMs)}
              x2={x(nowMs)}
              y1={margin.top}
              y2={layout.height - margin.bottom}
              className="etplot__now"
            />
            {!dense &&
              Array.from({ length: layout.counted.n }, (_, k) => {
                const d = layout.counted.dot(k);
                return (
                  // biome-ignore lint/a11y/noStaticElementInteractions: pointer hover only; the late tuples below are the focusable ones
                  <circle
                    key={d.id}
                    cx={d.x}
                    cy={d.y}
                    r={DOT_RADIUS}
                    className="dot dot--counted"
                    onMouseEnter={() => setHover(d)}
                    onMouseLeave={() => setHover(null)}
                    onClick={() => select(d.id)}
                  />
                );
              })}
            {/* Late tuples above the on-time ones: what a learner must not miss is never hidden. */}
            {layout.marks.map((d) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark acting as a button
              <g
                key={d.id}
                role="button"
                tabIndex={0}
                aria-label={dotText(d)}
                className={`dot dot--${d.kind}`}
                onMouseEnter={() => setHover(d)}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover(d)}
                onBlur={() => setHover(null)}
                onClick={() => select(d.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    select(d.id);
                  }
                }}
              >
                {d.kind === 'dropped' ? (
                  <path
                    d={`M${d.x - 5},${d.y - 5}L${d.x + 5},${d.y + 5}M${d.x - 5},${d.y + 5}L${d.x + 5},${d.y - 5}`}
                  />
                ) : (
                  <path d={`M${d.x},${d.y - 6}L${d.x + 6},${d.y}L${d.x},${d.y + 6}L${d.x - 6},${d.y}Z`} />
                )}
              </g>
            ))}
            {/* Each window's result above the tuples' marks, with a halo, so a late or out-of-order mark
              never hides the count a lesson asks for (issue 20). */}
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; the results are read in Window results */}
            <g className="pane-results" aria-hidden="true">
              {layout.panes.map(
                (p) =>
                  p.fired && (
                    <text
                      key={`${p.window.startMs}-${p.window.endMs}`}
                      x={p.x1 - 4}
                      y={(p.y0 + p.y1) / 2 + 4}
                      textAnchor="end"
                    >
                      {fmt(p.fired.value)}
                    </text>
                  ),
              )}
            </g>
          </g>
        </svg>
      </div>
      <p className={`etplot__explain${shown ? '' : ' is-empty'}`} role="status">
        {shown
          ? dotText(shown)
          : 'Hover a dot (or Tab to a late one) to see its times and the watermark when it arrived.'}
      </p>
      <ul className="legend etplot__legend">
        <li>
          <span className="lg lg--dot" /> tuple (counted)
        </li>
        <li>
          <span className="lg lg--cross">✕</span> late: dropped
        </li>
        <li>
          <span className="lg lg--diamond">◆</span> late but still counted
        </li>
        <li>
          <span className="lg lg--wm" /> watermark
        </li>
        <li>
          <span className="lg lg--perfect" /> perfect watermark (an oracle)
        </li>
        <li>
          <span className="lg lg--ideal" /> event time = processing time
        </li>
        <li>
          <span className="lg lg--pane" /> window pane; bold when it has fired
        </li>
      </ul>
    </div>
  );
}

export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
