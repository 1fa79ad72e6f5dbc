import { type KeyboardEvent, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useColourScheme } from '../useColourScheme';
import { useElementWidth } from '../useElementWidth';
import {
  categoryLabels,
  categoryOf,
  defaultWindowMs,
  drawAt,
  type Lane,
  type LayoutInput,
  type LayoutTuple,
  layoutProducers,
  type Mark,
  type MarkCategory,
  type ProducersLayout,
} from './layout';
import { MarkShape } from './MarkShape';
import { packTuples } from './packed';
import { paintLanes } from './paint';
import { LanesPainter } from './painter';
import { describeTuple, visibleTuples } from './visibleTuples';

/** Above this many tuples in view, marks go on a canvas (SVG elements would slow playback). */
const SVG_MARK_LIMIT = 900;
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
const CATEGORIES: MarkCategory[] = ['onTime', 'outOfOrder', 'late', 'inFlight', 'buffered', 'dropped'];

const selectView = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  selected: s.selectedTuple,
  select: s.select,
});

export function ProducerLanes() {
  const { sim, tick, selected, select } = useSim(useShallow(selectView));
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const spec = sim.scenario.spec;
  const lanesInput = useMemo(
    () =>
      sim.scenario.producers.map((p) => ({
        label: p.spec.label,
        kind: p.spec.ratePerSec === 0 ? ('explicit' as const) : p.spec.payload.kind,
        ratePerSec: p.spec.ratePerSec,
        offline: p.spec.offline,
      })),
    [sim],
  );
  const totalRate = useMemo(
    () => sim.scenario.producers.reduce((sum, p) => sum + p.spec.ratePerSec, 0),
    [sim],
  );
  const windowMs = defaultWindowMs(totalRate, spec.durationMs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const tuples = useMemo(() => visibleTuples(sim, windowMs), [sim, tick, windowMs]);
  // A run whose lanes fill up past the limit is painted from its first moment: switching from SVG
  // to canvas mid-play would change how marks look, and the frames building hundreds of SVG marks
  // on the way there took 40–60 ms each at 16×.
  const expectedInView = (totalRate * windowMs) / 1000;
  const dense = expectedInView > SVG_MARK_LIMIT || tuples.length > SVG_MARK_LIMIT;
  const input: LayoutInput = useMemo(
    () => ({ nowMs: sim.timeMs, windowMs, width, lanes: lanesInput, tuples }),
    [sim, windowMs, width, lanesInput, tuples],
  );
  // Dense runs lay their marks out where they are painted (in the lanes' worker): here only the frame.
  const layout = useMemo(() => layoutProducers(dense ? { ...input, tuples: [] } : input), [input, dense]);
  // Built on first use: while playing a dense run nothing asks, and 6,000 entries a frame add up.
  const tupleById = useMemo(() => {
    let map: Map<number, (typeof tuples)[number]> | null = null;
    return (id: number) => {
      map ??= new Map(tuples.map((t) => [t.id, t]));
      return map.get(id);
    };
  }, [tuples]);
  const [active, setActive] = useState<number | null>(null);
  const label = (id: number) => {
    const t = tupleById(id);
    return t ? describeTuple(t, lanesInput[t.producerIndex]?.label ?? '') : `Tuple #${id}`;
  };

  const counts = countCategories(tuples);
  const summary = `At ${(sim.timeMs / 1000).toFixed(1)} s, in the last ${(windowMs / 1000).toFixed(0)} s: ${
    CATEGORIES.filter((c) => counts[c] > 0)
      .map((c) => `${counts[c]} ${categoryLabels[c]}`)
      .join(', ') || 'no tuples'
  }.`;

  const onMarkKey = (event: KeyboardEvent, mark: Mark) => {
    if (event.key === 'Enter' || event.key === ' ') {
      select(mark.id);
    } else if (NAVIGATION_KEYS.has(event.key)) {
      // At a lane's edge there is no neighbour, but the key still belongs to the lanes: it must not
      // fall through to the global shortcuts and move time under the focused tuple.
      const next = neighbour(layout.marks, mark, event.key);
      if (next) setActive(next.id);
    } else {
      if (event.key === 'Escape') select(null);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // Move DOM focus with the roving tab stop.
  useEffect(() => {
    if (active === null || dense) return;
    const el = containerRef.current?.querySelector<SVGGElement>(`[data-tuple="${active}"]`);
    if (el && el !== document.activeElement && containerRef.current?.contains(document.activeElement))
      el.focus();
  }, [active, dense]);

  // Named from the tuple itself: `label` would index every tuple in view, each frame while playing.
  const last = dense ? newest(tuples, sim.timeMs) : undefined;
  const newestTuple = last
    ? { id: last.id, label: describeTuple(last, lanesInput[last.producerIndex]?.label ?? '') }
    : null;

  // One stable object of callbacks for every mark (memoised marks must not see new functions each
  // frame); it reads the latest render's values through a ref.
  const latest = useRef({ label, select, setActive, onMarkKey, layout });
  latest.current = { label, select, setActive, onMarkKey, layout };
  const markActions = useMemo<MarkActions>(
    () => ({
      label: (id) => latest.current.label(id),
      pick: (id) => {
        latest.current.setActive(id);
        latest.current.select(id);
      },
      focus: (id) => latest.current.setActive(id),
      key: (event, id) => {
        const mark = latest.current.layout.marks.find((m) => m.id === id);
        if (mark) latest.current.onMarkKey(event, mark);
      },
    }),
    [],
  );

  const rovingId =
    active !== null && layout.marks.some((m) => m.id === active)
      ? active
      : layout.marks[layout.marks.length - 1]?.id;

  return (
    <div className="lanes" ref={containerRef}>
      <Legend />
      <LiveSummary text={summary} />
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; it groups the tuple buttons */}
      <svg
        className="lanes__svg"
        width={layout.width}
        height={layout.height}
        role="group"
        aria-label="Producer lanes over processing time. Tab to a tuple, arrow keys move between tuples, Enter inspects."
      >
        <defs>
          <pattern
            id="offline-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
          </pattern>
        </defs>
        <Lanes layout={layout} />
        {!dense && (
          // Marks sit at fixed places in a group shifted as time passes: while playing, a mark
          // re-renders only when it changes (it arrives, moves row, is selected), not every frame.
          <g transform={`translate(${layout.originX},0)`}>
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; its lines are decoration */}
            <g className="delays" aria-hidden="true">
              {layout.marks.map((m) =>
                m.toX - m.fromX > 1 ? (
                  <DelayLine
                    key={m.id}
                    category={m.category}
                    fromX={fixed(m.fromX, layout)}
                    toX={fixed(m.toX, layout)}
                    y={m.y}
                  />
                ) : null,
              )}
            </g>
            <g className="marks">
              {layout.marks.map((m) => (
                <TupleMark
                  key={m.id}
                  id={m.id}
                  category={m.category}
                  backfilled={m.backfilled}
                  x={fixed(m.x, layout)}
                  y={m.y}
                  tabbable={m.id === rovingId}
                  selected={selected === m.id}
                  actions={markActions}
                />
              ))}
            </g>
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; each button already names its event time */}
            <g className="labels" aria-hidden="true">
              {layout.marks.map((m) =>
                m.label ? (
                  <MarkLabel
                    key={m.id}
                    x={fixed(m.x, layout)}
                    y={layout.lanes[m.lane]!.y + 14}
                    text={m.label}
                  />
                ) : null,
              )}
            </g>
          </g>
        )}
        <NowLine layout={layout} nowMs={sim.timeMs} />
      </svg>
      {dense && (
        <DenseMarks
          input={input}
          frame={layout}
          selected={selected}
          onPick={(id) => select(id)}
          newest={newestTuple}
        />
      )}
    </div>
  );
}

