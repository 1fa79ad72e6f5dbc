import type { StreamOpKind, StreamOpSpec } from '../types';
import { FN_LISTS, type FnOp, fnCatalogue } from './functions';
import { MAPPING_FNS, UPDATE_FNS } from './state';
import { isNumeric, sameType, scalaType, T, type ValueType } from './values';

/**
 * An error as Spark (or the Scala compiler) reports it. `phase`: `compile` for a program the
 * Scala compiler would reject, `define` for an exception thrown while building the DStream graph
 * (before `ssc.start()`), `start` for one thrown by `ssc.start()`.
 */
export class SparkError extends Error {
  constructor(
    readonly exception: string,
    message: string,
    readonly phase: 'compile' | 'define' | 'start',
    readonly opIndex: number | null,
  ) {
    super(message);
  }

  /** As the driver's log shows it: `java.lang.Exception: The window duration …`. */
  get text(): string {
    return this.phase === 'compile' ? `error: ${this.message}` : `${this.exception}: ${this.message}`;
  }
}

export type NodeRole = 'input' | 'transform' | 'output';

export interface DStreamNode {
  readonly index: number;
  readonly spec: StreamOpSpec;
  readonly parents: readonly number[];
  readonly role: NodeRole;
  /** Element type of its RDDs (outputs: their parent's). */
  readonly type: ValueType;
  /** The interval between two of its RDDs: the batch interval, or a window's slide. */
  readonly slideMs: number;
  readonly windowMs: number | null;
  /** The Spark classes this operation creates, outermost first (what `toDebugString` would name). */
  readonly classes: readonly string[];
  /** Needs checkpointing (stateful DStreams): start fails without a checkpoint directory. */
  readonly mustCheckpoint: boolean;
  /**
   * How often its RDDs are checkpointed, for DStreams that must checkpoint: 10 × the batch interval
   * for mapWithState (InternalMapWithStateDStream), otherwise the smallest multiple of the slide that
   * is at least 10 s (DStream.initialize). Null for the others.
   */
  readonly checkpointIntervalMs: number | null;
}

const INPUTS: readonly StreamOpKind[] = ['kafkaDirectStream', 'receiverStream', 'producerStream'];
const OUTPUTS: readonly StreamOpKind[] = ['print', 'foreachRDD', 'sink'];
const WINDOWED: readonly StreamOpKind[] = [
  'window',
  'reduceByKeyAndWindow',
  'countByWindow',
  'countByValueAndWindow',
];

export const isInputOp = (op: StreamOpKind) => INPUTS.includes(op);
export const isOutputOp = (op: StreamOpKind) => OUTPUTS.includes(op);
export const isWindowedOp = (op: StreamOpKind) => WINDOWED.includes(op);

/** Spark's Duration.toString. */
export const duration = (ms: number) => `${ms} ms`;

/**
 * The driver side of a Spark Streaming application: a DStream graph built operation by operation,
 * then started. It enforces the rules Spark enforces, with Spark's messages:
 * - DStream.validateAtInit: nothing may be added once the context is started or stopped;
 * - WindowedDStream / ReducedWindowedDStream: window and slide must be multiples of the parent's slide;
 * - DStreamGraph.validate: at least one output operation;
 * - DStream.validateAtStart: a DStream that must checkpoint needs `ssc.checkpoint(dir)`;
 * - StreamingContext.start: a second start only logs a warning (Spark ≥ 1.4); a stopped one cannot restart.
 */
export class StreamingContext {
  state: 'INITIALIZED' | 'ACTIVE' | 'STOPPED' = 'INITIALIZED';
  readonly nodes: DStreamNode[] = [];
  readonly warnings: string[] = [];
  checkpointDir: string | null = null;
  private readonly byId = new Map<string, DStreamNode>();

  constructor(readonly batchIntervalMs: number) {}

  checkpoint(dir: string): void {
    this.checkpointDir = dir;
  }

  add(spec: StreamOpSpec): DStreamNode {
    const index = this.nodes.length;
    if (this.state === 'ACTIVE')
      throw new SparkError(
        'java.lang.IllegalStateException',
        'Adding new inputs, transformations, and output operations after starting a context is not supported',
        'define',
        index,
      );
    if (this.state === 'STOPPED')
      throw new SparkError(
        'java.lang.IllegalStateException',
        'Adding new inputs, transformations, and output operations after stopping a context is not supported',
        'define',
        index,
      );
    const node = this.build(spec, index);
    this.nodes.push(node);
    this.byId.set(spec.id, node);
    return node;
  }

