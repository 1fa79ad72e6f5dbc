import { isLangError } from '../microbatch/userCode';
import { type OffsetsEntry, offsetJson, uuidOf } from './checkpointFiles';
import { eventStats, makespan } from './cluster';
import { operatorOrError, taskFailure } from './createOperator';
import { FaultPlan, type Stop } from './faults';
import { type StatefulOperator, stateRowBytes } from './operators';
import { applyChange, refusedChange } from './restart';
import { sinkOutcome } from './sinks';
import {
  type InputReader,
  inputReader,
  rateLimit,
  readRanges,
  type StructuredSource,
  startingOffsets,
} from './sources';
import type { QueryChange, StructuredSpec } from './spec';
import { nextBatchTime, phaseAt } from './trigger';
import type { CheckpointFile, QueryBatch, QueryError, QueryRun, SinkWrite } from './types';
import { WatermarkTracker } from './watermark';

/** spark.sql.streaming.pollingDelay (10 ms): how long an idle default-trigger query waits to look again. */
const POLLING_DELAY_MS = 10;

export class StructuredQuery {
  readonly batches: QueryBatch[] = [];
  readonly files: CheckpointFile[] = [];
  readonly sinkWrites: SinkWrite[] = [];
  readonly runs: QueryRun[] = [];
  error: QueryError | null = null;
  readonly queryId: string;
  /** The query as it runs now (a restart may change it). */
  spec: StructuredSpec;
  private readonly readers: InputReader[];
  private readonly offsets = new Map<number, OffsetsEntry>();
  private readonly commits = new Map<number, number>();
  private readonly stateVersions = new Map<number, QueryBatch['state']['rows']>();
  private operator: StatefulOperator;
  private tracker: WatermarkTracker;
  private status: 'running' | 'down' | 'finished' | 'failed' = 'running';
  private nextTriggerMs: number;
  private restartAtMs = 0;
  private pendingChange: QueryChange | null = null;
  private nextBatchId = 0;
  private reRun: number | null = null;
  /** End offsets of the last planned batch: where the next one starts. */
  private endOffsets: number[][];
  private availableNow: number[][] | null = null;
  private lastInRun: QueryBatch | null = null;
  private readonly faults: FaultPlan;

  constructor(
    spec: StructuredSpec,
    private readonly source: StructuredSource,
  ) {
    this.spec = spec;
    this.queryId = uuidOf(spec.checkpointLocation, 0);
    this.readers = spec.inputs.map((i) => inputReader(i, source));
    const made = operatorOrError(spec.operator);
    this.operator = made.operator;
    this.tracker = new WatermarkTracker(
      spec.inputs.map((i) => i.delayMs),
      spec.policy,
    );
    this.nextTriggerMs = spec.startAtMs;
    this.faults = new FaultPlan(spec.faults);
    this.file('metadata', spec.startAtMs, { id: this.queryId });
    this.endOffsets = this.readers.map((r, i) =>
      startingOffsets(r, spec.inputs[i]!.startingOffsets, spec.startAtMs),
    );
    this.readers.forEach((r, i) => {
      this.file(`sources/${i}/0`, spec.startAtMs, offsetJson(r, this.endOffsets[i]!));
    });
    this.startRun(spec.startAtMs);
    if (made.error) this.fail(spec.startAtMs, made.error);
  }

  /** Runs every trigger due up to `timeMs` (the world must be known up to then). */
  extendTo(timeMs: number): void {
    for (;;) {
      if (this.status === 'finished' || this.status === 'failed') return;
      if (this.status === 'down') {
        if (this.restartAtMs > timeMs) return;
        this.restart(this.restartAtMs);
        continue;
      }
      const t = this.nextTriggerMs;
      const stop = this.faults.nextStop();
      if (stop && stop.atMs <= t) {
        if (stop.atMs > timeMs) return;
        this.faults.takeStop();
        this.stop(stop);
        continue;
      }
      if (t > timeMs) return;
      this.trigger(t);
    }
  }

