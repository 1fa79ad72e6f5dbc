/**
 * The files the architecture checks look at: repository-relative paths (`src/engine/time.ts`) to
 * their text. The real tree is read from disk by the test; the checks' own tests make small ones.
 */
export type SourceTree = ReadonlyMap<string, string>;

/** TypeScript source: the only files whose imports, size and globals are checked. */
export const isCode = (path: string) => /\.tsx?$/.test(path);

/** Test code: `*.test.ts(x)` files and the fixtures under `__fixtures__/` that they share. */
export const isTestCode = (path: string) => /\.test\.tsx?$/.test(path) || path.includes('/__fixtures__/');

/** A path with `.` and `..` segments folded away: `src/engine/../store/x` → `src/store/x`. */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

export const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