  start(): void {
    if (this.state === 'ACTIVE') {
      this.warnings.push('WARN StreamingContext: StreamingContext has already been started');
      return;
    }
    if (this.state === 'STOPPED')
      throw new SparkError(
        'java.lang.IllegalStateException',
        'StreamingContext has already been stopped',
        'start',
        null,
      );
    if (!this.nodes.some((n) => n.role === 'output'))
      throw new SparkError(
        'java.lang.IllegalArgumentException',
        'requirement failed: No output operations registered, so nothing to execute',
        'start',
        null,
      );
    const needs = this.nodes.find((n) => n.mustCheckpoint);
    if (needs && this.checkpointDir === null)
      throw new SparkError(
        'java.lang.IllegalArgumentException',
        'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
        'start',
        needs.index,
      );
    this.state = 'ACTIVE';
  }

  stop(): void {
    this.state = 'STOPPED';
  }

  private parent(spec: StreamOpSpec, index: number, id: string | undefined): DStreamNode {
    const node = id === undefined ? undefined : this.byId.get(id);
    if (!node) throw new SparkError('scalac', `not found: value ${id ?? '(no input)'}`, 'compile', index);
    if (node.role === 'output')
      throw new SparkError(
        'scalac',
        `value ${spec.op} is not a member of Unit (${id} is an output operation and returns nothing)`,
        'compile',
        index,
      );
    return node;
  }

