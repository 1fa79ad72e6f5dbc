import { sourceFor } from './rng';
import type { TupleView } from './tuples';
import type { JsonValue, ProducerSpec } from './types';

/**
 * A tuple's payload in the kind its producer emits. It is computed on demand from the tuple's
 * stored `payloadSeed`, so a million tuples do not carry a million documents.
 */
export type Payload =
  | { readonly kind: 'structured'; readonly columns: readonly StructuredColumn[] }
  | { readonly kind: 'semiStructured'; readonly document: JsonValue }
  | { readonly kind: 'unstructured'; readonly text: string };

export interface StructuredColumn {
  readonly name: string;
  readonly type: 'string' | 'number' | 'timestamp' | 'boolean';
  readonly value: string | number | boolean;
}

const FIRMWARE = ['1.4.2', '1.5.0', '2.0.1'];
const TAGS = ['indoor', 'outdoor', 'battery', 'mains', 'beta'];
const STATUSES = ['ok', 'ok', 'ok', 'warn'];

export function payloadOf(tuple: TupleView, producer: ProducerSpec): Payload {
  const spec = producer.payload;
  const pick = sourceFor(tuple.payloadSeed);
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)] as T;
  if (tuple.explicit && typeof tuple.value === 'object' && tuple.value !== null) {
    return {
      kind: 'semiStructured',
      document: { key: tuple.key, value: tuple.value, eventTime: tuple.eventTimeMs },
    };
  }
  switch (spec.kind) {
    case 'structured':
      return {
        kind: 'structured',
        columns: [
          { name: spec.keyColumn, type: 'string', value: tuple.key },
          {
            name: spec.unit ? `${spec.valueColumn} (${spec.unit})` : spec.valueColumn,
            type: typeof tuple.value === 'number' ? 'number' : 'string',
            value: typeof tuple.value === 'number' ? tuple.value : JSON.stringify(tuple.value),
          },
          { name: 'event_time', type: 'timestamp', value: tuple.eventTimeMs },
          { name: 'status', type: 'string', value: choose(STATUSES) },
        ],
      };
    case 'semiStructured': {
      // Optional fields appear on some tuples only: the schema varies between documents.
      const doc: { [k: string]: JsonValue } = {
        device: tuple.key,
        ts: tuple.eventTimeMs,
        reading: { value: tuple.value },
      };
      if (pick() < 0.5) doc.tags = [choose(TAGS), choose(TAGS)].filter((t, i, a) => a.indexOf(t) === i);
      if (pick() < 0.3) doc.meta = { firmware: choose(FIRMWARE), battery: Math.round(pick() * 100) };
      return { kind: 'semiStructured', document: doc };
    }
    case 'unstructured': {
      const template = choose(spec.templates);
      const text = template
        .replaceAll('{key}', tuple.key)
        .replaceAll('{value}', String(tuple.value))
        .replaceAll('{time}', (tuple.eventTimeMs / 1000).toFixed(3));
      return { kind: 'unstructured', text };
    }
  }
}
