/** The timeline grid's sizes in CSS pixels: the label column, the batch header, rows, columns and RDD boxes. */

/** The label column's least width; it widens for long operation names (fit.ts). */
export const LABEL_W_WIDE = 210;
export const LABEL_W_NARROW = 124;
/** Below this width the grid is narrow (a phone, or a zoomed view beside a lesson): at least two batches show. */
export const NARROW_W = 640;
export const HEAD_H = 46;
/** A row's least height: a DStream's id and one line of its operation. */
export const ROW_H = 54;
export const COL_MIN_WIDE = 108;
export const COL_MIN_NARROW = 84;
export const BOX_H = 24;

/** Baselines in a row's label: the DStream's id, then its operation's first line, one line apart. */
export const ID_Y = 21;
export const OP_Y = 36;
export const OP_LINE_H = 14;

/** Type sizes the layout measures text by (the stylesheet's, DStreamTimeline.css). */
export const ID_FONT_PX = 12.5;
export const OP_FONT_PX = 12;
export const RANGE_FONT_PX = 12;

/** A monospace character's advance in em (0.6 in DejaVu Sans Mono, Menlo and SF Mono), with a little room. */
const MONO_EM = 0.62;

/** Width in px of `chars` monospace characters at `fontPx`. */
export function monoWidth(chars: number, fontPx: number): number {
  return chars * fontPx * MONO_EM;
}
