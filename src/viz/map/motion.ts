/**
 * The map's motion between steps: React draws the dots where the step puts them; between steps
 * each frame moves them on along their edges (a transform per dot, no re-render), and a dense
 * edge's flow with them. With reduced motion the carry is 0 and everything stays at the step.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { displayAheadOf, subscribeDisplayAhead } from '../../store/displayTime';
import { useSim } from '../../store/simStore';
import { setAttr } from '../producers/motion';
import { type Dot, dotAt } from './flight';
import { type PlacedEdge, pointAlong } from './layout';

/** A dense edge's dashes flow with simulation time: this offset at `timeMs`. */
export function flowOffset(timeMs: number): number {
  return -((timeMs / 40) % 14);
}

/** The flow offset last written to each dense edge (the style reads back in another form). */
const flowWritten = new WeakMap<Element, string>();

interface Drawn {
  readonly dots: readonly Dot[];
  readonly edges: ReadonlyMap<string, PlacedEdge>;
  /** The step these dots were laid out at. */
  readonly timeMs: number;
}

/** Moves the dots in `group` (one `<g>` per drawn dot, in order) and the dense edges in `edges`. */
function moveTo(group: Element | null, edgeGroup: Element | null, drawn: Drawn, carryMs: number): void {
  if (group) {
    const elements = group.children;
    let i = 0;
    for (const dot of drawn.dots) {
      const edge = drawn.edges.get(dot.edge);
      if (!edge) continue;
      const el = elements[i++] as SVGGElement | undefined;
      if (!el) break;
      const { at, opacity } = dotAt(dot, carryMs);
      if (at === dot.at) {
        if (el.hasAttribute('transform')) el.removeAttribute('transform');
      } else {
        const [x0, y0] = pointAlong(edge, dot.at);
        const [x1, y1] = pointAlong(edge, at);
        setAttr(el, 'transform', `translate(${(x1 - x0).toFixed(2)},${(y1 - y0).toFixed(2)})`);
      }
      if (dot.fade > 0 && el.style.opacity !== String(opacity)) el.style.opacity = String(opacity);
    }
  }
  if (edgeGroup) {
    const offset = String(flowOffset(drawn.timeMs + carryMs));
    for (const line of edgeGroup.querySelectorAll<SVGPathElement>(
      '.mapedge.is-dense .mapedge__line[data-flow]',
    ))
      if (flowWritten.get(line) !== offset) {
        flowWritten.set(line, offset);
        line.style.strokeDashoffset = offset;
      }
  }
}

/**
 * Keeps the drawn dots moving between steps. `drawn` is what React rendered for the step at
 * `drawn.timeMs`; each frame moves them on from that step (see `displayAheadMs`).
 */
export function useDotMotion(
  dotGroup: RefObject<SVGGElement | null>,
  edgeGroup: RefObject<SVGGElement | null>,
  drawn: Drawn,
): void {
  const latest = useRef(drawn);
  latest.current = drawn;
  // After every render: React wrote the step's positions; put the marks where this frame is.
  useLayoutEffect(() => {
    const ahead = displayAheadOf(useSim.getState(), latest.current.timeMs);
    if (ahead !== null) moveTo(dotGroup.current, edgeGroup.current, latest.current, ahead);
  });
  useEffect(
    () =>
      subscribeDisplayAhead(
        () => latest.current.timeMs,
        (ahead) => moveTo(dotGroup.current, edgeGroup.current, latest.current, ahead),
      ),
    [dotGroup, edgeGroup],
  );
}
