/**
 * Everything a Spark Streaming run remembers, as one plain object the phase functions (generate,
 * compute, jobs, checkpoints, recovery) work on, and the lookups they share.
 */
import type { StreamingSpec } from '../types';
import type { DStreamNode } from './context';
import type { InputState, ReadResult } from './inputs';
import { PidRateEstimator } from './rates';
import type { Rdd } from './rdd';
import type { StateStep } from './state';
import type { Batch, DataCheckpoint, ExecutorLoss, Recovery, StreamSource } from './types';

/** The batch being generated: when, its inputs' rate limits, what it read, its first failure. */
export interface Generating {
  timeMs: number;
  rates: (number | null)[];
  read: ReadResult[];
  failure: string | null;
  /** The failure stops the application (an exception in the learner's function). */
  stops?: boolean;
}

export interface RunState {
  readonly spec: StreamingSpec;
  readonly source: StreamSource;
  readonly nodes: readonly DStreamNode[];
  zeroTimeMs: number;
  readonly batches: Batch[];
  readonly numPartitions: number;
  /** Receivers hold one core each for as long as the application runs. */
  readonly receivers: number;
  readonly rdds: Map<number, Rdd | null>[];
  readonly inputs: InputState[];
  readonly estimators: (PidRateEstimator | null)[];
  fedCompletions: number;
  /** Executor losses not yet charged to a batch, by time. */
  pendingLosses: number[];
  /** Executor losses so far: which batch recomputed what. */
  readonly executorLosses: ExecutorLoss[];
  /** Driver failures that happened so far, with what recovery did. */
  readonly recoveries: Recovery[];
  readonly crashes: { atMs: number; restartAfterMs: number }[];
  /** The next batch time of the (current) driver's timer. */
  nextRegularMs: number;
  lastEndMs: number;
  /** Per stateful node, each batch's state step (calls, state after, keys added/updated/removed). */
  readonly stateSteps: Map<number, StateStep>[];
  /** Data checkpoints written so far, in time order. */
  readonly dataCheckpoints: DataCheckpoint[];
  /** Per node, the extra RDDs a ReducedWindowedDStream keeps (its per-batch reduced stream). */
  readonly reduced: Map<number, Rdd | null>[];
  /** When a driver failure without checkpoints started a new application. */
  freshStartMs: number | null;
  generating: Generating | null;
  /** The batch whose failure stopped the application; no batch is generated after it. */
  stoppedAtMs: number | null;
}

/** A run before its first batch: zeroTime = the first batch time − interval, as JobGenerator does. */
export function createRunState(
  spec: StreamingSpec,
  source: StreamSource,
  nodes: readonly DStreamNode[],
): RunState {
  const B = spec.batchIntervalMs;
  const firstBatch = (Math.floor(spec.startAtMs / B) + 1) * B;
  return {
    spec,
    source,
    nodes,
    zeroTimeMs: firstBatch - B,
    batches: [],
    // local[n]: spark.default.parallelism is the number of cores.
    numPartitions: Math.max(1, spec.cores),
    receivers: nodes.filter((n) => n.spec.op === 'receiverStream').length,
    rdds: nodes.map(() => new Map()),
    inputs: nodes.map((n) => ({
      node: n,
      offsets: null,
      pending: [],
      lastAdmitMs: Number.NEGATIVE_INFINITY,
      allocated: new Map(),
      readUpToMs: spec.startAtMs,
      lost: [],
      skip: new Set(),
    })),
    estimators: nodes.map((n) =>
      n.role === 'input' && spec.backpressure.enabled ? new PidRateEstimator(B) : null,
    ),
    fedCompletions: 0,
    pendingLosses: (spec.faults ?? [])
      .flatMap((f) => (f.kind === 'executorLoss' ? [f.atMs] : []))
      .sort((a, b) => a - b),
    executorLosses: [],
    recoveries: [],
    crashes: (spec.faults ?? [])
      .flatMap((f) =>
        f.kind === 'driverCrash' && f.atMs >= spec.startAtMs
          ? [{ atMs: f.atMs, restartAfterMs: f.restartAfterMs }]
          : [],
      )
      .sort((a, b) => a.atMs - b.atMs),
    nextRegularMs: firstBatch,
    lastEndMs: Number.NEGATIVE_INFINITY,
    stateSteps: nodes.map(() => new Map()),
    dataCheckpoints: [],
    reduced: nodes.map(() => new Map()),
    freshStartMs: null,
    generating: null,
    stoppedAtMs: null,
  };
}

/** The RDD of `node` at `timeMs`, if it was computed (never computes). */
export function rddAt(run: RunState, node: number, timeMs: number): Rdd | null {
  return run.rdds[node]?.get(timeMs) ?? null;
}

/** The batch at `timeMs` (its latest attempt), if generated. */
export function batchAt(run: RunState, timeMs: number): Batch | undefined {
  for (let i = run.batches.length - 1; i >= 0; i--)
    if (run.batches[i]!.timeMs === timeMs) return run.batches[i];
  return undefined;
}

/** A node's valid times: zeroTime < t and (t − zeroTime) a multiple of its slide (DStream.isTimeValid). */
export function isTimeValid(run: RunState, node: number, timeMs: number): boolean {
  const n = run.nodes[node];
  if (!n) return false;
  const d = timeMs - run.zeroTimeMs;
  return d > 0 && d % n.slideMs === 0;
}
