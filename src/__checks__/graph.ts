/** The import graph of a source tree: relative imports resolved to files, and the circles in it. */
import { importsOf } from './imports';
import { dirOf, isCode, normalise, type SourceTree } from './sourceTree';

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly line: number;
  readonly form: 'import' | 'reexport' | 'sideEffect' | 'lazy';
  readonly typeOnly: boolean;
}

export interface ImportGraph {
  readonly edges: readonly Edge[];
  /** Relative imports that name no file: the graph would miss them, so they are reported. */
  readonly unresolved: readonly {
    readonly from: string;
    readonly specifier: string;
    readonly line: number;
  }[];
  /** Imports of packages (`react`, `node:fs`), by the file that imports them. */
  readonly packages: readonly { readonly from: string; readonly specifier: string; readonly line: number }[];
}

/**
 * What the bundler would load for a relative specifier: the file itself (`.json`, `.css` and other
 * assets are leaves), else `.ts`, `.tsx`, `/index.ts`, `/index.tsx`. A `?raw`-style query is ignored.
 */
export function resolveSpecifier(tree: SourceTree, from: string, specifier: string): string | undefined {
  const base = normalise(`${dirOf(from)}/${specifier.split('?')[0]}`);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((p) =>
    tree.has(p),
  );
}

export function importGraph(tree: SourceTree): ImportGraph {
  const edges: Edge[] = [];
  const unresolved: ImportGraph['unresolved'][number][] = [];
  const packages: ImportGraph['packages'][number][] = [];
  for (const [from, text] of tree) {
    if (!isCode(from)) continue;
    for (const ref of importsOf(text)) {
      const { specifier, line } = ref;
      if (!specifier.startsWith('.')) packages.push({ from, specifier, line });
      else {
        const to = resolveSpecifier(tree, from, specifier);
        if (to === undefined) unresolved.push({ from, specifier, line });
        else edges.push({ from, to, specifier, line, form: ref.form, typeOnly: ref.typeOnly });
      }
    }
  }
  return { edges, unresolved, packages };
}

/** Tarjan's strongly connected components, over the given adjacency. */
function stronglyConnected(
  nodes: readonly string[],
  next: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return components;
}

/** The shortest way from `start` back to itself inside one component (breadth first). */
function shortestCircle(
  start: string,
  inside: ReadonlySet<string>,
  next: ReadonlyMap<string, readonly string[]>,
) {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k]!;
    for (const w of next.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = cameFrom.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export interface Circle {
  /** Every file in the strongly connected component, sorted. */
  readonly files: readonly string[];
  /** One concrete loop through them, first file repeated at the end: a → b → a. */
  readonly loop: readonly string[];
}

/**
 * Import circles among the imports that load code at run time: every form counts (a lazy `import()`
 * too) except type-only imports, which the compiler erases.
 */
export function importCircles(edges: readonly Edge[]): Circle[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  return stronglyConnected(nodes, next)
    .filter((c) => c.length > 1 || (next.get(c[0]!) ?? []).includes(c[0]!))
    .map((c) => {
      const files = [...c].sort();
      return { files, loop: shortestCircle(files[0]!, new Set(files), next) };
    });
}
