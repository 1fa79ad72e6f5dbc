import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ScenarioSpec } from '../engine/types';
import { findPreset, presets } from '../scenarios/presets';
import { formatProblems, MAX_SCENARIO_CHARS, parseScenario } from '../scenarios/validate';

export class UsageError extends Error {}

/** A scenario from a JSON file, or a built-in preset named `preset:ID`. */
export function loadScenario(arg: string): ScenarioSpec {
  if (arg.startsWith('preset:')) {
    const preset = findPreset(arg.slice('preset:'.length));
    if (!preset)
      throw new UsageError(`No preset "${arg.slice(7)}". Presets: ${presets.map((p) => p.id).join(', ')}`);
    return preset.scenario;
  }
  if (!existsSync(arg)) throw new UsageError(`Cannot read scenario file "${arg}": no such file`);
  if (statSync(arg).size > MAX_SCENARIO_CHARS * 4)
    throw new UsageError(`Scenario file "${arg}" is too large`);
  const result = parseScenario(readFileSync(arg, 'utf8'));
  if (!result.ok) {
    throw new UsageError(`Invalid scenario "${arg}":\n${indent(formatProblems(result.problems))}`);
  }
  return result.scenario;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
