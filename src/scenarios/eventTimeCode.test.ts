import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { EventTimeSpec, ScenarioSpec } from '../engine';
import { eventTimeCode } from './eventTimeCode';
import { findPreset } from './presets';

const watermarks = findPreset('watermarks')!.scenario;
const withEventTime = (edit: Partial<EventTimeSpec>, s: ScenarioSpec = watermarks): ScenarioSpec => ({
  ...s,
  eventTime: { ...s.eventTime!, ...edit },
});
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('event-time export: Structured Streaming', () => {
  it('watermarks the event time, groups by window(), and writes with the output mode and trigger', () => {
    const code = eventTimeCode(watermarks)!;
    expect(code.python).toContain('.withColumn("timestamp", F.expr("timestamp_millis(eventTime)"))');
    expect(code.python).toContain('watermarked = events.withWatermark("timestamp", "2 seconds")');
    expect(code.python).toContain(
      'result = watermarked.groupBy(F.window(F.col("timestamp"), "5 seconds")).agg(F.count(F.lit(1).cast("long")).alias("count"))',
    );
    expect(code.python).toContain('.outputMode("append")');
    expect(code.python).toContain('.trigger(processingTime="1 second")');
    expect(code.scala).toContain('val watermarked = events.withWatermark("timestamp", "2 seconds")');
    expect(code.scala).toContain(
      'watermarked.groupBy(window(col("timestamp"), "5 seconds")).agg(count(lit(1L)).as("count"))',
    );
    expect(code.scala).toContain('.trigger(Trigger.ProcessingTime("1 second"))');
    expect(code.java).toBeNull();
  });

  it('follows the block: sliding and session windows, keys, aggregates, sub-second durations', () => {
    const sliding = eventTimeCode(
      withEventTime({
        window: { kind: 'sliding', sizeMs: 4000, slideMs: 1500 },
        keyed: true,
        aggregate: 'avg',
        spark: { ...watermarks.eventTime!.spark, delayMs: 500, outputMode: 'update' },
      }),
    )!;
    expect(sliding.python).toContain('withWatermark("timestamp", "500 milliseconds")');
    expect(sliding.python).toContain(
      'groupBy(F.window(F.col("timestamp"), "4 seconds", "1500 milliseconds"), F.col("key")).agg(F.avg("value").alias("avg"))',
    );
    expect(sliding.python).toContain('.outputMode("update")');

    const session = eventTimeCode(
      withEventTime({
        window: { kind: 'session', gapMs: 3000 },
        spark: { ...watermarks.eventTime!.spark, outputMode: 'update' },
      }),
    )!;
    expect(session.scala).toContain('groupBy(session_window(col("timestamp"), "3 seconds"))');
    expect(session.notes).toContainEqual(expect.objectContaining({ about: 'output mode', kind: 'none' }));
    expect(session.python).toMatch(
      /# No Structured Streaming equivalent \(output mode\): Spark rejects update/,
    );

    const raw = eventTimeCode(withEventTime({ window: { kind: 'eventTime' }, aggregate: 'max' }))!;
    expect(raw.python).toContain('watermarked.groupBy(F.col("timestamp")).agg(F.max("value").alias("max"))');
  });

  it('gives each producer its own watermark and sets the policy that combines them', () => {
    const code = eventTimeCode(
      withEventTime({
        inputs: 'perProducer',
        spark: { ...watermarks.eventTime!.spark, policy: 'max', noDataBatches: false },
      }),
    )!;
    expect(code.python).toContain('.config("spark.sql.streaming.multipleWatermarkPolicy", "max")');
    expect(code.python).toContain('.config("spark.sql.streaming.noDataMicroBatches.enabled", "false")');
    expect(code.python).toContain('for p in ["sensor", "phone"]]');
    expect(code.python).toContain('watermarked = reduce(lambda a, b: a.union(b), inputs)');
    expect(code.scala).toContain(
      'val inputs = Seq("sensor", "phone").map(p => events.where(col("producer") === p)',
    );
  });

  it.skipIf(!hasPython)('writes PySpark that Python parses', () => {
    for (const s of [watermarks, withEventTime({ inputs: 'perProducer', keyed: true })]) {
      const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
        input: eventTimeCode(s)!.python,
      });
      expect(String(r.stderr)).toBe('');
    }
  });
});

describe('event-time export: Flink', () => {
  const flink = (edit: Partial<EventTimeSpec> = {}) =>
    eventTimeCode(withEventTime({ engine: 'flink', ...edit }))!;

  it('reading Kafka per partition, an idle timeout becomes withIdleness on the watermark strategy', () => {
    const base = withEventTime({ engine: 'flink' }).eventTime!;
    const { java } = flink({ inputs: 'perPartition', flink: { ...base.flink, idlenessMs: 5000 } });
    expect(java).toContain('.withIdleness(Duration.ofSeconds(5));');
    expect(java).toContain('generates the watermark per partition');
    expect(flink().java).not.toContain('withIdleness');
  });

  it('bounds out-of-orderness, assigns event-time windows and sets allowed lateness', () => {
    const { java } = flink();
    expect(java).toContain(
      'WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(2))',
    );
    expect(java).toContain('.withTimestampAssigner((event, recordTimestamp) -> event.eventTime);');
    expect(java).toContain('env.getConfig().setAutoWatermarkInterval(200);');
    expect(java).toContain('DataStream<Event> events = env.fromSource(source, watermarks, "events");');
    expect(java).toContain('.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))');
    expect(java).toContain('.allowedLateness(Duration.ofSeconds(0))');
    expect(java).toContain('implements AggregateFunction<Event, Long, Long>');
    expect(java).not.toContain('sideOutputLateData');
  });

  it('keys, slides, keeps late data aside and unions per-producer watermarks', () => {
    const e = watermarks.eventTime!;
    const { java } = flink({
      keyed: true,
      inputs: 'perProducer',
      window: { kind: 'sliding', sizeMs: 4000, slideMs: 1000 },
      aggregate: 'sum',
      flink: { ...e.flink, allowedLatenessMs: 1500, sideOutput: true, boundMs: 250 },
    });
    expect(java).toContain('forBoundedOutOfOrderness(Duration.ofMillis(250))');
    expect(java).toContain('.keyBy(e -> e.key)');
    expect(java).toContain(
      '.window(SlidingEventTimeWindows.of(Duration.ofSeconds(4), Duration.ofSeconds(1)))',
    );
    expect(java).toContain('.allowedLateness(Duration.ofMillis(1500))');
    expect(java).toContain('OutputTag<Event> late = new OutputTag<Event>("late") {};');
    expect(java).toContain('.sideOutputLateData(late)');
    expect(java).toContain('result.getSideOutput(late).print("late");');
    expect(java).toContain('extends ProcessWindowFunction<Double, String, String, TimeWindow>');
    expect(java).toContain(
      'DataStream<Event> events = all.filter(e -> e.producer.equals("sensor")).assignTimestampsAndWatermarks(watermarks)\n        .union(all.filter(e -> e.producer.equals("phone")).assignTimestampsAndWatermarks(watermarks));',
    );
  });

  it('uses session windows with their gap', () => {
    expect(flink({ window: { kind: 'session', gapMs: 3000 } }).java).toContain(
      '.windowAll(EventTimeSessionWindows.withGap(Duration.ofSeconds(3)))',
    );
  });
});
