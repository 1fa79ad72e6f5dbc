import type { MarkCategory } from './layout';

export const MARK_RADIUS = 5.5;

/** One tuple's glyph. Shape and colour both encode the category, so colour is never the only cue. */
export function MarkShape({
  category,
  x,
  y,
  r = MARK_RADIUS,
}: {
  category: MarkCategory;
  x: number;
  y: number;
  r?: number;
}) {
  const cls = `mark mark--${category}`;
  switch (category) {
    case 'onTime':
      return <circle className={cls} cx={x} cy={y} r={r} />;
    case 'outOfOrder':
      return (
        <path
          className={cls}
          d={`M${x},${y - r - 1.5}L${x + r + 1.5},${y}L${x},${y + r + 1.5}L${x - r - 1.5},${y}Z`}
        />
      );
    case 'late':
      return (
        <path className={cls} d={`M${x},${y - r - 2}L${x + r + 1.5},${y + r}L${x - r - 1.5},${y + r}Z`} />
      );
    case 'inFlight':
      return <circle className={cls} cx={x} cy={y} r={r - 0.5} />;
    case 'buffered':
      return <rect className={cls} x={x - r + 0.5} y={y - r + 0.5} width={2 * r - 1} height={2 * r - 1} />;
    case 'dropped':
      return (
        <path
          className={cls}
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`}
        />
      );
  }
}
