import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installUserLanguage, type StreamOpSpec, type ValueType } from '../engine';
import { runOver } from '../engine/__fixtures__/streaming';
import { language } from '../engine/lang';
import { ownExample } from './ownExamples';

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
