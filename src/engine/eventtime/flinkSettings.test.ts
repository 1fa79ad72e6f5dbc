import { describe, expect, it } from 'vitest';
import { recs, s } from '../__fixtures__/eventRecords';
import { runFlink } from './flink';
import { assignWindows } from './windows';

const ms = (start: number, end: number) => ({ startMs: start, endMs: end });

describe('Flink window offsets and negative timestamps', () => {
  // TumblingEventTimeWindowsTest.testWindowAssignmentWithOffset / WithNegativeOffset.
  it('tumbling windows with an offset, as Flink’s own test assigns them', () => {
    const plus = { kind: 'tumbling' as const, sizeMs: 5000, offsetMs: 100 };
    expect(assignWindows(plus, 100)).toEqual([ms(100, 5100)]);
    expect(assignWindows(plus, 5099)).toEqual([ms(100, 5100)]);
    expect(assignWindows(plus, 5100)).toEqual([ms(5100, 10100)]);
    const minus = { kind: 'tumbling' as const, sizeMs: 5000, offsetMs: -100 };
    expect(assignWindows(minus, 0)).toEqual([ms(-100, 4900)]);
    expect(assignWindows(minus, 4899)).toEqual([ms(-100, 4900)]);
    expect(assignWindows(minus, 4900)).toEqual([ms(4900, 9900)]);
  });

  // SlidingEventTimeWindowsTest.testWindowAssignmentWithNegativeOffset.
  it('sliding windows with a negative offset', () => {
    const w = { kind: 'sliding' as const, sizeMs: 5000, slideMs: 1000, offsetMs: -100 };
    expect(assignWindows(w, 0).sort((a, b) => a.startMs - b.startMs)).toEqual([
      ms(-4100, 900),
      ms(-3100, 1900),
      ms(-2100, 2900),
      ms(-1100, 3900),
      ms(-100, 4900),
    ]);
  });

  // TimeWindow.getWindowStartWithOffset: a negative remainder is moved up by the size, so a
  // negative timestamp falls in the window below zero.
  it('negative timestamps fall in windows below zero', () => {
    expect(assignWindows({ kind: 'tumbling', sizeMs: 5000 }, -1)).toEqual([ms(-5000, 0)]);
    expect(assignWindows({ kind: 'tumbling', sizeMs: 5000, offsetMs: 100 }, -4901)).toEqual([
      ms(-9900, -4900),
    ]);
  });
});

describe('Flink PurgingTrigger and explicit watermarks', () => {
  const base = {
    window: { kind: 'tumbling' as const, sizeMs: s(10) },
    aggregate: 'count' as const,
    keyed: false,
    boundMs: s(1),
    autoWatermarkIntervalMs: s(1),
    allowedLatenessMs: s(5),
    inputs: 1,
  };
  // Three on time, then two late ones within the allowed lateness.
  const input = recs([
    [1, 1],
    [2, 2],
    [3, 3],
    [15, 4],
    [4, 5.5],
    [5, 6.5],
  ]);

  it('EventTimeTrigger re-fires a window with all its contents; PurgingTrigger with only what came since', () => {
    const plain = runFlink(input, base, s(8));
    expect(plain.emissions.map((e) => [e.atMs / 1000, e.value, e.kind])).toEqual([
      [4, 3, 'first'],
      [5.5, 4, 'late'],
      [6.5, 5, 'late'],
    ]);
    const purging = runFlink(input, { ...base, trigger: 'purging' }, s(8));
    expect(purging.emissions.map((e) => [e.atMs / 1000, e.value, e.kind])).toEqual([
      [4, 3, 'first'],
      [5.5, 1, 'late'],
      [6.5, 1, 'late'],
    ]);
  });

  it('explicit watermarks replace the generator: each takes effect at its moment, a lower one is dropped', () => {
    const run = runFlink(
      input,
      {
        ...base,
        allowedLatenessMs: 0,
        explicitWatermarks: [
          { atMs: s(2.5), watermarkMs: s(1) },
          { atMs: s(3.5), watermarkMs: s(0.5) },
          { atMs: s(5), watermarkMs: s(10) },
        ],
      },
      s(8),
    );
    expect(run.watermarks).toEqual([
      { atMs: s(2.5), watermarkMs: s(1) },
      { atMs: s(5), watermarkMs: s(10) },
    ]);
    expect(run.emissions.map((e) => [e.atMs / 1000, e.value])).toEqual([[5, 3]]);
    // The events at 4 s and 5 s (event time) come after the watermark passed their window's end.
    expect(run.late.map((l) => l.id)).toEqual([4, 5]);
  });
});