interface MarkActions {
  label(id: number): string;
  pick(id: number): void;
  focus(id: number): void;
  key(event: KeyboardEvent, id: number): void;
}

/** A mark's x within the shifted group (rounded, so it stays equal from frame to frame). */
function fixed(x: number, layout: ProducersLayout): number {
  return Math.round((x - layout.originX) * 100) / 100;
}

const TupleMark = memo(function TupleMark({
  id,
  category,
  backfilled,
  x,
  y,
  tabbable,
  selected,
  actions,
}: {
  id: number;
  category: MarkCategory;
  backfilled: boolean;
  x: number;
  y: number;
  tabbable: boolean;
  selected: boolean;
  actions: MarkActions;
}) {
  const label = actions.label(id);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG glyph cannot be a <button>
    <g
      data-tuple={id}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      className={`tuple${selected ? ' tuple--selected' : ''}`}
      onClick={() => actions.pick(id)}
      onFocus={() => actions.focus(id)}
      onKeyDown={(e) => actions.key(e, id)}
    >
      <title>{label}</title>
      <circle className="tuple__hit" cx={x} cy={y} r={10} />
      {backfilled && <circle className="tuple__backfill" cx={x} cy={y} r={9.5} />}
      <MarkShape category={category} x={x} y={y} />
      {selected && <circle className="tuple__ring" cx={x} cy={y} r={12} />}
    </g>
  );
});

