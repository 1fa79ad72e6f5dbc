/**
 * Chart colours that are data, not theme: the hue of each key, the same in both themes. The theme's
 * colours (text, panels, tuple categories, focus) are CSS custom properties in
 * src/ui/theme/tokens.css; the canvas painter reads those from the page.
 */

/** Eight colour-blind-safe hues (Okabe-Ito plus grey) for keys; the key itself is always in the label. */
export const KEY_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#8c8c8c',
] as const;

export function keyColour(keyIndex: number): string {
  return KEY_COLOURS[keyIndex % KEY_COLOURS.length]!;
}
