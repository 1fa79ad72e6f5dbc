/**
 * Issue 20's case for long links: dstream-windows with 100 readings written in by hand, more than
 * 10,000 characters of JSON, whose link with the JSON in the query was about 18,000 characters long.
 * Shared by the link unit tests and e2e/longLink.spec.ts; pass the preset's JSON in.
 */
export const LONG_SCENARIO_NAME = 'A hundred readings by hand';

export function longScenario(preset: object): string {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rooms = ['kitchen', 'garage', 'porch'];
  const tuples = Array.from({ length: 100 }, (_, i) => {
    const eventTime = i * 280 + Math.floor(next() * 200);
    return {
      producer: 'sensors',
      key: rooms[Math.floor(next() * 3)],
      value: Math.round((15 + next() * 15) * 10) / 10,
      eventTime,
      arrivalTime: eventTime + 50 + Math.floor(next() * 400),
    };
  });
  const { $schema: _, ...json } = preset as { $schema?: string };
  return JSON.stringify({ ...json, name: LONG_SCENARIO_NAME, tuples });
}
