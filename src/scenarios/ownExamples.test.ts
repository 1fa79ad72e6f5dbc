import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installUserLanguage, type StreamOpSpec, StructuredQuery, type ValueType } from '../engine';
import { runOver } from '../engine/__fixtures__/streaming';
import { baseQuery, type FakeRow, fakeSource } from '../engine/__fixtures__/structured';
import { language } from '../engine/lang';
import type { StructuredSpec } from '../engine/structured/spec';
import { groupExample, ownExample } from './ownExamples';

installUserLanguage(language);

/** Everything a run shows: every batch's outputs and every state step. */
function traceOf(pipeline: StreamOpSpec[], input: [string, number][][]) {
  const run = runOver(input, pipeline, input.length * 1000);
  return JSON.stringify({
    error: run.error?.text ?? null,
    batches: run.batches.map((b) => [b.timeMs, b.failure, b.outputs]),
    state: run.nodes.flatMap((n) =>
      run.batches.map((b) => {
        const s = run.stateAt(n.index, b.timeMs);
        return (
          s && [
            [...s.state.values()],
            s.calls.map((c) => [c.key, c.reason, c.before, c.after]),
            s.removed,
            s.timedOut,
          ]
        );
      }),
    ),
  });
}

/** The same pipeline with the operation at `at` written in the language instead of picked from the catalogue. */
function rewritten(pipeline: StreamOpSpec[], at: number, input: ValueType) {
  return pipeline.map((op, i) => {
    if (i !== at) return op;
    const example = ownExample(op, input)!;
    const { fn: _fn, reduce: _reduce, arg: _arg, ...rest } = op;
    return {
      ...rest,
      code: example.code,
      ...(example.stateType ? { stateType: example.stateType } : {}),
    } as StreamOpSpec;
  });
}

const keys = fc.constantFrom('kitchen', 'hall', 'attic');
const batch = fc.array(fc.tuple(keys, fc.integer({ min: -5, max: 40 })), { maxLength: 5 });
const input = fc.array(batch, { minLength: 1, maxLength: 12 });

