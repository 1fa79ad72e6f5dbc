/** Keyboard navigation between the SVG marks: which keys move, and where to. */
import type { Mark } from './layout';

export const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** Arrow-key neighbour: ←/→ along the lane by position, ↑/↓ to the nearest mark in the next lane. */
export function neighbour(marks: readonly Mark[], from: Mark, key: string): Mark | undefined {
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
