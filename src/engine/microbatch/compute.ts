/**
 * Computing a DStream's RDD at a batch time: inputs, transformations, windows and state. RDDs are
 * computed lazily and remembered (DStream.getOrCompute), so an input is only read when something
 * needs it.
 */

import { checkpointed, isCheckpointTime } from './checkpoints';
import { type DStreamNode, SparkError } from './context';
import { fnCatalogue } from './functions';
import { readInput } from './inputs';
import { type Rdd, type Reduce, reduceValues, shufflePairs, transformRdd } from './rdd';
import { isTimeValid, type RunState } from './runState';
import {
  type MappingFn,
  mapWithStateStep,
  type StateMap,
  StateMisuse,
  type UpdateFn,
  updateStateByKeyStep,
} from './state';
import { isLangError } from './userCode';
import { type Value, valueKey } from './values';
import { reducedWindow, windowTimes } from './windows';

/** DStream.getOrCompute: the RDD of `node` at `timeMs`, computed once; an exception fails the batch. */
export function getOrCompute(run: RunState, node: number, timeMs: number): Rdd | null {
  const memo = run.rdds[node]!;
  const known = memo.get(timeMs);
  if (known !== undefined) return known;
  if (!isTimeValid(run, node, timeMs)) return null;
  let rdd: Rdd | null;
  const n = run.nodes[node]!;
  try {
    rdd = compute(run, n, timeMs);
    // Stateful and inverse-reduced streams checkpoint by default; any other by dstream.checkpoint(interval).
    if (n.checkpointIntervalMs !== null) rdd = checkpointed(run, n, rdd);
  } catch (e) {
    if (!run.generating) throw e;
    if (isLangError(e) || e instanceof StateMisuse) {
      // An exception in the learner's function fails its task, the job and the batch; the
      // application stops (awaitTermination rethrows the job's error), so no batch follows.
      const spec = n.spec;
      run.generating.failure ??= `org.apache.spark.SparkException: Job aborted due to stage failure: a task of ${spec.id} = ${spec.input}.${spec.op}(…) failed in the batch at ${timeMs} ms: ${e.message}`;
      run.generating.stops = true;
    } else if (e instanceof SparkError) run.generating.failure ??= e.text;
    else throw e;
    rdd = null;
  }
  memo.set(timeMs, rdd);
  return rdd;
}

