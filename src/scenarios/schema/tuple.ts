import * as v from 'valibot';
import { ms } from '../fields';

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
  eventTime: ms('When the event happened at the source.'),
  arrivalTime: ms('When it reaches the stream processor (processing time); not before eventTime.'),
});
