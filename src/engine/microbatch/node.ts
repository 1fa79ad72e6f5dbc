/** A DStream of the graph as the driver knows it, and the errors Spark reports while building one. */
import type { StreamOpSpec } from '../types';
import type { OwnFunction } from './userOps';
import type { Value, ValueType } from './values';

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
  /** The learner's function (`code`), compiled against this stream's types, ready to run. */
  readonly own?: OwnFunction;
  /** updateStateByKey / mapWithState: the state's type (catalogue functions: the output's value type). */
  readonly stateType?: ValueType;
  /** updateStateByKey's initialRDD / StateSpec.initialState, checked against the state's type. */
  readonly initialState?: readonly (readonly [Value, Value])[];
}
