import {
  analyseEventTime,
  batchStatus,
  eventRecords,
  type Simulation,
  type TraceEntry,
  traceFields,
} from '../engine';
import { lag } from '../engine/broker/groups';
import { queryJson } from './queryReport';

export interface ReportOptions {
  readonly summaryOnly: boolean;
}

/**
 * Steps `sim` to `untilMs` and writes the run as one JSON document in chunks (runs can be large):
 * { scenario, seed, tickMs, untilMs, final, ticks[], trace[], tuples[] }.
 */
export function runReport(
  sim: Simulation,
  untilMs: number,
  options: ReportOptions,
  write: (s: string) => void,
): void {
  const spec = sim.scenario.spec;
  const producers = sim.scenario.producers.map((p) => p.spec.id);
  const until = Math.floor(untilMs / spec.tickMs);
  const header = {
    scenario: spec.name,
    seed: sim.seed,
    tickMs: spec.tickMs,
    untilMs,
    producers,
  };
  write(`{${JSON.stringify(header).slice(1, -1)},\n"ticks":[`);
  let buffer = '';
  const flush = (force: boolean) => {
    if (force || buffer.length > 1 << 16) {
      write(buffer);
      buffer = '';
    }
  };
  sim.seek(0);
  let first = true;
  for (let tick = 0; ; tick++) {
    const f = sim.frame();
    const events = sim.traceAtTick(tick).length;
    if (!options.summaryOnly || tick === until) {
      buffer += `${first ? '' : ','}\n${JSON.stringify({ ...f, events })}`;
      first = false;
    }
    flush(false);
    if (tick >= until || !sim.step()) break;
  }
  flush(true);
  write('\n],\n"final":');
  write(JSON.stringify(sim.frame()));
  if (!options.summaryOnly) {
    write(',\n"trace":[');
    const entries = sim.traceRange(0, sim.frame().traceLength);
    writeList(entries, (e) => JSON.stringify(traceJson(e, producers)), write);
    write('],\n"tuples":[');
    const ids = Array.from({ length: sim.frame().created }, (_, i) => i);
    writeList(ids, (id) => JSON.stringify(tupleJson(sim, id, producers)), write);
    write(']');
  }
  const delivery = deliveryJson(sim);
  if (delivery) write(`,\n"delivery":${JSON.stringify(delivery)}`);
  const eventTime = eventTimeJson(sim);
  if (eventTime) write(`,\n"eventTime":${JSON.stringify(eventTime)}`);
  const streaming = streamingJson(sim);
  if (streaming) write(`,\n"streaming":${JSON.stringify(streaming)}`);
  const query = queryJson(sim);
  if (query) write(`,\n"query":${JSON.stringify(query)}`);
  write('\n}\n');
}

function writeList<T>(items: readonly T[], render: (item: T) => string, write: (s: string) => void): void {
  let buffer = '';
  items.forEach((item, i) => {
    buffer += `${i === 0 ? '' : ','}\n${render(item)}`;
    if (buffer.length > 1 << 16) {
      write(buffer);
      buffer = '';
    }
  });
  write(`${buffer}\n`);
}

function traceJson(e: TraceEntry, producers: readonly string[]) {
  const out: Record<string, unknown> = { id: e.id, kind: e.kind, timeMs: e.timeMs };
  if (e.tupleId >= 0) {
    out.tuple = e.tupleId;
    out.producer = producers[e.producerIndex];
  }
  // Name the entry's numbers by what they mean for its kind (partition, offset, broker, …).
  (traceFields[e.kind] ?? []).forEach((name, i) => {
    out[name] = [e.a, e.b, e.c][i];
  });
  return out;
}

/** The broker and consumer groups at the end of the report (when the scenario has a delivery model). */
function deliveryJson(sim: Simulation) {
  const d = sim.delivery();
  if (!d) return null;
  const spec = sim.scenario.spec.delivery!;
  return {
    brokersAlive: d.cluster.alive,
    partitions: d.cluster.partitions.map((p) => ({
      partition: p.partition,
      replicas: p.assignment,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      logStartOffset: p.logStartOffset,
      highWatermark: p.highWatermark,
      logEndOffsets: Object.fromEntries(p.replicas.map((r) => [r.broker, p.logStartOffset + r.log.length])),
    })),
    groups: d.groups.map((g, i) => ({
      id: spec.groups[i]!.id,
      generation: g.generation,
      committed: g.committed,
      lag: lag(g, d.cluster),
      members: g.members.map((m) => ({
        id: m.memberId,
        alive: m.alive,
        partitions: m.assigned.map((tp) => tp.partition),
      })),
    })),
  };
}

function tupleJson(sim: Simulation, id: number, producers: readonly string[]) {
  const t = sim.tuple(id)!;
  return {
    id,
    producer: producers[t.producerIndex],
    key: t.key,
    value: t.value,
    eventTimeMs: t.eventTimeMs,
    sentTimeMs: t.sentTimeMs,
    arrivalTimeMs: t.arrivalTimeMs,
    status: t.status,
    outOfOrder: t.outOfOrder,
    late: t.late,
    backfilled: t.backfilled,
    jittered: t.jittered,
    explicit: t.explicit,
  };
}

/** The Spark Streaming application: its error, or every batch up to the cursor with the four UI numbers. */
function streamingJson(sim: Simulation) {
  const run = sim.streaming();
  if (!run) return null;
  if (run.error) return { error: run.error.text, phase: run.error.phase };
  const now = sim.timeMs;
  return {
    batchIntervalMs: run.spec.batchIntervalMs,
    recoveries: run.recoveries.filter((r) => r.crashMs <= now),
    executorLosses: run.executorLosses.filter((l) => l.atMs <= now),
    receiverLosses: run.receiverLosses(now),
    batches: run.batches
      .filter((b) => b.generatedAtMs <= now)
      .map((b) => ({
        timeMs: b.timeMs,
        ...(b.attempt > 1 ? { attempt: b.attempt, recovery: b.recovery } : {}),
        status: batchStatus(b, now),
        records: b.inputRecords,
        jobs: b.jobs,
        schedulingDelayMs: b.startMs === null ? null : b.startMs - b.timeMs,
        processingMs: b.startMs === null || b.endMs === null ? null : b.endMs - b.startMs,
        totalDelayMs: b.endMs === null ? null : b.endMs - b.timeMs,
        ...(b.failure ? { failure: b.failure } : {}),
        output:
          batchStatus(b, now) === 'done'
            ? b.outputs.map((o) => ({
                op: run.nodes[o.node]!.spec.id,
                ...(o.written ? { written: o.written } : { lines: o.lines }),
              }))
            : [],
      })),
  };
}

/** The event-time query up to the cursor: watermark steps, emissions and late tuples. */
function eventTimeJson(sim: Simulation) {
  const spec = sim.scenario.spec.eventTime;
  if (!spec) return null;
  const now = sim.timeMs;
  const records = eventRecords(sim.scenario.spec, sim.seed);
  const a = analyseEventTime(
    spec,
    records,
    sim.scenario.producers.length,
    sim.scenario.spec.durationMs,
    sim.scenario.spec.delivery?.partitions,
  );
  return {
    engine: spec.engine,
    watermark: a.watermark.filter((w) => w.atMs <= now),
    emissions: a.emissions.filter((e) => e.atMs <= now),
    late: a.late
      .filter((l) => l.atMs <= now)
      .map(({ id, atMs, eventTimeMs, watermarkMs }) => ({ id, atMs, eventTimeMs, watermarkMs })),
  };
}
