import * as v from 'valibot';
import { ms } from '../fields';

/** How far before the run's start an explicit tuple's event time may lie. */
export const MAX_BEFORE_MS = 3_600_000;

/** A tuple written out in the scenario: its key, any JSON value, event time and arrival time. */

const jsonValue: v.GenericSchema = v.lazy(() =>
  v.union([
    v.null(),
    v.boolean(),
    v.number(),
    v.pipe(v.string(), v.maxLength(1000)),
    v.array(jsonValue),
    v.record(v.string(), jsonValue),
  ]),
);

export const explicitTupleSchema = v.strictObject({
  producer: v.optional(
    v.pipe(v.string(), v.description('Producer lane; defaults to "scripted".')),
    'scripted',
  ),
  key: v.pipe(v.string(), v.maxLength(40), v.description('The tuple key.')),
  value: v.pipe(jsonValue, v.description('The tuple value: a number, or any JSON value.')),
  // Negative: before the run's 0 s (before 1970 on a real clock). Kafka keeps event time in the
  // record's value here, so ProducerRecord's own non-negative timestamp rule does not apply.
  eventTime: v.pipe(
    v.number(),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(-MAX_BEFORE_MS, 'must not be more than 1 hour before the run starts'),
    v.description('When the event happened at the source; negative: before the run starts.'),
  ),
  arrivalTime: ms('When it reaches the stream processor (processing time); not before eventTime.'),
});
