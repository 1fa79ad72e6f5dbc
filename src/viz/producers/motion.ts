/**
 * The SVG lanes' motion between steps. React draws the lanes at the step; each frame in between
 * moves only what moves with time, outside React: the marks' layer (one transform), the axis
 * ticks, the now line, the not-yet-happened area, ongoing offline periods, and the delay lines of
 * tuples still on their way (which end at "now"). With reduced motion the carry is 0.
 *
 * The marks sit on their own SVG layer, slid by a CSS transform (a composited layer: sliding it
 * repaints nothing, where sliding a group inside the lanes' SVG repainted the plot each frame). On
 * its own this made no measurable difference to the frame at 16× (issue 19); it stays as the one
 * place the marks are slid.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { displayAheadOf, subscribeDisplayAhead } from '../../store/displayTime';
import { useSim } from '../../store/simStore';
import { type ProducersLayout, slideAt } from './layout';

/** What React drew: the layout, and the step and frame it was laid out for. */
export interface DrawnLanes {
  readonly layout: ProducersLayout;
  readonly nowMs: number;
  readonly windowMs: number;
}

const px = (x: number) => (Math.round(x * 100) / 100).toString();

/** Writes an attribute only when it changes: a write that changes nothing still costs a style pass. */
export function setAttr(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** The marks layer's CSS transform when time 0 is drawn at `originX`. */
export const slideTransform = (originX: number) => `translate(${px(originX)}px,0px)`;

/** Puts the moving parts of the lanes in `plot` where they are `carryMs` after the step drawn. */
export function moveLanes(plot: Element, drawn: DrawnLanes, carryMs: number): void {
  const { layout } = drawn;
  const { originX, nowX, plotRight } = slideAt(layout.width, drawn.windowMs, drawn.nowMs + carryMs);
  const dOrigin = originX - layout.originX;
  const marks = plot.querySelector<SVGSVGElement>('svg[data-motion="marks"]');
  if (marks) {
    const transform = slideTransform(originX);
    if (marks.style.transform !== transform) marks.style.transform = transform;
  }
  setAttr(plot.querySelector('[data-motion="ticks"]'), 'transform', `translate(${px(dOrigin)},0)`);
  setAttr(plot.querySelector('[data-motion="now"]'), 'transform', `translate(${px(nowX - layout.nowX)},0)`);
  const future = plot.querySelector('[data-motion="future"]');
  if (future) {
    setAttr(future, 'x', px(nowX));
    setAttr(future, 'width', px(Math.max(0, plotRight - nowX)));
  }
  // Delay lines of tuples on their way end at "now" (in the marks group's coordinates).
  const liveEnd = px(nowX - originX);
  for (const line of plot.querySelectorAll('[data-live] > line:first-child')) setAttr(line, 'x2', liveEnd);
  for (const rect of plot.querySelectorAll<SVGRectElement>('rect[data-x0]')) {
    const x0 = Number(rect.dataset.x0);
    const clamped = x0 <= layout.plotLeft;
    const from = clamped ? layout.plotLeft : Math.max(layout.plotLeft, x0 + dOrigin);
    const x1 = Number(rect.dataset.x1);
    const to =
      rect.dataset.ongoing === 'true'
        ? nowX
        : Math.max(layout.plotLeft, x1 + (x1 <= layout.plotLeft ? 0 : dOrigin));
    setAttr(rect, 'x', px(from));
    setAttr(rect, 'width', px(Math.max(0, to - from)));
  }
}

/**
 * Keeps the SVG lanes moving between steps: after each render (React wrote the step's places) and
 * on each frame's new display time, from the step the lanes drew (see `displayAheadMs`).
 */
export function useLaneMotion(plot: RefObject<HTMLElement | null>, drawn: DrawnLanes): void {
  const latest = useRef(drawn);
  latest.current = drawn;
  useLayoutEffect(() => {
    const ahead = displayAheadOf(useSim.getState(), latest.current.nowMs);
    if (plot.current && ahead !== null) moveLanes(plot.current, latest.current, ahead);
  });
  useEffect(
    () =>
      subscribeDisplayAhead(
        () => latest.current.nowMs,
        (ahead) => {
          if (plot.current) moveLanes(plot.current, latest.current, ahead);
        },
      ),
    [plot],
  );
}
