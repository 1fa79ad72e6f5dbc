import { formatDouble } from '../../engine';

/** A decimal with more digits after the point than a student typed: likely a sum's rounding noise. */
const LONG_DECIMAL = /-?\d+\.\d{7,}(?:E-?\d+)?/g;

/**
 * `text` with doubles' floating-point noise taken out for reading: 1784.9399999999994 becomes
 * 1784.94 (12 significant digits keep every digit a person wrote). `noisy` is the first value
 * changed, as Spark prints it (java.lang.Double.toString), for a note beside the view (issue 20).
 */
export function withoutFloatNoise(text: string): { text: string; noisy: string | null } {
  let noisy: string | null = null;
  const cleaned = text.replace(LONG_DECIMAL, (m) => {
    const n = Number(m);
    if (!Number.isFinite(n)) return m;
    const shown = formatDouble(Number(n.toPrecision(12)));
    if (shown !== m) noisy ??= m;
    return shown;
  });
  return { text: cleaned, noisy };
}

/** The note for a view that rounded something, or null. */
export function floatNoiseNote(noisy: string | null): string | null {
  return noisy === null
    ? null
    : `Doubles are shown without their rounding noise; Spark prints them in full, for example ${noisy}.`;
}

/**
 * For a view that shows several values: `clean` each text as it is drawn; `note()` afterwards is
 * the note for the first value that was rounded, or null.
 */
export function floatNoiseCleaner(): { clean(text: string): string; note(): string | null } {
  let noisy: string | null = null;
  return {
    clean(text) {
      const x = withoutFloatNoise(text);
      noisy ??= x.noisy;
      return x.text;
    },
    note: () => floatNoiseNote(noisy),
  };
}
