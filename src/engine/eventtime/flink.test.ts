import { describe, expect, it } from 'vitest';
import { recs, s } from '../__fixtures__/eventRecords';
import { FlinkWindowOperator, NO_WATERMARK, runFlink } from './flink';
import type { WindowSpec } from './windows';

describe('Flink: bounded out-of-orderness watermarks and event-time windows', () => {
  const options = {
    window: { kind: 'tumbling' as const, sizeMs: s(10) },
    aggregate: 'count' as const,
    keyed: false,
    boundMs: s(2),
    autoWatermarkIntervalMs: s(1),
    allowedLatenessMs: 0,
    inputs: 1,
  };
  const input = recs([
    [1, 0.5],
    [5, 1.5],
    [11, 3],
    [8, 3.5],
    [13, 4.5],
    [9, 6],
  ]);

  it('emits max timestamp − bound − 1 periodically, only when it increases', () => {
    const run = runFlink(input, options, s(7));
    expect(run.watermarks.map((w) => [w.atMs / 1000, w.watermarkMs])).toEqual([
      [1, -1001],
      [2, 2999],
      [3, 8999],
      [5, 10999],
    ]);
  });

  it('a window fires when the watermark reaches end − 1; a tuple for a cleaned-up window is late', () => {
    const run = runFlink(input, options, s(7));
    expect(run.emissions.map((e) => [e.atMs / 1000, e.window.startMs / 1000, e.value, e.kind])).toEqual([
      [5, 0, 3, 'first'],
    ]);
    expect(run.late).toEqual([{ id: 5, atMs: s(6), watermarkMs: 10999 }]);
  });

  it('a watermark exactly at end − 1 fires the window and makes its tuples late', () => {
    const run = runFlink(
      recs([
        [3, 0.2],
        [12, 0.5],
        [5, 1.5],
      ]),
      options,
      s(2),
    );
    expect(run.watermarks[0]).toEqual({ atMs: s(1), watermarkMs: 9999 });
    expect(run.emissions.map((e) => [e.atMs, e.value])).toEqual([[s(1), 1]]);
    expect(run.late.map((l) => l.id)).toEqual([2]);
  });

  it('allowedLateness keeps the window and re-fires it for each late tuple', () => {
    const run = runFlink(input, { ...options, allowedLatenessMs: s(2) }, s(7));
    expect(run.emissions.map((e) => [e.atMs / 1000, e.value, e.kind])).toEqual([
      [5, 3, 'first'],
      [6, 4, 'late'],
    ]);
    expect(run.late).toEqual([]);
  });

  it('a two-input operator takes the minimum: an input without data holds every window open', () => {
    const run = runFlink(input, { ...options, inputs: 2 }, s(7));
    expect(run.watermarks).toEqual([]);
    expect(run.emissions).toEqual([]);
    expect(run.inputWatermarks[1]).toEqual([]);
    expect(NO_WATERMARK).toBe(Number.NEGATIVE_INFINITY);
  });

  it('session windows merge when they touch or overlap', () => {
    const run = runFlink(
      recs([
        [1, 0.1],
        [3, 0.2],
        [10, 0.3],
        [5, 0.4],
        [30, 0.5],
      ]),
      { ...options, window: { kind: 'session', gapMs: s(2) } },
      s(2),
    );
    // Sessions [1, 7) (1, 3, 5: 3 → [3, 5) touches [5, 7)) and [10, 12); 30 pushes the watermark past both.
    expect(run.emissions.map((e) => [e.window.startMs / 1000, e.window.endMs / 1000, e.value])).toEqual([
      [1, 7, 3],
      [10, 12, 1],
    ]);
  });
});

/**
 * Cases from Flink's WindowOperatorTest: elements (key, value)@timestamp and explicit watermarks;
 * outputs (key, sum)@window.maxTimestamp(). Sums here, as SumReducer does.
 */
