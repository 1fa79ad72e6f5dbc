import type { ScenarioProblem } from '../../scenarios/validate';
import { clip, importSizeProblem, MAX_IMPORT_BYTES, readScenarioText } from '../../store/customScenario';
import { type SimStore, useSim } from '../../store/simStore';

/** What the editor needs of a File (a dropped or chosen one; a fake in tests). */
export interface ScenarioFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

export type ImportResult =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Imports a scenario file: its size is checked before it is read, its text is parsed defensively
 * and checked like any scenario, and only then does it replace the run. On any problem the run is
 * left as it was and the problems name the file, the field or the limit. Never rejects.
 */
export async function importScenarioFile(
  file: ScenarioFile,
  store: () => Pick<SimStore, 'loadScenario'> = useSim.getState,
): Promise<ImportResult> {
  const name = typeof file.name === 'string' && file.name !== '' ? file.name : 'the file';
  const quoted = `“${clip(name)}”`;
  const tooLarge = importSizeProblem(name, Number.isFinite(file.size) ? file.size : 0);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let text: unknown;
  try {
    text = await file.text();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: `${quoted} could not be read (${clip(why, 120)}).` }],
    };
  }
  if (typeof text !== 'string')
    return { ok: false, problems: [{ path: '', message: `${quoted} is not a text file.` }] };
  // A file's reported size is bytes; its text cannot be longer unless the size was wrong.
  const tooLong = importSizeProblem(name, Math.max(text.length, 0));
  if (text.length > MAX_IMPORT_BYTES && tooLong) return { ok: false, problems: [tooLong] };
  const read = readScenarioText(text, quoted);
  if (!read.ok) return read;
  const problems = store().loadScenario(read.scenario, 'imported');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, name: read.scenario.name };
}

/**
 * Offers `text` as a download named `fileName` (a JSON file). The link is put in `container`: in an
 * open modal dialog, the rest of the page is inert.
 */
export function downloadText(fileName: string, text: string, container: Element = document.body): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  container.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; give the browser a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