const DelayLine = memo(function DelayLine({
  category,
  fromX,
  toX,
  y,
}: {
  category: MarkCategory;
  fromX: number;
  toX: number;
  y: number;
}) {
  return (
    <g className={`delay delay--${category}`}>
      <line x1={fromX} x2={toX} y1={y} y2={y} />
      <line x1={fromX} x2={fromX} y1={y - 4} y2={y + 4} />
    </g>
  );
});

const MarkLabel = memo(function MarkLabel({ x, y, text }: { x: number; y: number; text: string }) {
  return (
    <text className="tuple__label" x={x} y={y} textAnchor="middle">
      {text}
    </text>
  );
});

function Lanes({ layout }: { layout: ProducersLayout }) {
  return (
    <g className="lanes__frame">
      {layout.lanes.map((lane) => (
        <g key={lane.index}>
          <rect
            className={`lane lane--${lane.index % 2}`}
            x={0}
            y={lane.y}
            width={layout.plotRight}
            height={lane.height}
          />
          {lane.offline.map((o) => (
            <g key={o.x0}>
              <rect
                className="offline"
                x={o.x0}
                y={lane.y + 3}
                width={Math.max(0, o.x1 - o.x0)}
                height={lane.height - 6}
              />
              {!layout.compact && o.x1 - o.x0 > 60 && (
                <text className="offline__label" x={o.x0 + 6} y={lane.y + lane.height - 8}>
                  offline{o.ongoing ? ' — buffering' : ''}
                </text>
              )}
            </g>
          ))}
          {layout.compact ? (
            <text className="lane__meta" x={6} y={lane.y + lane.height - 5}>
              <tspan className="lane__label">{lane.label}</tspan> · {laneMeta(lane)}
            </text>
          ) : (
            <>
              <text className="lane__label" x={12} y={lane.y + lane.height / 2 + 2}>
                {lane.label}
              </text>
              <text className="lane__meta" x={12} y={lane.y + lane.height / 2 + 18}>
                {laneMeta(lane)}
              </text>
            </>
          )}
        </g>
      ))}
      {layout.future && (
        <g className="future">
          <rect
            x={layout.future.x0}
            y={24}
            width={layout.future.x1 - layout.future.x0}
            height={layout.axisY - 24}
          />
          {layout.future.x1 - layout.future.x0 > 80 && (
            <text x={(layout.future.x0 + layout.future.x1) / 2} y={layout.axisY - 8} textAnchor="middle">
              not yet happened
            </text>
          )}
        </g>
      )}
      <line className="axis" x1={layout.plotLeft} x2={layout.plotRight} y1={layout.axisY} y2={layout.axisY} />
      {layout.ticks.map((t) => (
        <g key={t.label} className="axis__tick">
          <line x1={t.x} x2={t.x} y1={layout.axisY} y2={layout.axisY + 5} />
          <text x={t.x} y={layout.axisY + 18} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

function NowLine({ layout, nowMs }: { layout: ProducersLayout; nowMs: number }) {
  return (
    <g className="now">
      <line x1={layout.nowX} x2={layout.nowX} y1={20} y2={layout.axisY} />
      <text x={layout.nowX} y={13} textAnchor={layout.future ? 'middle' : 'end'} className="now__label">
        now {(nowMs / 1000).toFixed(1)} s
      </text>
    </g>
  );
}

function DenseMarks({
  input,
  frame,
  selected,
  onPick,
  newest: last,
}: {
  /** Everything the marks' layout needs, tuples included. */
  input: LayoutInput;
  /** The lanes' frame (sizes), laid out without marks. */
  frame: ProducersLayout;
  selected: number | null;
  onPick: (id: number) => void;
  /** The tuple drawn rightmost, which Enter inspects, and its description. */
  newest: { readonly id: number; readonly label: string } | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  const scheme = useColourScheme();
  const palette = useRef<Palette | null>(null);
  if (palette.current?.scheme !== scheme) palette.current = null;
  const ref = useCallback((canvas: HTMLCanvasElement | null) => {
    canvasRef.current = canvas;
    if (!canvas) return;
    if (!painters.has(canvas)) painters.set(canvas, LanesPainter.attach(canvas));
    // StrictMode attaches twice; a canvas handed to a worker cannot be handed over again, so the
    // painter is only stopped once the canvas has really left the page.
    return () => {
      queueMicrotask(() => {
        if (canvas.isConnected) return;
        painters.get(canvas)?.stop();
        painters.delete(canvas);
      });
    };
  }, []);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { colours, focus } = palette.current ?? readPalette(canvas, scheme);
    palette.current = { scheme, colours, focus };
    const ratio = window.devicePixelRatio || 1;
    const painter = painters.get(canvas);
    if (painter) {
      const { tuples, ...rest } = input;
      painter.paint({
        type: 'paint',
        frame: rest,
        tuples: packTuples(tuples),
        colours,
        focus,
        selected,
        radius: DENSE_RADIUS,
        ratio,
      });
      return;
    }
    // No worker can draw here: paint on the main thread.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const target = { canvas, ctx, image: image.current };
    paintLanes(target, layoutProducers(input), { colours, focus, selected, radius: DENSE_RADIUS, ratio });
    image.current = target.image;
  }, [input, selected, scheme]);
  const pick = (clientX: number, clientY: number) => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return;
    const px = clientX - rect.left;
    const py = clientY - rect.top;
    let best: Mark | undefined;
    let bestD = 64;
    // Laid out on demand: while playing, the worker does it.
    for (const m of layoutProducers(input).marks) {
      const d = (m.x - px) ** 2 + (m.y - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    if (best) onPick(best.id);
  };
  return (
    <canvas
      ref={ref}
      className="lanes__canvas"
      style={{ width: frame.width, height: frame.height }}
      tabIndex={0}
      aria-label={`${input.tuples.length} tuples drawn densely. Click a tuple to inspect it; Enter inspects the newest${last ? ` (${last.label})` : ''}.`}
      onClick={(e) => pick(e.clientX, e.clientY)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && last) onPick(last.id);
      }}
    />
  );
}

/** Marks on a canvas are smaller than SVG ones: thousands share the lanes. */
const DENSE_RADIUS = 3.5;
const painters = new WeakMap<HTMLCanvasElement, LanesPainter | null>();

/** The tuple drawn rightmost (the layout's last mark): latest draw position, then highest id. */
function newest<T extends LayoutTuple>(tuples: readonly T[], nowMs: number): T | undefined {
  let best: T | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (const t of tuples) {
    const at = drawAt(t, nowMs);
    if (at > bestAt || (at === bestAt && best && t.id > best.id)) {
      best = t;
      bestAt = at;
    }
  }
  return best;
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {CATEGORIES.map((c) => (
        <li key={c}>
          <svg width="16" height="16" aria-hidden="true">
            <MarkShape category={c} x={8} y={8} r={5} />
          </svg>
          {categoryLabels[c]}
        </li>
      ))}
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle className="tuple__backfill" cx={8} cy={8} r={6.5} />
        </svg>
        backfilled
      </li>
      <li className="legend__note">
        Dot: arrival time · line: delay since its event time · number: event time (s)
      </li>
    </ul>
  );
}

const kindNames = { structured: 'rows', semiStructured: 'JSON', unstructured: 'text' } as const;

function laneMeta(lane: Lane): string {
  return lane.kind === 'explicit'
    ? 'explicit tuples'
    : `${kindNames[lane.kind]} · ${formatRate(lane.ratePerSec)}/s`;
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}

function countCategories(tuples: readonly LayoutTuple[]): Record<MarkCategory, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<MarkCategory, number>;
  for (const t of tuples) counts[categoryOf(t)]++;
  return counts;
}

/** Arrow-key neighbour: ←/→ along the lane by position, ↑/↓ to the nearest mark in the next lane. */
function neighbour(marks: readonly Mark[], from: Mark, key: string): Mark | undefined {
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const lane = marks.filter((m) => m.lane === from.lane);
    const i = lane.findIndex((m) => m.id === from.id);
    return lane[i + (key === 'ArrowLeft' ? -1 : 1)];
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const lanes = [...new Set(marks.map((m) => m.lane))].sort((a, b) => a - b);
    const target = lanes[lanes.indexOf(from.lane) + (key === 'ArrowUp' ? -1 : 1)];
    if (target === undefined) return undefined;
    let best: Mark | undefined;
    for (const m of marks)
      if (m.lane === target && (!best || Math.abs(m.x - from.x) < Math.abs(best.x - from.x))) best = m;
    return best;
  }
  if (key === 'Home') return marks.find((m) => m.lane === from.lane);
  if (key === 'End') return marks.filter((m) => m.lane === from.lane).at(-1);
  return undefined;
}

interface Palette {
  readonly scheme: 'light' | 'dark';
  readonly colours: Record<MarkCategory, string>;
  readonly focus: string;
}

/** The marks' colours from the stylesheet (custom properties `--c-<category>` and `--c-focus`). */
function readPalette(canvas: HTMLCanvasElement, scheme: 'light' | 'dark'): Palette {
  const style = getComputedStyle(canvas);
  const colours = Object.fromEntries(
    CATEGORIES.map((c) => [c, style.getPropertyValue(`--c-${c}`).trim() || '#888']),
  ) as Record<MarkCategory, string>;
  return { scheme, colours, focus: style.getPropertyValue('--c-focus').trim() || '#000' };
}
