import { useLayoutEffect, useRef } from 'react';
import { keyColour } from '../colours';
import { useColourScheme } from '../useColourScheme';
import { type BrokerLayout, ROW_HEIGHT } from './layout';

/**
 * Above this many records appended a second (wall clock) the log cells are drawn on a canvas while
 * playing: in SVG every record in view enters and leaves the DOM (issue 19: 16,109 DOM changes in
 * 1.4 s in the Spark preset). Paused, the cells are SVG buttons again (keyboard, screen reader,
 * export). Below `SVG_BELOW` it goes back (no flicker between the two around one rate).
 */
export const CANVAS_ABOVE_PER_S = 30;
export const SVG_BELOW_PER_S = 15;

interface Colours {
  readonly stroke: string;
  readonly dashed: string;
  readonly focus: string;
  /** The offset ruler's numbers (`.ruler text` in BrokerView.css). */
  readonly muted: string;
  readonly font: string;
}

function readColours(element: Element): Colours {
  const style = getComputedStyle(element);
  return {
    stroke: style.getPropertyValue('--panel').trim() || '#fff',
    dashed: style.getPropertyValue('--text').trim() || '#000',
    focus: style.getPropertyValue('--c-focus').trim() || '#000',
    muted: style.getPropertyValue('--muted').trim() || '#666',
    font: `11px ${style.fontFamily || 'sans-serif'}`,
  };
}

/** The cell under a point of the view (its own CSS pixels), for a click on the canvas's place. */
export function cellAt(layout: BrokerLayout, x: number, y: number): number | null {
  for (const p of layout.partitions)
    for (const r of p.replicas) {
      if (y < r.y || y >= r.y + ROW_HEIGHT) continue;
      const offset = p.fromOffset + Math.floor((x - layout.logLeft) / layout.cellWidth);
      return r.cells.find((c) => c.offset === offset)?.tupleId ?? null;
    }
  return null;
}

/**
 * The log cells of every replica as one canvas over the view's SVG (which then draws no cells), in
 * the SVG cells' look: key colour, faded and dashed above the high watermark, the selected outlined;
 * and the offset ruler under each partition (at 16× its numbers entered and left the page hundreds
 * of times a second).
 */
export function LogCanvas({
  layout,
  selected,
  keyIndexOf,
  offline,
  label,
}: {
  layout: BrokerLayout;
  selected: number | null;
  keyIndexOf: (tupleId: number) => number;
  /** Brokers that are down: their rows are faded. */
  offline: readonly boolean[];
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColourScheme();
  const colours = useRef<{ scheme: string; colours: Colours } | null>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (colours.current?.scheme !== scheme) colours.current = { scheme, colours: readColours(canvas) };
    const { stroke, dashed, focus, muted, font } = colours.current.colours;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.ceil(layout.width * ratio);
    const h = Math.ceil(layout.height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, layout.width, layout.height);
    const width = layout.cellWidth - 2;
    const height = ROW_HEIGHT - 6;
    for (const p of layout.partitions)
      for (const r of p.replicas) {
        const down = offline[r.broker] === true;
        for (const c of r.cells) {
          const x = c.x + 1;
          const y = r.y + 3;
          ctx.globalAlpha = (c.committed ? 1 : 0.4) * (down ? 0.35 : 1);
          ctx.fillStyle = keyColour(keyIndexOf(c.tupleId));
          ctx.beginPath();
          ctx.roundRect(x, y, width, height, 3);
          ctx.fill();
          const isSelected = selected === c.tupleId;
          ctx.setLineDash(c.committed || isSelected ? [] : [2, 2]);
          ctx.lineWidth = isSelected ? 3 : 1;
          ctx.strokeStyle = isSelected ? focus : c.committed ? stroke : dashed;
          ctx.stroke();
        }
      }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.font = font;
    ctx.fillStyle = muted;
    ctx.textAlign = 'center';
    for (const p of layout.partitions) for (const o of p.ruler) ctx.fillText(String(o.offset), o.x, p.rulerY);
  });
  return (
    <canvas
      ref={ref}
      className="broker__canvas"
      data-export="skip"
      style={{ width: layout.width, height: layout.height }}
      role="img"
      aria-label={label}
    />
  );
}

/**
 * Whether the log is dense enough for the canvas: while playing, records appended per second of wall
 * clock, measured over a quarter of a second, above `CANVAS_ABOVE_PER_S` (back below `SVG_BELOW_PER_S`).
 * `records`: every record appended so far (it drops when a log is truncated or the run goes back).
 * `fast`: playing at 8× or more (viz/viewSim.ts): it starts on the canvas rather than building SVG
 * cells for the first quarter second.
 */
export function useDenseLog(records: number, playing: boolean, fast = false): boolean {
  const state = useRef({ atMs: -1, records: 0, dense: false });
  const s = state.current;
  if (!playing) {
    s.atMs = -1;
    s.dense = false;
    return false;
  }
  if (s.atMs < 0 && fast) s.dense = true;
  const now = performance.now();
  if (s.atMs < 0 || records < s.records) {
    s.atMs = now;
    s.records = records;
    return s.dense;
  }
  const elapsedMs = now - s.atMs;
  if (elapsedMs >= 250) {
    const perS = ((records - s.records) * 1000) / elapsedMs;
    s.dense = s.dense ? perS >= SVG_BELOW_PER_S : perS > CANVAS_ABOVE_PER_S;
    s.atMs = now;
    s.records = records;
  }
  return s.dense;
}
