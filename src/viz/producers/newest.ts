import { drawAt, type LayoutTuple } from './layout';

/** The tuple drawn rightmost (the layout's last mark): latest draw position, then highest id. */
export function newest<T extends LayoutTuple>(tuples: readonly T[], nowMs: number): T | undefined {
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
