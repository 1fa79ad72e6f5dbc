import { describe, expect, it } from 'vitest';
import { findPreset } from './presets';
import { queryCode } from './queryCode';

const flagship = findPreset('kafka-structured-streaming')!.scenario;
const q = flagship.query!;

describe('Structured Streaming query code', () => {
  it('writes the flagship as PySpark and Scala: Kafka source, watermark, window, trigger, output mode, checkpoint, file sink', () => {
    const code = queryCode(flagship)!;
    for (const text of [code.python, code.scala]) {
      expect(text).toContain('.option("subscribe", "events")');
      expect(text).toContain('.option("startingOffsets", "earliest")');
      expect(text).toContain('.withWatermark("timestamp", "5 seconds")');
      expect(text).toMatch(/window\((F\.)?col\("timestamp"\), "10 seconds"\)/);
      expect(text).toContain('.outputMode("append")');
      expect(text).toContain('.option("checkpointLocation", "/checkpoints/sensor-counts")');
      expect(text).toContain('.option("path", "/data/sensor-counts")');
    }
    expect(code.python).toContain('.trigger(processingTime="5 seconds")');
    expect(code.scala).toContain('.trigger(Trigger.ProcessingTime("5 seconds"))');
  });

  it('two inputs each get their own withWatermark, unioned, with the policy set; options and triggers follow the spec', () => {
    const two = {
      ...flagship,
      query: {
        ...q,
        policy: 'max' as const,
        trigger: { kind: 'availableNow' as const },
        inputs: [
          {
            ...q.inputs[0]!,
            delayMs: 2000,
            maxOffsetsPerTrigger: 100,
            startingOffsets: { '0': 5, '1': -2, '2': -1 },
          },
          {
            ...q.inputs[0]!,
            id: 'late',
            source: 'producers' as const,
            producers: ['phone-b'],
            delayMs: 30000,
          },
        ],
      },
    };
    const code = queryCode(two)!;
    expect(code.python).toContain('.withWatermark("timestamp", "2 seconds")');
    expect(code.python).toContain('.withWatermark("timestamp", "30 seconds")');
    expect(code.python).toContain('reduce(lambda a, b: a.union(b), [input0, input1])');
    expect(code.python).toContain('.config("spark.sql.streaming.multipleWatermarkPolicy", "max")');
    expect(code.python).toContain('.option("maxOffsetsPerTrigger", 100)');
    expect(code.python).toContain(
      String.raw`.option("startingOffsets", "{\"events\":{\"0\":5,\"1\":-2,\"2\":-1}}")`,
    );
    expect(code.python).toContain('.trigger(availableNow=True)');
    expect(code.scala).toContain('.trigger(Trigger.AvailableNow())');
    expect(code.notes.map((n) => n.about)).toContain('inputs');
  });

  it('flatMapGroupsWithState is written with its timeout, and the note names transformWithState as its successor', () => {
    const code = queryCode({
      ...flagship,
      query: {
        ...q,
        outputMode: 'update',
        operator: {
          kind: 'flatMapGroupsWithState',
          fn: 'sessionCount',
          timeout: 'eventTime',
          timeoutMs: 10000,
        },
      },
    })!;
    expect(code.scala).toContain(
      '.flatMapGroupsWithState(OutputMode.Update(), GroupStateTimeout.EventTimeTimeout)(perKey)',
    );
    expect(code.python).toContain('applyInPandasWithState(');
    expect(code.python).toContain('GroupStateTimeout.EventTimeTimeout');
    expect(code.notes.find((n) => n.about === 'flatMapGroupsWithState')!.text).toContain(
      'transformWithState',
    );
  });

  it('a map before the filter is written as withColumn', () => {
    const code = queryCode({
      ...flagship,
      query: { ...q, map: { kind: 'keyPrefix', chars: 4 }, minValue: 15 },
    })!;
    expect(code.python).toContain(
      'events.withColumn("key", F.substring(F.col("key"), 1, 4)).where(F.col("value") >= 15)',
    );
    expect(code.scala).toContain(
      'events.withColumn("key", substring(col("key"), 1, 4)).where(col("value") >= 15)',
    );
  });
});