  private build(spec: StreamOpSpec, index: number): DStreamNode {
    const B = this.batchIntervalMs;
    const base = { index, spec, windowMs: null, mustCheckpoint: false, checkpointIntervalMs: null };
    if (isInputOp(spec.op)) {
      const cls = {
        kafkaDirectStream: 'DirectKafkaInputDStream',
        receiverStream: 'ReceiverInputDStream',
        producerStream: 'QueueInputDStream',
      }[spec.op as 'kafkaDirectStream'];
      return { ...base, parents: [], role: 'input', type: T.record, slideMs: B, classes: [cls] };
    }
    const parent = this.parent(spec, index, spec.input);
    const pType = parent.type;
    const dstream = `org.apache.spark.streaming.dstream.DStream[${scalaType(pType)}]`;
    const needPairs = () => {
      if (pType.kind !== 'pair')
        throw new SparkError('scalac', `value ${spec.op} is not a member of ${dstream}`, 'compile', index);
      return pType;
    };
    const needNumericValues = () => {
      const p = needPairs();
      if (!isNumeric(p.value))
        throw new SparkError(
          'scalac',
          `${spec.op} with ${spec.reduce ?? 'sum'} needs numeric values, but ${spec.input} holds ${scalaType(pType)}`,
          'compile',
          index,
        );
      return p;
    };
    const fn = () => {
      const op = spec.op as FnOp;
      const f = fnCatalogue[op](spec.fn);
      if (!f)
        throw new SparkError(
          'scalac',
          `unknown function "${spec.fn}" for ${op}; one of: ${FN_LISTS[op].map((x) => x.name).join(', ')}`,
          'compile',
          index,
        );
      if (!f.accepts(pType))
        throw new SparkError(
          'scalac',
          `type mismatch: ${f.label} needs ${f.needs}, but ${spec.input} is a DStream[${scalaType(pType)}]`,
          'compile',
          index,
        );
      return f;
    };
    const windowed = (inverse: boolean) => {
      const W = spec.windowMs ?? 0;
      const S = spec.slideMs ?? parent.slideMs;
      const P = parent.slideMs;
      const cls = inverse ? 'ReducedWindowedDStream' : 'windowed DStream';
      const a = inverse ? 'must be multiple' : 'must be a multiple';
      // WindowedDStream throws java.lang.Exception; ReducedWindowedDStream uses require().
      const fail = (what: string, ms: number) =>
        new SparkError(
          inverse ? 'java.lang.IllegalArgumentException' : 'java.lang.Exception',
          `${inverse ? 'requirement failed: ' : ''}The ${what} duration of ${cls} (${duration(ms)}) ${a} of the slide duration of parent DStream (${duration(P)})`,
          'define',
          index,
        );
      if (W % P !== 0) throw fail('window', W);
      if (S % P !== 0) throw fail('slide', S);
      return { windowMs: W, slideMs: S };
    };

    /** A DStream derived from `parent` alone, sliding with it unless a window says otherwise. */
    const derived = (type: ValueType, classes: string[], extra: Partial<DStreamNode> = {}): DStreamNode => {
      const node: DStreamNode = {
        ...base,
        parents: [parent.index],
        role: 'transform',
        type,
        slideMs: parent.slideMs,
        classes,
        ...extra,
      };
      if (!node.mustCheckpoint) return node;
      const interval =
        spec.op === 'mapWithState'
          ? 10 * this.batchIntervalMs
          : node.slideMs * Math.ceil(10_000 / node.slideMs);
      return { ...node, checkpointIntervalMs: interval };
    };
    const resultOf = () => (fn() as { result: (t: ValueType) => ValueType }).result(pType);

    switch (spec.op) {
      case 'map':
        return derived(resultOf(), ['MappedDStream']);
      case 'flatMap':
        return derived(resultOf(), ['FlatMappedDStream']);
      case 'filter':
        fn();
        return derived(pType, ['FilteredDStream']);
      case 'transform':
        fn();
        return derived(pType, ['TransformedDStream']);
      case 'reduceByKey':
        needNumericValues();
        return derived(pType, ['ShuffledDStream']);
      case 'countByValue':
        if (pType.kind === 'record') throw recordKeys(spec, index);
        return derived(T.pair(pType, T.long), ['ShuffledDStream', 'MappedDStream']);
      case 'union': {
        const other = this.parent(spec, index, spec.other);
        if (!sameType(pType, other.type))
          throw new SparkError(
            'scalac',
            `type mismatch; found: DStream[${scalaType(other.type)}], required: DStream[${scalaType(pType)}]`,
            'compile',
            index,
          );
        if (other.slideMs !== parent.slideMs)
          throw new SparkError(
            'java.lang.IllegalArgumentException',
            'requirement failed: Some of the DStreams have different slide durations',
            'define',
            index,
          );
        return derived(pType, ['UnionDStream'], { parents: [parent.index, other.index] });
      }
      case 'window':
        return derived(pType, ['WindowedDStream'], windowed(false));
      case 'reduceByKeyAndWindow': {
        needNumericValues();
        if (spec.inverse && spec.reduce !== undefined && spec.reduce !== 'sum')
          throw new SparkError(
            'scalac',
            `${spec.reduce} has no inverse function: only a sum can be "un-reduced" (use inverse = false)`,
            'compile',
            index,
          );
        const w = windowed(spec.inverse === true);
        return spec.inverse
          ? derived(pType, ['ReducedWindowedDStream', 'ShuffledDStream'], { ...w, mustCheckpoint: true })
          : derived(pType, ['ShuffledDStream', 'WindowedDStream'], w);
      }
      case 'countByWindow':
        // map(_ => 1L).reduceByWindow(_ + _, _ - _, …) = map((1, _)).reduceByKeyAndWindow(…).map(_._2)
        return derived(
          T.long,
          ['MappedDStream', 'ReducedWindowedDStream', 'ShuffledDStream', 'MappedDStream', 'MappedDStream'],
          { ...windowed(true), mustCheckpoint: true },
        );
      case 'countByValueAndWindow':
        if (pType.kind === 'record') throw recordKeys(spec, index);
        return derived(
          T.pair(pType, T.long),
          ['ReducedWindowedDStream', 'ShuffledDStream', 'MappedDStream'],
          {
            ...windowed(true),
            mustCheckpoint: true,
          },
        );
      case 'updateStateByKey': {
        const p = needNumericValues();
        if (!UPDATE_FNS.some((f) => f.name === spec.fn))
          throw new SparkError(
            'scalac',
            `unknown update function "${spec.fn}"; one of: ${UPDATE_FNS.map((f) => f.name).join(', ')}`,
            'compile',
            index,
          );
        return derived(T.pair(p.key, spec.fn === 'runningCount' ? T.long : T.double), ['StateDStream'], {
          mustCheckpoint: true,
        });
      }
      case 'mapWithState': {
        const p = needNumericValues();
        if (!MAPPING_FNS.some((f) => f.name === spec.fn))
          throw new SparkError(
            'scalac',
            `unknown mapping function "${spec.fn}"; one of: ${MAPPING_FNS.map((f) => f.name).join(', ')}`,
            'compile',
            index,
          );
        return derived(
          T.pair(p.key, spec.fn === 'runningCount' ? T.long : T.double),
          ['MapWithStateDStreamImpl', 'InternalMapWithStateDStream'],
          {
            mustCheckpoint: true,
          },
        );
      }
      case 'foreachRDD':
        fn();
        return derived(pType, ['ForEachDStream'], { role: 'output' });
      case 'print':
      case 'sink':
        return derived(pType, ['ForEachDStream'], { role: 'output' });
      default:
        throw new SparkError('scalac', `unknown operation ${spec.op}`, 'compile', index);
    }
  }
}

function recordKeys(spec: StreamOpSpec, index: number): SparkError {
  return new SparkError(
    'scalac',
    `${spec.op} on ConsumerRecords would group by object identity (ConsumerRecord has no equals); map the records to a key or value first`,
    'compile',
    index,
  );
}

/** Builds and starts a context for a pipeline: the nodes, or the first error Spark would report. */
export function defineStreaming(
  batchIntervalMs: number,
  checkpointDir: string | null,
  pipeline: readonly StreamOpSpec[],
): { context: StreamingContext; error: SparkError | null } {
  const context = new StreamingContext(batchIntervalMs);
  if (checkpointDir !== null) context.checkpoint(checkpointDir);
  try {
    for (const op of pipeline) context.add(op);
    context.start();
    return { context, error: null };
  } catch (e) {
    if (e instanceof SparkError) return { context, error: e };
    throw e;
  }
}
