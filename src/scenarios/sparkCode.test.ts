import { describe, expect, it } from 'vitest';
import { defineStreaming, type StreamingSpec } from '../engine';
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