  /** The query stops with an exception (its run ends as failed); nothing more runs. */
  private fail(atMs: number, error: Omit<QueryError, 'atMs'>): void {
    this.error = { atMs, ...error };
    this.endRun(atMs, 'failed');
    this.status = 'failed';
  }

  private startRun(atMs: number): void {
    this.runs.push({
      index: this.runs.length,
      runId: uuidOf(this.queryId, this.runs.length + 1),
      startMs: atMs,
      stoppedMs: null,
      stopReason: null,
    });
    this.nextTriggerMs = atMs;
    this.lastInRun = null;
    if (this.spec.trigger.kind === 'availableNow')
      this.availableNow = this.readers.map((r) => r.latest(atMs));
  }

  private endRun(atMs: number, reason: QueryRun['stopReason']): void {
    const run = this.runs.at(-1)!;
    run.stoppedMs = atMs;
    run.stopReason = reason;
  }

  private stop(stop: Stop): void {
    this.endRun(stop.atMs, stop.kind === 'crash' ? 'driverCrash' : 'restart');
    this.status = 'down';
    this.restartAtMs = stop.kind === 'crash' ? stop.atMs + stop.restartAfterMs : stop.atMs;
    this.pendingChange = stop.kind === 'restart' ? stop.change : null;
  }

  /** populateStartOffsets: re-run an uncommitted batch, or go on after the last committed one. */
  private restart(atMs: number): void {
    if (this.pendingChange) {
      const next = applyChange(this.spec, this.pendingChange);
      const refused = refusedChange(this.spec, next);
      this.pendingChange = null;
      if (refused) {
        this.startRun(atMs);
        this.fail(atMs, refused);
        return;
      }
      this.spec = next;
    }
    const latest = Math.max(-1, ...this.offsets.keys());
    const committed = Math.max(-1, ...this.commits.keys());
    // A new WatermarkTracker: the global watermark comes back from the offset log (and the commit
    // log's nextBatchWatermarkMs when that batch committed); each input's starts over.
    this.tracker = new WatermarkTracker(
      this.spec.inputs.map((i) => i.delayMs),
      this.spec.policy,
    );
    const entry = this.offsets.get(latest);
    if (entry) this.tracker.setWatermark(entry.batchWatermarkMs);
    if (latest >= 0 && latest === committed)
      this.tracker.setWatermark(Math.max(this.tracker.current, this.commits.get(latest)!));
    const made = operatorOrError(this.spec.operator);
    this.operator = made.operator;
    this.operator.restore(this.stateVersions.get(committed + 1) ?? []);
    this.reRun = entry && latest > committed ? latest : null;
    this.nextBatchId = latest > committed ? latest : committed + 1;
    if (entry && latest === committed) this.endOffsets = entry.until.map((u) => [...u]);
    else if (entry) this.endOffsets = entry.from.map((u) => [...u]);
    this.status = 'running';
    this.startRun(atMs);
    if (made.error) this.fail(atMs, made.error);
  }

