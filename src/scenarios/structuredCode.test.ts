import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ScenarioSpec, StreamingSpec, StreamOpSpec } from '../engine';
import { findPreset } from './presets';
import { structuredCode } from './structuredCode';

const preset = (id: string) => findPreset(id)!.scenario;
const withPipeline = (s: ScenarioSpec, edit: Partial<StreamingSpec>): ScenarioSpec => ({
  ...s,
  streaming: { ...s.streaming!, ...edit },
});
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Python's own parser: the generated PySpark must at least be a valid program. */
function pythonParses(source: string): string {
  const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source });
  return r.status === 0 ? 'ok' : String(r.stderr);
}

describe('Structured Streaming export of a DStream pipeline', () => {
  it('reads the Kafka topic and turns a sliding reduceByKeyAndWindow into groupBy(window(...))', () => {
    const code = structuredCode(preset('dstream-windows'))!;
    expect(code.python).toContain('stream = (spark.readStream.format("kafka")');
    expect(code.python).toContain('.option("kafka.bootstrap.servers", "localhost:9092")');
    expect(code.python).toContain('.option("subscribe", "events")');
    expect(code.python).toContain('.option("startingOffsets", "earliest")');
    expect(code.python).toContain('F.from_json(F.col("value").cast("string"), EVENT_SCHEMA)');
    expect(code.python).toContain(
      'windowed = pairs.groupBy(F.window(F.col("timestamp"), "3 seconds", "2 seconds"), F.col("key")).agg(F.sum("value").alias("value"))',
    );
    expect(code.scala).toContain(
      'val windowed = pairs.groupBy(window(col("timestamp"), "3 seconds", "2 seconds"), col("key")).agg(sum("value").as("value"))',
    );
    expect(code.python).toContain('counts = pairs.groupBy(F.col("key")).agg(F.sum("value").alias("value"))');
    // One query per output operation: console sink, update mode (an aggregation without watermark).
    expect(code.python).toContain('TRIGGER = "1 second"');
    expect(code.python).toMatch(
      /printWindowed = \(windowed\.writeStream\n\s+\.queryName\("printWindowed"\)\n\s+\.outputMode\("update"\)\n\s+\.format\("console"\)\n\s+\.option\("numRows", 10\)/,
    );
    expect(code.python).toContain('.trigger(processingTime=TRIGGER)');
    expect(code.scala).toContain('val trigger = Trigger.ProcessingTime("1 second")');
    expect(code.scala).toContain('.option("checkpointLocation", s"$checkpoint/printCounts")');
    expect(code.python.trim().endsWith('spark.streams.awaitAnyTermination()')).toBe(true);
  });

  it('says how window and reduceByKey differ, and why the DStream checkpoint is not needed', () => {
    const { notes, python } = structuredCode(preset('dstream-windows'))!;
    expect(notes.map((n) => `${n.about}:${n.kind}`)).toEqual(
      expect.arrayContaining(['counts:differs', 'windowed:differs', 'checkpoint:differs']),
    );
    expect(python).toContain(
      '# Differs from the simulation (windowed): DStream windows gather whole batches',
    );
  });

  it('writes mapWithState with its timeout and updateStateByKey as state functions, checkpointed in checkpointDir', () => {
    const { python, scala, notes } = structuredCode(preset('stateful-streams'))!;
    expect(python).toContain('CHECKPOINT = "hdfs:///streamscope/checkpoints"');
    expect(python).toContain('.option("checkpointLocation", f"{CHECKPOINT}/saveSessions")');
    expect(python).toContain('def sessions_mapping(key, pdfs, state):\n    if state.hasTimedOut:');
    expect(python).toContain('state.setTimeoutDuration(4000)');
    expect(python).toContain(
      'sessions_mapping, "key STRING, value BIGINT", "value BIGINT", "Update", GroupStateTimeout.ProcessingTimeTimeout)',
    );
    expect(python).toContain(
      'totals_update, "key STRING, value BIGINT", "value BIGINT", "Update", GroupStateTimeout.NoTimeout)',
    );
    expect(scala).toContain('val checkpoint = "hdfs:///streamscope/checkpoints"');
    expect(scala).toContain('state.setTimeoutDuration("4 seconds")');
    expect(scala).toContain(
      '.flatMapGroupsWithState(OutputMode.Update(), GroupStateTimeout.ProcessingTimeTimeout())(sessionsFunction _)',
    );
    expect(scala).toContain(
      '.flatMapGroupsWithState(OutputMode.Update(), GroupStateTimeout.NoTimeout())(totalsFunction _)',
    );
    expect(scala).toContain('.option("checkpointLocation", s"$checkpoint/saveTotals")');
    expect(notes.find((n) => n.about === 'sessions')?.text).toMatch(/checkpoint its state/);
    expect(notes.find((n) => n.about === 'totals')?.text).toMatch(/every key in every batch/);
  });

  it('passes mapWithState’s initial state in Scala and looks it up in PySpark, saying so', () => {
    const s = preset('stateful-streams');
    const edited = withPipeline(s, {
      pipeline: s.streaming!.pipeline.map((o) =>
        o.id === 'sessions' ? { ...o, initialState: [['ana', 3] as const] } : o,
      ),
    });
    const { python, scala, notes } = structuredCode(edited)!;
    expect(scala).toContain('val sessionsInitial = Seq(("ana", 3L)).toDS().groupByKey(_._1).mapValues(_._2)');
    expect(scala).toContain(
      'GroupStateTimeout.ProcessingTimeTimeout(), sessionsInitial)(sessionsFunction _)',
    );
    expect(python).toContain('SESSIONS_INITIAL = {"ana": 3}');
    expect(python).toContain('acc = state.get[0] if state.exists else SESSIONS_INITIAL.get(key[0], 0)');
    expect(notes.some((n) => n.about === 'sessions' && /initial state/.test(n.text))).toBe(true);
  });

  it('marks what has no equivalent — receivers, transform, inverse functions, backpressure — in code and notes', () => {
    const receiver = structuredCode(preset('receiver-wordcount'))!;
    expect(receiver.notes).toContainEqual(expect.objectContaining({ about: 'lines', kind: 'none' }));
    expect(receiver.python).toContain(
      '# No Structured Streaming equivalent (lines): Structured Streaming has no receivers',
    );
    expect(receiver.python).toContain(
      'text = lines.select(F.col("text").alias("value"), F.col("timestamp"))',
    );
    expect(receiver.scala).toContain(
      'val words = text.select(explode(split(col("value"), " ")).as("value"), col("timestamp"))',
    );
    expect(receiver.python).toContain(
      'recent = words.groupBy(F.window(F.col("timestamp"), "6 seconds", "2 seconds"), F.col("value").alias("key")).agg(F.count(F.lit(1).cast("long")).alias("value"))',
    );

    const s = preset('dstream-windows');
    const ops: StreamOpSpec[] = s.streaming!.pipeline.map((o) =>
      o.id === 'windowed' ? { ...o, inverse: true, filterZero: true } : o,
    );
    ops.push({ id: 'sorted', op: 'transform', input: 'counts', fn: 'sortByKey' });
    ops.push({ id: 'printSorted', op: 'print', input: 'sorted', num: 5 });
    const edited = withPipeline(s, {
      pipeline: ops,
      checkpointDir: '/ckpt',
      backpressure: { enabled: true, initialRate: 0 },
    });
    const { python, notes } = structuredCode(edited)!;
    const none = notes.filter((n) => n.kind === 'none').map((n) => n.about);
    expect(none).toEqual(expect.arrayContaining(['windowed', 'sorted', 'backpressure']));
    expect(python).toContain('sorted = counts\n');
    expect(python).toMatch(/# No Structured Streaming equivalent \(sorted\): transform\(\) runs RDD code/);
    expect(python).toContain('.option("numRows", 5)');
    expect(notes.some((n) => n.about === 'checkpoint')).toBe(false);
  });

  it('turns maxRatePerPartition into maxOffsetsPerTrigger for the whole micro-batch', () => {
    const s = preset('spark-falling-behind');
    const edited = withPipeline(s, {
      pipeline: s.streaming!.pipeline.map((o) =>
        o.op === 'kafkaDirectStream' ? { ...o, maxRatePerPartition: 50 } : o,
      ),
    });
    const { python, notes } = structuredCode(edited)!;
    // 50 records/s × 4 partitions × 1 s batches.
    expect(python).toContain('.option("maxOffsetsPerTrigger", 200)');
    expect(notes.find((n) => n.about === 'orders')?.text).toMatch(/maxOffsetsPerTrigger = 50 × 4 partitions/);
    expect(python).toContain('batch_df.write.mode("append").parquet(f"{OUTPUT}/save/batch_id={batch_id}")');
  });

  it('keeps text from the scenario file inside literals and comments', () => {
    const s = preset('stateful-streams');
    const hostile: ScenarioSpec = {
      ...withPipeline(s, { checkpointDir: '/tmp/x"\nimport os; os.system("id")\n' }),
      name: 'evil\nimport os\r\nos.system("id") \\u000a',
    };
    const { python, scala } = structuredCode(hostile)!;
    for (const text of [python, scala]) {
      expect(text.split('\n').some((l) => /^\s*(import os|os\.system)/.test(l))).toBe(false);
    }
    expect(python).toContain('CHECKPOINT = "/tmp/x\\"\\nimport os; os.system(\\"id\\")\\n"');
    // Java and Scala 2.12 read \u000a as a line break even in comments: the backslash is doubled.
    expect(scala.split('\n')[0]).toContain('\\\\u000a');
  });

  it.skipIf(!hasPython)('writes PySpark that Python parses, for every streaming preset', () => {
    for (const id of ['dstream-windows', 'spark-falling-behind', 'receiver-wordcount', 'stateful-streams']) {
      expect(`${id}: ${pythonParses(structuredCode(preset(id))!.python)}`).toBe(`${id}: ok`);
    }
  });

  it('has nothing to export without a streaming application', () => {
    expect(structuredCode(preset('kafka-failover'))).toBeNull();
  });
});
