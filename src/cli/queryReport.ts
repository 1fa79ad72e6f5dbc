import { type OutputRow, queryBatchPhase, type Simulation, type StateRow } from '../engine';

const windowText = (r: { window: { startMs: number; endMs: number } | null }) =>
  r.window ? { window: { startMs: r.window.startMs, endMs: r.window.endMs } } : {};
const stateRowJson = (r: StateRow) => ({
  key: r.key,
  ...windowText(r),
  value: r.state ?? r.value,
  ...(r.timeoutAtMs !== null ? { timeoutAtMs: r.timeoutAtMs } : {}),
});
const outputRowJson = (r: OutputRow) => ({
  key: r.key,
  ...windowText(r),
  value: r.text ?? r.value,
  kind: r.kind,
  ...(r.recordId !== null ? { record: r.recordId } : {}),
});

/**
 * The Structured Streaming query up to the cursor: one entry per micro-batch in the shape of
 * StreamingQueryProgress (batchId, timestamp, sources with start and end offsets, numInputRows,
 * eventTime.watermark, stateOperators, sink), then the checkpoint files and the query's runs.
 */
export function queryJson(sim: Simulation) {
  const q = sim.query();
  if (!q) return null;
  const now = sim.timeMs;
  const batches = q.batches
    .filter((b) => b.triggerMs <= now)
    .map((b) => {
      const phase = queryBatchPhase(b, now);
      const done = phase === 'committed';
      return {
        batchId: b.batchId,
        runIndex: b.runIndex,
        ...(b.reRun ? { reRun: true } : {}),
        status: phase,
        timestampMs: b.triggerMs,
        batchTimestampMs: b.batchTimestampMs,
        sources: b.inputs.map((i) => ({
          description: `${i.source === 'kafka' ? 'KafkaV2' : 'Producers'}[${i.input}]`,
          startOffset: Object.fromEntries(i.ranges.map((r) => [String(r.partition), r.fromOffset])),
          endOffset: Object.fromEntries(i.ranges.map((r) => [String(r.partition), r.untilOffset])),
          numInputRows: i.numInputRows,
        })),
        numInputRows: b.numInputRows,
        durationMs: {
          walCommit: b.offsetsWrittenMs === null ? null : b.offsetsWrittenMs - b.triggerMs,
          addBatch: b.offsetsWrittenMs === null ? null : b.sinkMs - b.offsetsWrittenMs,
          commitOffsets: b.commitMs - b.sinkMs,
          triggerExecution: b.commitMs - b.triggerMs,
        },
        eventTime: {
          watermarkMs: b.watermarkMs,
          ...(b.eventTime ?? {}),
          lateWatermarkMs: b.lateWatermarkMs,
          nextWatermarkMs: done ? b.nextWatermarkMs : null,
        },
        ...(b.fallingBehind ? { fallingBehind: true } : {}),
        ...(b.killed ? { killed: b.killed } : {}),
        ...(b.executorLoss ? { executorLoss: b.executorLoss } : {}),
        droppedByWatermark: b.dropped.map((d) => ({ tuple: d.id, ...windowText(d) })),
        ...(b.duplicatesDropped > 0 ? { duplicatesDropped: b.duplicatesDropped } : {}),
        stateOperators: [
          {
            operatorName: b.state.operatorName,
            version: b.state.version,
            numRowsTotal: b.state.numRowsTotal,
            numRowsUpdated: b.state.numRowsUpdated,
            numRowsRemoved: b.state.numRowsRemoved,
            numRowsDroppedByWatermark: b.state.numRowsDroppedByWatermark,
            memoryUsedBytes: b.state.memoryUsedBytes,
            rows: b.state.rows.map(stateRowJson),
          },
        ],
        sink:
          b.sink !== null && now >= b.sinkMs
            ? { outcome: b.sink, numOutputRows: b.output.length, rows: b.output.map(outputRowJson) }
            : null,
      };
    });
  return {
    queryId: q.queryId,
    runs: q.runs
      .filter((r) => r.startMs <= now)
      .map((r) => ({
        ...r,
        ...(r.stoppedMs !== null && r.stoppedMs > now ? { stoppedMs: null, stopReason: null } : {}),
      })),
    ...(q.error && q.error.atMs <= now ? { error: q.error } : {}),
    batches,
    checkpoint: q.files.filter((f) => f.writtenAtMs <= now),
  };
}
