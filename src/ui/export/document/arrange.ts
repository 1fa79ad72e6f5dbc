import type { Box } from '../exportTargets';

/** Space between views that sit one above the other in the panel. */
const GAP = 12;

/**
 * Where each view goes in the exported picture: views that overlap vertically in the panel (a
 * canvas laid over an SVG) keep their relative places; the groups stack from `top` down, `GAP`
 * apart, with the panel's horizontal offsets. Returns the y of each view and the bottom edge.
 */
export function arrange(boxes: readonly Box[], panel: Box, top: number) {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.top - boxes[b]!.top);
  const placed: { x: number; y: number }[] = boxes.map(() => ({ x: 0, y: 0 }));
  let y = top;
  let bottom = top;
  let group: number[] = [];
  let groupTop = 0;
  let groupBottom = Number.NEGATIVE_INFINITY;
  const close = () => {
    if (group.length === 0) return;
    for (const i of group) placed[i] = { x: boxes[i]!.left - panel.left, y: y + boxes[i]!.top - groupTop };
    bottom = y + groupBottom - groupTop;
    y = bottom + GAP;
  };
  for (const i of order) {
    const box = boxes[i]!;
    if (group.length > 0 && box.top >= groupBottom) {
      close();
      group = [];
    }
    if (group.length === 0) groupTop = box.top;
    group.push(i);
    groupBottom = Math.max(groupBottom, box.top + box.height);
  }
  close();
  return { placed, bottom };
}
