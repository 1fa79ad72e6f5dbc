import { beforeAll, describe, expect, it } from 'vitest';
import { baseQuery, type FakeRow, fakeSource, s } from '../__fixtures__/structured';
import { language } from '../lang/index';
import { installUserLanguage } from '../microbatch/userCode';
import { StructuredQuery } from './query';
import type { StructuredSpec } from './spec';

beforeAll(() => installUserLanguage(language));

/** Key "a" sends a row a second until 6 s; "b" one row at 1 s. */
const rows: FakeRow[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    key: 'a',
    value: i + 1,
    eventTimeMs: s(i),
    arrivalMs: s(i) + 500,
    partition: 0,
  })),
  { key: 'b', value: 10, eventTimeMs: s(1), arrivalMs: s(1) + 500, partition: 1 },
];

const query = (
  code: string,
  timeout: 'none' | 'processingTime' | 'eventTime',
  stateType?: string,
): StructuredSpec => ({
  ...baseQuery,
  outputMode: 'update',
  trigger: { kind: 'processingTime', intervalMs: s(2) },
  operator: {
    kind: 'flatMapGroupsWithState',
    fn: 'sessionCount',
    timeout,
    timeoutMs: s(10),
    code,
    ...(stateType ? { stateType } : {}),
  },
});

const run = (spec: StructuredSpec, untilMs: number) => {
  const q = new StructuredQuery(spec, fakeSource(rows, 2));
  q.extendTo(untilMs);
  return q;
};

// Spark's StructuredSessionization example, in the language: count a key's events, emit the count on
// every call, and when the session times out emit it once more as finished and remove the state.
const sessions = `(key, values, state) => state.hasTimedOut ? {
  val n = state.get
  state.remove()
  Seq((key, n, true))
} : {
  val n = state.getOption.getOrElse(0) + values.size
  state.update(n)
  state.setTimeoutDuration(3000)
  Seq((key, n, false))
}`;

describe('flatMapGroupsWithState with the learner’s function (GroupState)', () => {
  it('runs Spark’s sessionization: counts per call, a processing-time timeout ends the session', () => {
    const q = run(query(sessions, 'processingTime', 'Long'), s(16));
    expect(q.error).toBeNull();
    const out = q.batches.flatMap((b) =>
      b.output.map((r) => `${(b.triggerMs / 1000).toFixed(0)}s ${r.text}`),
    );
    // b's session (one event) times out at the first batch after 3 s past its last call; a's after its last.
    expect(out.filter((x) => x.includes('(b,'))).toEqual(['2s (b,1,false)', '6s (b,1,true)']);
    expect(out.filter((x) => x.includes('(a,')).at(-1)).toMatch(/\(a,6,true\)$/);
    // The state store shows the state as Scala prints it, and its timeout.
    const during = q.batches.find((b) => b.triggerMs === s(4))!;
    expect(during.state.rows.find((r) => r.key === 'a')).toMatchObject({
      text: expect.stringMatching(/^\d+$/),
      timeoutAtMs: expect.any(Number),
    });
  });

  it('a timeout that is not set again is reset: the state stays, with no timeout', () => {
    const q = run(
      query(
        '(key, values, state) => { state.update(values.size + state.getOption.getOrElse(0)); Seq(key) }',
        'processingTime',
        'Long',
      ),
      s(12),
    );
    const last = q.batches.at(-1)!;
    expect(last.state.rows.map((r) => [r.key, r.text, r.timeoutAtMs])).toEqual([
      ['a', '6', null],
      ['b', '1', null],
    ]);
  });

  it('GroupState’s rules fail the query with Spark’s messages', () => {
    const noTimeout = run(
      query('(key, values, state) => { state.setTimeoutDuration(1000); Seq(key) }', 'none'),
      s(6),
    );
    expect(noTimeout.error).toMatchObject({
      errorClass: 'org.apache.spark.sql.streaming.StreamingQueryException',
      message: expect.stringContaining(
        'java.lang.UnsupportedOperationException: Cannot set timeout duration without enabling processing time timeout in [map|flatMap]GroupsWithState',
      ),
    });
    const getNone = run(query('(key, values, state) => Seq(state.get)', 'none'), s(6));
    expect(getNone.error?.message).toContain(
      'java.util.NoSuchElementException: State is either not defined or has already been removed',
    );
    // With a 1 s watermark delay the watermark passes 1 ms once a-rows at 2 s have been seen.
    const spec = query('(key, values, state) => { state.setTimeoutTimestamp(1); Seq(key) }', 'eventTime');
    const early = run({ ...spec, inputs: [{ ...spec.inputs[0]!, delayMs: s(1) }] }, s(30));
    expect(early.error?.message).toMatch(
      /java\.lang\.IllegalArgumentException: Timeout timestamp \(1\) cannot be earlier than the current watermark \(\d+\)$/,
    );
  });

  it('a function that does not type-check fails the query at start, saying why', () => {
    const q = run(query('(key, values, state) => key * 2', 'none'), s(6));
    expect(q.error).toMatchObject({
      errorClass: 'scalac',
      message: expect.stringContaining('key * 2: * needs numbers'),
    });
    expect(q.batches).toEqual([]);
  });
});
