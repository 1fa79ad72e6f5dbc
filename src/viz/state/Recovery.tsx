import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type DStreamNode,
  formatValue,
  GUARANTEES,
  type SinkGuarantee,
  type SinkWrite,
  type StreamingRun,
  sinkLedger,
  type Value,
} from '../../engine';
import type { useSim } from '../../store/simStore';
import { FormProblems } from '../FormProblems';
import { floatNoiseCleaner } from '../format/floatNoise';
import './Recovery.css';
import { RestartAfterField } from '../RestartAfterField';
import { useViewSim } from '../viewSim';

const selectRecovery = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  editStreaming: s.editStreaming,
});
const secs = (ms: number) => `${ms / 1000} s`;
const list = (ts: readonly number[]) => (ts.length === 0 ? 'none' : ts.map(secs).join(', '));

/**
 * Failures of the streaming application: crash the driver at the current moment, then read what
 * recovery restored, recomputed and re-ran, and what each sink guarantee made of the re-runs.
 */
export function RecoveryView() {
  const { sim, editStreaming } = useViewSim(useShallow(selectRecovery));
  const id = useId();
  const [restartS, setRestartS] = useState(2);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const run = sim.streaming();
  const spec = sim.scenario.spec.streaming;
  if (!run || !spec || run.error) return null;
  const nowMs = sim.timeMs;
  const faults = spec.faults ?? [];
  const crash = () => {
    const atMs = Math.max(spec.startAtMs, Math.round(nowMs));
    const next = [
      ...faults.filter((f) => f.atMs < atMs || f.kind !== 'driverCrash'),
      { atMs, kind: 'driverCrash' as const, restartAfterMs: restartS * 1000 },
    ].sort((a, b) => a.atMs - b.atMs);
    setProblems(editStreaming({ ...spec, faults: next }));
  };
  const clear = () => setProblems(editStreaming({ ...spec, faults: [] }));
  const add = (fault: NonNullable<typeof spec.faults>[number]) =>
    setProblems(editStreaming({ ...spec, faults: [...faults, fault].sort((a, b) => a.atMs - b.atMs) }));
  const atNow = Math.max(spec.startAtMs, Math.round(nowMs));
  const receivers = run.nodes.filter((n) => n.spec.op === 'receiverStream');
  const seen = run.recoveries.filter((r) => r.crashMs <= nowMs);
  const upcoming = faults.filter((f) => f.atMs > nowMs);
  const sinks = run.nodes.filter((n) => n.spec.op === 'sink');
  return (
    <div className="recovery">
      <div className="recovery__bar">
        <button type="button" className="button button--danger" onClick={crash}>
          Crash the driver now
        </button>
        <RestartAfterField id={`${id}-restart`} seconds={restartS} onChange={setRestartS} />
        <button type="button" className="button" onClick={() => add({ atMs: atNow, kind: 'executorLoss' })}>
          Lose an executor now
        </button>
        {receivers.length > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => add({ atMs: atNow, kind: 'receiverFailure', downMs: 2000 })}
          >
            Receivers fail now (2 s)
          </button>
        )}
        {faults.length > 0 && (
          <button type="button" className="button button--quiet" onClick={clear}>
            Remove failures
          </button>
        )}
      </div>
      <FormProblems problems={problems} />
      {run.executorLosses
        .filter((l) => l.atMs <= nowMs)
        .map((l) => (
          <section
            key={`x${l.atMs}`}
            className="recovery__story"
            aria-label={`Executor lost at ${secs(l.atMs)}`}
          >
            <h3>An executor died at {secs(l.atMs)}</h3>
            <p>
              The partitions it held are recomputed by the batch at {secs(l.batchTimeMs)}: {l.lineageBatches}{' '}
              batch
              {l.lineageBatches === 1 ? '' : 'es'} of lineage
              {l.fromCheckpointMs !== null
                ? `, starting from the data checkpoint at ${secs(l.fromCheckpointMs)}`
                : l.lineageBatches > 1
                  ? ', all the way from the first batch (no data checkpoint yet)'
                  : ''}
              , {l.recomputedRecords} records, {l.extraMs} ms more processing. The results are the same: RDDs
              are deterministic.
            </p>
          </section>
        ))}
      {receivers.length > 0 && <ReceiverLosses run={run} nowMs={nowMs} />}
      {seen.length === 0 ? (
        <p className="muted">
          No failure so far
          {upcoming.length > 0 ? ` (the driver will die at ${list(upcoming.map((f) => f.atMs))})` : ''}. Crash
          the driver to see what Spark Streaming restores from its checkpoint, what it re-runs and what the
          sinks then hold.
        </p>
      ) : (
        seen.map((r) => (
          <RecoveryStory key={r.crashMs} run={run} index={run.recoveries.indexOf(r)} nowMs={nowMs} />
        ))
      )}
      {sinks.map((s) => (
        <SinkComparison
          key={s.index}
          run={run}
          sink={s.index}
          nowMs={nowMs}
          guarantee={s.spec.guarantee ?? 'atLeastOnce'}
          onChoose={(g) =>
            setProblems(
              editStreaming({
                ...spec,
                pipeline: spec.pipeline.map((o) => (o.id === s.spec.id ? { ...o, guarantee: g } : o)),
              }),
            )
          }
        />
      ))}
    </div>
  );
}

