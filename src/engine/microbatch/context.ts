import { L } from '../lang/types';
import type { StreamOpKind, StreamOpSpec } from '../types';
import { FN_LISTS, type FnOp, fnCatalogue } from './functions';
import { MAPPING_FNS, UPDATE_FNS } from './state';
import {
  compileUser,
  LangError,
  LanguageLoading,
  type LType,
  stateFromJson,
  stateTypeOf,
  toLType,
  toValueType,
  type UserFn,
} from './userCode';
import { isNumeric, sameType, scalaType, T, type Value, type ValueType } from './values';

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
   * is at least 10 s (DStream.initialize); or what `dstream.checkpoint(interval)` set. Null for the others.
   */
  readonly checkpointIntervalMs: number | null;
  /** The learner's function (`code`), compiled against this stream's types. */
  readonly userFn?: UserFn;
  /** A user reduce function's or state function's extras. */
  readonly user?: {
    /** updateStateByKey / mapWithState: the state's type. */
    readonly stateType: ValueType;
    /** mapWithState: the (Time, K, Option[V], State[S]) => Option[M] form, which may emit nothing. */
    readonly emitsOption: boolean;
  };
  /** updateStateByKey / mapWithState: the state's type (catalogue functions: the output's value type). */
  readonly stateType?: ValueType;
  /** updateStateByKey's initialRDD / StateSpec.initialState, checked against the state's type. */
  readonly initialState?: readonly (readonly [Value, Value])[];
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
    /** Where the parent's type came from, for type errors: "kv = in.map(keyOne)". */
    const origin = () => {
      const p = parent.spec;
      const how = p.code !== undefined ? `(${p.code})` : p.fn !== undefined ? `(${p.fn})` : '';
      return `${spec.input} is a DStream[${scalaType(pType)}]${isInputOp(p.op) ? '' : `, made by ${p.op}${how}`}`;
    };
    /** Compiles the learner's function, or fails as the Scala compiler would. */
    const user = (expect: Parameters<typeof compileUser>[1], hint = ''): UserFn => {
      try {
        return compileUser(spec.code!, expect);
      } catch (e) {
        if (e instanceof LanguageLoading)
          throw new SparkError('streamscope.loading', e.message, 'compile', index);
        if (e instanceof LangError)
          throw new SparkError('scalac', `${spec.op}: ${e.message} (${origin()}${hint})`, 'compile', index);
        throw e;
      }
    };
    const valueTypeOf = (t: LType | null, what: string): ValueType => {
      try {
        const v = toValueType(t);
        if (v === null) throw new LangError(`${what} has no known element type (Nothing)`);
        return v;
      } catch (e) {
        if (e instanceof LangError)
          throw new SparkError('scalac', `${spec.op}: ${e.message}`, 'compile', index);
        throw e;
      }
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
      if (spec.checkpointMs !== undefined) {
        // dstream.checkpoint(interval), checked at start as DStream.validateAtStart does (with
        // Spark's wording, its double space and "which not a multiple" included).
        const C = spec.checkpointMs;
        const S = node.slideMs;
        if (spec.op === 'countByWindow' || spec.op === 'countByValueAndWindow')
          throw new SparkError(
            'streamscope',
            `checkpoint(interval) on the result of ${spec.op} sets the interval of its last MappedDStream, not of the ReducedWindowedDStream inside it; the simulator does not model that — use reduceByKeyAndWindow to set the interval`,
            'compile',
            index,
          );
        // MapWithStateDStreamImpl.checkpoint passes the interval on to InternalMapWithStateDStream.
        const cls = spec.op === 'mapWithState' ? 'InternalMapWithStateDStream' : classes[0]!;
        if (C < S)
          throw new SparkError(
            'java.lang.IllegalArgumentException',
            `requirement failed: The checkpoint interval for ${cls} has been set to ${duration(C)} which is lower than its slide time (${duration(S)}). Please set it to at least ${duration(S)}.`,
            'start',
            index,
          );
        if (C % S !== 0)
          throw new SparkError(
            'java.lang.IllegalArgumentException',
            `requirement failed: The checkpoint interval for ${cls} has been set to  ${duration(C)} which not a multiple of its slide time (${duration(S)}). Please set it to a multiple of ${duration(S)}.`,
            'start',
            index,
          );
        return { ...node, checkpointIntervalMs: C };
      }
      if (node.stateType && spec.initialState) {
        const st = node.stateType;
        const keyType = pType.kind === 'pair' ? pType.key : T.string;
        try {
          const initial = spec.initialState.map(
            ([k, v]) => [stateFromJson(k, keyType), stateFromJson(v, st)] as const,
          );
          (node as { initialState?: typeof initial }).initialState = initial;
        } catch (e) {
          if (e instanceof LangError)
            throw new SparkError(
              'scalac',
              `${spec.op}: initialState must hold (${scalaType(keyType)}, ${scalaType(st)}) pairs; ${e.message}`,
              'compile',
              index,
            );
          throw e;
        }
      }
      if (!node.mustCheckpoint) return node;
      // InternalMapWithStateDStream.initialize: 10 × its slide, which is its parent's slide
      // (DEFAULT_CHECKPOINT_DURATION_MULTIPLIER); otherwise DStream.initialize: the smallest
      // multiple of the slide that is at least 10 s.
      const interval =
        spec.op === 'mapWithState' ? 10 * node.slideMs : node.slideMs * Math.ceil(10_000 / node.slideMs);
      return { ...node, checkpointIntervalMs: interval };
    };
    /** A user reduce function: (V, V) => V, associative as Spark assumes (not checked). */
    const reducer = (): UserFn => {
      const p = needPairs() as Extract<ValueType, { kind: 'pair' }>;
      const v = toLType(p.value)!;
      return user({ params: [v, v], result: v, operation: spec.op });
    };
    /**
     * updateStateByKey((values, state) => Option[S]) or mapWithState(StateSpec.function((key,
     * value, state) => M)), with `time` (the batch time in ms) for the overloads that take a Time.
     * The state's type is `stateType`, or else the values' type.
     */
    const stateful = (op: 'updateStateByKey' | 'mapWithState'): DStreamNode => {
      const p = needPairs() as Extract<ValueType, { kind: 'pair' }>;
      const K = toLType(p.key)!;
      const V = toLType(p.value)!;
      let S: LType;
      try {
        S = stateTypeOf(spec.stateType) ?? V;
      } catch (e) {
        if (e instanceof LangError)
          throw new SparkError('scalac', `stateType: ${e.message}`, 'compile', index);
        throw e;
      }
      const hint = `; the state is a ${scalaType(valueTypeOf(S, 'the state'))}${spec.stateType === undefined ? ', as the values are — set stateType for another' : ''}`;
      const given = [{ name: 'time', type: L.long }];
      const classes =
        op === 'updateStateByKey'
          ? ['StateDStream']
          : ['MapWithStateDStreamImpl', 'InternalMapWithStateDStream'];
      if (op === 'updateStateByKey') {
        const f = user({ params: [L.list(V), L.option(S)], result: L.option(S), given, operation: op }, hint);
        const stateType = valueTypeOf(S, 'the state');
        return derived(T.pair(p.key, stateType), classes, {
          mustCheckpoint: true,
          userFn: f,
          user: { stateType, emitsOption: false },
          stateType,
        });
      }
      const f = user({ params: [K, L.option(V), L.state(S)], given, operation: op }, hint);
      // StateSpec.function: the form with a Time returns Option[M] and a None emits nothing; the
      // form without returns M, wrapped in Some (StateSpec.scala).
      const emitsOption = f.uses.has('time');
      if (emitsOption && f.result.t !== 'option')
        throw new SparkError(
          'scalac',
          `mapWithState: a mapping function that takes the batch time is StateSpec.function((time, key, value, state) => Option[M]), so it must give an Option (Some(x) to emit x, None for nothing); this one gives ${scalaType(valueTypeOf(f.result, 'the result'))}`,
          'compile',
          index,
        );
      const mapped = valueTypeOf(
        emitsOption ? (f.result as { of: LType | null }).of : f.result,
        'the result',
      );
      const stateType = valueTypeOf(S, 'the state');
      return derived(mapped, classes, {
        mustCheckpoint: true,
        userFn: f,
        user: { stateType, emitsOption },
        stateType,
      });
    };
    const resultOf = () => (fn() as { result: (t: ValueType) => ValueType }).result(pType);
    const inL = () => toLType(pType)!;

    switch (spec.op) {
      case 'map':
        if (spec.code !== undefined) {
          const f = user({ params: [inL()], operation: 'map' });
          return derived(valueTypeOf(f.result, 'the result'), ['MappedDStream'], { userFn: f });
        }
        return derived(resultOf(), ['MappedDStream']);
      case 'flatMap':
        if (spec.code !== undefined) {
          const f = user({ params: [inL()], operation: 'flatMap' });
          // flatMap takes a function to a collection: a Seq, or an Option (Option converts to Iterable).
          if (f.result.t !== 'list' && f.result.t !== 'option')
            throw new SparkError(
              'scalac',
              `flatMap needs its function to give a collection (a Seq or an Option); this one gives ${scalaType(valueTypeOf(f.result, 'the result'))}. Use map for one value per element.`,
              'compile',
              index,
            );
          return derived(valueTypeOf(f.result.of, 'the collection'), ['FlatMappedDStream'], { userFn: f });
        }
        return derived(resultOf(), ['FlatMappedDStream']);
      case 'filter':
        if (spec.code !== undefined) {
          const f = user({ params: [inL()], result: L.boolean, operation: 'filter' });
          return derived(pType, ['FilteredDStream'], { userFn: f });
        }
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
        if (spec.code !== undefined) return derived(pType, ['ShuffledDStream'], { userFn: reducer() });
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
        if (spec.code !== undefined) {
          if (spec.inverse)
            throw new SparkError(
              'scalac',
              'reduceByKeyAndWindow with your own function runs without an inverse here (the simulator has no field for invFunc): set inverse = false, or use the catalogue sum',
              'compile',
              index,
            );
          return derived(pType, ['ShuffledDStream', 'WindowedDStream'], {
            ...windowed(false),
            userFn: reducer(),
          });
        }
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
        if (spec.code !== undefined) return stateful('updateStateByKey');
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
        if (spec.code !== undefined) return stateful('mapWithState');
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
