import * as v from 'valibot';
import { ms } from '../fields';
import { name, probability } from './common';

/** A producer of the scenario: its keys and their distribution, rate, delays, payload and outages. */

export const keyDistributionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('uniform') }),
  v.strictObject({
    kind: v.literal('zipf'),
    exponent: v.pipe(
      v.number(),
      v.minValue(0.1, 'must be at least 0.1'),
      v.maxValue(5, 'must be at most 5'),
      v.description('Skew: key i is picked with weight 1 / i^exponent.'),
    ),
  }),
  v.strictObject({
    kind: v.literal('hotKey'),
    key: v.optional(v.pipe(v.string(), v.description('The hot key; defaults to the first key.'))),
    share: probability('Fraction of tuples that carry the hot key.'),
  }),
]);

export const delaySchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('constant'), ms: ms('Every tuple takes exactly this long.') }),
  v.strictObject({ kind: v.literal('uniform'), minMs: ms('Shortest delay.'), maxMs: ms('Longest delay.') }),
  v.strictObject({
    kind: v.literal('exponential'),
    meanMs: ms('Mean of an exponentially distributed delay.'),
  }),
]);

export const payloadSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('structured'),
    keyColumn: v.optional(name('Column that holds the key.'), 'key'),
    valueColumn: v.optional(name('Column that holds the value.'), 'value'),
    unit: v.optional(v.pipe(v.string(), v.maxLength(12), v.description('Unit shown with the value.')), ''),
  }),
  v.strictObject({ kind: v.literal('semiStructured') }),
  v.strictObject({
    kind: v.literal('unstructured'),
    templates: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
        v.minLength(1, 'needs at least one template'),
        v.description('Lines of text; {key}, {value} and {time} are filled in.'),
      ),
      ['{key} {value}'],
    ),
  }),
]);

export const keysSchema = v.union(
  [
    v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(40, 'keys must be at most 40 characters'))),
      v.minLength(1, 'needs at least one key'),
      v.maxLength(10000, 'at most 10000 keys'),
    ),
    v.strictObject({
      count: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(10000),
        v.description('Number of keys.'),
      ),
      prefix: v.optional(v.pipe(v.string(), v.maxLength(30)), 'key-'),
    }),
  ],
  'must be a list of key strings or { "count": N, "prefix": "..." }',
);

export const producerSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, "_", "-" or "."'),
    v.description('Unique id; explicit tuples refer to it.'),
  ),
  label: v.optional(name('Name shown on the producer lane; defaults to the id.')),
  ratePerSec: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must not be negative'),
      v.maxValue(1_000_000, 'must be at most 1,000,000'),
      v.description('Events per second (0: only explicit tuples).'),
    ),
    1,
  ),
  arrivals: v.optional(
    v.pipe(
      v.picklist(['fixed', 'poisson'], 'must be "fixed" or "poisson"'),
      v.description('Evenly spaced events, or a Poisson process.'),
    ),
    'fixed',
  ),
  startMs: v.optional(ms('Event time of the first event.'), 0),
  stopMs: v.optional(ms('Events stop at this event time (exclusive); defaults to durationMs.')),
  keys: v.optional(keysSchema, ['a', 'b', 'c']),
  keyDistribution: v.optional(keyDistributionSchema, { kind: 'uniform' }),
  value: v.optional(
    v.strictObject({
      min: v.optional(
        v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(-1e12), v.maxValue(1e12)),
        0,
      ),
      max: v.optional(
        v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(-1e12), v.maxValue(1e12)),
        100,
      ),
      decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)), 0),
    }),
    { min: 0, max: 100, decimals: 0 },
  ),
  payload: v.optional(payloadSchema, {
    kind: 'structured',
    keyColumn: 'key',
    valueColumn: 'value',
    unit: '',
  }),
  delay: v.optional(delaySchema, { kind: 'constant', ms: 0 }),
  jitter: v.optional(
    v.strictObject({
      probability: probability('Chance that a tuple is held back (out-of-order).'),
      maxMs: ms('Longest extra hold-back.'),
    }),
    { probability: 0, maxMs: 0 },
  ),
  offline: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          fromMs: ms('Producer goes offline.'),
          toMs: ms('Producer reconnects and backfills.'),
        }),
      ),
      v.maxLength(100),
      v.description('Periods without connection; events are buffered and sent on reconnect.'),
    ),
    [],
  ),
  dropProbability: v.optional(probability('Chance that the network loses a tuple.'), 0),
  keyed: v.optional(
    v.pipe(
      v.boolean(),
      v.description('Records carry the key to the broker (false: null keys, sticky partitioning).'),
    ),
    true,
  ),
});
