import { describe, expect, it } from 'vitest';
import { runOver, sinkOutput } from '../__fixtures__/streaming';
import type { StreamOpSpec } from '../types';
import type { Value } from './values';

// Cases from Spark's WindowOperationsSuite (streaming/src/test/.../WindowOperationsSuite.scala):
// batch interval 1 s, batch i of the input at time i s, outputs compared as sets.

const ints = (xs: number[][]) => xs.map((b) => b.map((v) => ['k', v] as const));
const sorted = (vs: readonly Value[]) => [...vs].map((v) => JSON.stringify(v)).sort();

function windowed(input: number[][], windowMs: number, slideMs: number, batches: number) {
  const pipeline: StreamOpSpec[] = [
    { id: 'in', op: 'producerStream' },
    { id: 'v', op: 'map', input: 'in', fn: 'value' },
    { id: 'w', op: 'window', input: 'v', windowMs, slideMs },
    { id: 'out', op: 'sink', input: 'w' },
  ];
  return sinkOutput(runOver(ints(input), pipeline, batches * 1000)).map((o) => [...o.written].sort());
}

const six = [[0], [1], [2], [3], [4], [5]];

describe('window(windowLength, slideInterval)', () => {
  it('basic window (2 s, 1 s): the first window is partial', () => {
    expect(windowed(six, 2000, 1000, 6)).toEqual([[0], [0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
  });
  it('tumbling window (2 s, 2 s): a window RDD only at multiples of the slide', () => {
    expect(windowed(six, 2000, 2000, 6)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });
  it('larger window (4 s, 2 s)', () => {
    expect(windowed(six, 4000, 2000, 8)).toEqual([
      [0, 1],
      [0, 1, 2, 3],
      [2, 3, 4, 5],
      [4, 5],
    ]);
  });
  it('non-overlapping window (2 s, 3 s): a slide longer than the window skips batches', () => {
    expect(windowed(six, 2000, 3000, 6)).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });
});

const pairs = (xs: [string, number][][]) => xs;
const bigInput = pairs([
  [['a', 1]],
  [
    ['a', 1],
    ['b', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
    ['c', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
  ],
  [['a', 1]],
  [],
  [['a', 1]],
  [
    ['a', 1],
    ['b', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
    ['c', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
  ],
  [['a', 1]],
  [],
]);
const bigReduceOutput = [
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
  ],
  [['a', 1]],
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
  ],
  [['a', 1]],
];
// With an inverse function and no filter, keys whose value fell to zero stay.
const bigReduceInvOutput = [
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
];
const largerSlideInput = pairs([
  [['a', 1]],
  [['a', 2]],
  [['a', 3]],
  [['a', 4]],
  [['a', 5]],
  [['a', 6]],
  [],
  [],
]);
const largerSlideReduceOutput = [[['a', 3]], [['a', 10]], [['a', 18]], [['a', 11]]];

function reduceByKeyAndWindow(
  input: [string, number][][],
  options: { inverse?: boolean; filterZero?: boolean; windowMs?: number; slideMs?: number; batches?: number },
) {
  const { windowMs = 2000, slideMs = 1000 } = options;
  const pipeline: StreamOpSpec[] = [
    { id: 'in', op: 'producerStream' },
    { id: 'kv', op: 'map', input: 'in', fn: 'toPair' },
    {
      id: 'w',
      op: 'reduceByKeyAndWindow',
      input: 'kv',
      reduce: 'sum',
      windowMs,
      slideMs,
      inverse: options.inverse ?? false,
      filterZero: options.filterZero ?? false,
    },
    { id: 'out', op: 'sink', input: 'w' },
  ];
  const batches = options.batches ?? input.length;
  return sinkOutput(runOver(input, pipeline, batches * 1000)).map((o) => sorted(o.written));
}
const expectSets = (xs: (string | number)[][][]) => xs.map((b) => sorted(b as unknown as Value[]));

describe('reduceByKeyAndWindow', () => {
  for (const inverse of [false, true]) {
    const name = inverse ? 'with inverse function' : 'naive';
    it(`${name}: basic reduction`, () => {
      expect(
        reduceByKeyAndWindow(
          [
            [
              ['a', 1],
              ['a', 3],
            ],
          ],
          { inverse },
        ),
      ).toEqual(expectSets([[['a', 4]]]));
    });
    it(`${name}: key removed from window`, () => {
      const out = reduceByKeyAndWindow([[['a', 1]], [['a', 1]], [], []], { inverse });
      expect(out).toEqual(expectSets([[['a', 1]], [['a', 2]], [['a', 1]], inverse ? [['a', 0]] : []]));
    });
    it(`${name}: larger slide time (4 s, 2 s)`, () => {
      expect(reduceByKeyAndWindow(largerSlideInput, { inverse, windowMs: 4000, slideMs: 2000 })).toEqual(
        expectSets(largerSlideReduceOutput as [string, number][][]),
      );
    });
  }
  it('naive: big test', () => {
    expect(reduceByKeyAndWindow(bigInput, {})).toEqual(expectSets(bigReduceOutput as [string, number][][]));
  });
  it('with inverse: big test keeps keys that fell to zero', () => {
    expect(reduceByKeyAndWindow(bigInput, { inverse: true })).toEqual(
      expectSets(bigReduceInvOutput as [string, number][][]),
    );
  });
  it('with inverse and a filter: big test equals the naive result', () => {
    expect(reduceByKeyAndWindow(bigInput, { inverse: true, filterZero: true })).toEqual(
      expectSets(bigReduceOutput as [string, number][][]),
    );
  });
});

describe('countByWindow and countByValueAndWindow', () => {
  it('countByWindow (2 s, 1 s) emits 0 once the window is empty', () => {
    const input = ints([[1], [1], [1, 2], [0], [], []]);
    const pipeline: StreamOpSpec[] = [
      { id: 'in', op: 'producerStream' },
      { id: 'c', op: 'countByWindow', input: 'in', windowMs: 2000, slideMs: 1000 },
      { id: 'out', op: 'sink', input: 'c' },
    ];
    expect(sinkOutput(runOver(input, pipeline, 6000)).map((o) => o.written)).toEqual([
      [1],
      [2],
      [3],
      [3],
      [1],
      [0],
    ]);
  });
  it('countByValueAndWindow (2 s, 1 s) drops values whose count fell to zero', () => {
    const input = [
      [['a', 0]],
      [
        ['b', 0],
        ['b', 0],
      ],
      [
        ['a', 0],
        ['b', 0],
      ],
    ] as [string, number][][];
    const pipeline: StreamOpSpec[] = [
      { id: 'in', op: 'producerStream' },
      { id: 'k', op: 'map', input: 'in', fn: 'key' },
      { id: 'c', op: 'countByValueAndWindow', input: 'k', windowMs: 2000, slideMs: 1000 },
      { id: 'out', op: 'sink', input: 'c' },
    ];
    expect(sinkOutput(runOver(input, pipeline, 3000)).map((o) => sorted(o.written))).toEqual(
      expectSets([
        [['a', 1]],
        [
          ['a', 1],
          ['b', 2],
        ],
        [
          ['a', 1],
          ['b', 3],
        ],
      ]),
    );
  });
});
