import { describe, expect, it } from 'vitest';
import { defineStreaming, installUserLanguage, type StreamingSpec } from '../engine';
import { language } from '../engine/lang';
import { findPreset } from './presets';
import { sparkCode } from './sparkCode';

function code(spec: StreamingSpec) {
  const { context } = defineStreaming(spec.batchIntervalMs, spec.checkpointDir, spec.pipeline);
  return sparkCode(spec, new Map(context.nodes.map((n) => [n.spec.id, n.type])));
}

describe('Spark code export', () => {
  const windows = findPreset('dstream-windows')!.scenario.streaming!;

  it('writes the pipeline in the Scala DStream API, one line per operation, named as in the pipeline', () => {
    const { scala } = code(windows);
    expect(scala).toContain('val ssc = new StreamingContext(conf, Seconds(1))');
    expect(scala).toContain('val pairs = stream.map(r => (r.key, 1L))');
    expect(scala).toContain('val windowed = pairs.reduceByKeyAndWindow(_ + _, Seconds(3), Seconds(2))');
    expect(scala).toContain('counts.print()');
    expect(scala.trim().endsWith('ssc.awaitTermination()')).toBe(true);
  });

  it('writes the same pipeline in PySpark with durations in seconds', () => {
    const { python } = code(windows);
    expect(python).toContain('ssc = StreamingContext(sc, 1)');
    expect(python).toContain('windowed = pairs.reduceByKeyAndWindow(lambda a, b: a + b, None, 3, 2)');
    expect(python).toContain('counts.pprint()');
  });

  it('follows every change: inverse functions, filters, checkpointing, sub-second durations, settings', () => {
    const edited: StreamingSpec = {
      ...windows,
      batchIntervalMs: 500,
      checkpointDir: '/ckpt',
      backpressure: { enabled: true, initialRate: 50 },
      pipeline: windows.pipeline.map((op) =>
        op.id === 'windowed' ? { ...op, windowMs: 1500, slideMs: 500, inverse: true, filterZero: true } : op,
      ),
    };
    const { scala, python } = code(edited);
    expect(scala).toContain('new StreamingContext(conf, Milliseconds(500))');
    expect(scala).toContain('ssc.checkpoint("/ckpt")');
    expect(scala).toContain('.set("spark.streaming.backpressure.enabled", "true")');
    expect(scala).toContain(
      'pairs.reduceByKeyAndWindow(_ + _, _ - _, Milliseconds(1500), Milliseconds(500), filterFunc = (kv: (String, Long)) => kv._2 != 0)',
    );
    expect(python).toContain(
      'pairs.reduceByKeyAndWindow(lambda a, b: a + b, lambda a, b: a - b, 1.5, 0.5, filterFunc=lambda kv: kv[1] != 0)',
    );
  });
});

describe('Spark code export of the learner’s own functions', () => {
  installUserLanguage(language);
  const base = findPreset('dstream-windows')!.scenario.streaming!;
  const withOps = (ops: StreamingSpec['pipeline']): StreamingSpec => ({
    ...base,
    checkpointDir: '/ckpt',
    pipeline: [base.pipeline[0]!, ...ops, { id: 'out', op: 'print', input: ops.at(-1)!.id }],
  });
  const input = base.pipeline[0]!.id;

  it('writes map, filter and reduce lambdas as Scala and PySpark write them', () => {
    const { scala, python } = code(
      withOps([
        { id: 'pairs', op: 'map', input, code: 'r => (r.key, r.value.toLong)' },
        { id: 'doubled', op: 'map', input: 'pairs', code: '(k, v) => (k, v * 2)' },
        { id: 'big', op: 'filter', input: 'doubled', code: '(k, v) => v % 3 == 1' },
        { id: 'sums', op: 'reduceByKey', input: 'big', code: '(a, b) => a + b', checkpointMs: 2000 },
      ]),
    );
    expect(scala).toContain('val doubled = pairs.map({ case (k, v) => (k, v * 2) })');
    expect(scala).toContain('val sums = big.reduceByKey((a, b) => a + b)');
    expect(scala).toContain('sums.checkpoint(Seconds(2))');
    expect(python).toContain('doubled = pairs.map(lambda kv: (kv[0], kv[1] * 2))');
    expect(python).toContain('big = doubled.filter(lambda kv: (int(math.fmod(kv[1], 3))) == 1)');
    expect(python.startsWith('import math\n')).toBe(true);
    expect(python).toContain('sums.checkpoint(2)');
  });

  it('types the state functions’ parameters, passes the initial RDD and the Time overload', () => {
    const { scala, python } = code(
      withOps([
        { id: 'pairs', op: 'map', input, code: 'r => (r.key, 1)' },
        {
          id: 'counts',
          op: 'updateStateByKey',
          input: 'pairs',
          code: '(values, state) => Some(values.sum + state.getOrElse(0))',
          initialState: [['kitchen', 5]],
        },
        {
          id: 'stamped',
          op: 'updateStateByKey',
          input: 'counts',
          code: '(values, state) => Some(time)',
        },
      ]),
    );
    expect(scala).toContain(
      'val counts = pairs.updateStateByKey((values: Seq[Long], state: Option[Long]) => Some(values.sum + state.getOrElse(0)),\n    new HashPartitioner(ssc.sparkContext.defaultParallelism), ssc.sparkContext.parallelize(Seq(("kitchen", 5L))))',
    );
    expect(scala).toContain(
      'val stamped = counts.updateStateByKey((batchTime: Time, key: String, values: Seq[Long], state: Option[Long]) => { val time = batchTime.milliseconds; Some(time) },',
    );
    expect(python).toContain(
      'counts = pairs.updateStateByKey(lambda values, state: sum(values) + (state if state is not None else 0), initialRDD=sc.parallelize([("kitchen", 5)]))',
    );
    expect(python).toContain('PySpark’s updateStateByKey passes no batch time');
  });

  it('writes a mapWithState block as a typed StateSpec.function, and says PySpark has none', () => {
    const { scala, python } = code(
      withOps([
        { id: 'pairs', op: 'map', input, code: 'r => (r.key, 1)' },
        {
          id: 'running',
          op: 'mapWithState',
          input: 'pairs',
          timeoutMs: 5000,
          code: '(key, value, state) => {\n  val sum = value.getOrElse(0) + state.getOption.getOrElse(0)\n  state.update(sum)\n  (key, sum)\n}',
        },
      ]),
    );
    expect(scala).toContain(
      'val running = pairs.mapWithState(StateSpec.function((key: String, value: Option[Long], state: State[Long]) => { val sum = value.getOrElse(0) + state.getOption().getOrElse(0); state.update(sum); (key, sum) })\n    .timeout(Seconds(5)))',
    );
    expect(scala).toContain(
      'import org.apache.spark.streaming.{Milliseconds, Seconds, State, StateSpec, StreamingContext}',
    );
    expect(python).toContain('PySpark has no mapWithState');
  });
});