function compute(run: RunState, node: DStreamNode, timeMs: number): Rdd | null {
  const spec = node.spec;
  const gen = run.generating!;
  const base = { node: node.index, timeMs, computedAtMs: gen.timeMs };
  if (node.role === 'input') {
    const rate = gen.rates[node.index] ?? null;
    const read = readInput(
      run.inputs[node.index]!,
      run.source,
      run.spec,
      timeMs,
      rate,
      'compute',
      gen.timeMs,
    );
    gen.read.push(read);
    return { ...base, partitions: read.partitions, splits: read.splits };
  }
  const parentAt = (t: number, i = 0) => getOrCompute(run, node.parents[i]!, t);
  const parentNode = run.nodes[node.parents[0]!]!;
  const P = run.numPartitions;
  const r = run.source;
  switch (spec.op) {
    case 'map':
    case 'flatMap':
    case 'filter': {
      const parent = parentAt(timeMs);
      if (!parent) return null;
      const t = parentNode.type;
      const arg = spec.arg;
      let partitions: Value[][];
      const own = node.own?.elements;
      if (own) return { ...base, partitions: parent.partitions.map((p) => own(p, t, r)) };
      if (spec.op === 'map') {
        const f = fnCatalogue.map(spec.fn)!;
        partitions = parent.partitions.map((p) => p.map((v) => f.apply(v, t, r, arg)));
      } else if (spec.op === 'flatMap') {
        const f = fnCatalogue.flatMap(spec.fn)!;
        partitions = parent.partitions.map((p) => p.flatMap((v) => f.apply(v, t, r, arg)));
      } else {
        const f = fnCatalogue.filter(spec.fn)!;
        partitions = parent.partitions.map((p) => p.filter((v) => f.apply(v, t, r, arg)));
      }
      return { ...base, partitions };
    }
    case 'reduceByKey': {
      const parent = parentAt(timeMs);
      if (!parent) return null;
      return {
        ...base,
        partitions: reduceValues(parent.partitions.flat() as [Value, Value][], reducerOf(node), P),
      };
    }
    case 'groupByKey': {
      const parent = parentAt(timeMs);
      if (!parent) return null;
      return { ...base, partitions: groupValues(parent.partitions.flat() as [Value, Value][], P) };
    }
    case 'groupByKeyAndWindow': {
      const times = windowTimes(run.zeroTimeMs, timeMs, node.windowMs!, parentNode.slideMs);
      const rdds = times.map((t) => parentAt(t)).filter((x): x is Rdd => x !== null);
      return {
        ...base,
        partitions: groupValues(rdds.flatMap((x) => x.partitions.flat()) as [Value, Value][], P),
        covers: rdds.map((x) => x.timeMs),
      };
    }
    case 'countByValue': {
      const parent = parentAt(timeMs);
      if (!parent) return null;
      const pairs = parent.partitions.flat().map((v) => [v, 1] as [Value, number]);
      return { ...base, partitions: reduceValues(pairs, 'sum', P) };
    }
    case 'union': {
      const a = parentAt(timeMs, 0);
      const b = parentAt(timeMs, 1);
      if (!a || !b)
        throw new SparkError(
          'org.apache.spark.SparkException',
          `Could not generate RDD from a parent for unifying at time ${timeMs} ms`,
          'define',
          node.index,
        );
      return { ...base, partitions: [...a.partitions, ...b.partitions] };
    }
    case 'transform': {
      const parent = parentAt(timeMs);
      if (!parent) return null;
      return { ...base, partitions: transformRdd(parent.partitions, spec.fn!, parentNode.type) };
    }
    case 'window': {
      const times = windowTimes(run.zeroTimeMs, timeMs, node.windowMs!, parentNode.slideMs);
      const rdds = times.map((t) => parentAt(t)).filter((x): x is Rdd => x !== null);
      return { ...base, partitions: rdds.flatMap((x) => x.partitions), covers: rdds.map((x) => x.timeMs) };
    }
    case 'reduceByKeyAndWindow':
    case 'countByWindow':
    case 'countByValueAndWindow':
      return windowedReduce(run, node, timeMs, base);
    case 'updateStateByKey':
    case 'mapWithState':
      return stateful(run, node, timeMs, base);
    default:
      throw new Error(`not a transformation: ${spec.op}`);
  }
}

function windowedReduce(
  run: RunState,
  node: DStreamNode,
  timeMs: number,
  base: { node: number; timeMs: number; computedAtMs: number },
): Rdd | null {
  const spec = node.spec;
  const parentNode = run.nodes[node.parents[0]!]!;
  const W = node.windowMs!;
  const covers = windowTimes(run.zeroTimeMs, timeMs, W, parentNode.slideMs).filter((t) =>
    isTimeValid(run, parentNode.index, t),
  );
  const P = run.numPartitions;
  // The pairs each operator reduces, per batch of its parent.
  const toPairs = (values: Value[]): [Value, number][] =>
    spec.op === 'countByWindow'
      ? values.map(() => [1, 1])
      : spec.op === 'countByValueAndWindow'
        ? values.map((v) => [v, 1])
        : (values as [Value, number][]);
  const reduce = spec.op === 'reduceByKeyAndWindow' ? (spec.reduce ?? 'sum') : 'sum';
  if (spec.op === 'reduceByKeyAndWindow' && !spec.inverse) {
    // window(windowDuration, slideDuration).reduceByKey(func, partitioner)
    const rdds = covers
      .map((t) => getOrCompute(run, parentNode.index, t))
      .filter((x): x is Rdd => x !== null);
    return {
      ...base,
      partitions: reduceValues(
        rdds.flatMap((x) => x.partitions.flat()) as [Value, Value][],
        reducerOf(node),
        P,
      ),
      covers: rdds.map((x) => x.timeMs),
    };
  }
  // countByWindow reduces one key (1) into one partition, then keeps only the values.
  const partitions = spec.op === 'countByWindow' ? 1 : P;
  const reducedAt = (t: number): Rdd | null => {
    const memo = run.reduced[node.index]!;
    const known = memo.get(t);
    if (known !== undefined) return known;
    if (!isTimeValid(run, parentNode.index, t)) return null;
    const parent = getOrCompute(run, parentNode.index, t);
    const rdd = parent && {
      node: node.index,
      timeMs: t,
      computedAtMs: base.computedAtMs,
      partitions: reduceValues(toPairs(parent.partitions.flat()), reduce, partitions),
    };
    memo.set(t, rdd);
    return rdd;
  };
  const previous = getOrCompute(run, node.index, timeMs - node.slideMs);
  const previousPairs = previous
    ? spec.op === 'countByWindow'
      ? ((previous.pairs ?? []) as [Value, number][])
      : (previous.partitions.flat() as [Value, number][])
    : [];
  const filter =
    spec.op === 'countByValueAndWindow' || (spec.op === 'reduceByKeyAndWindow' && spec.filterZero === true);
  const result = reducedWindow({
    zeroTimeMs: run.zeroTimeMs,
    timeMs,
    windowMs: W,
    slideMs: node.slideMs,
    parentSlideMs: parentNode.slideMs,
    previous: previousPairs,
    reducedAt: (t) => (reducedAt(t)?.partitions.flat() as [Value, number][] | undefined) ?? null,
    reduce,
    numPartitions: partitions,
    filterNonZero: filter,
  });
  if (spec.op === 'countByWindow') {
    return { ...base, partitions: result.map((p) => p.map((kv) => kv[1])), pairs: result.flat(), covers };
  }
  return { ...base, partitions: result, covers };
}