describe('the catalogue written in the language runs the same', () => {
  it('for random inputs, each catalogue function and its written form give the same trace', () => {
    const cases: { pipeline: StreamOpSpec[]; at: number; on: 'record' | 'pair' }[] = [];
    const stateful = (op: StreamOpSpec): StreamOpSpec[] => [
      { id: 'in', op: 'producerStream' },
      { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
      { ...op, id: 'st', input: 'kv' },
      { id: 'out', op: 'sink', input: 'st' },
    ];
    for (const fn of ['toPair', 'keyOne', 'key', 'value'])
      cases.push({
        pipeline: [
          { id: 'in', op: 'producerStream' },
          { id: 'm', op: 'map', input: 'in', fn },
          { id: 'out', op: 'sink', input: 'm' },
        ],
        at: 1,
        on: 'record',
      });
    for (const [fn, arg] of [
      ['valueAbove', 10],
      ['keyIs', 'hall'],
    ] as const)
      cases.push({
        pipeline: [
          { id: 'in', op: 'producerStream' },
          { id: 'f', op: 'filter', input: 'in', fn, arg },
          { id: 'out', op: 'sink', input: 'f' },
        ],
        at: 1,
        on: 'record',
      });
    for (const reduce of ['sum', 'max', 'min'] as const)
      cases.push({ pipeline: stateful({ id: 'st', op: 'reduceByKey', reduce }), at: 2, on: 'pair' });
    for (const fn of ['runningSum', 'runningCount', 'sumWhileActive'])
      cases.push({ pipeline: stateful({ id: 'st', op: 'updateStateByKey', fn }), at: 2, on: 'pair' });
    for (const fn of ['runningSum', 'runningCount'])
      cases.push({
        pipeline: stateful({ id: 'st', op: 'mapWithState', fn, timeoutMs: 2000 }),
        at: 2,
        on: 'pair',
      });
    fc.assert(
      fc.property(fc.constantFrom(...cases), input, (c, xs) => {
        const on: ValueType =
          c.on === 'pair'
            ? { kind: 'pair', key: { kind: 'string' }, value: { kind: 'double' } }
            : { kind: 'record' };
        const written = rewritten(c.pipeline, c.at, on);
        expect(written[c.at]!.code).toBeDefined();
        expect(traceOf(written, xs)).toBe(traceOf(c.pipeline, xs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the query’s catalogue functions written with a GroupState run the same', () => {
  type Mode = 'append' | 'update';
  const row = fc.record({
    key: fc.constantFrom('a', 'b', 'c'),
    value: fc.integer({ min: 0, max: 9 }),
    at: fc.integer({ min: 0, max: 20_000 }),
    partition: fc.integer({ min: 0, max: 1 }),
  });
  const run = (operator: StructuredSpec['operator'], outputMode: Mode, rows: FakeRow[]) => {
    const q = new StructuredQuery(
      { ...baseQuery, outputMode, trigger: { kind: 'processingTime', intervalMs: 2000 }, operator },
      fakeSource(rows, 2),
    );
    q.extendTo(40_000);
    return q;
  };
  const tupleOf = (text: string) => {
    const [key, value] = text.slice(1, -1).split(',');
    return [key, Number(value)];
  };
  /** Each batch's results as (key, value), and the state it leaves (key → value). */
  const trace = (q: StructuredQuery) =>
    JSON.stringify({
      error: q.error,
      batches: q.batches.map((b) => [
        b.triggerMs,
        // The written form's results are (key, value) tuples, printed as Scala does: "(a,3)".
        b.output.map((r) => (r.text === undefined ? [r.key, r.value] : tupleOf(r.text))).sort(),
        // (The catalogue's rows carry their first and last event and are listed in that order.)
        b.state.rows.map((r) => [r.key, r.text === undefined ? r.value : Number(r.text)]).sort(),
      ]),
    });

  it('for random rows, timeouts and output modes, sessionCount and runningSum give the same results', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('sessionCount', 'runningSum' as const),
        fc.constantFrom<Mode>('append', 'update'),
        fc.constantFrom('none', 'processingTime' as const),
        fc.integer({ min: 1, max: 8 }),
        (rs, fn, mode, timeout, seconds) => {
          const rows = rs.map((r) => ({ ...r, eventTimeMs: r.at, arrivalMs: r.at + 300 }));
          const catalogue = {
            kind: 'flatMapGroupsWithState' as const,
            fn: fn as 'sessionCount' | 'runningSum',
            timeout,
            timeoutMs: seconds * 1000,
          };
          const example = groupExample(catalogue, mode);
          const written = {
            ...catalogue,
            code: example.code,
            ...(example.stateType ? { stateType: example.stateType } : {}),
          };
          const expected = run(catalogue, mode, rows);
          expect(expected.error).toBeNull();
          expect(trace(run(written, mode, rows))).toBe(trace(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with an event-time timeout the written form type-checks and runs', () => {
    const operator = {
      kind: 'flatMapGroupsWithState' as const,
      fn: 'sessionCount' as const,
      timeout: 'eventTime' as const,
      timeoutMs: 3000,
    };
    const example = groupExample(operator, 'update');
    expect(example.code).toContain('setTimeoutTimestamp(state.getCurrentWatermarkMs + 3000)');
    // (A row at event time 0 would be late: the first watermark is 0, and rows at or below it drop.)
    const rows = [1000, 2000, 9000].map((at, i) => ({
      key: 'a',
      value: i,
      eventTimeMs: at,
      arrivalMs: at + 300,
      partition: 0,
    }));
    const q = run({ ...operator, code: example.code, stateType: 'Long' }, 'update', rows);
    expect(q.error).toBeNull();
    expect(q.batches.flatMap((b) => b.output.map((r) => r.text))).toContain('(a,3)');
  });
});
