import {
  type JsonValue,
  type ProducerSpec,
  payloadOf,
  type ScenarioSpec,
  Simulation,
  type TupleView,
} from '../engine';
import { readsText } from './codeText';

/**
 * The tuples a run of a scenario delivers, as the Kafka records that reproduce them: the same
 * tuples, in the order they reached the stream processor or broker, from a Simulation with the
 * run's seed. Tuples the network lost never reach a broker and are left out.
 */

export interface ProducedRecord {
  readonly tupleId: number;
  /** The tuple's key; null when its producer sends records without a key. */
  readonly key: string | null;
  /** The record value: one line of JSON (line breaks inside are escaped by JSON itself). */
  readonly value: string;
}

export interface ProducedRecords {
  /** The first `limit` records, in arrival order. */
  readonly records: readonly ProducedRecord[];
  /** Every tuple that arrived in the run (records beyond `limit` included). */
  readonly arrived: number;
  /** Tuples the network lost. */
  readonly dropped: number;
}

export const MAX_RECORDS = 2000;

/** The payload as one line of text, as the simulated streaming application reads it. */
function textOf(view: TupleView, producer: ProducerSpec): string {
  const payload = payloadOf(view, producer);
  if (payload.kind === 'unstructured') return payload.text;
  if (payload.kind === 'semiStructured') return JSON.stringify(payload.document);
  return payload.columns.map((c) => String(c.value)).join(',');
}

/** The JSON value of a tuple's record: value, event time, producer (and the text line when read). */
export function recordValue(view: TupleView, producer: ProducerSpec, withText: boolean): string {
  const doc: { [key: string]: JsonValue } = {
    value: view.value,
    eventTime: view.eventTimeMs,
    producer: producer.id,
  };
  if (withText) doc.text = textOf(view, producer);
  return JSON.stringify(doc);
}

export function producedRecords(spec: ScenarioSpec, seed = spec.seed, limit = MAX_RECORDS): ProducedRecords {
  // Which tuples exist and when they arrive depends only on the producers and the seed: the broker,
  // messaging and streaming models act on arrivals and are left out to keep the run cheap.
  const tuplesOnly: ScenarioSpec = {
    ...spec,
    delivery: undefined,
    messaging: undefined,
    streaming: undefined,
    eventTime: undefined,
  };
  const sim = new Simulation(tuplesOnly, seed);
  sim.seek(sim.lastTick);
  const ids = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const withText = readsText(spec);
  const producers = sim.scenario.producers;
  const records = ids.slice(0, limit).map((id) => {
    const view = sim.tuple(id);
    if (!view) throw new Error(`producedRecords: tuple ${id} arrived but cannot be read back`);
    const producer = producers[view.producerIndex]!.spec;
    return {
      tupleId: id,
      key: producer.keyed ? view.key : null,
      value: recordValue(view, producer, withText),
    };
  });
  return { records, arrived: ids.length, dropped: sim.frame().dropped };
}
