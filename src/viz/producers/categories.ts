/** The mark categories, in the order the legend, the live summary and the canvas palette list them. */
import { categoryOf, type LayoutTuple, type MarkCategory } from './layout';

export const CATEGORIES: MarkCategory[] = ['onTime', 'outOfOrder', 'late', 'inFlight', 'buffered', 'dropped'];

export function countCategories(tuples: readonly LayoutTuple[]): Record<MarkCategory, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<MarkCategory, number>;
  for (const t of tuples) counts[categoryOf(t)]++;
  return counts;
}
