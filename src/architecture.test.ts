import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineGlobalUses } from './__checks__/engineGlobals';
import { importCircles, importGraph } from './__checks__/graph';
import { layerViolations, packageViolations } from './__checks__/layers';
import { oversizedFiles, staleAllowances } from './__checks__/size';
import { isCode, isTestCode, type SourceTree } from './__checks__/sourceTree';

/**
 * The shape of the house (issue 15, style.md), checked on every run: arrows only point down, no
 * import circles, the engine stays deterministic and free of UI, and no file passes 400 lines. The
 * checks themselves are tested on small made-up trees in src/__checks__/*.test.ts, so a broken
 * check fails there instead of passing here.
 */

/**
 * Files allowed past 400 lines, each with the reason it is still one idea. Keep it empty if you can:
 * an entry for a file that no longer exists or has shrunk fails the suite, so the list cannot rot.
 */
const SIZE_ALLOWANCES: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Every file under src/, by repository-relative path; only TypeScript files are read. */
function readSourceTree(): SourceTree {
  const srcDir = fileURLToPath(new URL('.', import.meta.url));
  const tree = new Map<string, string>();
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = `${entry.parentPath}/${entry.name}`.replaceAll('\\', '/');
    const path = `src/${absolute.slice(srcDir.replaceAll('\\', '/').length).replace(/^\/+/, '')}`;
    tree.set(path, isCode(path) ? readFileSync(absolute, 'utf8') : '');
  }
  return tree;
}

const tree = readSourceTree();
const graph = importGraph(tree);

const expectNone = (problems: readonly string[], what: string) =>
  expect(problems, `${what}:\n  ${problems.join('\n  ')}\n`).toEqual([]);

describe('layers: arrows only point down', () => {
  it('code imports only from its own layer or the ones below it', () => {
    const edges = graph.edges.filter((e) => !isTestCode(e.from));
    expectNone(layerViolations(edges), 'Imports that point up or sideways');
  });

  it('tests and fixtures import only from their own layer or the ones below it, too', () => {
    const edges = graph.edges.filter((e) => isTestCode(e.from));
    expectNone(layerViolations(edges), 'Test imports that point up or sideways (move the test up a layer)');
  });

  it('the engine uses no UI library, no d3 module but d3-random, no Node built-in; the cli no UI library', () => {
    expectNone(packageViolations(graph.packages), 'Packages a layer may not use');
  });

  it('the engine never uses Math.random, Date, performance, timers, window or document', () => {
    const uses = [...tree]
      .filter(([path]) => path.startsWith('src/engine/') && isCode(path))
      .flatMap(([path, text]) => engineGlobalUses(path, text, isTestCode(path)));
    expectNone(uses, 'Non-deterministic or DOM globals in the engine');
  });
});

describe('import circles', () => {
  it('every relative import names a file (else the graph below would miss it)', () => {
    const missing = graph.unresolved.map(
      (u) => `${u.from}:${u.line} imports '${u.specifier}', which resolves to no file under src/.`,
    );
    expectNone(missing, 'Unresolved imports');
  });

  it('the graph sees the whole tree: hundreds of imports, lazy ones and re-exports among them', () => {
    expect(graph.edges.length).toBeGreaterThan(500);
    expect(graph.edges.some((e) => e.form === 'lazy')).toBe(true);
    expect(graph.edges.some((e) => e.form === 'reexport')).toBe(true);
    expect(graph.edges.some((e) => e.form === 'sideEffect')).toBe(true);
    expect(graph.edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('no files import each other in a circle (type-only imports aside)', () => {
    const circles = importCircles(graph.edges).map((c) => {
      const others = c.files.filter((f) => !c.loop.includes(f));
      const also = others.length > 0 ? ` (in the same knot: ${others.join(', ')})` : '';
      return `Import circle: ${c.loop.join(' → ')}${also}. Break it: move what they share into a file they both import, or make an import that needs only types \`import type\`.`;
    });
    expectNone(circles, 'Import circles');
  });
});

describe('size: no source file passes 400 lines', () => {
  it('every TypeScript file (tests and fixtures too; lesson and question text aside) is within the limit', () => {
    expectNone(oversizedFiles(tree, SIZE_ALLOWANCES), 'Files over the limit');
  });

  it('every SIZE_ALLOWANCES entry still excuses a file over the limit', () => {
    expectNone(staleAllowances(tree, SIZE_ALLOWANCES), 'Stale size allowances');
  });
});
