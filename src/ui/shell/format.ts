/** Seconds with one decimal, e.g. "12.3 s". */
export function seconds(ms: number, digits = 1): string {
  return `${(ms / 1000).toFixed(digits)} s`;
}
