/** How long a source file may grow (style.md: under ~300 lines, never over 400), and the exceptions. */
import { isCode, type SourceTree } from './sourceTree';

export const SIZE_LIMIT_LINES = 400;

/** Lesson and question text is content, not code: a long lesson is not two ideas. */
const CONTENT_FOLDERS = ['src/learn/bank/', 'src/learn/lessons/'];

/** TypeScript files outside the content folders; tests and fixtures count like any other code. */
export const isSizeCounted = (path: string) =>
  isCode(path) && !CONTENT_FOLDERS.some((folder) => path.startsWith(folder));

/** Lines as `wc -l` counts them (a last line without a newline still counts). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Each counted file over the limit that the allow-list does not excuse. */
export function oversizedFiles(tree: SourceTree, allowed: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of tree) {
    const lines = lineCount(text);
    if (isSizeCounted(path) && lines > SIZE_LIMIT_LINES && !allowed.has(path))
      problems.push(
        `${path} has ${lines} lines (limit ${SIZE_LIMIT_LINES}): split it along its seams into files named after them (one idea per file, style.md), or, if it truly is one idea, add it with a reason to SIZE_ALLOWANCES in src/architecture.test.ts.`,
      );
  }
  return problems;
}

/** Allow-list entries that excuse nothing any more, so the list cannot rot. */
export function staleAllowances(tree: SourceTree, allowed: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const path of allowed.keys()) {
    const text = tree.get(path);
    const fix = `remove it from SIZE_ALLOWANCES in src/architecture.test.ts`;
    if (text === undefined) problems.push(`SIZE_ALLOWANCES names ${path}, which no longer exists: ${fix}.`);
    else if (!isSizeCounted(path))
      problems.push(`SIZE_ALLOWANCES names ${path}, whose size is not counted: ${fix}.`);
    else if (lineCount(text) <= SIZE_LIMIT_LINES)
      problems.push(
        `SIZE_ALLOWANCES names ${path}, which now has ${lineCount(text)} lines (limit ${SIZE_LIMIT_LINES}): ${fix}.`,
      );
  }
  return problems;
}
