import type { StreamingSpec } from '../types';
import { isCheckpointTime, lineageLength, metadataCheckpointAt } from './checkpoints';
import { type DStreamNode, defineStreaming, type SparkError, type StreamingContext } from './context';
import { generate } from './generate';
import { recordText } from './jobs';
import type { Rdd } from './rdd';
import { crash, recover, restartTime } from './recovery';
import { batchAt, createRunState, isTimeValid, type RunState, rddAt } from './runState';
import type { StateStep } from './state';
import type {
  Batch,
  DataCheckpoint,
  ExecutorLoss,
  MetadataCheckpoint,
  Recovery,
  StreamSource,
} from './types';

/**
 * A Spark Streaming application running over a simulated world. Batches are generated at
 * zeroTime + k·batchInterval (zeroTime = the first batch time − interval, as JobGenerator does),
 * each by asking every output operation for its RDD at that time. RDDs are computed lazily and
 * remembered (DStream.getOrCompute), so an input is only read when something needs it: a batch
 * whose outputs all sit behind a window that does not slide at that time reads nothing.
 * A run is append-only: batch k depends only on the world up to its time and on batches before it.
 */
export class StreamingRun {
  readonly context: StreamingContext;
  readonly error: SparkError | null;
  readonly batches: Batch[];
  readonly numPartitions: number;
  /** Receivers hold one core each for as long as the application runs. */
  readonly receivers: number;
  /** Executor losses so far: which batch recomputed what. */
  readonly executorLosses: ExecutorLoss[];
  /** Driver failures that happened so far, with what recovery did. */
  readonly recoveries: Recovery[];
  /** Data checkpoints written so far, in time order. */
  readonly dataCheckpoints: DataCheckpoint[];
  private readonly run: RunState;

  constructor(
    readonly spec: StreamingSpec,
    source: StreamSource,
  ) {
    const { context, error } = defineStreaming(spec.batchIntervalMs, spec.checkpointDir, spec.pipeline);
    this.context = context;
    this.error = error;
    const run = createRunState(spec, source, context.nodes);
    this.run = run;
    this.batches = run.batches;
    this.numPartitions = run.numPartitions;
    this.receivers = run.receivers;
    this.executorLosses = run.executorLosses;
    this.recoveries = run.recoveries;
    this.dataCheckpoints = run.dataCheckpoints;
  }

  get nodes(): readonly DStreamNode[] {
    return this.context.nodes;
  }

  /** The batch time before the first (zeroTime); a fresh start after a driver failure moves it. */
  get zeroTimeMs(): number {
    return this.run.zeroTimeMs;
  }

  /** The batch whose failure (in the learner's function) stopped the application; null while it runs. */
  get stoppedAtMs(): number | null {
    return this.run.stoppedAtMs;
  }

  /** When a driver failure without checkpoints started a new application. */
  get freshStartMs(): number | null {
    return this.run.freshStartMs;
  }

  /** Time of the next batch to generate. */
  get nextBatchMs(): number {
    return this.run.nextRegularMs;
  }

  /** Generates every batch whose time is ≤ `timeMs` (the world must be known up to then). */
  extendTo(timeMs: number): void {
    if (this.error) return;
    const run = this.run;
    for (;;) {
      if (run.stoppedAtMs !== null) return;
      const last = run.recoveries.at(-1);
      if (last && !last.recovered) {
        if (last.restartMs > timeMs) return;
        recover(run, last);
        continue;
      }
      const crashed = run.crashes[run.recoveries.length];
      if (crashed && crashed.atMs < run.nextRegularMs) {
        if (crashed.atMs > timeMs) return;
        crash(run, crashed.atMs, restartTime(run, crashed.atMs + crashed.restartAfterMs));
        continue;
      }
      if (run.nextRegularMs > timeMs) return;
      generate(run, run.nextRegularMs, run.nextRegularMs, null);
      run.nextRegularMs += run.spec.batchIntervalMs;
    }
  }

  /** The RDD of `node` at `timeMs`, if it was computed (never computes). */
  rddAt(node: number, timeMs: number): Rdd | null {
    return rddAt(this.run, node, timeMs);
  }

  /** The batch at `timeMs` (its latest attempt), if generated. */
  batchAt(timeMs: number): Batch | undefined {
    return batchAt(this.run, timeMs);
  }

  /** A node's valid times: zeroTime < t and (t − zeroTime) a multiple of its slide (DStream.isTimeValid). */
  isTimeValid(node: number, timeMs: number): boolean {
    return isTimeValid(this.run, node, timeMs);
  }

  /**
   * The metadata checkpoint JobGenerator writes when it generates the batch at `timeMs` (every batch,
   * once a checkpoint directory is set); null without one or before that batch.
   */
  /** checkpoint-<timeMs> as it stands at `nowMs` (default: as first written, when its batch was generated). */
  metadataCheckpointAt(timeMs: number, nowMs = timeMs): MetadataCheckpoint | null {
    return metadataCheckpointAt(this.run, timeMs, nowMs);
  }

  /** Whether a DStream that must checkpoint checkpoints its RDD at `timeMs` (DStream.getOrCompute). */
  isCheckpointTime(node: DStreamNode, timeMs: number): boolean {
    return isCheckpointTime(this.run, node, timeMs);
  }

  /**
   * How many of the DStream's own RDDs its RDD at `timeMs` depends on since the last checkpoint cut
   * its lineage (0 when this one is checkpointed).
   */
  lineageLength(node: DStreamNode, timeMs: number): number {
    return lineageLength(this.run, node, timeMs);
  }

  /** Records the receivers lost to failures (by `atMs`: lost by then). */
  receiverLosses(atMs: number): { id: number; reason: 'memory' | 'down' }[] {
    const r = this.run.source;
    return this.run.inputs.flatMap((i) => i.lost).filter((l) => r.arrivalTime(l.id) <= atMs);
  }

  /** The state step of a stateful DStream at `timeMs`, if computed. */
  stateAt(node: number, timeMs: number): StateStep | null {
    return this.run.stateSteps[node]?.get(timeMs) ?? null;
  }

  /** A record as ConsumerRecord.toString or a tuple would print. */
  recordText(id: number): string {
    return recordText(this.run, id);
  }
}
