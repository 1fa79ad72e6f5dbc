/**
 * The running query seen by the event-time views: its rows, its watermark over processing time, what
 * it emitted and which rows it dropped as late — the same shape as an event-time analysis, so the
 * Event time plot, Window results and DBMS vs stream show the query that actually ran (its batches
 * take processing time; a crash and restart show as they happened).
 */
import type { EventTimeAnalysis, LateTuple, WatermarkStep } from '../eventtime/analysis';
import type { SparkBatch } from '../eventtime/spark';
import type { Emission, EventRecord, Window } from '../eventtime/windows';
import type { EventTimeSpec } from '../types';
import type { StructuredQuery } from './query';
import type { StructuredSpec } from './spec';

/** The event-time block a window-aggregation query amounts to (null for other operators). */
export function eventTimeSpecOf(q: StructuredSpec): EventTimeSpec | null {
  const op = q.operator;
  if (op.kind !== 'windowAggregation') return null;
  const delayMs = q.inputs[0]!.delayMs;
  return {
    window: op.window,
    aggregate: op.aggregate,
    keyed: op.keyed,
    engine: 'spark',
    inputs: q.inputs.length > 1 ? 'perProducer' : 'single',
    spark: {
      delayMs,
      triggerMs:
        q.trigger.kind === 'processingTime' && q.trigger.intervalMs > 0 ? q.trigger.intervalMs : 1000,
      outputMode: q.outputMode,
      noDataBatches: q.noDataBatches,
      policy: q.policy,
      allowMultiple: q.allowMultiple,
    },
    flink: { boundMs: delayMs, autoWatermarkIntervalMs: 200, allowedLatenessMs: 0, sideOutput: false },
  };
}

export function queryAnalysis(
  query: StructuredQuery,
  recordOf: (id: number, input: number) => EventRecord,
): EventTimeAnalysis | null {
  const spec = eventTimeSpecOf(query.spec);
  if (!spec) return null;
  const committed = query.batches.filter((b) => !b.killed);
  const records: EventRecord[] = [];
  for (const b of committed) {
    let k = 0;
    for (const input of b.inputs)
      for (let n = 0; n < input.numInputRows; n++)
        records.push(recordOf(b.records[k++]!, b.inputs.indexOf(input)));
  }
  const watermark: WatermarkStep[] = [{ atMs: 0, watermarkMs: 0 }];
  for (const b of committed)
    if (b.nextWatermarkMs !== null && b.nextWatermarkMs !== watermark.at(-1)!.watermarkMs)
      watermark.push({ atMs: b.commitMs, watermarkMs: b.nextWatermarkMs });
  const emittedBy = committed.map((b): Emission[] =>
    b.output
      .filter((r) => r.window !== null)
      .map((r) => ({
        window: r.window!,
        key: r.key,
        value: r.value,
        count: r.count,
        atMs: b.sinkMs,
        kind: r.kind === 'update' ? ('update' as const) : ('first' as const),
      })),
  );
  const emissions = emittedBy.flat();
  const byId = new Map(records.map((r) => [r.id, r]));
  const late = new Map<number, LateTuple>();
  for (const b of committed)
    for (const d of b.dropped) {
      const known = late.get(d.id);
      const windows: Window[] = [...(known?.windows ?? []), ...(d.window ? [d.window] : [])];
      late.set(d.id, {
        id: d.id,
        atMs: b.triggerMs,
        eventTimeMs: byId.get(d.id)!.eventTimeMs,
        watermarkMs: b.lateWatermarkMs,
        windows,
      });
    }
  const batches: SparkBatch[] = committed.map((b, i) => ({
    id: b.batchId,
    atMs: b.triggerMs,
    records: b.records,
    watermarkMs: b.watermarkMs,
    lateWatermarkMs: b.lateWatermarkMs,
    nextWatermarkMs: b.nextWatermarkMs!,
    dropped: b.dropped.flatMap((d) => (d.window ? [{ id: d.id, window: d.window }] : [])),
    emitted: emittedBy[i]!,
    evicted: b.state.removed.flatMap((r) => (r.window ? [r.window] : [])),
    noData: b.noData,
  }));
  return {
    spec,
    records,
    watermark,
    emissions,
    late: [...late.values()].sort((a, b) => a.atMs - b.atMs || a.id - b.id),
    batches,
    flink: null,
  };
}