function RecoveryStory({ run, index, nowMs }: { run: StreamingRun; index: number; nowMs: number }) {
  const r = run.recoveries[index]!;
  const killed = r.killed.map((i) => run.batches[i]!);
  const running = killed.filter((b) => b.startMs !== null && b.startMs < r.crashMs).map((b) => b.timeMs);
  const queued = killed.filter((b) => b.startMs !== null && b.startMs >= r.crashMs).map((b) => b.timeMs);
  const reruns = run.batches.filter((b) => b.attempt > 1 && b.generatedAtMs === r.restartMs);
  const input = run.nodes.find((n) => n.spec.op === 'kafkaDirectStream');
  // The checkpoint file as the crash left it: rewritten at its batch's completion if that came first.
  const file = r.checkpointMs === null ? null : run.metadataCheckpointAt(r.checkpointMs, r.crashMs);
  return (
    <section className="recovery__story" aria-label={`Driver failure at ${secs(r.crashMs)}`}>
      <h3>
        The driver died at {secs(r.crashMs)}
        {nowMs < r.restartMs ? ` — it is down until ${secs(r.restartMs)}` : `, back at ${secs(r.restartMs)}`}
      </h3>
      <p>
        Killed: running {list(running)}; queued {list(queued)}. Records that arrived meanwhile wait in Kafka
        (a receiver would have missed them).
      </p>
      {nowMs >= r.restartMs &&
        (r.checkpointMs === null ? (
          <p>
            No checkpoint directory: the new driver starts a <strong>new application</strong> at{' '}
            {secs(r.restartMs)}. All state is lost, and Kafka is read from “
            {input?.spec.startingOffsets ?? 'latest'}”
            {input?.spec.startingOffsets === 'earliest'
              ? ': everything is processed again.'
              : ': what arrived while it was down is skipped.'}
          </p>
        ) : (
          <ul className="plain recovery__steps">
            <li>
              Recovered from <code>checkpoint-{r.checkpointMs}</code>
              {file?.written === 'completed'
                ? ` (rewritten when its batch completed, at ${secs(file.writtenAtMs)})`
                : ' (written when its batch was generated)'}
              : the configuration, the DStream graph and the Kafka offsets of its batches.
            </li>
            <li>
              Re-run because they were pending in it: {list(r.pendingTimes)}. Generated for the down time
              (from the checkpoint time to the restart): {list(r.downTimes)}.
            </li>
            {input && (
              <li>
                Offsets re-read:{' '}
                {reruns
                  .map((b) => {
                    const rdd = run.rddAt(input.index, b.timeMs);
                    const ranges = (rdd?.splits ?? []).flatMap((s) =>
                      s.kind === 'kafka' ? [`p${s.partition} [${s.fromOffset}, ${s.untilOffset})`] : [],
                    );
                    return `${secs(b.timeMs)}: ${ranges.join(' ') || '—'}`;
                  })
                  .join('; ')}
                . A down-time batch is computed at the restart, so it reads up to the latest offset then.
              </li>
            )}
            {r.stateRestoredFrom.map((s) => (
              <li key={s.node}>
                State of <code>{run.nodes[s.node]!.spec.id}</code>:{' '}
                {s.timeMs === null
                  ? 'no data checkpoint yet, so it is recomputed from the first batch through the checkpointed lineage'
                  : `restored from its data checkpoint at ${secs(s.timeMs)}, then recomputed batch by batch up to ${secs(r.checkpointMs!)}`}
                .
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function ReceiverLosses({ run, nowMs }: { run: StreamingRun; nowMs: number }) {
  const lost = run.receiverLosses(nowMs);
  if (lost.length === 0) return null;
  const memory = lost.filter((l) => l.reason === 'memory').length;
  const down = lost.filter((l) => l.reason === 'down').length;
  const wal = run.nodes.some((n) => n.spec.op === 'receiverStream' && n.spec.writeAheadLog);
  return (
    <section className="recovery__story" aria-label="Receiver losses">
      <h3>Receivers lost {lost.length} records</h3>
      <p>
        {memory > 0
          ? `${memory} were received but held only in memory when their receiver (or the driver) died: a write-ahead log (spark.streaming.receiver.writeAheadLog.enable) would have kept them. `
          : wal
            ? 'The write-ahead log kept everything the receivers had received. '
            : ''}
        {down > 0
          ? `${down} arrived while the receivers were down and were never received: only a source that can replay (such as Kafka) avoids that.`
          : ''}
      </p>
    </section>
  );
}

function SinkComparison({
  run,
  sink,
  nowMs,
  guarantee,
  onChoose,
}: {
  run: StreamingRun;
  sink: number;
  nowMs: number;
  guarantee: SinkGuarantee;
  onChoose: (g: SinkGuarantee) => void;
}) {
  const id = useId();
  const node = run.nodes[sink]!;
  const ledgers = GUARANTEES.map((g) => ({ g, ledger: sinkLedger(run, sink, g.id, nowMs) }));
  const chosen = ledgers.find((l) => l.g.id === guarantee)!.ledger;
  const recent = chosen.writes.slice(-10);
  return (
    <section className="recovery__sink" aria-label={`Sink ${node.spec.id}`}>
      <h3>
        Sink <code>{node.spec.id}</code>
      </h3>
      <label className="field" htmlFor={`${id}-g`}>
        <span>Guarantee</span>
        <select id={`${id}-g`} value={guarantee} onChange={(e) => onChoose(e.target.value as SinkGuarantee)}>
          {GUARANTEES.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <table className="wtable">
        <caption className="sr-only">What {node.spec.id} holds under each guarantee</caption>
        <thead>
          <tr>
            <th scope="col">guarantee</th>
            <th scope="col">elements held</th>
            <th scope="col">duplicates</th>
            <th scope="col">batches lost</th>
          </tr>
        </thead>
        <tbody>
          {ledgers.map(({ g, ledger }) => (
            <tr key={g.id} className={g.id === guarantee ? 'is-chosen' : ''}>
              <th scope="row" title={g.how}>
                {g.label}
              </th>
              <td>{ledger.contents.length}</td>
              <td className={ledger.duplicates > 0 ? 'bad' : ''}>{ledger.duplicates}</td>
              <td className={ledger.lostBatches.length > 0 ? 'bad' : ''}>
                {ledger.lostBatches.length === 0 ? 0 : list(ledger.lostBatches)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{GUARANTEES.find((g) => g.id === guarantee)!.how}.</p>
      <SinkWrites recent={recent} node={node} />
    </section>
  );
}

/** The sink's latest writes, doubles without rounding noise (with a note, issue 20). */
function SinkWrites({ recent, node }: { recent: readonly SinkWrite[]; node: DStreamNode }) {
  const noise = floatNoiseCleaner();
  const shown = (values: readonly Value[]) =>
    noise.clean(values.map((v) => formatValue(v, node.type)).join(' '));
  const items = recent.map((w) => (
    <li key={`${w.batchTimeMs}-${w.attempt}-${w.fate}`} className={`write write--${w.fate}`}>
      <span className="write__fate">{w.fate}</span> batch {secs(w.batchTimeMs)}
      {w.attempt > 1 ? ' (re-run)' : ''} at {secs(w.atMs)}: {shown(w.values.slice(0, 6))}
      {w.values.length > 6 ? ' …' : ''}
    </li>
  ));
  const note = noise.note();
  return (
    <>
      <ul className="plain writes">{items}</ul>
      {note && <p className="muted">{note}</p>}
    </>
  );
}
