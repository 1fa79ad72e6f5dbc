import { describe, expect, it } from 'vitest';
import { analyseEventTime, eventRecords } from '../engine';
import { flinkCode } from './flinkCode';
import { presets } from './presets';
import { queryCode } from './queryCode';
import { parseScenario } from './validate';

const minimal = { version: 1, name: 'x', durationMs: 20000, producers: [{ id: 'a' }] };
const problems = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};
const withEventTime = (eventTime: object) => ({ ...minimal, eventTime });
const queryPreset = presets.find((p) => p.scenario.query)!.scenario;

describe('event-time settings with Spark’s and Flink’s own checks', () => {
  it('a window offset beyond the slide is refused with each engine’s message', () => {
    expect(
      problems(
        withEventTime({ engine: 'spark', window: { kind: 'tumbling', sizeMs: 5000, offsetMs: 5000 } }),
      ),
    ).toEqual([
      "eventTime.window.offsetMs: The absolute value of start time (5000000) must be less than the slideDuration (5000000). — Spark's window() rule (durations in microseconds)",
    ]);
    expect(
      problems(
        withEventTime({ engine: 'flink', window: { kind: 'tumbling', sizeMs: 5000, offsetMs: -6000 } }),
      ),
    ).toEqual([
      "eventTime.window.offsetMs: java.lang.IllegalArgumentException: TumblingEventTimeWindows parameters must satisfy abs(offset) < size — Flink's window assigner rule",
    ]);
    expect(
      problems(
        withEventTime({
          engine: 'flink',
          window: { kind: 'sliding', sizeMs: 5000, slideMs: 1000, offsetMs: 1000 },
        }),
      ),
    ).toEqual([
      "eventTime.window.offsetMs: java.lang.IllegalArgumentException: SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0 — Flink's window assigner rule",
    ]);
    expect(
      problems(
        withEventTime({
          engine: 'flink',
          window: { kind: 'sliding', sizeMs: 5000, slideMs: 1000, offsetMs: -900 },
        }),
      ),
    ).toEqual([]);
  });

  it('a negative watermark delay gets Spark’s requirement text', () => {
    expect(problems(withEventTime({ engine: 'spark', spark: { delayMs: -10000 } }))).toEqual([
      'eventTime.spark.delayMs: java.lang.IllegalArgumentException: requirement failed: delay threshold (-10 seconds) should not be negative.',
    ]);
  });

  it('a watermark redefined on a watermarked stream fails as Spark fails it, unless allowMultiple is off', () => {
    const q = queryPreset.query!;
    const redefined = (allowMultiple: boolean) => ({
      ...queryPreset,
      query: {
        ...q,
        allowMultiple,
        inputs: q.inputs.map((i) => ({ ...i, delayMs: 5000, redefineDelayMs: 8000 })),
      },
    });
    expect(problems(redefined(true))).toEqual([
      "query.inputs.0.redefineDelayMs: org.apache.spark.sql.AnalysisException: Redefining watermark is disallowed. You can set the config 'spark.sql.streaming.statefulOperator.allowMultiple' to 'false' to restore the previous behavior. Note that multiple stateful operators will be disallowed.",
    ]);
    const r = parseScenario(redefined(false));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Both watermarks count; the global one is their minimum: the larger delay.
    expect(r.scenario.query!.inputs[0]!.delayMs).toBe(8000);
    const code = queryCode(r.scenario)!;
    expect(code.scala).toContain('.withWatermark("timestamp", "5 seconds")');
    expect(code.scala).toContain('.withWatermark("timestamp", "8 seconds")');
  });

  it('the code shows offsets, startTime and the purging trigger', () => {
    const r = parseScenario(
      withEventTime({
        engine: 'flink',
        keyed: true,
        window: { kind: 'tumbling', sizeMs: 5000, offsetMs: -100 },
        flink: { trigger: 'purging', allowedLatenessMs: 2000 },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const java = flinkCode(r.scenario, r.scenario.eventTime!, []).java!;
    expect(java).toContain(
      '.window(TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofMillis(-100)))',
    );
    expect(java).toContain('.trigger(PurgingTrigger.of(EventTimeTrigger.create()))');
    const q = queryPreset.query!;
    const offset = parseScenario({
      ...queryPreset,
      query: {
        ...q,
        operator: { kind: 'windowAggregation', window: { kind: 'tumbling', sizeMs: 10000, offsetMs: 2000 } },
      },
    });
    expect(offset.ok).toBe(true);
    if (!offset.ok) return;
    expect(queryCode(offset.scenario)!.scala).toContain(
      'window(col("timestamp"), "10 seconds", "10 seconds", "2 seconds")',
    );
  });
});

describe('negative event times in a scenario (events from before the run starts)', () => {
  // The last tuple moves the watermark on, past the windows before it.
  const tuples = [-7000, -3000, -1000, 2000, 12000].map((eventTime, i) => ({
    key: 'a',
    value: i + 1,
    eventTime,
    arrivalTime: Math.max(0, eventTime) + 500,
  }));
  const scenario = (eventTime: object, extra: object = {}) => ({
    version: 1,
    name: 'before the start',
    durationMs: 20000,
    tuples,
    eventTime,
    ...extra,
  });
  const windowsOf = (input: unknown) => {
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    const spec = parsed.scenario;
    const a = analyseEventTime(spec.eventTime!, eventRecords(spec, spec.seed), 1, spec.durationMs);
    return a.emissions.map((e) => `[${e.window.startMs}, ${e.window.endMs}): ${e.value}`);
  };

  it('Flink puts them in windows before 0, offset or not (TimeWindow.getWindowStartWithOffset)', () => {
    // Flink's watermark starts at Long.MIN_VALUE, so nothing is late; windows end with the input.
    expect(
      windowsOf(scenario({ engine: 'flink', window: { kind: 'tumbling', sizeMs: 5000 }, aggregate: 'sum' })),
    ).toEqual(['[-10000, -5000): 1', '[-5000, 0): 5', '[0, 5000): 4']);
    expect(
      windowsOf(
        scenario({
          engine: 'flink',
          window: { kind: 'tumbling', sizeMs: 5000, offsetMs: -2000 },
          aggregate: 'sum',
        }),
      ),
    ).toEqual(['[-7000, -2000): 3', '[-2000, 3000): 7']);
  });

  it('Spark drops a window that ends at or before its first watermark, 0 (EventTimeWatermarkExec starts at 0)', () => {
    const w = windowsOf(
      scenario({ engine: 'spark', window: { kind: 'tumbling', sizeMs: 5000 }, aggregate: 'sum' }),
    );
    expect(w).toEqual(['[0, 5000): 4']);
  });

  it('more than an hour before the start is refused, naming the tuple', () => {
    expect(
      problems({ ...minimal, tuples: [{ key: 'a', value: 1, eventTime: -3_600_001, arrivalTime: 0 }] }),
    ).toEqual(['tuples[0].eventTime: must not be more than 1 hour before the run starts']);
  });
});
