/**
 * The layers of src/ and the packages each may not use. Arrows only point down:
 * ui → viz → store, machines → learn → scenarios → engine; cli stands beside them on scenarios and
 * engine. A folder may always import within itself. biome.json's override for src/engine/** bans the
 * same at lint time, tests and fixtures included (a test that needs a preset lives in src/scenarios).
 */
import type { Edge, ImportGraph } from './graph';
import { isTestCode } from './sourceTree';

/** Each folder under src/ and the folders it may import from (itself included). */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  engine: ['engine'],
  scenarios: ['scenarios', 'engine'],
  learn: ['learn', 'scenarios', 'engine'],
  // The store and the machines are peers: neither imports the other (none does today); the UI wires
  // them together.
  store: ['store', 'learn', 'scenarios', 'engine'],
  machines: ['machines', 'learn', 'scenarios', 'engine'],
  viz: ['viz', 'store', 'machines', 'learn', 'scenarios', 'engine'],
  ui: ['ui', 'viz', 'store', 'machines', 'learn', 'scenarios', 'engine'],
  // The headless `sim` command: the model and its scenarios, no store or UI.
  cli: ['cli', 'scenarios', 'engine'],
  // These checks, and the files directly in src/ (this suite's test, vite-env.d.ts).
  __checks__: ['__checks__'],
  '': ['__checks__'],
};

const ORDER = 'ui/viz → store/machines → learn → scenarios → engine; cli → scenarios, engine';

/** The folder directly under src/ (`engine`), or '' for a file directly in src/. */
export function layerOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? parts[1]! : '';
}

const UI_LIBRARIES = /^(react|react-dom|zustand|xstate|@xstate\/react)(\/|$)/;

interface PackageRule {
  readonly layer: string;
  readonly banned: RegExp;
  readonly why: string;
  /** Whether the layer's tests and fixtures are held to it too. */
  readonly tests: boolean;
}

export const PACKAGE_RULES: readonly PackageRule[] = [
  {
    layer: 'engine',
    banned: UI_LIBRARIES,
    why: 'the engine is plain TypeScript with no UI library: React, zustand and xstate live in ui, viz, store and machines',
    tests: true,
  },
  {
    layer: 'engine',
    banned: /^d3-(?!random$)/,
    why: 'the engine uses d3-random only; scales and shapes are drawing, which belongs to viz (a pure computation such as d3-array may be allowed here and in biome.json, with a reason)',
    tests: true,
  },
  {
    layer: 'engine',
    banned: /^node:/,
    why: 'the engine runs in the browser: no Node built-ins (the cli reads files and passes the engine data)',
    tests: false,
  },
  {
    layer: 'cli',
    banned: UI_LIBRARIES,
    why: 'the cli uses only the engine, the scenarios and Node',
    tests: true,
  },
];

const where = (e: { from: string; line: number }) => `${e.from}:${e.line}`;

/** Each import that points up or sideways, as a sentence naming the file, the import and the rule. */
export function layerViolations(edges: readonly Edge[]): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    const allowed = Object.hasOwn(LAYERS, from) ? LAYERS[from] : undefined;
    if (allowed === undefined)
      problems.push(
        `${e.from} is in src/${from}, which is no known layer: add '${from}' to LAYERS in src/__checks__/layers.ts with the folders it may import.`,
      );
    else if (!allowed.includes(to))
      problems.push(
        `${where(e)} imports '${e.specifier}' (src/${to || '.'}), but src/${from || '.'} may import only ${allowed.map((l) => `src/${l || '.'}`).join(', ')}. Move what it needs down into a layer it may use, or move this code up. Layers: ${ORDER}.`,
      );
  }
  return [...new Set(problems)];
}

/** Each package import a layer may not use (React in the engine, …). */
export function packageViolations(packages: ImportGraph['packages']): string[] {
  const problems: string[] = [];
  for (const p of packages)
    for (const rule of PACKAGE_RULES)
      if (
        layerOf(p.from) === rule.layer &&
        (rule.tests || !isTestCode(p.from)) &&
        rule.banned.test(p.specifier)
      )
        problems.push(`${where(p)} imports '${p.specifier}': ${rule.why}.`);
  return problems;
}
