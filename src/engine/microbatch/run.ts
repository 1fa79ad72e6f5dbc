import type { StreamingSpec } from '../types';
import { type DStreamNode, defineStreaming, SparkError, type StreamingContext } from './context';
import { fnCatalogue, type RecordAccess } from './functions';
import { type InputState, type ReadResult, readInput } from './inputs';
import { PidRateEstimator } from './rates';
import { type Rdd, reduceValues, shufflePairs, transformRdd } from './rdd';
import {
  type MappingFn,
  mapWithStateStep,
  type StateMap,
  type StateStep,
  type UpdateFn,
  updateStateByKeyStep,
} from './state';
import { formatValue, type Value, valueKey } from './values';
import { reducedWindow, windowTimes } from './windows';

/** What the streaming application reads from the simulated world. */
export interface StreamSource extends RecordAccess {
  /** Partitions of the Kafka topic (0 without a log delivery model). */
  readonly kafkaPartitions: number;
  /** The partition's high watermark at `timeMs` (what seekToEnd returns then). */
  latestOffset(partition: number, timeMs: number): number;
  /** The tuple stored at `offset` (below the high watermark). */
  recordAt(partition: number, offset: number): number;
  /** Ids of tuples that reached the application in [fromMs, toMs), in arrival order. */
  arrivals(fromMs: number, toMs: number): number[];
  arrivalTime(id: number): number;
  producerOf(id: number): string;
  readonly producerIds: readonly string[];
}

export interface OutputResult {
  readonly node: number;
  /** print / foreachRDD: the lines the driver printed. */
  readonly lines: readonly string[];
  /** sink: the elements written. */
  readonly written: readonly Value[] | null;
}

export interface Batch {
  readonly index: number;
  readonly timeMs: number;
  /** Output operations that had an RDD at this time (Spark submits one job per output). */
  readonly jobs: number;
  /** Records read by input streams while generating this batch. */
  readonly inputRecords: number;
  /** Per input partition computed for this batch: its record count (the tasks of the first stage). */
  readonly taskSizes: readonly number[];
  /** When its jobs start and finish; null when it has no jobs, or never gets a core. */
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly outputs: readonly OutputResult[];
  /** The first job failure (an exception inside a task), if any. */
  readonly failure: string | null;
  /** Backpressure: the rate limit (records/s) in force when the batch was generated; null: none. */
  readonly rateLimit: number | null;
  /** When the batch was generated: its time, or the restart time for a re-run. */
  readonly generatedAtMs: number;
  /** 1, or 2 for a batch re-run after a driver failure. */
  readonly attempt: number;
  /** Why a re-run batch runs: it was pending in the checkpoint, or fell in the driver's down time. */
  readonly recovery: 'pending' | 'downtime' | null;
  /** When a driver failure killed it (running or queued); null if it was not killed. */
  killedAtMs: number | null;
}

/** An executor loss: the batch that recomputed the lost partitions, and how far back it had to go. */
export interface ExecutorLoss {
  readonly atMs: number;
  readonly batchTimeMs: number;
  /** Batches of lineage recomputed (1: only this batch's own partitions). */
  readonly lineageBatches: number;
  readonly recomputedRecords: number;
  /** The data checkpoint the lineage starts from; null: from the first batch. */
  readonly fromCheckpointMs: number | null;
  readonly extraMs: number;
}

/** What a driver failure did and how the application recovered. */
export interface Recovery {
  readonly crashMs: number;
  /** Whether the driver is back (the fields below are filled in then). */
  recovered: boolean;
  /** When the new driver's timer restarts (the next batch time after it comes back). */
  readonly restartMs: number;
  /** The metadata checkpoint it recovered from; null without a checkpoint directory (a fresh start). */
  checkpointMs: number | null;
  pendingTimes: readonly number[];
  downTimes: readonly number[];
  /** Batches the failure killed: running (output lost for now) or still queued. */
  readonly killed: readonly number[];
  /** The latest data checkpoint of each stateful DStream at or before the metadata checkpoint. */
  stateRestoredFrom: readonly { readonly node: number; readonly timeMs: number | null }[];
}

