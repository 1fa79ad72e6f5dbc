import type { StreamOpKind, StreamOpSpec } from '../types';
import { FN_LISTS, type FnOp, fnCatalogue } from './functions';
import { type DStreamNode, SparkError } from './node';
import { withSettings } from './nodeSettings';
import { MAPPING_FNS, UPDATE_FNS } from './state';
import { userLanguage } from './userCode';
import { isNumeric, sameType, scalaType, T, type ValueType } from './values';

export { type DStreamNode, type NodeRole, SparkError } from './node';

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
    const needs = this.nodes.find((n) => n.mustCheckpoint || n.checkpointIntervalMs !== null);
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
        // Not Spark's QueueInputDStream: the tuples that arrived in the interval, read when computed.
        producerStream: 'ArrivalsInputDStream',
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
    /** Where the parent's type came from, for type errors: "kv = in.map(keyOne)". */
    const origin = () => {
      const p = parent.spec;
      const how = p.code !== undefined ? `(${p.code})` : p.fn !== undefined ? `(${p.fn})` : '';
      return `${spec.input} is a DStream[${scalaType(pType)}]${isInputOp(p.op) ? '' : `, made by ${p.op}${how}`}`;
    };
    /** The learner's function, compiled by the language (which waits until its chunk has loaded). */
    const own = () => {
      const language = userLanguage();
      if (!language)
        throw new SparkError(
          'streamscope.loading',
          'The function language is still loading.',
          'compile',
          index,
        );
      return language.compileOwn(spec, index, pType, origin);
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
      return withSettings(node, spec, pType, classes, index);
    };
    /** A DStream of the learner's stateful function. */
    const stateful = (classes: string[]): DStreamNode => {
      const o = own();
      return derived(o.type, classes, {
        mustCheckpoint: true,
        own: o,
        stateType: o.state!.stateType,
      });
    };
    const resultOf = () => (fn() as { result: (t: ValueType) => ValueType }).result(pType);

    switch (spec.op) {
      case 'map':
        if (spec.code !== undefined) {
          const o = own();
          return derived(o.type, ['MappedDStream'], { own: o });
        }
        return derived(resultOf(), ['MappedDStream']);
      case 'flatMap':
        if (spec.code !== undefined) {
          const o = own();
          return derived(o.type, ['FlatMappedDStream'], { own: o });
        }
        return derived(resultOf(), ['FlatMappedDStream']);
      case 'filter':
        if (spec.code !== undefined) return derived(pType, ['FilteredDStream'], { own: own() });
        fn();
        return derived(pType, ['FilteredDStream']);
      case 'groupByKey': {
        const p = needPairs();
        // combineByKey with ArrayBuffers: a ShuffledDStream of (K, Iterable[V]) (PairDStreamFunctions.groupByKey).
        return derived(T.pair(p.key, T.list(p.value, true)), ['ShuffledDStream']);
      }
      case 'groupByKeyAndWindow': {
        const p = needPairs();
        // groupByKey(partitioner).window(w, s).combineByKey(…) (PairDStreamFunctions.groupByKeyAndWindow).
        return derived(
          T.pair(p.key, T.list(p.value, true)),
          ['ShuffledDStream', 'WindowedDStream', 'ShuffledDStream'],
          windowed(false),
        );
      }
      case 'transform':
        fn();
        return derived(pType, ['TransformedDStream']);
      case 'reduceByKey':
        if (spec.code !== undefined) return derived(pType, ['ShuffledDStream'], { own: own() });
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
        if (spec.code !== undefined)
          return derived(pType, ['ShuffledDStream', 'WindowedDStream'], {
            ...windowed(false),
            own: own(),
          });
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
        if (spec.code !== undefined) return stateful(['StateDStream']);
        const p = needNumericValues();
        if (!UPDATE_FNS.some((f) => f.name === spec.fn))
          throw new SparkError(
            'scalac',
            `unknown update function "${spec.fn}"; one of: ${UPDATE_FNS.map((f) => f.name).join(', ')}`,
            'compile',
            index,
          );
        const st = spec.fn === 'runningCount' ? T.long : T.double;
        return derived(T.pair(p.key, st), ['StateDStream'], { mustCheckpoint: true, stateType: st });
      }
      case 'mapWithState': {
        if (spec.code !== undefined)
          return stateful(['MapWithStateDStreamImpl', 'InternalMapWithStateDStream']);
        const p = needNumericValues();
        if (!MAPPING_FNS.some((f) => f.name === spec.fn))
          throw new SparkError(
            'scalac',
            `unknown mapping function "${spec.fn}"; one of: ${MAPPING_FNS.map((f) => f.name).join(', ')}`,
            'compile',
            index,
          );
        const st = spec.fn === 'runningCount' ? T.long : T.double;
        return derived(T.pair(p.key, st), ['MapWithStateDStreamImpl', 'InternalMapWithStateDStream'], {
          mustCheckpoint: true,
          stateType: st,
        });
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
