/**
 * What a DStream's settings add to it: its checkpoint interval (the default of a stateful
 * DStream, or `dstream.checkpoint(interval)`) and its initial state.
 */
import type { StreamOpSpec } from '../types';
import { type DStreamNode, SparkError } from './node';
import { isLangError, userLanguage } from './userCode';
import { scalaType, T, type Value, type ValueType } from './values';

class BadState extends Error {}

const duration = (ms: number) => `${ms} ms`;

export function withSettings(
  node: DStreamNode,
  spec: StreamOpSpec,
  input: ValueType,
  classes: readonly string[],
  index: number,
): DStreamNode {
  const initialState = initialStateOf(node, spec, input, index);
  const withInitial = initialState ? { ...node, initialState } : node;
  const interval = checkpointIntervalOf(node, spec, classes, index);
  return interval === null ? withInitial : { ...withInitial, checkpointIntervalMs: interval };
}

function checkpointIntervalOf(
  node: DStreamNode,
  spec: StreamOpSpec,
  classes: readonly string[],
  index: number,
): number | null {
  const S = node.slideMs;
  if (spec.checkpointMs === undefined) {
    if (!node.mustCheckpoint) return null;
    // InternalMapWithStateDStream.initialize: 10 × its slide, which is its parent's slide
    // (DEFAULT_CHECKPOINT_DURATION_MULTIPLIER); otherwise DStream.initialize: the smallest
    // multiple of the slide that is at least 10 s.
    return spec.op === 'mapWithState' ? 10 * S : S * Math.ceil(10_000 / S);
  }
  // dstream.checkpoint(interval), checked at start as DStream.validateAtStart does (with
  // Spark's wording, its double space and "which not a multiple" included).
  const C = spec.checkpointMs;
  if (spec.op === 'countByWindow' || spec.op === 'countByValueAndWindow')
    throw new SparkError(
      'streamscope',
      `checkpoint(interval) after ${spec.op} is not modelled (it sets its last MappedDStream's interval)`,
      'compile',
      index,
    );
  // MapWithStateDStreamImpl.checkpoint passes the interval on to InternalMapWithStateDStream.
  const cls = spec.op === 'mapWithState' ? 'InternalMapWithStateDStream' : classes[0]!;
  const fail = (text: string) =>
    new SparkError(
      'java.lang.IllegalArgumentException',
      `requirement failed: The checkpoint interval for ${cls} has been set to ${text}`,
      'start',
      index,
    );
  if (C < S)
    throw fail(
      `${duration(C)} which is lower than its slide time (${duration(S)}). Please set it to at least ${duration(S)}.`,
    );
  if (C % S !== 0)
    throw fail(
      ` ${duration(C)} which not a multiple of its slide time (${duration(S)}). Please set it to a multiple of ${duration(S)}.`,
    );
  return C;
}

/** The initial state of a stateful DStream, checked against its state's type. */
function initialStateOf(node: DStreamNode, spec: StreamOpSpec, input: ValueType, index: number) {
  const st = node.stateType;
  if (!st || !spec.initialState) return undefined;
  const keyType = input.kind === 'pair' ? input.key : T.string;
  // The learner's state types are checked by the language; a catalogue function's state is a number.
  const language = userLanguage();
  const check = (json: unknown, t: ValueType): Value => {
    if (node.own && language) return language.stateFromJson(json, t);
    const ok =
      t.kind === 'string'
        ? typeof json === 'string'
        : typeof json === 'number' && (t.kind !== 'long' || Number.isSafeInteger(json));
    if (!ok) throw new BadState(`${JSON.stringify(json)} is not a ${scalaType(t)}`);
    return json as Value;
  };
  try {
    return spec.initialState.map(([k, v]) => [check(k, keyType), check(v, st)] as const);
  } catch (e) {
    if (e instanceof BadState || isLangError(e))
      throw new SparkError(
        'scalac',
        `${spec.op}: initialState must hold (${scalaType(keyType)}, ${scalaType(st)}) pairs; ${e.message}`,
        'compile',
        index,
      );
    throw e;
  }
}
