import * as v from 'valibot';
import { eventTimeSchema } from './eventTimeSchema';
import { ms } from './fields';
import { querySchema } from './querySchema';
import { name } from './schema/common';
import { logDeliverySchema, messagingSchema } from './schema/delivery';
import { producerSchema } from './schema/producer';
import { explicitTupleSchema } from './schema/tuple';
import { streamingSchema } from './streamingSchema';

export {
  consumerGroupSchema,
  faultSchema,
  logDeliverySchema,
  messagingSchema,
} from './schema/delivery';
export {
  delaySchema,
  keyDistributionSchema,
  keysSchema,
  payloadSchema,
  producerSchema,
} from './schema/producer';
export { explicitTupleSchema } from './schema/tuple';

/**
 * The scenario file format (JSON). Every field is documented here and in `schema/` (producers,
 * delivery, explicit tuples); the same descriptions end up in the exported JSON Schema
 * (`public/scenario.schema.json`). Times are whole milliseconds.
 */
export const scenarioSchema = v.strictObject({
  $schema: v.optional(v.string()),
  version: v.pipe(
    v.literal(1, 'must be 1 (the only format version so far)'),
    v.description('Format version.'),
  ),
  name: name('Title of the scenario.'),
  description: v.optional(
    v.pipe(v.string(), v.maxLength(2000), v.description('What the scenario shows.')),
    '',
  ),
  durationMs: v.pipe(
    ms('Length of the run in processing time; a whole number of ticks.'),
    v.minValue(1, 'must be at least 1 ms'),
    v.maxValue(24 * 3600 * 1000, 'must be at most 24 hours'),
  ),
  tickMs: v.optional(
    v.pipe(
      ms('Length of one simulation step.'),
      v.minValue(1, 'must be at least 1 ms'),
      v.maxValue(60000, 'must be at most 60000 ms'),
    ),
    100,
  ),
  seed: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(0),
      v.maxValue(2 ** 31 - 1),
      v.description('Default seed for random choices.'),
    ),
    1,
  ),
  lateness: v.optional(
    v.strictObject({
      boundMs: ms('A tuple more than this far behind the newest event time is marked late.'),
    }),
    { boundMs: 2000 },
  ),
  producers: v.optional(v.pipe(v.array(producerSchema), v.maxLength(16, 'at most 16 producers')), []),
  tuples: v.optional(
    v.pipe(v.array(explicitTupleSchema), v.maxLength(10000, 'at most 10000 explicit tuples')),
    [],
  ),
  delivery: v.optional(
    v.pipe(
      logDeliverySchema,
      v.description('Where arriving tuples go; absent: straight to the stream processor.'),
    ),
  ),
  messaging: v.optional(
    v.pipe(messagingSchema, v.description('Direct messaging or a queue broker instead of a log.')),
  ),
  streaming: v.optional(
    v.pipe(streamingSchema, v.description('A Spark Streaming application (DStreams) reading the run.')),
  ),
  eventTime: v.optional(
    v.pipe(eventTimeSchema, v.description('An event-time windowed aggregation with watermarks.')),
  ),
  query: v.optional(
    v.pipe(
      querySchema,
      v.description(
        'A Spark Structured Streaming query running on the micro-batch engine (Kafka or producers in, state, checkpoint, sink).',
      ),
    ),
  ),
});

export type ScenarioInput = v.InferInput<typeof scenarioSchema>;
export type ScenarioParsed = v.InferOutput<typeof scenarioSchema>;