function stateful(
  run: RunState,
  node: DStreamNode,
  timeMs: number,
  base: { node: number; timeMs: number; computedAtMs: number },
): Rdd | null {
  const spec = node.spec;
  const parent = getOrCompute(run, node.parents[0]!, timeMs);
  const pairs = (parent?.partitions.flat() ?? []) as [Value, Value][];
  const previousTime = timeMs - node.slideMs;
  let prev: StateMap | null = null;
  if (previousTime > run.zeroTimeMs) {
    getOrCompute(run, node.index, previousTime);
    prev = run.stateSteps[node.index]!.get(previousTime)?.state ?? null;
  } else if (node.initialState) {
    // The first batch starts from the initial state: StateSpec.initialState entries are stamped
    // with the first batch's time (MapWithStateRDD.createFromPairRDD); updateStateByKey's
    // initialRDD is cogrouped with the batch (StateDStream.computeUsingPreviousRDD), so a key
    // with no new values is still called, with Some(initial state).
    prev = new Map(
      node.initialState.map(([k, v]) => [valueKey(k), { key: k, value: v, updatedAtMs: timeMs }] as const),
    );
  }
  const own = node.own;
  const step =
    spec.op === 'updateStateByKey'
      ? updateStateByKeyStep(prev, pairs, own?.update ?? (spec.fn as UpdateFn), timeMs)
      : mapWithStateStep(
          prev,
          pairs,
          own?.mapping ?? (spec.fn as MappingFn),
          timeMs,
          spec.timeoutMs ?? null,
          isCheckpointTime(run, node, timeMs),
        );
  run.stateSteps[node.index]!.set(timeMs, step);
  // The state RDD is hash-partitioned (HashPartitioner(spark.default.parallelism)) by key.
  const partitions = shufflePairs(step.output, run.numPartitions).map((part) =>
    [...part.values()].flatMap(([, vs]) => vs),
  );
  return { ...base, partitions };
}

/** The reduce function: the learner's `(a, b) => …`, or the catalogue's sum, max or min. */
function reducerOf(node: DStreamNode): Reduce | ((a: Value, b: Value) => Value) {
  return node.own?.reduce ?? node.spec.reduce ?? 'sum';
}

/** groupByKey: each key with its values in arrival order (an ArrayBuffer in Spark). */
function groupValues(pairs: readonly (readonly [Value, Value])[], numPartitions: number): Value[][] {
  return shufflePairs(pairs, numPartitions).map((part) =>
    [...part.values()].map(([k, vs]) => [k, vs] as [Value, Value]),
  );
}