/** What a metadata checkpoint (checkpoint-<time>) holds, as Spark's Checkpoint class does. */
export interface MetadataCheckpoint {
  readonly timeMs: number;
  readonly master: string;
  readonly batchIntervalMs: number;
  readonly checkpointDir: string;
  /** The DStream graph: every operation, with its Spark class. */
  readonly graph: readonly { readonly id: string; readonly op: string; readonly dstream: string }[];
  /** Batches generated but not yet completed when it was written: re-run after a driver failure. */
  readonly pendingTimes: readonly number[];
  /** The Kafka offset ranges of the batches it remembers (DirectKafkaInputDStreamCheckpointData). */
  readonly offsets: readonly {
    readonly stream: string;
    readonly batchTimeMs: number;
    readonly ranges: readonly {
      readonly partition: number;
      readonly fromOffset: number;
      readonly untilOffset: number;
    }[];
  }[];
}

/** A data checkpoint: an RDD written to the checkpoint directory, cutting its lineage. */
export interface DataCheckpoint {
  readonly node: number;
  /** The batch time of the RDD. */
  readonly timeMs: number;
  readonly writtenAtMs: number;
  readonly records: readonly Value[];
  readonly partitions: number;
}

export type BatchStatus = 'queued' | 'processing' | 'done' | 'noJobs' | 'stalled' | 'killed';