describe('Flink WindowOperatorTest cases', () => {
  type Step = ['e', string, number, number] | ['w', number];
  const run = (window: WindowSpec, steps: Step[], allowedLatenessMs = 0) => {
    const op = new FlinkWindowOperator({ window, aggregate: 'sum', keyed: true, allowedLatenessMs });
    const out: string[][] = [];
    const side: string[] = [];
    let id = 0;
    for (const step of steps) {
      const before = op.emissions.length;
      const lateBefore = op.late.length;
      if (step[0] === 'e') {
        const [, key, value, ts] = step;
        op.processElement({ id: id++, key, value, eventTimeMs: ts, arrivalMs: 0, input: 0 }, 0);
      } else op.processWatermark(step[1], 0);
      out.push(
        op.emissions
          .slice(before)
          .map((e) =>
            window.kind === 'session'
              ? `(${e.key}-${e.value},${e.window.startMs},${e.window.endMs})@${e.window.endMs - 1}`
              : `(${e.key},${e.value})@${e.window.endMs - 1}`,
          )
          .sort(),
      );
      if (op.late.length > lateBefore && step[0] === 'e') side.push(`(${step[1]},${step[2]})@${step[3]}`);
    }
    return { out, side };
  };
  const elements: Step[] = [
    ['e', 'key2', 1, 3999],
    ['e', 'key2', 1, 3000],
    ['e', 'key1', 1, 20],
    ['e', 'key1', 1, 0],
    ['e', 'key1', 1, 999],
    ['e', 'key2', 1, 1998],
    ['e', 'key2', 1, 1999],
    ['e', 'key2', 1, 1000],
  ];
  const watermarks = [999, 1999, 2999, 3999, 4999, 5999, 6999, 7999].map((w): Step => ['w', w]);

  it('testTumblingEventTimeWindows: window [0, 3000) fires at watermark 2999 = end − 1', () => {
    const { out } = run({ kind: 'tumbling', sizeMs: 3000 }, [...elements, ...watermarks]);
    expect(out.slice(8)).toEqual([
      [],
      [],
      ['(key1,3)@2999', '(key2,3)@2999'],
      [],
      [],
      ['(key2,2)@5999'],
      [],
      [],
    ]);
  });

  it('testSlidingEventTimeWindows: size 3 s, slide 1 s, windows with negative starts', () => {
    const { out } = run({ kind: 'sliding', sizeMs: 3000, slideMs: 1000 }, [...elements, ...watermarks]);
    expect(out.slice(8)).toEqual([
      ['(key1,3)@999'],
      ['(key1,3)@1999', '(key2,3)@1999'],
      ['(key1,3)@2999', '(key2,3)@2999'],
      ['(key2,5)@3999'],
      ['(key2,2)@4999'],
      ['(key2,2)@5999'],
      [],
      [],
    ]);
  });

  it('testSessionWindows: gap 3 s; sessions 1 ms apart do not merge', () => {
    const { out } = run({ kind: 'session', gapMs: 3000 }, [
      ['e', 'key2', 1, 0],
      ['e', 'key2', 2, 1000],
      ['e', 'key2', 3, 2500],
      ['e', 'key1', 1, 10],
      ['e', 'key1', 2, 1000],
      ['e', 'key1', 3, 2500],
      ['e', 'key2', 4, 5501],
      ['e', 'key2', 5, 6000],
      ['e', 'key2', 5, 6000],
      ['e', 'key2', 6, 6050],
      ['w', 12000],
      ['e', 'key2', 10, 15000],
      ['e', 'key2', 20, 15000],
      ['w', 17999],
    ]);
    expect(out[10]).toEqual(['(key1-6,10,5500)@5499', '(key2-20,5501,9050)@9049', '(key2-6,0,5500)@5499']);
    expect(out[13]).toEqual(['(key2-30,15000,18000)@17999']);
  });

  it('testSideOutputDueToLatenessTumbling: late once maxTimestamp + lateness <= watermark', () => {
    const { out, side } = run({ kind: 'tumbling', sizeMs: 2000 }, [
      ['e', 'key2', 1, 1000],
      ['w', 1985],
      ['e', 'key2', 1, 1980],
      ['w', 1999],
      ['e', 'key2', 1, 1998],
      ['e', 'key2', 1, 2001],
      ['w', 2999],
      ['w', 3999],
    ]);
    expect(out.flat()).toEqual(['(key2,2)@1999', '(key2,1)@3999']);
    expect(side).toEqual(['(key2,1)@1998']);
  });

  it('testSideOutputDueToLatenessSliding: an element late for one window still counts in the others', () => {
    const { out, side } = run({ kind: 'sliding', sizeMs: 3000, slideMs: 1000 }, [
      ['e', 'key2', 1, 1000],
      ['w', 1999],
      ['e', 'key2', 1, 2000],
      ['w', 3000],
      ['e', 'key1', 1, 3001],
      ['e', 'key2', 1, 2400],
      ['e', 'key2', 1, 2400],
      ['e', 'key1', 1, 3001],
      ['e', 'key2', 1, 3900],
      ['w', 6000],
      ['e', 'key1', 1, 3001],
      ['w', 25000],
    ]);
    expect(out[1]).toEqual(['(key2,1)@1999']);
    expect(out[3]).toEqual(['(key2,2)@2999']);
    expect(out[9]).toEqual(
      [
        '(key2,5)@3999',
        '(key1,2)@3999',
        '(key2,4)@4999',
        '(key1,2)@4999',
        '(key2,1)@5999',
        '(key1,2)@5999',
      ].sort(),
    );
    expect(side).toEqual(['(key1,1)@3001']);
  });

  // The shared steps of Flink's session-with-lateness tests: (key2,1)@10000 arrives when its own
  // session [10000, 13000) is past the watermark 14600, but [11600, 14600) may still be alive.
  const sessionLateness: Step[] = [
    ['e', 'key2', 1, 1000],
    ['w', 1999],
    ['e', 'key2', 1, 2000],
    ['w', 4998],
    ['e', 'key2', 1, 4500],
    ['e', 'key2', 1, 8500],
    ['w', 7400],
    ['e', 'key2', 1, 7000],
    ['w', 11501],
    ['e', 'key2', 1, 11600],
    ['w', 14600],
    ['e', 'key2', 1, 10000],
    ['e', 'key2', 1, 14500],
    ['w', 20000],
  ];

  it('testNotSideOutputDueToLatenessSessionWithLateness: a late element merges into a live session and fires it at once', () => {
    const { out, side } = run({ kind: 'session', gapMs: 3000 }, [...sessionLateness], 10);
    expect(out[8]).toEqual(['(key2-5,1000,11500)@11499']);
    expect(out[10]).toEqual(['(key2-1,11600,14600)@14599']);
    expect(out[11]).toEqual(['(key2-2,10000,14600)@14599']);
    expect(out[13]).toEqual(['(key2-3,10000,17500)@17499']);
    expect(side).toEqual([]);
  });

  it('testSideOutputDueToLatenessSessionZeroLateness: the same element goes to the side output', () => {
    const { out, side } = run({ kind: 'session', gapMs: 3000 }, [...sessionLateness]);
    expect(side).toEqual(['(key2,1)@10000']);
    expect(out[13]).toEqual(['(key2-1,14500,17500)@17499']);
  });
});
