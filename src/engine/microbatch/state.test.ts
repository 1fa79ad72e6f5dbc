import { describe, expect, it } from 'vitest';
import { runOver, sinkOutput, streamingSpec, testSource } from '../__fixtures__/streaming';
import type { StreamOpSpec } from '../types';
import { defineStreaming } from './context';
import { StreamingRun } from './run';
import { mapWithStateStep, updateStateByKeyStep } from './state';
import { valueKey } from './values';

const pipeline = (stateful: StreamOpSpec): StreamOpSpec[] => [
  { id: 'in', op: 'producerStream' },
  { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
  { ...stateful, id: 'st', input: 'kv' },
  { id: 'out', op: 'sink', input: 'st' },
];
const batches = (xs: [string, number][][]) => xs;

describe('updateStateByKey (StateDStream)', () => {
  it('runs for every key with state in every batch, even without new values or input; a new key gets None', () => {
    const step1 = updateStateByKeyStep(
      null,
      [
        ['a', 1],
        ['b', 2],
        ['a', 3],
      ],
      'runningSum',
      1000,
    );
    expect(step1.calls.map((c) => [c.key, c.reason, c.values, c.before, c.after])).toEqual([
      ['a', 'newValues', [1, 3], null, 4],
      ['b', 'newValues', [2], null, 2],
    ]);
    const step2 = updateStateByKeyStep(step1.state, [], 'runningSum', 2000);
    expect(step2.calls.map((c) => [c.key, c.reason, c.values])).toEqual([
      ['a', 'noNewValues', []],
      ['b', 'noNewValues', []],
    ]);
  });

  it('returning None removes the key', () => {
    const s1 = updateStateByKeyStep(
      null,
      [
        ['a', 1],
        ['b', 2],
      ],
      'sumWhileActive',
      1000,
    );
    const s2 = updateStateByKeyStep(s1.state, [['a', 5]], 'sumWhileActive', 2000);
    expect([...s2.state.values()].map((e) => [e.key, e.value])).toEqual([['a', 6]]);
    expect(s2.removed).toEqual([valueKey('b')]);
  });

  it('in a pipeline: the state is emitted whole every batch', () => {
    const run = runOver(
      batches([
        [['a', 1]],
        [],
        [
          ['b', 2],
          ['a', 1],
        ],
      ]),
      pipeline({ id: 'st', op: 'updateStateByKey', fn: 'runningCount' }),
      3000,
    );
    expect(sinkOutput(run).map((o) => [...o.written].map((x) => JSON.stringify(x)).sort())).toEqual([
      ['["a",1]'],
      ['["a",1]'],
      ['["a",2]', '["b",1]'],
    ]);
  });
});

describe('mapWithState (StateSpec)', () => {
  it('runs once per record, only for keys in the batch; a second record sees the first one’s update', () => {
    const s1 = mapWithStateStep(
      null,
      [
        ['a', 1],
        ['b', 2],
        ['a', 3],
      ],
      'runningSum',
      1000,
      null,
      false,
    );
    expect(s1.calls.map((c) => [c.key, c.before, c.after])).toEqual([
      ['a', null, 1],
      ['b', null, 2],
      ['a', 1, 4],
    ]);
    // Each output element (the mapped (key, sum)) with the key whose partition it lands in.
    expect(s1.output).toEqual([
      ['a', ['a', 1]],
      ['b', ['b', 2]],
      ['a', ['a', 4]],
    ]);
    const s2 = mapWithStateStep(s1.state, [['b', 1]], 'runningSum', 2000, null, false);
    expect(s2.calls.map((c) => c.key)).toEqual(['b']);
    expect(s2.state.get(valueKey('a'))?.value).toBe(4);
  });

  it('timeouts are collected only when the state is checkpointed (every 10 batch intervals), with one last call', () => {
    // Key "a" is seen at 1 s and 2 s only; timeout 3 s; batch interval 1 s: it times out at 10 s, not 6 s.
    const input = batches([
      [['a', 1]],
      [['a', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
      [['b', 1]],
    ]);
    const run = runOver(
      input,
      pipeline({ id: 'st', op: 'mapWithState', fn: 'runningSum', timeoutMs: 3000 }),
      11_000,
    );
    const node = run.nodes.find((n) => n.spec.id === 'st')!;
    expect(node.checkpointIntervalMs).toBe(10_000);
    const timedOutAt = run.batches
      .filter((b) => (run.stateAt(node.index, b.timeMs)?.timedOut.length ?? 0) > 0)
      .map((b) => b.timeMs);
    expect(timedOutAt).toEqual([10_000]);
    const last = run.stateAt(node.index, 10_000)!;
    expect(last.calls.find((c) => c.reason === 'timeout')).toEqual({
      key: 'a',
      reason: 'timeout',
      values: [],
      before: 2,
      after: null,
      // The catalogue's runningSum emits (key, state.get()) in its timeout call.
      returned: ['a', 2],
    });
    expect(run.stateAt(node.index, 9000)!.state.has(valueKey('a'))).toBe(true);
    expect(run.stateAt(node.index, 11_000)!.state.has(valueKey('a'))).toBe(false);
  });

  it('starts from an initial state', () => {
    const run = runOver(
      batches([[['a', 1]]]),
      pipeline({ id: 'st', op: 'mapWithState', fn: 'runningSum', initialState: [['a', 10]] }),
      1000,
    );
    expect(sinkOutput(run)[0]!.written).toEqual([['a', 11]]);
  });
});

describe('checkpointing stateful DStreams', () => {
  it('start fails without a checkpoint directory, with Spark’s message', () => {
    const { error } = defineStreaming(
      1000,
      null,
      pipeline({ id: 'st', op: 'updateStateByKey', fn: 'runningSum' }),
    );
    expect(error?.message).toBe(
      'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
    );
  });

  it('checkpoint intervals: 10 × batch for mapWithState; the smallest multiple of the slide ≥ 10 s otherwise', () => {
    const interval = (op: StreamOpSpec, batchMs: number) =>
      defineStreaming(batchMs, '/c', pipeline(op)).context.nodes.find((n) => n.spec.id === 'st')!
        .checkpointIntervalMs;
    expect(interval({ id: 'st', op: 'updateStateByKey', fn: 'runningSum' }, 1000)).toBe(10_000);
    expect(interval({ id: 'st', op: 'updateStateByKey', fn: 'runningSum' }, 3000)).toBe(12_000);
    expect(interval({ id: 'st', op: 'mapWithState', fn: 'runningSum' }, 3000)).toBe(30_000);
  });

  it('data checkpoints cut the lineage, which otherwise grows by one RDD per batch', () => {
    const input = batches(Array.from({ length: 12 }, () => [['a', 1]]));
    const run = new StreamingRun(
      streamingSpec(pipeline({ id: 'st', op: 'updateStateByKey', fn: 'runningSum' })),
      testSource(input),
    );
    run.extendTo(12_000);
    const node = run.nodes.find((n) => n.spec.id === 'st')!;
    expect(run.dataCheckpoints.map((c) => c.timeMs)).toEqual([10_000]);
    expect(run.dataCheckpoints[0]!.records).toEqual([['a', 10]]);
    expect([9000, 10_000, 11_000, 12_000].map((t) => run.lineageLength(node, t))).toEqual([8, 0, 1, 2]);
  });
});
