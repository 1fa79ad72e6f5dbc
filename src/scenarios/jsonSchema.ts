import { toJsonSchema } from '@valibot/to-json-schema';
import { scenarioSchema } from './schema';

/** The scenario format as JSON Schema (draft-07), for editors and other tools. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(scenarioSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    $id: 'https://streamscope.invalid/scenario.schema.json',
    title: 'Streamscope scenario',
    description:
      'A Streamscope scenario: producers, explicit tuples and settings. Times are whole milliseconds.',
    ...schema,
  };
}
