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

/** The same glyph on a canvas, for windows too dense for SVG. */
export function drawMark(
  ctx: CanvasRenderingContext2D,
  category: MarkCategory,
  x: number,
  y: number,
  colours: Record<MarkCategory, string>,
  r = MARK_RADIUS,
) {
  ctx.beginPath();
  const c = colours[category];
  switch (category) {
    case 'onTime':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'outOfOrder':
      ctx.moveTo(x, y - r - 1.5);
      ctx.lineTo(x + r + 1.5, y);
      ctx.lineTo(x, y + r + 1.5);
      ctx.lineTo(x - r - 1.5, y);
      ctx.closePath();
      break;
    case 'late':
      ctx.moveTo(x, y - r - 2);
      ctx.lineTo(x + r + 1.5, y + r);
      ctx.lineTo(x - r - 1.5, y + r);
      ctx.closePath();
      break;
    case 'inFlight':
      ctx.arc(x, y, r - 0.5, 0, 2 * Math.PI);
      ctx.strokeStyle = c;
      ctx.lineWidth = 1.6;
      ctx.stroke();
      return;
    case 'buffered':
      ctx.rect(x - r + 0.5, y - r + 0.5, 2 * r - 1, 2 * r - 1);
      ctx.strokeStyle = c;
      ctx.lineWidth = 1.6;
      ctx.stroke();
      return;
    case 'dropped':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.strokeStyle = c;
      ctx.lineWidth = 2;
      ctx.stroke();
      return;
  }
  ctx.fillStyle = c;
  ctx.fill();
}
