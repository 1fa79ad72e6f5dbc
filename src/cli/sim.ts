/**
 * npm run sim -- FILE [--until MS] [--seed N] [--summary]
 *
 * Runs a scenario headlessly and prints one JSON document on stdout (format: docs in README).
 * Exit codes: 0 ok, 2 bad arguments or invalid scenario (message on stderr, never a stack trace).
 */
import { parseArgs } from 'node:util';
import { installUserLanguage, Simulation } from '../engine';
import { language } from '../engine/lang';
import { loadScenario, UsageError } from './load';
import { runReport } from './report';

// The user-function language, for pipelines with the learner's own functions (`code`).
installUserLanguage(language);

const USAGE = 'usage: npm run sim -- FILE|preset:ID [--until MS] [--seed N] [--summary]';

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number ≥ 0, got "${text}"`);
  return Number(text);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      until: { type: 'string' },
      seed: { type: 'string' },
      summary: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const spec = loadScenario(positionals[0] as string);
  const seed = wholeNumber('seed', values.seed) ?? spec.seed;
  if (seed > 2 ** 31 - 1) throw new UsageError('--seed must be at most 2147483647');
  // Rounded down to a whole tick, so the report never includes anything after --until.
  const askedMs = Math.min(wholeNumber('until', values.until) ?? spec.durationMs, spec.durationMs);
  const untilMs = Math.floor(askedMs / spec.tickMs) * spec.tickMs;
  const sim = new Simulation(spec, seed);
  runReport(sim, untilMs, { summaryOnly: values.summary ?? false }, (chunk) => process.stdout.write(chunk));
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  main();
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  throw error;
}
