import { describe, expect, it } from 'vitest';
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
