/** The SVG layer of the lanes: the lanes' frame, the now line, and the marks of a sparse run. */
import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { laneMeta } from './laneText';
import type { MarkCategory, ProducersLayout } from './layout';
import { MarkShape } from './MarkShape';

export interface MarkActions {
  label(id: number): string;
  pick(id: number): void;
  focus(id: number): void;
  key(event: KeyboardEvent, id: number): void;
}

/** A mark's x within the shifted group (rounded, so it stays equal from frame to frame). */
function fixed(x: number, layout: ProducersLayout): number {
  return Math.round((x - layout.originX) * 100) / 100;
}

/** How far from a mark's centre a click still picks it (the hit circle's radius, px). */
const HIT_RADIUS = 10;

/**
 * The mark a click at (x, y) (in the marks group's coordinates) means: the one whose centre is
 * nearest, within the hit radius. Hit circles overlap where marks crowd, and the one drawn last
 * would win a plain DOM hit test, picking a neighbour of the mark under the pointer (issue 20).
 */
export function nearestMark(
  marks: readonly { readonly id: number; readonly x: number; readonly y: number }[],
  x: number,
  y: number,
): number | null {
  let best: number | null = null;
  let bestD = HIT_RADIUS * HIT_RADIUS;
  for (const m of marks) {
    const d = (m.x - x) ** 2 + (m.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = m.id;
    }
  }
  return best;
}

/** The click's point in the coordinates of the element it was attached to. */
function localPoint(e: MouseEvent<SVGGElement>): { x: number; y: number } | null {
  const ctm = e.currentTarget.getScreenCTM();
  if (!ctm) return null;
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
  return { x: p.x, y: p.y };
}

/** The marks of a sparse run: delay lines, tuple buttons and event-time labels. */
export function SvgMarks({
  layout,
  rovingId,
  selected,
  actions,
}: {
  layout: ProducersLayout;
  /** The mark that holds the roving tab stop. */
  rovingId: number | undefined;
  selected: number | null;
  actions: MarkActions;
}) {
  // Marks sit at fixed places in a layer shifted as time passes (see ./motion.ts): while playing, a
  // mark re-renders only when it changes (it arrives, moves row, is selected), not every frame.
  return (
    <g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; its lines are decoration */}
      <g className="delays" aria-hidden="true">
        {layout.marks.map((m) =>
          m.toX - m.fromX > 1 ? (
            <DelayLine
              key={m.id}
              category={m.category}
              live={m.category === 'inFlight' || m.category === 'buffered'}
              fromX={fixed(m.fromX, layout)}
              toX={fixed(m.toX, layout)}
              y={m.y}
            />
          ) : null,
        )}
      </g>
      {/* One click handler for all marks: it picks the mark nearest the pointer, not the topmost hit circle. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: each mark inside is a keyboard-reachable button with its own Enter/Space handling; this only routes pointer clicks */}
      <g
        className="marks"
        onClick={(e) => {
          const p = localPoint(e);
          const centres = layout.marks.map((m) => ({ id: m.id, x: fixed(m.x, layout), y: m.y }));
          const id = p ? nearestMark(centres, p.x, p.y) : null;
          if (id !== null) actions.pick(id);
        }}
      >
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
            actions={actions}
          />
        ))}
      </g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; each button already names its event time */}
      <g className="labels" aria-hidden="true">
        {layout.marks.map((m) =>
          m.label ? (
            <MarkLabel key={m.id} x={fixed(m.x, layout)} y={layout.lanes[m.lane]!.y + 14} text={m.label} />
          ) : null,
        )}
      </g>
    </g>
  );
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
      onFocus={() => actions.focus(id)}
      onKeyDown={(e) => actions.key(e, id)}
    >
      <title>{label}</title>
      <circle className="tuple__hit" cx={x} cy={y} r={HIT_RADIUS} />
      {backfilled && <circle className="tuple__backfill" cx={x} cy={y} r={9.5} />}
      <MarkShape category={category} x={x} y={y} />
      {selected && <circle className="tuple__ring" cx={x} cy={y} r={12} />}
    </g>
  );
});

const DelayLine = memo(function DelayLine({
  category,
  live,
  fromX,
  toX,
  y,
}: {
  category: MarkCategory;
  /** It ends at "now", so it grows between steps (see ./motion.ts). */
  live: boolean;
  fromX: number;
  toX: number;
  y: number;
}) {
  return (
    <g className={`delay delay--${category}`} data-live={live || undefined}>
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

export function Lanes({ layout }: { layout: ProducersLayout }) {
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
                data-x0={o.x0}
                data-x1={o.x1}
                data-ongoing={o.ongoing}
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
            data-motion="future"
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
      <g data-motion="ticks">
        {layout.ticks.map((t) => (
          <g key={t.label} className="axis__tick">
            <line x1={t.x} x2={t.x} y1={layout.axisY} y2={layout.axisY + 5} />
            <text x={t.x} y={layout.axisY + 18} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}

export function NowLine({ layout, nowMs }: { layout: ProducersLayout; nowMs: number }) {
  return (
    <g className="now" data-motion="now">
      <line x1={layout.nowX} x2={layout.nowX} y1={20} y2={layout.axisY} />
      <text x={layout.nowX} y={13} textAnchor={layout.future ? 'middle' : 'end'} className="now__label">
        now {(nowMs / 1000).toFixed(1)} s
      </text>
    </g>
  );
}
