/** Writes the scenario JSON Schema to public/scenario.schema.json (or prints it with --stdout). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenarios/jsonSchema';

const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--stdout')) process.stdout.write(text);
else {
  writeFileSync(new URL('../../public/scenario.schema.json', import.meta.url), text);
  console.error('wrote public/scenario.schema.json');
}
