import { beforeAll, describe, expect, it } from 'vitest';
import { runOver, sinkOutput, streamingSpec, testSource } from '../__fixtures__/streaming';
import { language } from '../lang/index';
import type { StreamOpSpec } from '../types';
import { defineStreaming } from './context';
import { StreamingRun } from './run';
import { installUserLanguage } from './userCode';
import { valueKey } from './values';

beforeAll(() => installUserLanguage(language));

const pipe = (...ops: Omit<StreamOpSpec, 'id' | 'input'>[]): StreamOpSpec[] => {
  const out: StreamOpSpec[] = [{ id: 'in', op: 'producerStream' }];
  ops.forEach((o, i) => {
    out.push({ ...o, id: `s${i}`, input: out.at(-1)!.id } as StreamOpSpec);
  });
  out.push({ id: 'out', op: 'sink', input: out.at(-1)!.id });
  return out;
};
const written = (run: StreamingRun) => sinkOutput(run).map((o) => o.written);
const sorted = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
const errorOf = (pipeline: StreamOpSpec[]) => defineStreaming(1000, '/tmp/c', pipeline).error?.text ?? null;

describe('user functions in a DStream pipeline', () => {
  it('map, filter and flatMap run the learner’s lambdas over each batch', () => {
    const run = runOver(
      [
        [
          ['a', 1],
          ['b', 5],
        ],
        [['a', 7]],
      ],
      pipe(
        { op: 'map', code: 'r => (r.key, r.value * 2)' },
        { op: 'filter', code: '(k, v) => v > 4' },
        { op: 'flatMap', code: '(k, v) => (k + " x").split(" ")' },
      ),
      2000,
    );
    expect(written(run)).toEqual([
      ['b', 'x'],
      ['a', 'x'],
    ]);
  });

  it('reduceByKey with (a, b) => a max b style functions; groupByKey collects values per key', () => {
    const input = [
      [
        ['a', 1],
        ['b', 5],
        ['a', 3],
      ],
    ] as const;
    const reduced = runOver(
      input,
      pipe(
        { op: 'map', code: 'r => (r.key, r.value)' },
        { op: 'reduceByKey', code: '(x, y) => x > y ? x : y' },
      ),
      1000,
    );
    expect(sorted(written(reduced)[0]!)).toEqual(['["a",3]', '["b",5]']);
    const grouped = runOver(
      input,
      pipe({ op: 'map', code: 'r => (r.key, r.value)' }, { op: 'groupByKey' }),
      1000,
    );
    expect(sorted(written(grouped)[0]!)).toEqual(['["a",[1,3]]', '["b",[5]]']);
    expect(grouped.nodes.find((n) => n.spec.op === 'groupByKey')!.type).toEqual({
      kind: 'pair',
      key: { kind: 'string' },
      value: { kind: 'list', of: { kind: 'double' }, buffer: true },
    });
  });

  it('groupByKeyAndWindow groups the window’s values (window(w, s) of groupByKey)', () => {
    const run = runOver(
      [[['a', 1]], [['a', 2]], [['a', 3]]],
      pipe(
        { op: 'map', code: 'r => (r.key, r.value.toLong)' },
        { op: 'groupByKeyAndWindow', windowMs: 2000 },
      ),
      3000,
    );
    expect(written(run)).toEqual([[['a', [1]]], [['a', [1, 2]]], [['a', [2, 3]]]]);
  });

  it('updateStateByKey: Spark’s running count, and a key dropped after two idle batches', () => {
    // The programming guide's updateFunction: newValues.sum + runningCount.getOrElse(0).
    const counts = runOver(
      [
        [['a', 1]],
        [
          ['a', 1],
          ['b', 1],
        ],
        [],
      ],
      pipe(
        { op: 'map', code: 'r => (r.key, 1)' },
        { op: 'updateStateByKey', code: '(values, state) => Some(values.sum + state.getOrElse(0))' },
      ),
      3000,
    );
    expect(written(counts).map(sorted)).toEqual([
      ['["a",1]'],
      ['["a",2]', '["b",1]'],
      ['["a",2]', '["b",1]'],
    ]);
    // State (count, idle batches): a key goes when it has been idle for two batches.
    const idle = runOver(
      [[['a', 1]], [['b', 1]], [['b', 1]], [['b', 1]]],
      pipe(
        { op: 'map', code: 'r => (r.key, 1)' },
        {
          op: 'updateStateByKey',
          stateType: '(Long, Long)',
          code: '(values, state) => values.isEmpty ? (state.get._2 + 1 >= 2 ? None : Some((state.get._1, state.get._2 + 1))) : Some((state.map(s => s._1).getOrElse(0) + values.sum, 0))',
        },
      ),
      4000,
    );
    const node = idle.nodes.find((n) => n.spec.op === 'updateStateByKey')!;
    const has = (t: number) => idle.stateAt(node.index, t)!.state.has(valueKey('a'));
    expect([1000, 2000, 3000, 4000].map(has)).toEqual([true, true, false, false]);
    expect(idle.stateAt(node.index, 3000)!.removed).toEqual([valueKey('a')]);
  });

  it('updateStateByKey with an initial RDD: an initial key with no new values is still called', () => {
    const run = runOver(
      [[['a', 1]]],
      pipe(
        { op: 'map', code: 'r => (r.key, 1)' },
        {
          op: 'updateStateByKey',
          code: '(values, state) => Some(values.sum + state.getOrElse(0))',
          initialState: [
            ['a', 10],
            ['z', 5],
          ],
        },
      ),
      1000,
    );
    const node = run.nodes.find((n) => n.spec.op === 'updateStateByKey')!;
    const step = run.stateAt(node.index, 1000)!;
    expect(step.calls.map((c) => [c.key, c.values, c.before, c.after])).toEqual([
      ['a', [1], 10, 11],
      ['z', [], 5, 5],
    ]);
  });

  it('mapWithState: blocks with state.update, other results, remove, and the timing-out call', () => {
    // The Scala example of StateSpec: sum the values, update the state, emit (key, sum).
    const sum = runOver(
      [
        [
          ['a', 1],
          ['a', 2],
        ],
        [['a', 4]],
      ],
      pipe(
        { op: 'map', code: 'r => (r.key, r.value.toLong)' },
        {
          op: 'mapWithState',
          code: `(key, value, state) => {
  val sum = value.getOrElse(0) + state.getOption.getOrElse(0)
  state.update(sum)
  (key, sum)
}`,
        },
      ),
      2000,
    );
    expect(written(sum)).toEqual([
      [
        ['a', 1],
        ['a', 3],
      ],
      [['a', 7]],
    ]);
    // A function that emits key * 2 and removes the state when the value is 0.
    const other = runOver(
      [
        [
          ['x', 3],
          ['x', 0],
        ],
        [['x', 5]],
      ],
      pipe(
        { op: 'map', code: 'r => (r.value.toLong, r.value.toLong)' },
        {
          op: 'mapWithState',
          code: '(key, value, state) => { value.getOrElse(0) == 0 ? state.remove() : state.update(value.get); key * 2 }',
        },
      ),
      2000,
    );
    // Keys 3 and 0 land in partitions 1 and 0 of the state RDD (HashPartitioner), so 0 comes first.
    expect(written(other)).toEqual([[0, 6], [10]]);
    // With the batch time: the (Time, K, Option[V], State[S]) => Option[M] form emits only Somes.
    const timed = runOver(
      [
        [
          ['a', 1],
          ['b', 2],
        ],
      ],
      pipe(
        { op: 'map', code: 'r => (r.key, r.value.toLong)' },
        { op: 'mapWithState', code: '(key, value, state) => key == "a" ? Some(time) : None' },
      ),
      1000,
    );
    expect(written(timed)).toEqual([[1000]]);
  });

  it('mapWithState timeouts: one last call with isTimingOut, at checkpointed batches; update then throws Spark’s error', () => {
    const input: [string, number][][] = [
      [['a', 1]],
      ...Array.from({ length: 10 }, (): [string, number][] => [['b', 1]]),
    ];
    const base = { op: 'map' as const, code: 'r => (r.key, r.value.toLong)' };
    const farewell = runOver(
      input,
      pipe(base, {
        op: 'mapWithState',
        timeoutMs: 3000,
        code: '(key, value, state) => state.isTimingOut ? (key + " timed out") : { state.update(1); key }',
      }),
      11_000,
    );
    const outs = written(farewell);
    expect(outs[9]).toEqual(['b', 'a timed out']);
    const bad = new StreamingRun(
      streamingSpec(
        pipe(base, {
          op: 'mapWithState',
          timeoutMs: 3000,
          code: '(key, value, state) => { state.update(1); key }',
        }),
      ),
      testSource(input),
    );
    bad.extendTo(12_000);
    expect(bad.stoppedAtMs).toBe(10_000);
    expect(bad.batches.at(-1)!.failure).toMatch(
      /Job aborted due to stage failure: .* s1 = s0\.mapWithState\(…\) failed in the batch at 10000 ms: java\.lang\.IllegalArgumentException: requirement failed: Cannot update the state that is timing out/,
    );
    expect(bad.batches.length).toBe(10);
  });

  it('a function that fails at run time stops the application at that batch, naming it', () => {
    const run = runOver(
      [[['a', 1]], [['a', 0]], [['a', 2]]],
      pipe({ op: 'map', code: 'r => 10 / r.value.toLong' }),
      3000,
    );
    expect(run.stoppedAtMs).toBe(2000);
    expect(run.batches.map((b) => b.timeMs)).toEqual([1000, 2000]);
    expect(run.batches[1]!.failure).toMatch(
      /in the batch at 2000 ms: .*java\.lang\.ArithmeticException: \/ by zero/,
    );
  });

  it('type errors read as a compiler’s, saying where the types came from', () => {
    expect(
      errorOf(pipe({ op: 'map', code: 'r => (r.key, "x")' }, { op: 'map', code: '(k, v) => (k, v * 2)' })),
    ).toBe(
      'error: map: v * 2: * needs numbers; v is a String here. (s0 is a DStream[(String, String)], made by map(r => (r.key, "x")))',
    );
    expect(errorOf(pipe({ op: 'filter', code: 'r => r.value' }))).toMatch(
      /filter needs its function to give Boolean; this one gives Double/,
    );
    expect(errorOf(pipe({ op: 'flatMap', code: 'r => r.key' }))).toMatch(
      /flatMap needs its function to give a collection/,
    );
    expect(
      errorOf(
        pipe(
          { op: 'map', code: 'r => (r.key, 1)' },
          { op: 'updateStateByKey', code: '(values, state) => values.sum + state.getOrElse(0)' },
        ),
      ),
    ).toMatch(/needs its function to give Option\[Long\]; this one gives Long/);
    expect(
      errorOf(
        pipe(
          { op: 'map', code: 'r => (r.key, 1)' },
          { op: 'mapWithState', code: '(k, v, s) => { s.update((1, 2)); k }' },
        ),
      ),
    ).toMatch(/the state is a Long, as the values are — set stateType for another/);
  });

  it('dstream.checkpoint(interval) overrides the default, with Spark’s start checks', () => {
    const withInterval = (checkpointMs: number) =>
      pipe(
        { op: 'map', code: 'r => (r.key, 1)' },
        {
          op: 'updateStateByKey',
          code: '(values, state) => Some(values.sum + state.getOrElse(0))',
          checkpointMs,
        },
      );
    const { context } = defineStreaming(1000, '/tmp/c', withInterval(4000));
    expect(context.nodes.find((n) => n.spec.op === 'updateStateByKey')!.checkpointIntervalMs).toBe(4000);
    expect(errorOf(withInterval(500))).toBe(
      'java.lang.IllegalArgumentException: requirement failed: The checkpoint interval for StateDStream has been set to 500 ms which is lower than its slide time (1000 ms). Please set it to at least 1000 ms.',
    );
    expect(errorOf(withInterval(2500))).toBe(
      'java.lang.IllegalArgumentException: requirement failed: The checkpoint interval for StateDStream has been set to  2500 ms which not a multiple of its slide time (1000 ms). Please set it to a multiple of 1000 ms.',
    );
    // Any DStream may be checkpointed; it then needs the checkpoint directory.
    const mapped = pipe({ op: 'map', code: 'r => r.key', checkpointMs: 2000 });
    expect(defineStreaming(1000, null, mapped).error?.text).toMatch(
      /The checkpoint directory has not been set/,
    );
  });

  it('mapWithState checkpoints every 10 slides of the stream it is applied to', () => {
    const { context } = defineStreaming(1000, '/tmp/c', [
      { id: 'in', op: 'producerStream' },
      { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
      { id: 'w', op: 'window', input: 'kv', windowMs: 4000, slideMs: 2000 },
      { id: 'st', op: 'mapWithState', input: 'w', fn: 'runningSum' },
      { id: 'out', op: 'sink', input: 'st' },
    ]);
    expect(context.nodes.find((n) => n.spec.id === 'st')!.checkpointIntervalMs).toBe(20_000);
  });

  it('a run with user functions is deterministic', () => {
    const make = () =>
      runOver(
        [
          [
            ['a', 1],
            ['b', 2],
          ],
          [['a', 3]],
        ],
        pipe(
          { op: 'map', code: 'r => (r.key, r.value)' },
          { op: 'updateStateByKey', code: '(vs, s) => Some(vs.sum + s.getOrElse(0.0))' },
        ),
        2000,
      );
    expect(JSON.stringify(make().batches)).toBe(JSON.stringify(make().batches));
  });
});
