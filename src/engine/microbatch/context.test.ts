import { describe, expect, it } from 'vitest';
import type { StreamOpSpec } from '../types';
import { defineStreaming, StreamingContext } from './context';

const input: StreamOpSpec = { id: 'lines', op: 'producerStream' };
const pairs: StreamOpSpec = { id: 'pairs', op: 'map', input: 'lines', fn: 'keyOne' };
const print = (of: string): StreamOpSpec => ({ id: `print_${of}`, op: 'print', input: of });

describe('StreamingContext (Spark rules and messages)', () => {
  it('nothing may be added after start (DStream.validateAtInit)', () => {
    const ssc = new StreamingContext(1000);
    ssc.add(input);
    ssc.add(print('lines'));
    ssc.start();
    expect(ssc.state).toBe('ACTIVE');
    expect(() => ssc.add(pairs)).toThrow(
      'Adding new inputs, transformations, and output operations after starting a context is not supported',
    );
  });

  it('a second start only logs a warning; a stopped context cannot start again', () => {
    const ssc = new StreamingContext(1000);
    ssc.add(input);
    ssc.add(print('lines'));
    ssc.start();
    ssc.start();
    expect(ssc.warnings).toEqual(['WARN StreamingContext: StreamingContext has already been started']);
    ssc.stop();
    expect(() => ssc.start()).toThrow('StreamingContext has already been stopped');
    expect(() => ssc.add(pairs)).toThrow('after stopping a context is not supported');
  });

  it('start needs an output operation', () => {
    const { error } = defineStreaming(1000, null, [input, pairs]);
    expect(error?.text).toBe(
      'java.lang.IllegalArgumentException: requirement failed: No output operations registered, so nothing to execute',
    );
  });

  it('window length and slide must be multiples of the parent slide, with WindowedDStream’s message', () => {
    const { error } = defineStreaming(2000, null, [
      input,
      { id: 'w', op: 'window', input: 'lines', windowMs: 3000, slideMs: 2000 },
      print('w'),
    ]);
    expect(error?.text).toBe(
      'java.lang.Exception: The window duration of windowed DStream (3000 ms) must be a multiple of the slide duration of parent DStream (2000 ms)',
    );
    expect(error?.phase).toBe('define');
    expect(error?.opIndex).toBe(1);
    const slide = defineStreaming(2000, null, [
      input,
      { id: 'w', op: 'window', input: 'lines', windowMs: 4000, slideMs: 3000 },
      print('w'),
    ]);
    expect(slide.error?.message).toBe(
      'The slide duration of windowed DStream (3000 ms) must be a multiple of the slide duration of parent DStream (2000 ms)',
    );
  });

  it('an inverse reduceByKeyAndWindow reports ReducedWindowedDStream’s require()', () => {
    const { error } = defineStreaming(2000, '/ckpt', [
      input,
      pairs,
      {
        id: 'w',
        op: 'reduceByKeyAndWindow',
        input: 'pairs',
        reduce: 'sum',
        inverse: true,
        windowMs: 5000,
        slideMs: 2000,
      },
      print('w'),
    ]);
    expect(error?.text).toBe(
      'java.lang.IllegalArgumentException: requirement failed: The window duration of ReducedWindowedDStream (5000 ms) must be multiple of the slide duration of parent DStream (2000 ms)',
    );
  });

  it('windows over windows use the parent window’s slide', () => {
    const { error } = defineStreaming(1000, null, [
      input,
      { id: 'w', op: 'window', input: 'lines', windowMs: 4000, slideMs: 2000 },
      { id: 'w2', op: 'window', input: 'w', windowMs: 3000, slideMs: 2000 },
      print('w2'),
    ]);
    expect(error?.message).toContain(
      '(3000 ms) must be a multiple of the slide duration of parent DStream (2000 ms)',
    );
  });

  it('operations that must checkpoint fail at start without a checkpoint directory', () => {
    const pipeline: StreamOpSpec[] = [
      input,
      { id: 'c', op: 'countByWindow', input: 'lines', windowMs: 3000, slideMs: 1000 },
      print('c'),
    ];
    const { error } = defineStreaming(1000, null, pipeline);
    expect(error?.phase).toBe('start');
    expect(error?.text).toBe(
      'java.lang.IllegalArgumentException: requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
    );
    expect(defineStreaming(1000, 'hdfs:///checkpoints', pipeline).error).toBeNull();
    // Without an inverse function nothing needs checkpointing.
    const naive = defineStreaming(1000, null, [
      input,
      pairs,
      { id: 'w', op: 'reduceByKeyAndWindow', input: 'pairs', reduce: 'sum', windowMs: 3000, slideMs: 1000 },
      print('w'),
    ]);
    expect(naive.error).toBeNull();
  });

  it('type errors are reported as the Scala compiler would', () => {
    const notPairs = defineStreaming(1000, null, [
      input,
      { id: 'k', op: 'map', input: 'lines', fn: 'key' },
      { id: 'r', op: 'reduceByKey', input: 'k', reduce: 'sum' },
      print('r'),
    ]);
    expect(notPairs.error?.text).toBe(
      'error: value reduceByKey is not a member of org.apache.spark.streaming.dstream.DStream[String]',
    );
    const unknown = defineStreaming(1000, null, [
      input,
      { id: 'm', op: 'map', input: 'nope', fn: 'key' },
      print('m'),
    ]);
    expect(unknown.error?.text).toBe('error: not found: value nope');
    const maxInverse = defineStreaming(1000, '/c', [
      input,
      pairs,
      {
        id: 'w',
        op: 'reduceByKeyAndWindow',
        input: 'pairs',
        reduce: 'max',
        inverse: true,
        windowMs: 2000,
        slideMs: 1000,
      },
      print('w'),
    ]);
    expect(maxInverse.error?.message).toContain('max has no inverse');
  });

  it('types flow through the graph', () => {
    const { context, error } = defineStreaming(1000, null, [
      input,
      { id: 'text', op: 'map', input: 'lines', fn: 'line' },
      { id: 'words', op: 'flatMap', input: 'text', fn: 'words' },
      { id: 'ones', op: 'map', input: 'words', fn: 'wordOne' },
      { id: 'counts', op: 'reduceByKey', input: 'ones', reduce: 'sum' },
      print('counts'),
    ]);
    expect(error).toBeNull();
    expect(context.nodes.map((n) => n.type.kind)).toEqual([
      'record',
      'string',
      'string',
      'pair',
      'pair',
      'pair',
    ]);
  });
});
