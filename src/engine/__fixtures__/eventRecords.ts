/** Hand-written event-time inputs for the eventtime tests: seconds in, milliseconds out. */
import type { EventRecord } from '../eventtime/windows';

export const s = (x: number) => x * 1000;
/** [event time s, arrival s, key?, input?] */
export function recs(rows: [number, number, string?, number?][]): EventRecord[] {
  return rows.map(([e, a, key = 'k', input = 0], id) => ({
    id,
    key,
    value: 1,
    eventTimeMs: s(e),
    arrivalMs: s(a),
    input,
  }));
}
export const win = (a: number, b: number) => ({ startMs: s(a), endMs: s(b) });
