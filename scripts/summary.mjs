// Sums the unit and browser test results from the runners' JSON reports into one closing line:
// "N passed, N failed". Arguments: vitest.json playwright.json [failed stage names...].
// A failed stage that no test failure accounts for (typecheck, lint, budget, a runner that crashed)
// counts as one failure, so the line never says 0 failed when something failed.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, ...failedStages] = process.argv.slice(2);
const read = (file) => {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    return null;
  }
};

const vitest = read(vitestFile);
const playwright = read(playwrightFile);
const unit = vitest
  ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests }
  : { passed: 0, failed: 0 };
const browser = playwright
  ? { passed: playwright.stats.expected + playwright.stats.flaky, failed: playwright.stats.unexpected }
  : { passed: 0, failed: 0 };

let failed = unit.failed + browser.failed;
for (const stage of failedStages) {
  if (stage === 'unit tests' && unit.failed > 0) continue;
  if (stage === 'browser tests' && browser.failed > 0) continue;
  failed += 1;
}

console.log('');
console.log(
  `unit: ${unit.passed} passed, ${unit.failed} failed · browser: ${browser.passed} passed, ${browser.failed} failed`,
);
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`${unit.passed + browser.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
