import { describe, expect, it } from 'vitest';
import { engineGlobalUses } from './engineGlobals';
import { importGraph } from './graph';
import { layerViolations, packageViolations } from './layers';
import { lineCount, oversizedFiles, staleAllowances } from './size';

/**
 * The layer, engine and size rules behind src/architecture.test.ts, on small made-up trees: each must
 * catch what it is for, so a broken check fails here instead of silently passing there.
 */

const treeOf = (files: Record<string, string>) => new Map(Object.entries(files));
const lines = (n: number) => 'x;\n'.repeat(n);
const layerProblems = (files: Record<string, string>) => layerViolations(importGraph(treeOf(files)).edges);

describe('layers', () => {
  it('an engine file importing ../store/x is reported with its line and the rule', () => {
    const problems = layerProblems({
      'src/engine/time.ts': "import { t } from './tick';\nimport { x } from '../store/x';",
      'src/engine/tick.ts': '',
      'src/store/x.ts': '',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^src\/engine\/time\.ts:2 imports '\.\.\/store\/x' \(src\/store\)/);
    expect(problems[0]).toContain('src/engine may import only src/engine');
  });

  it('type-only imports point up just the same', () => {
    expect(
      layerProblems({ 'src/scenarios/a.ts': "import type { L } from '../learn/l';", 'src/learn/l.ts': '' }),
    ).toHaveLength(1);
  });

  it('ui may import viz and everything below; viz may not import ui; store and machines stay apart', () => {
    const files = {
      'src/ui/panel.tsx': "import { Chart } from '../viz/chart';\nimport { s } from '../store/s';",
      'src/viz/chart.tsx': "import { Button } from '../ui/button';\nimport { e } from '../engine/e';",
      'src/store/s.ts': "import { m } from '../machines/m';\nimport { l } from '../learn/l';",
      'src/machines/m.ts': '',
      'src/learn/l.ts': '',
      'src/ui/button.tsx': '',
      'src/engine/e.ts': '',
    };
    expect(layerProblems(files).map((p) => p.split(' ')[0])).toEqual([
      'src/viz/chart.tsx:1',
      'src/store/s.ts:1',
    ]);
  });

  it('the cli may import the engine and the scenarios, not the store; an unknown folder is reported', () => {
    const problems = layerProblems({
      'src/cli/sim.ts':
        "import { e } from '../engine';\nimport { p } from '../scenarios/p';\nimport '../store/s';",
      'src/engine/index.ts': '',
      'src/scenarios/p.ts': '',
      'src/store/s.ts': '',
      'src/extras/x.ts': "import { e } from '../engine';",
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^src\/cli\/sim\.ts:3 /);
    expect(problems[1]).toContain("add 'extras' to LAYERS");
  });

  it('the engine may not use UI libraries, d3 drawing modules or (outside tests) Node; d3-random is fine', () => {
    const problems = packageViolations(
      importGraph(
        treeOf({
          'src/engine/a.ts': [
            "import { useState } from 'react';",
            "import { create } from 'zustand';",
            "import { useShallow } from 'zustand/react/shallow';",
            "import { setup } from 'xstate';",
            "import { scaleLinear } from 'd3-scale';",
            "import { randomLcg } from 'd3-random';",
            "import { readFileSync } from 'node:fs';",
          ].join('\n'),
          'src/engine/a.test.ts':
            "import { readFileSync } from 'node:fs';\nimport { render } from 'react-dom';",
          'src/cli/sim.ts': "import { useState } from 'react';\nimport { parseArgs } from 'node:util';",
        }),
      ).packages,
    );
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'src/engine/a.ts:1',
      'src/engine/a.ts:2',
      'src/engine/a.ts:3',
      'src/engine/a.ts:4',
      'src/engine/a.ts:5',
      'src/engine/a.ts:7',
      'src/engine/a.test.ts:2',
      'src/cli/sim.ts:1',
    ]);
  });
});

describe('engine globals', () => {
  it('finds Math.random, Date, performance, timers, window and document in code, not in comments or strings', () => {
    const source = [
      '// Math.random() would break replay; so would Date.now()',
      "const note = 'Math.random, window.open, Date';",
      'const a = Math.random();',
      'const b = Date.now() + performance.now();',
      'setTimeout(() => {}, 0);',
      'const w = window.innerWidth + document.body.clientWidth;',
    ].join('\n');
    expect(engineGlobalUses('src/engine/x.ts', source).map((u) => u.split(': ')[0])).toEqual([
      'src/engine/x.ts:3 uses Math.random',
      'src/engine/x.ts:4 uses Date',
      'src/engine/x.ts:4 uses performance',
      'src/engine/x.ts:5 uses setTimeout',
      'src/engine/x.ts:6 uses window',
      'src/engine/x.ts:6 uses document',
    ]);
  });

  it('a window in the domain (a property, a key, a parameter’s type) is not the browser’s', () => {
    const source = [
      'const o = { window: spec.window, document: doc };',
      'const f = (window: WindowSpec) => spec?.window.startMs;',
      'type T = { readonly document: JsonValue };',
    ].join('\n');
    expect(engineGlobalUses('src/engine/x.ts', source)).toEqual([]);
  });

  it('in tests only Math.random is looked for (a local `window` is for Biome’s scope analysis to judge)', () => {
    const source = 'const run = (window: W) => window.kind;\nconst r = Math.random();';
    expect(engineGlobalUses('src/engine/x.test.ts', source, true)).toHaveLength(1);
  });
});

describe('size', () => {
  it('counts lines as wc -l does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([0, 1, 2, 2]);
  });

  it('a 401-line file is reported, a 400-line one is not; tests count, lesson text, CSS and JSON do not', () => {
    const tree = treeOf({
      'src/ui/big.tsx': lines(401),
      'src/ui/fine.tsx': lines(400),
      'src/engine/long.test.ts': lines(450),
      'src/engine/__fixtures__/data.ts': lines(401),
      'src/learn/lessons/kafka.ts': lines(900),
      'src/learn/bank/questions.ts': lines(900),
      'src/ui/styles.css': lines(900),
      'src/scenarios/presets/big.json': lines(900),
    });
    expect(oversizedFiles(tree, new Map()).map((p) => p.split(' ')[0])).toEqual([
      'src/ui/big.tsx',
      'src/engine/long.test.ts',
      'src/engine/__fixtures__/data.ts',
    ]);
    expect(oversizedFiles(tree, new Map())[0]).toContain('has 401 lines (limit 400)');
  });

  it('an allow-listed file over the limit passes; one that shrank, vanished or is not counted is stale', () => {
    const allowed = new Map([
      ['src/ui/big.tsx', 'one table of constants'],
      ['src/ui/shrank.tsx', 'was long'],
      ['src/ui/gone.tsx', 'was long'],
      ['src/learn/lessons/kafka.ts', 'lesson text'],
    ]);
    const tree = treeOf({
      'src/ui/big.tsx': lines(450),
      'src/ui/shrank.tsx': lines(390),
      'src/learn/lessons/kafka.ts': lines(900),
    });
    expect(oversizedFiles(tree, allowed)).toEqual([]);
    expect(staleAllowances(tree, allowed).map((p) => p.split(', ')[0])).toEqual([
      'SIZE_ALLOWANCES names src/ui/shrank.tsx',
      'SIZE_ALLOWANCES names src/ui/gone.tsx',
      'SIZE_ALLOWANCES names src/learn/lessons/kafka.ts',
    ]);
  });
});
