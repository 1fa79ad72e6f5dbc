// Fails when the JavaScript a first visit loads (the entry and its preloads) exceeds the budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 180;
// The build the browser tests made: dist/, or dist-PORT when they ran on another port (PW_PORT).
const port = process.env.PW_PORT ?? '4173';
const dist = new URL(port === '4173' ? '../dist/' : `../dist-${port}/`, import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
if (initial.length === 0) {
  console.error('bundle budget: no script found in dist/index.html (was the build run?)');
  process.exit(1);
}
let total = 0;
for (const file of initial) {
  const kb = gzipSync(readFileSync(join(dist, file))).length / 1024;
  total += kb;
  console.log(`  ${file}: ${kb.toFixed(1)} KB gzip`);
}
const lazy = readdirSync(join(dist, 'assets')).filter(
  (f) => f.endsWith('.js') && !initial.includes(`assets/${f}`),
);
console.log(
  `initial JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)${lazy.length ? `; ${lazy.length} lazy chunk(s)` : ''}`,
);
if (total > BUDGET_KB) {
  console.error(`bundle budget exceeded by ${(total - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