  private trigger(t: number): void {
    const spec = this.spec;
    const batchId = this.nextBatchId;
    const logged = this.reRun === batchId ? this.offsets.get(batchId)! : null;
    let from = this.endOffsets;
    let until: number[][];
    let watermarkMs = this.tracker.current;
    let batchTimestampMs = t;
    if (logged) {
      from = logged.from.map((f) => [...f]);
      until = logged.until.map((u) => [...u]);
      watermarkMs = logged.batchWatermarkMs;
      batchTimestampMs = logged.batchTimestampMs;
    } else {
      until = this.readers.map((r, i) => {
        const available = this.availableNow?.[i] ?? r.latest(t);
        const capped = available.map((a, p) => Math.max(a, from[i]![p]!));
        return rateLimit(spec.inputs[i]!.maxOffsetsPerTrigger, from[i]!, capped);
      });
      const newData = until.some((u, i) => u.some((o, p) => o > from[i]![p]!));
      const last = this.lastInRun;
      const another =
        spec.noDataBatches &&
        last !== null &&
        this.operator.shouldRunAnotherBatch(this.tracker.current, last.watermarkMs, spec.outputMode);
      if (!newData && !another) {
        if (spec.trigger.kind === 'availableNow') {
          this.endRun(t, 'finished');
          this.status = 'finished';
          return;
        }
        // ProcessingTime(0) is the default trigger: it looks again after the polling delay.
        this.nextTriggerMs =
          spec.trigger.kind === 'processingTime' && spec.trigger.intervalMs > 0
            ? nextBatchTime(t, spec.trigger.intervalMs)
            : t + POLLING_DELAY_MS;
        return;
      }
    }
    const lateWatermarkMs = spec.allowMultiple
      ? (this.offsets.get(batchId - 1)?.batchWatermarkMs ?? 0)
      : watermarkMs;
    let batch: QueryBatch;
    try {
      batch = this.runBatch(
        t,
        batchId,
        from,
        until,
        watermarkMs,
        lateWatermarkMs,
        batchTimestampMs,
        logged !== null,
      );
    } catch (e) {
      // The learner's function threw: its offsets were written, its commit never is.
      if (isLangError(e)) this.fail(t, taskFailure(batchId, e));
      else throw e;
      return;
    }
    this.batches.push(batch);
    if (batch.killed) return;
    this.lastInRun = batch;
    this.reRun = null;
    this.nextBatchId = batchId + 1;
    this.endOffsets = until;
    const tr = spec.trigger;
    const next =
      tr.kind === 'processingTime' && tr.intervalMs > 0
        ? Math.max(batch.commitMs, nextBatchTime(t, tr.intervalMs))
        : batch.commitMs;
    // A batch that took no time (every cost set to 0) is not triggered again at the same instant:
    // the next look comes after the polling delay, so a run always moves on.
    this.nextTriggerMs = next > t ? next : t + POLLING_DELAY_MS;
  }

