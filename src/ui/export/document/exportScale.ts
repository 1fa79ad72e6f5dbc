/** Slides are shown on large screens: PNGs and embedded canvases are drawn at twice the CSS size. */
export const EXPORT_SCALE = 2;
