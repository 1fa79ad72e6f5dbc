/**
 * The `readings` table: what had reached the stream processor by a moment, one row per tuple, in
 * arrival order. A pure function of the run and the moment, so the database at rest always holds
 * exactly what had arrived then (stepping back removes rows again).
 */
import { payloadOf, type Simulation } from '../../engine';

/** The table's columns, for the schema shown beside the query editor. */
export const READINGS_COLUMNS: readonly {
  readonly name: string;
  readonly type: string;
  readonly what: string;
}[] = [
  { name: 'seq', type: 'INTEGER', what: 'arrival order, from 0' },
  { name: 'tuple_id', type: 'INTEGER', what: 'the tuple’s # in the simulator' },
  { name: 'producer', type: 'TEXT', what: 'the producer’s id' },
  { name: 'key', type: 'TEXT', what: 'the tuple’s key' },
  { name: 'value', type: 'REAL', what: 'its value (NULL when not a number)' },
  { name: 'event_time', type: 'INTEGER', what: 'when it happened at the source (ms)' },
  {
    name: 'arrival_time',
    type: 'INTEGER',
    what: 'when it reached the stream processor (ms); with a Kafka log, when the broker received it',
  },
  { name: 'payload_kind', type: 'TEXT', what: 'structured, semiStructured or unstructured' },
  { name: 'payload', type: 'TEXT', what: 'the payload: JSON, or the text line' },
];

/** One row of `readings`, in the columns' order. */
export type ReadingRow = readonly [
  seq: number,
  tupleId: number,
  producer: string,
  key: string,
  value: number | null,
  eventTime: number,
  arrivalTime: number,
  payloadKind: string,
  payload: string,
];

/** How many rows the table holds at the run's current moment. */
export function readingsCount(sim: Simulation): number {
  return sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs).length;
}

/** The rows from arrival number `from` on, up to the run's current moment. */
export function readingsFrom(sim: Simulation, from: number): ReadingRow[] {
  const ids = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs);
  return readingsOf(sim, ids, from, ids.length);
}

/** Rows `from` to `to` (exclusive) of `ids`, the run's arrivals up to its current moment in order. */
export function readingsOf(sim: Simulation, ids: readonly number[], from: number, to: number): ReadingRow[] {
  const producers = sim.scenario.producers;
  const rows: ReadingRow[] = [];
  for (let seq = from; seq < to; seq++) {
    const t = sim.tuple(ids[seq]!)!;
    const producer = producers[t.producerIndex]!.spec;
    const payload = payloadOf(t, producer);
    const text =
      payload.kind === 'unstructured'
        ? payload.text
        : payload.kind === 'semiStructured'
          ? JSON.stringify(payload.document)
          : JSON.stringify(Object.fromEntries(payload.columns.map((c) => [c.name, c.value])));
    rows.push([
      seq,
      t.id,
      producer.id,
      t.key,
      typeof t.value === 'number' ? t.value : null,
      t.eventTimeMs,
      t.arrivalTimeMs!,
      payload.kind,
      text,
    ]);
  }
  return rows;
}