  private runBatch(
    t: number,
    batchId: number,
    from: readonly (readonly number[])[],
    until: readonly (readonly number[])[],
    watermarkMs: number,
    lateWatermarkMs: number,
    batchTimestampMs: number,
    reRun: boolean,
  ): QueryBatch {
    const spec = this.spec;
    const { records, inputs, taskMs } = readRanges(this.readers, this.source, from, until, spec.perRowMs);
    const map = spec.map ?? null;
    const mapped =
      map === null
        ? records
        : records.map((r) =>
            map.kind === 'keyPrefix'
              ? { ...r, key: r.key.slice(0, map.chars) }
              : { ...r, value: r.value * map.factor },
          );
    const kept = spec.minValue === null ? mapped : mapped.filter((r) => r.value >= spec.minValue!);
    // The cluster: a task per input partition on `cores` cores, then the stateful stage's shuffle
    // spread over the cores (a simplification of spark.sql.shuffle.partitions tasks).
    let durationMs =
      spec.batchOverheadMs +
      makespan(taskMs, spec.cores) +
      Math.ceil((kept.length * spec.perRowMs) / spec.cores);
    const offsetsAt = t + spec.planMs;
    const lossAt = this.faults.executorLossDuring(offsetsAt, offsetsAt + durationMs);
    let executorLoss: QueryBatch['executorLoss'] = null;
    if (lossAt !== null) {
      // The lost executor's tasks run again on the others: one core's share of the work, again.
      const extraMs = Math.ceil((durationMs - spec.batchOverheadMs) / spec.cores);
      durationMs += extraMs;
      executorLoss = { atMs: lossAt, extraMs };
    }
    const sinkMs = offsetsAt + durationMs;
    const commitMs = sinkMs + spec.commitMs;
    const stop = this.faults.stopDuring(t, batchId, reRun, offsetsAt, sinkMs, commitMs);
    if (stop) this.stop(stop);
    const killed = stop ? { atMs: stop.atMs, phase: phaseAt(stop.atMs, offsetsAt, sinkMs) } : null;

    // A re-run batch was constructed before the crash: its offsets/N stays as written then
    // (populateStartOffsets sets isCurrentBatchConstructed, so offsetLog.add is not called again).
    if (!reRun && killed?.phase !== 'beforeOffsets') {
      this.offsets.set(batchId, { from, until, batchWatermarkMs: watermarkMs, batchTimestampMs });
      this.file(`offsets/${batchId}`, offsetsAt, {
        batchWatermarkMs: watermarkMs,
        batchTimestampMs,
        conf: {
          'spark.sql.streaming.multipleWatermarkPolicy': spec.policy,
          'spark.sql.shuffle.partitions': '200',
        },
        sources: inputs.map((i) =>
          Object.fromEntries(i.ranges.map((r) => [String(r.partition), r.untilOffset])),
        ),
      });
    }
    const step = this.operator.process(kept, {
      lateWatermarkMs,
      evictionWatermarkMs: watermarkMs,
      batchTimestampMs,
      outputMode: spec.outputMode,
    });
    const rows = this.operator.snapshot();
    const version = batchId + 1;
    const reachedSink = !killed || killed.phase === 'afterSink';
    let sink: QueryBatch['sink'] = null;
    if (reachedSink) {
      sink = sinkOutcome(spec.sink, batchId, this.sinkWrites);
      this.sinkWrites.push({
        batchId,
        runIndex: this.runs.length - 1,
        atMs: sinkMs,
        rows: step.output,
        outcome: sink,
      });
      if (spec.sink.kind === 'file' && sink === 'written')
        this.file(`${spec.sink.path}/_spark_metadata/${batchId}`, sinkMs, {
          version: 'v1',
          files: [`part-00000-batch-${batchId}.json`],
          rows: step.output.length,
        });
      // The tasks wrote the new state version before the sink ran.
      this.file(`state/0/0/${version}.delta`, sinkMs, {
        rows: rows.length,
        added: step.added.length,
        updated: step.updated.length,
        removed: step.removed.length,
      });
    }
    const stats = eventStats(records);
    let nextWatermarkMs: number | null = null;
    if (!killed) {
      this.tracker.update(records);
      nextWatermarkMs = this.tracker.current;
      this.commits.set(batchId, nextWatermarkMs);
      this.stateVersions.set(version, rows);
      this.file(`commits/${batchId}`, commitMs, { nextBatchWatermarkMs: nextWatermarkMs });
    }
    const tr = spec.trigger;
    return {
      batchId,
      runIndex: this.runs.length - 1,
      reRun,
      triggerMs: t,
      offsetsWrittenMs: killed?.phase === 'beforeOffsets' ? null : offsetsAt,
      sinkMs,
      commitMs,
      batchTimestampMs,
      inputs,
      records: records.map((r) => r.id),
      numInputRows: records.length,
      watermarkMs,
      lateWatermarkMs,
      nextWatermarkMs,
      eventTime: stats,
      noData: records.length === 0,
      dropped: step.dropped,
      duplicatesDropped: step.duplicates,
      filteredOut: records.length - kept.length,
      output: step.output,
      state: {
        operatorName: this.operator.name,
        version,
        numRowsTotal: rows.length,
        numRowsUpdated: step.added.length + step.updated.length,
        numRowsRemoved: step.removed.length,
        numRowsDroppedByWatermark: step.dropped.length,
        memoryUsedBytes: rows.reduce((n, r) => n + stateRowBytes(r), 0),
        added: step.added,
        updated: step.updated,
        removed: step.removed,
        rows,
      },
      sink,
      killed,
      executorLoss,
      fallingBehind: tr.kind === 'processingTime' && tr.intervalMs > 0 && commitMs - t > tr.intervalMs,
    };
  }

  /** Writes a file under the checkpoint location (or at an absolute path: the file sink's log). */
  private file(path: string, writtenAtMs: number, content: CheckpointFile['content']): void {
    const full = path.startsWith('/') ? path : `${this.spec.checkpointLocation}/${path}`;
    this.files.push({ path: full, writtenAtMs, content });
  }
}
