import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from './graph';
import { importsOf } from './imports';

/**
 * The import reading and the circle finding behind src/architecture.test.ts, on small made-up trees:
 * each must catch what it is for, so a broken check fails here instead of silently passing there.
 */

const treeOf = (files: Record<string, string>) => new Map(Object.entries(files));
const circlesIn = (files: Record<string, string>) => importCircles(importGraph(treeOf(files)).edges);

describe('reading imports', () => {
  it('finds static imports, re-exports, side-effect imports and lazy imports, over several lines too', () => {
    const refs = importsOf(
      [
        "import { a } from './a';",
        "import b, {\n  c,\n  d,\n} from './b';",
        "export { e } from './e';",
        "export * from './f';",
        "export * as g from './g';",
        "import './h.css';",
        "const I = lazy(() => import('./i'));",
        "import * as j from 'j-package';",
      ].join('\n'),
    );
    expect(refs.map((r) => [r.specifier, r.form, r.line])).toEqual([
      ['./a', 'import', 1],
      ['./b', 'import', 2],
      ['./e', 'reexport', 6],
      ['./f', 'reexport', 7],
      ['./g', 'reexport', 8],
      ['./h.css', 'sideEffect', 9],
      ['./i', 'lazy', 10],
      ['j-package', 'import', 11],
    ]);
    expect(refs.every((r) => !r.typeOnly)).toBe(true);
  });

  it('marks type-only imports: `import type`, `export type`, and braces whose every specifier is `type X`', () => {
    const typeOnly = (line: string) => importsOf(line)[0]!.typeOnly;
    expect(typeOnly("import type { A } from './a';")).toBe(true);
    expect(typeOnly("import type A from './a';")).toBe(true);
    expect(typeOnly("import type * as A from './a';")).toBe(true);
    expect(typeOnly("export type { A } from './a';")).toBe(true);
    expect(typeOnly("export type * from './a';")).toBe(true);
    expect(typeOnly("import { type A, type B } from './a';")).toBe(true);
    expect(typeOnly("import { type A, b } from './a';")).toBe(false);
    expect(typeOnly("import a, { type B } from './a';")).toBe(false);
    expect(typeOnly("export { type A, b } from './a';")).toBe(false);
    expect(typeOnly("import {} from './a';")).toBe(false);
  });

  it('ignores imports in comments, strings and template text, `import.meta` and exports without `from`', () => {
    const source = [
      "// import { a } from './commented';",
      "/* import './block';\n   export * from './block'; */",
      'const code = "import { b } from \'./in-a-string\'";',
      // A template's text is skipped; the code inside its \${…} is read.
      "const text = `import { c } from './in-a-template' $" + "{await import('./in-an-expression')}`;",
      "const r = /'/; const url = import.meta.url;",
      'export { code, text };',
      "export const x = 'y';",
      "import { real } from './real';",
    ].join('\n');
    expect(importsOf(source).map((r) => [r.specifier, r.line])).toEqual([
      ['./in-an-expression', 5],
      ['./real', 9],
    ]);
  });
});

describe('resolving imports to files', () => {
  it('resolves .ts, .tsx, /index.ts and assets (.json, .css) as leaves, and reports what names no file', () => {
    const graph = importGraph(
      treeOf({
        'src/ui/a.ts': [
          "import './b';",
          "import './c';",
          "import './d';",
          "import './e.json';",
          "import './f.css';",
          "import './missing';",
        ].join('\n'),
        'src/ui/b.ts': '',
        'src/ui/c.tsx': '',
        'src/ui/d/index.ts': '',
        'src/ui/e.json': '',
        'src/ui/f.css': '',
      }),
    );
    expect(graph.edges.map((e) => e.to)).toEqual([
      'src/ui/b.ts',
      'src/ui/c.tsx',
      'src/ui/d/index.ts',
      'src/ui/e.json',
      'src/ui/f.css',
    ]);
    expect(graph.unresolved).toEqual([{ from: 'src/ui/a.ts', specifier: './missing', line: 6 }]);
  });
});

describe('import circles', () => {
  it('a → b → a is a circle, printed as its loop', () => {
    const circles = circlesIn({
      'src/ui/a.ts': "import { b } from './b';",
      'src/ui/b.ts': "import { a } from './a';",
    });
    expect(circles).toEqual([
      { files: ['src/ui/a.ts', 'src/ui/b.ts'], loop: ['src/ui/a.ts', 'src/ui/b.ts', 'src/ui/a.ts'] },
    ]);
  });

  it('a type-only import a → b with b → a is no circle (the compiler erases it)', () => {
    expect(
      circlesIn({
        'src/ui/a.ts': "import type { B } from './b';",
        'src/ui/b.ts': "import { a } from './a';",
      }),
    ).toEqual([]);
    expect(
      circlesIn({
        'src/ui/a.ts': "import { type B } from './b';",
        'src/ui/b.ts': "export { a } from './a';",
      }),
    ).toEqual([]);
  });

  it('a lazy import() that closes a loop is a circle', () => {
    const circles = circlesIn({
      'src/ui/a.ts': "import { b } from './b';",
      'src/ui/b.ts': "import { c } from './c';",
      'src/ui/c.ts': "const A = lazy(() => import('./a'));",
    });
    expect(circles.map((c) => c.loop)).toEqual([
      ['src/ui/a.ts', 'src/ui/b.ts', 'src/ui/c.ts', 'src/ui/a.ts'],
    ]);
  });

  it('re-exports, side-effect imports and a file importing itself close circles too; a chain does not', () => {
    expect(
      circlesIn({
        'src/ui/a/index.ts': "export * from './b';",
        'src/ui/a/b.ts': "import '../a';",
      }).map((c) => c.files),
    ).toEqual([['src/ui/a/b.ts', 'src/ui/a/index.ts']]);
    expect(circlesIn({ 'src/ui/a.ts': "import { a } from './a';" }).map((c) => c.loop)).toEqual([
      ['src/ui/a.ts', 'src/ui/a.ts'],
    ]);
    expect(
      circlesIn({
        'src/ui/a.ts': "import { b } from './b';",
        'src/ui/b.ts': "import { c } from './c';",
        'src/ui/c.ts': '',
      }),
    ).toEqual([]);
  });
});