export function batchStatus(b: Batch, nowMs: number): BatchStatus {
  if (b.killedAtMs !== null && nowMs >= b.killedAtMs) return 'killed';
  if (b.jobs === 0) return 'noJobs';
  if (b.startMs === null) return 'stalled';
  if (nowMs < b.startMs) return 'queued';
  if (b.endMs !== null && nowMs < b.endMs) return 'processing';
  return 'done';
}

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
  zeroTimeMs: number;
  readonly batches: Batch[] = [];
  readonly numPartitions: number;
  /** Receivers hold one core each for as long as the application runs. */
  readonly receivers: number;
  private readonly rdds: Map<number, Rdd | null>[];
  private readonly inputs: InputState[];
  private readonly estimators: (PidRateEstimator | null)[];
  private fedCompletions = 0;
  /** Executor losses not yet charged to a batch, by time. */
  private pendingLosses: number[];
  /** Executor losses so far: which batch recomputed what. */
  readonly executorLosses: ExecutorLoss[] = [];
  /** Driver failures that happened so far, with what recovery did. */
  readonly recoveries: Recovery[] = [];
  private readonly crashes: { atMs: number; restartAfterMs: number }[];
  /** The next batch time of the (current) driver's timer. */
  private nextRegularMs: number;
  private lastEndMs = Number.NEGATIVE_INFINITY;
  /** Per stateful node, each batch's state step (calls, state after, keys added/updated/removed). */
  private readonly stateSteps: Map<number, StateStep>[];
  /** Data checkpoints written so far, in time order. */
  readonly dataCheckpoints: DataCheckpoint[] = [];
  /** Per node, the extra RDDs a ReducedWindowedDStream keeps (its per-batch reduced stream). */
  private readonly reduced: Map<number, Rdd | null>[];
  /** When a driver failure without checkpoints started a new application. */
  freshStartMs: number | null = null;
  private generating: {
    timeMs: number;
    rates: (number | null)[];
    read: ReadResult[];
    failure: string | null;
  } | null = null;

  constructor(
    readonly spec: StreamingSpec,
    private readonly source: StreamSource,
  ) {
    const { context, error } = defineStreaming(spec.batchIntervalMs, spec.checkpointDir, spec.pipeline);
    this.context = context;
    this.error = error;
    const B = spec.batchIntervalMs;
    const firstBatch = (Math.floor(spec.startAtMs / B) + 1) * B;
    this.zeroTimeMs = firstBatch - B;
    // local[n]: spark.default.parallelism is the number of cores.
    this.numPartitions = Math.max(1, spec.cores);
    const nodes = context.nodes;
    this.rdds = nodes.map(() => new Map());
    this.reduced = nodes.map(() => new Map());
    this.stateSteps = nodes.map(() => new Map());
    this.receivers = nodes.filter((n) => n.spec.op === 'receiverStream').length;
    this.inputs = nodes.map((n) => ({
      node: n,
      offsets: null,
      pending: [],
      lastAdmitMs: Number.NEGATIVE_INFINITY,
      allocated: new Map(),
      readUpToMs: spec.startAtMs,
      lost: [],
      skip: new Set(),
    }));
    this.crashes = (spec.faults ?? [])
      .flatMap((f) =>
        f.kind === 'driverCrash' && f.atMs >= spec.startAtMs
          ? [{ atMs: f.atMs, restartAfterMs: f.restartAfterMs }]
          : [],
      )
      .sort((a, b) => a.atMs - b.atMs);
    this.pendingLosses = (spec.faults ?? [])
      .flatMap((f) => (f.kind === 'executorLoss' ? [f.atMs] : []))
      .sort((a, b) => a - b);
    this.nextRegularMs = firstBatch;
    this.estimators = nodes.map((n) =>
      n.role === 'input' && spec.backpressure.enabled ? new PidRateEstimator(B) : null,
    );
  }

  get nodes(): readonly DStreamNode[] {
    return this.context.nodes;
  }

  /** Time of the next batch to generate. */
  get nextBatchMs(): number {
    return this.nextRegularMs;
  }

  /** Generates every batch whose time is ≤ `timeMs` (the world must be known up to then). */
  extendTo(timeMs: number): void {
    if (this.error) return;
    for (;;) {
      const last = this.recoveries.at(-1);
      if (last && !last.recovered) {
        if (last.restartMs > timeMs) return;
        this.recover(last);
        continue;
      }
      const crash = this.crashes[this.recoveries.length];
      if (crash && crash.atMs < this.nextRegularMs) {
        if (crash.atMs > timeMs) return;
        this.crash(crash.atMs, this.restartTime(crash.atMs + crash.restartAfterMs));
        continue;
      }
      if (this.nextRegularMs > timeMs) return;
      this.generate(this.nextRegularMs, this.nextRegularMs, null);
      this.nextRegularMs += this.spec.batchIntervalMs;
    }
  }

  /** RecurringTimer.getRestartTime: the first batch time strictly after `atMs`. */
  private restartTime(atMs: number): number {
    const B = this.spec.batchIntervalMs;
    return this.zeroTimeMs + (Math.floor((atMs - this.zeroTimeMs) / B) + 1) * B;
  }

  /**
   * The driver dies at `crashMs`: running and queued batches are killed. It comes back and restarts
   * its timer at `restartMs` (JobGenerator.restart): from the latest metadata checkpoint it re-runs
   * the batches that were pending then, and generates the ones of its down time (from the checkpoint
   * time on), all before the timer's first new batch. State comes back from the checkpoint (data
   * checkpoint plus lineage), Kafka offsets from the checkpointed offset ranges. Without a checkpoint
   * directory the new driver starts a new application: no state, offsets from auto.offset.reset.
   */
  private crash(crashMs: number, restartMs: number): void {
    const killed: number[] = [];
    for (const b of this.batches) {
      if (b.killedAtMs !== null || b.jobs === 0 || b.startMs === null || b.endMs === null) continue;
      if (b.endMs > crashMs) {
        b.killedAtMs = crashMs;
        killed.push(b.index);
      }
    }
    this.lastEndMs = restartMs;
    this.recoveries.push({
      crashMs,
      recovered: false,
      restartMs,
      checkpointMs: null,
      pendingTimes: [],
      downTimes: [],
      killed,
      stateRestoredFrom: [],
    });
  }

  private recover(r: Recovery): void {
    const { crashMs, restartMs } = r;
    const B = this.spec.batchIntervalMs;
    const generated = this.batches.filter((b) => b.timeMs <= crashMs);
    const checkpointMs = this.spec.checkpointDir !== null ? (generated.at(-1)?.timeMs ?? null) : null;
    let pendingTimes: number[] = [];
    const downTimes: number[] = [];
    if (checkpointMs !== null) {
      pendingTimes = this.metadataCheckpointAt(checkpointMs)?.pendingTimes.slice() ?? [];
      for (let t = checkpointMs; t < restartMs; t += B) downTimes.push(t);
      const times = [...new Set([...pendingTimes, ...downTimes])]
        .filter((t) => t < restartMs)
        .sort((a, b) => a - b);
      this.loseReceivedBlocks(times);
      this.missWhileDown(crashMs, restartMs);
      for (const t of times) this.generate(t, restartMs, pendingTimes.includes(t) ? 'pending' : 'downtime');
    } else {
      this.freshStart(restartMs);
    }
    // Receivers lost what arrived while the driver was down.
    for (const input of this.inputs) input.readUpToMs = Math.max(input.readUpToMs, restartMs);
    const stateRestoredFrom = this.nodes
      .filter((n) => n.checkpointIntervalMs !== null)
      .map((n) => ({
        node: n.index,
        timeMs:
          checkpointMs === null
            ? null
            : ([...this.dataCheckpoints].reverse().find((c) => c.node === n.index && c.timeMs <= checkpointMs)
                ?.timeMs ?? null),
      }));
    Object.assign(r, { recovered: true, checkpointMs, pendingTimes, downTimes, stateRestoredFrom });
    this.nextRegularMs = restartMs;
  }

  /**
   * The cost of recomputing what an executor held: the cached RDD partitions of this batch and, for
   * each stateful DStream, its lineage back to the last data checkpoint (or the first batch).
   */
  private recompute(atMs: number, batchTimeMs: number, cores: number, ownRecords: number): number {
    const B = this.spec.batchIntervalMs;
    let batches = 1;
    let fromCheckpointMs: number | null = null;
    for (const n of this.nodes) {
      if (n.checkpointIntervalMs === null) continue;
      batches = Math.max(batches, this.lineageLength(n, batchTimeMs) + 1);
      const last = [...this.dataCheckpoints]
        .reverse()
        .find((c) => c.node === n.index && c.timeMs <= batchTimeMs);
      fromCheckpointMs = last?.timeMs ?? null;
    }
    const times = new Set<number>();
    for (let k = 0; k < batches; k++) times.add(batchTimeMs - k * B);
    times.delete(batchTimeMs);
    const records =
      ownRecords +
      this.batches
        .filter((b) => b.attempt === 1 && times.has(b.timeMs))
        .reduce((a, b) => a + b.inputRecords, 0);
    // Lost partitions are spread over the remaining cores (one executor fewer is not modelled).
    const extraMs = Math.round(
      (records * this.spec.perRecordMs) / Math.max(1, cores) + this.spec.jobOverheadMs,
    );
    this.executorLosses.push({
      atMs,
      batchTimeMs,
      lineageBatches: batches,
      recomputedRecords: records,
      fromCheckpointMs,
      extraMs,
    });
    return extraMs;
  }

  /**
   * A driver failure takes the executors and the blocks they held with it. Without a write-ahead
   * log, every received block is gone (ReceiverInputDStream.createBlockRDD keeps only blocks still
   * in a block manager): the batches to re-run get nothing from the receiver, and so does anything
   * recomputed later from earlier receiver batches — a window over them, or state since its last
   * data checkpoint (checkpointed RDDs are read back from the checkpoint directory).
   */
  private loseReceivedBlocks(times: readonly number[]): void {
    const lossy = this.inputs.filter(
      (i) => i.node.spec.op === 'receiverStream' && !i.node.spec.writeAheadLog,
    );
    if (lossy.length === 0) return;
    const rerun = new Set(times);
    const latest = Math.max(...times, Number.NEGATIVE_INFINITY);
    for (const input of lossy) {
      for (const [t, got] of input.allocated) {
        if (t > latest) continue;
        // Only the re-run batches' records are new losses; earlier batches already delivered their output.
        if (rerun.has(t)) for (const id of got.partitions.flat()) input.lost.push({ id, reason: 'memory' });
        input.allocated.set(t, { partitions: [], splits: [] });
      }
    }
    // Everything downstream of a lossy receiver is recomputed from now on, except checkpointed RDDs.
    const affected = new Set(lossy.map((i) => i.node.index));
    for (const n of this.nodes) if (n.parents.some((p) => affected.has(p))) affected.add(n.index);
    const checkpointed = new Set(
      this.dataCheckpoints.filter((c) => !rerun.has(c.timeMs)).map((c) => `${c.node}@${c.timeMs}`),
    );
    for (const node of affected) {
      for (const memo of [this.rdds[node]!, this.reduced[node]!]) {
        for (const t of [...memo.keys()])
          if (t <= latest && !checkpointed.has(`${node}@${t}`)) memo.delete(t);
      }
      const steps = this.stateSteps[node]!;
      for (const t of [...steps.keys()])
        if (t <= latest && !checkpointed.has(`${node}@${t}`)) steps.delete(t);
    }
    for (let i = this.dataCheckpoints.length - 1; i >= 0; i--)
      if (rerun.has(this.dataCheckpoints[i]!.timeMs)) this.dataCheckpoints.splice(i, 1);
  }

  /** Receivers die with the driver: what reached them while it was down is missed. */
  private missWhileDown(crashMs: number, restartMs: number): void {
    for (const input of this.inputs) {
      if (input.node.spec.op !== 'receiverStream' || input.readUpToMs >= restartMs) continue;
      for (const id of this.source.arrivals(input.readUpToMs, restartMs)) {
        const received = this.source.arrivalTime(id) < crashMs;
        // Received before the crash but not yet in a batch: the write-ahead log keeps it for the next batch.
        if (received && input.node.spec.writeAheadLog) continue;
        input.lost.push({ id, reason: received ? 'memory' : 'down' });
        input.skip.add(id);
      }
    }
  }

  /** A new application at `restartMs`: nothing remembered, inputs start over. */
  private freshStart(restartMs: number): void {
    const B = this.spec.batchIntervalMs;
    this.zeroTimeMs = restartMs - B;
    for (const m of this.rdds) m.clear();
    for (const m of this.reduced) m.clear();
    for (const m of this.stateSteps) m.clear();
    for (const input of this.inputs) {
      input.offsets = null;
      input.pending = [];
      input.allocated.clear();
      input.readUpToMs = restartMs;
    }
    this.freshStartMs = restartMs;
  }

  /** The RDD of `node` at `timeMs`, if it was computed (never computes). */
  rddAt(node: number, timeMs: number): Rdd | null {
    return this.rdds[node]?.get(timeMs) ?? null;
  }

  /** The batch at `timeMs` (its latest attempt), if generated. */
  batchAt(timeMs: number): Batch | undefined {
    for (let i = this.batches.length - 1; i >= 0; i--)
      if (this.batches[i]!.timeMs === timeMs) return this.batches[i];
    return undefined;
  }

  /** A node's valid times: zeroTime < t and (t − zeroTime) a multiple of its slide (DStream.isTimeValid). */
  isTimeValid(node: number, timeMs: number): boolean {
    const n = this.nodes[node];
    if (!n) return false;
    const d = timeMs - this.zeroTimeMs;
    return d > 0 && d % n.slideMs === 0;
  }

  private generate(timeMs: number, genMs: number, recovery: 'pending' | 'downtime' | null): void {
    const spec = this.spec;
    // The rate controllers hear of every batch that completed before this one is generated.
    const rates = this.feedCompletions(genMs);
    this.generating = { timeMs: genMs, rates, read: [], failure: null };
    // ReceiverTracker.allocateBlocksToBatch runs for every batch, whether or not anything reads it.
    if (recovery === null || !this.batches.some((b) => b.timeMs === timeMs)) {
      for (const input of this.inputs) {
        if (input.node.spec.op === 'receiverStream' || input.node.spec.op === 'producerStream')
          readInput(input, this.source, spec, timeMs, rates[input.node.index] ?? null, 'allocate');
      }
    }
    const outputs: OutputResult[] = [];
    for (const node of this.nodes) {
      if (node.role !== 'output') continue;
      const parent = node.parents[0]!;
      if (!this.isTimeValid(parent, timeMs)) continue;
      const rdd = this.getOrCompute(parent, timeMs);
      if (!rdd) continue;
      outputs.push(this.runOutput(node, rdd, timeMs));
    }
    const { read, failure } = this.generating;
    this.generating = null;
    // A re-run batch reads its input again (from Kafka's checkpointed offset ranges, or its blocks).
    const reread =
      recovery === null
        ? []
        : this.nodes
            .filter((n) => n.role === 'input')
            .flatMap((n) => {
              const rdd = this.rddAt(n.index, timeMs);
              return rdd && rdd.computedAtMs < genMs ? rdd.partitions.map((p) => p.length) : [];
            });
    const taskSizes = [...read.flatMap((r) => r.partitionSizes), ...reread];
    const inputRecords = taskSizes.reduce((a, b) => a + b, 0);
    const jobs = outputs.length;
    let startMs: number | null = null;
    let endMs: number | null = null;
    const cores = spec.cores - this.receivers;
    if (jobs > 0 && cores > 0) {
      // spark.streaming.concurrentJobs = 1: a batch's jobs start when the previous batch's finish.
      startMs = Math.max(genMs, this.lastEndMs);
      endMs = startMs + processingMs(taskSizes, cores, spec.perRecordMs, jobs, spec.jobOverheadMs);
      // An executor lost while this batch runs (or before it starts): its partitions are recomputed.
      const lost = this.pendingLosses.filter((t) => t < endMs!);
      if (lost.length > 0) {
        this.pendingLosses = this.pendingLosses.filter((t) => t >= endMs!);
        endMs += this.recompute(lost[0]!, timeMs, cores, inputRecords);
      }
      this.lastEndMs = endMs;
    } else if (jobs > 0) {
      this.lastEndMs = Number.POSITIVE_INFINITY;
    }
    const limit = rates.find((r) => r !== null) ?? null;
    this.batches.push({
      index: this.batches.length,
      timeMs,
      jobs,
      inputRecords,
      taskSizes,
      startMs,
      endMs,
      outputs,
      failure,
      rateLimit: limit,
      generatedAtMs: genMs,
      attempt: recovery === null ? 1 : 2,
      recovery,
      killedAtMs: null,
    });
  }

  /** Feeds completed batches to each input's rate estimator; returns each input's rate now. */
  private feedCompletions(nowMs: number): (number | null)[] {
    while (this.fedCompletions < this.batches.length) {
      const b = this.batches[this.fedCompletions]!;
      if (b.killedAtMs !== null && b.killedAtMs <= nowMs) {
        this.fedCompletions++;
        continue;
      }
      if (b.jobs > 0 && (b.endMs === null || b.endMs > nowMs)) break;
      this.fedCompletions++;
      if (b.jobs === 0 || b.startMs === null || b.endMs === null) continue;
      for (const e of this.estimators) {
        e?.compute(b.endMs, b.inputRecords, b.endMs - b.startMs, b.startMs - b.timeMs);
      }
    }
    const initial = this.spec.backpressure.initialRate;
    return this.estimators.map((e) => {
      if (!e) return null;
      const lr = e.rateLimit;
      const rate = lr > 0 ? lr : initial;
      return rate > 0 ? rate : null;
    });
  }

  private getOrCompute(node: number, timeMs: number): Rdd | null {
    const memo = this.rdds[node]!;
    const known = memo.get(timeMs);
    if (known !== undefined) return known;
    if (!this.isTimeValid(node, timeMs)) return null;
    let rdd: Rdd | null;
    try {
      rdd = this.compute(this.nodes[node]!, timeMs);
    } catch (e) {
      if (!(e instanceof SparkError) || !this.generating) throw e;
      this.generating.failure ??= e.text;
      rdd = null;
    }
    memo.set(timeMs, rdd);
    return rdd;
  }

  private compute(node: DStreamNode, timeMs: number): Rdd | null {
    const spec = node.spec;
    const gen = this.generating!;
    const base = { node: node.index, timeMs, computedAtMs: gen.timeMs };
    if (node.role === 'input') {
      const rate = gen.rates[node.index] ?? null;
      const read = readInput(
        this.inputs[node.index]!,
        this.source,
        this.spec,
        timeMs,
        rate,
        'compute',
        gen.timeMs,
      );
      gen.read.push(read);
      return { ...base, partitions: read.partitions, splits: read.splits };
    }
    const parentAt = (t: number, i = 0) => this.getOrCompute(node.parents[i]!, t);
    const parentNode = this.nodes[node.parents[0]!]!;
    const P = this.numPartitions;
    const r = this.source;
    switch (spec.op) {
      case 'map':
      case 'flatMap':
      case 'filter': {
        const parent = parentAt(timeMs);
        if (!parent) return null;
        const t = parentNode.type;
        const arg = spec.arg;
        let partitions: Value[][];
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
          partitions: reduceValues(parent.partitions.flat() as [Value, number][], spec.reduce ?? 'sum', P),
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
        const times = windowTimes(this.zeroTimeMs, timeMs, node.windowMs!, parentNode.slideMs);
        const rdds = times.map((t) => parentAt(t)).filter((x): x is Rdd => x !== null);
        return { ...base, partitions: rdds.flatMap((x) => x.partitions), covers: rdds.map((x) => x.timeMs) };
      }
      case 'reduceByKeyAndWindow':
      case 'countByWindow':
      case 'countByValueAndWindow':
        return this.checkpointed(node, this.windowedReduce(node, timeMs, base));
      case 'updateStateByKey':
      case 'mapWithState':
        return this.checkpointed(node, this.stateful(node, timeMs, base));
      default:
        throw new Error(`not a transformation: ${spec.op}`);
    }
  }

  private windowedReduce(
    node: DStreamNode,
    timeMs: number,
    base: { node: number; timeMs: number; computedAtMs: number },
  ): Rdd | null {
    const spec = node.spec;
    const parentNode = this.nodes[node.parents[0]!]!;
    const W = node.windowMs!;
    const covers = windowTimes(this.zeroTimeMs, timeMs, W, parentNode.slideMs).filter((t) =>
      this.isTimeValid(parentNode.index, t),
    );
    const P = this.numPartitions;
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
        .map((t) => this.getOrCompute(parentNode.index, t))
        .filter((x): x is Rdd => x !== null);
      return {
        ...base,
        partitions: reduceValues(rdds.flatMap((x) => x.partitions.flat()) as [Value, number][], reduce, P),
        covers: rdds.map((x) => x.timeMs),
      };
    }
    // countByWindow reduces one key (1) into one partition, then keeps only the values.
    const partitions = spec.op === 'countByWindow' ? 1 : P;
    const reducedAt = (t: number): Rdd | null => {
      const memo = this.reduced[node.index]!;
      const known = memo.get(t);
      if (known !== undefined) return known;
      if (!this.isTimeValid(parentNode.index, t)) return null;
      const parent = this.getOrCompute(parentNode.index, t);
      const rdd = parent && {
        node: node.index,
        timeMs: t,
        computedAtMs: base.computedAtMs,
        partitions: reduceValues(toPairs(parent.partitions.flat()), reduce, partitions),
      };
      memo.set(t, rdd);
      return rdd;
    };
    const previous = this.getOrCompute(node.index, timeMs - node.slideMs);
    const previousPairs = previous
      ? spec.op === 'countByWindow'
        ? ((previous.pairs ?? []) as [Value, number][])
        : (previous.partitions.flat() as [Value, number][])
      : [];
    const filter =
      spec.op === 'countByValueAndWindow' || (spec.op === 'reduceByKeyAndWindow' && spec.filterZero === true);
    const result = reducedWindow({
      zeroTimeMs: this.zeroTimeMs,
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

  /**
   * The metadata checkpoint JobGenerator writes when it generates the batch at `timeMs` (every batch,
   * once a checkpoint directory is set); null without one or before that batch.
   */
  metadataCheckpointAt(timeMs: number): MetadataCheckpoint | null {
    const dir = this.spec.checkpointDir;
    const batch = this.batchAt(timeMs);
    if (dir === null || !batch) return null;
    const pendingTimes = this.batches
      .filter((b) => b.timeMs <= timeMs && b.jobs > 0 && (b.endMs === null || b.endMs > timeMs))
      .map((b) => b.timeMs);
    const remembered = this.batches.filter((b) => b.timeMs <= timeMs).slice(-3);
    const offsets = this.nodes
      .filter((n) => n.spec.op === 'kafkaDirectStream')
      .flatMap((n) =>
        remembered.flatMap((b) => {
          const rdd = this.rddAt(n.index, b.timeMs);
          if (!rdd || rdd.computedAtMs > timeMs || !rdd.splits) return [];
          return [
            {
              stream: n.spec.id,
              batchTimeMs: b.timeMs,
              ranges: rdd.splits.flatMap((s) =>
                s.kind === 'kafka'
                  ? [{ partition: s.partition, fromOffset: s.fromOffset, untilOffset: s.untilOffset }]
                  : [],
              ),
            },
          ];
        }),
      );
    return {
      timeMs,
      master: `local[${this.spec.cores}]`,
      batchIntervalMs: this.spec.batchIntervalMs,
      checkpointDir: dir,
      graph: this.nodes.map((n) => ({ id: n.spec.id, op: n.spec.op, dstream: n.classes[0]! })),
      pendingTimes,
      offsets,
    };
  }

  /** Whether a DStream that must checkpoint checkpoints its RDD at `timeMs` (DStream.getOrCompute). */
  isCheckpointTime(node: DStreamNode, timeMs: number): boolean {
    return node.checkpointIntervalMs !== null && (timeMs - this.zeroTimeMs) % node.checkpointIntervalMs === 0;
  }

  /**
   * How many of the DStream's own RDDs its RDD at `timeMs` depends on since the last checkpoint cut
   * its lineage (0 when this one is checkpointed).
   */
  lineageLength(node: DStreamNode, timeMs: number): number {
    if (node.checkpointIntervalMs === null) return 0;
    const since = (timeMs - this.zeroTimeMs) % node.checkpointIntervalMs;
    const last = timeMs - since;
    return last > this.zeroTimeMs ? since / node.slideMs : (timeMs - this.zeroTimeMs) / node.slideMs - 1;
  }

  /** Records the receivers lost to failures (by `atMs`: lost by then). */
  receiverLosses(atMs: number): { id: number; reason: 'memory' | 'down' }[] {
    const r = this.source;
    return this.inputs.flatMap((i) => i.lost).filter((l) => r.arrivalTime(l.id) <= atMs);
  }

  /** The state step of a stateful DStream at `timeMs`, if computed. */
  stateAt(node: number, timeMs: number): StateStep | null {
    return this.stateSteps[node]?.get(timeMs) ?? null;
  }

  private checkpointed(node: DStreamNode, rdd: Rdd | null): Rdd | null {
    if (rdd && this.isCheckpointTime(node, rdd.timeMs)) {
      this.dataCheckpoints.push({
        node: node.index,
        timeMs: rdd.timeMs,
        writtenAtMs: rdd.computedAtMs,
        records: rdd.partitions.flat() as Value[],
        partitions: rdd.partitions.length,
      });
    }
    return rdd;
  }

  private stateful(
    node: DStreamNode,
    timeMs: number,
    base: { node: number; timeMs: number; computedAtMs: number },
  ): Rdd | null {
    const spec = node.spec;
    const parent = this.getOrCompute(node.parents[0]!, timeMs);
    const pairs = (parent?.partitions.flat() ?? []) as [Value, number][];
    const previousTime = timeMs - node.slideMs;
    let prev: StateMap | null = null;
    if (previousTime > this.zeroTimeMs) {
      this.getOrCompute(node.index, previousTime);
      prev = this.stateSteps[node.index]!.get(previousTime)?.state ?? null;
    } else if (spec.op === 'mapWithState' && spec.initialState) {
      prev = new Map(
        spec.initialState.map(([k, v]) => [valueKey(k), { key: k, value: v, updatedAtMs: timeMs }] as const),
      );
    }
    const step =
      spec.op === 'updateStateByKey'
        ? updateStateByKeyStep(prev, pairs, spec.fn as UpdateFn, timeMs)
        : mapWithStateStep(
            prev,
            pairs,
            spec.fn as MappingFn,
            timeMs,
            spec.timeoutMs ?? null,
            this.isCheckpointTime(node, timeMs),
          );
    this.stateSteps[node.index]!.set(timeMs, step);
    // The state RDD is hash-partitioned (HashPartitioner(spark.default.parallelism)).
    const partitions = shufflePairs(step.output, this.numPartitions).map((part) =>
      [...part.values()].flatMap(([k, vs]) => vs.map((v) => [k, v] as [Value, number])),
    );
    return { ...base, partitions };
  }

  private runOutput(node: DStreamNode, rdd: Rdd, timeMs: number): OutputResult {
    const spec = node.spec;
    const type = node.type;
    const text = (id: number) => this.recordText(id);
    const all = rdd.partitions.flat();
    if (spec.op === 'print') {
      // DStream.print(num): take(num + 1), print num, "..." when there were more.
      const num = spec.num ?? 10;
      const first = all.slice(0, num + 1);
      const lines = [
        '-------------------------------------------',
        `Time: ${timeMs} ms`,
        '-------------------------------------------',
      ];
      for (const v of first.slice(0, num)) lines.push(formatValue(v, type, text));
      if (first.length > num) lines.push('...');
      return { node: node.index, lines, written: null };
    }
    if (spec.op === 'foreachRDD') {
      const f = fnCatalogue.foreachRDD(spec.fn)!;
      return { node: node.index, lines: [`${timeMs} ms: ${f.apply(all.length)}`], written: null };
    }
    return { node: node.index, lines: [], written: all };
  }

  /** A record as ConsumerRecord.toString or a tuple would print. */
  recordText(id: number): string {
    const r = this.source;
    return `(${r.key(id)},${r.value(id)})`;
  }
}

/**
 * The simplified cost of a batch: every job pays a fixed overhead; the input records are tasks
 * (one per input partition) spread over the free cores, each record costing `perRecordMs`.
 */
export function processingMs(
  taskSizes: readonly number[],
  cores: number,
  perRecordMs: number,
  jobs: number,
  overheadMs: number,
): number {
  const free = new Array<number>(Math.max(1, cores)).fill(0);
  for (const size of taskSizes) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[k]!) k = i;
    free[k]! += size * perRecordMs;
  }
  return Math.round(jobs * overheadMs + Math.max(...free));
}
