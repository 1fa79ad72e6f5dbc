/**
 * The SVG lanes' motion between steps. React draws the lanes at the step; each frame in between
 * moves only what moves with time, outside React: the marks' group (one transform), the axis
 * ticks, the now line, the not-yet-happened area, ongoing offline periods, and the delay lines of
 * tuples still on their way (which end at "now"). With reduced motion the carry is 0.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { displayCarryOf, subscribeDisplayTime } from '../../store/displayTime';
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

/** Puts the moving parts of the lanes in `svg` where they are `carryMs` after the step drawn. */
export function moveLanes(svg: SVGSVGElement, drawn: DrawnLanes, carryMs: number): void {
  const { layout } = drawn;
  const { originX, nowX, plotRight } = slideAt(layout.width, drawn.windowMs, drawn.nowMs + carryMs);
  const dOrigin = originX - layout.originX;
  svg.querySelector('[data-motion="marks"]')?.setAttribute('transform', `translate(${px(originX)},0)`);
  svg.querySelector('[data-motion="ticks"]')?.setAttribute('transform', `translate(${px(dOrigin)},0)`);
  svg
    .querySelector('[data-motion="now"]')
    ?.setAttribute('transform', `translate(${px(nowX - layout.nowX)},0)`);
  const future = svg.querySelector('[data-motion="future"]');
  if (future) {
    future.setAttribute('x', px(nowX));
    future.setAttribute('width', px(Math.max(0, plotRight - nowX)));
  }
  // Delay lines of tuples on their way end at "now" (in the marks group's coordinates).
  const liveEnd = px(nowX - originX);
  for (const line of svg.querySelectorAll('[data-live] > line:first-child')) setAttr(line, 'x2', liveEnd);
  for (const rect of svg.querySelectorAll<SVGRectElement>('rect[data-x0]')) {
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
 * Keeps the SVG lanes moving between steps: after each render (React wrote the step's places)
 * and on each frame's new carry, as long as the frame drawn is the store's current step.
 */
export function useLaneMotion(svg: RefObject<SVGSVGElement | null>, drawn: DrawnLanes): void {
  const latest = useRef(drawn);
  latest.current = drawn;
  useLayoutEffect(() => {
    const s = useSim.getState();
    if (svg.current && s.sim.timeMs === latest.current.nowMs)
      moveLanes(svg.current, latest.current, displayCarryOf(s));
  });
  useEffect(
    () =>
      subscribeDisplayTime((timeMs, carryMs) => {
        if (svg.current && timeMs === latest.current.nowMs) moveLanes(svg.current, latest.current, carryMs);
      }),
    [svg],
  );
}
