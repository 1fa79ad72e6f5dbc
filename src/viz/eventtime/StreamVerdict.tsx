import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Continuous } from '../../store/db/continuous';
import { useSqlLink } from '../../store/db/sqlLink';
import type { useSim } from '../../store/simStore';
import { useViewSim } from '../viewSim';
import { AnswerTable } from './AnswerTable';

type Mode = 'append' | 'update' | 'complete';
type Modules = {
  readonly readSparkSql: typeof import('../../store/db/sparkSql').readSparkSql;
  readonly continuousAt: typeof import('../../store/db/continuous').continuousAt;
};

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const selectSim = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

/**
 * The query last asked of the database, as a continuous query: whether Spark Structured Streaming
 * would start it in the chosen output mode (Spark's own reason when not), and, for the forms the
 * simulator runs, its result now beside the database's, with what differs and why.
 */
export function StreamVerdict() {
  const { sql, askedAtMs, mode, delayMs, setStream } = useSqlLink(
    useShallow((s) => ({
      sql: s.sql,
      askedAtMs: s.askedAtMs,
      mode: s.mode,
      delayMs: s.delayMs,
      setStream: s.setStream,
    })),
  );
  const delayS = delayMs / 1000;
  const { sim } = useViewSim(useShallow(selectSim));
  const id = useId();
  const [modules, setModules] = useState<Modules | null>(null);
  useEffect(() => {
    if (sql === null || modules) return;
    let live = true;
    Promise.all([import('../../store/db/sparkSql'), import('../../store/db/continuous')]).then(([a, b]) => {
      if (live) setModules({ readSparkSql: a.readSparkSql, continuousAt: b.continuousAt });
    });
    return () => {
      live = false;
    };
  }, [sql, modules]);
  if (sql === null) return null;
  let verdict: { ok: boolean; text: string } | null = null;
  let result: Continuous | null = null;
  let notRun: string | null = null;
  let windowed = false;
  if (modules) {
    try {
      const read = modules.readSparkSql(sql);
      const reason = read.onStream(mode);
      verdict =
        reason === null
          ? { ok: true, text: `Spark accepts it as a streaming query in ${mode} mode.` }
          : { ok: false, text: reason };
      if (reason === null) {
        if (read.shape.kind === 'unsupported') notRun = read.shape.why;
        else {
          windowed = read.shape.kind === 'aggregate' && read.shape.window !== null;
          result = modules.continuousAt(sim, sql, read.shape, mode, delayMs);
        }
      }
    } catch (e) {
      verdict = {
        ok: false,
        text: `The query could not be read as Spark SQL: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return (
    <section className="dbms__verdict" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Your query on the stream</h4>
      <pre className="sql">{sql}</pre>
      <div className="dbms__controls">
        <label className="field" htmlFor={`${id}-mode`}>
          <span>output mode</span>
          <select
            id={`${id}-mode`}
            value={mode}
            onChange={(e) => setStream({ mode: e.target.value as Mode })}
          >
            <option value="append">append</option>
            <option value="update">update</option>
            <option value="complete">complete</option>
          </select>
        </label>
        <label className="field" htmlFor={`${id}-delay`}>
          <span>withWatermark("event_time", s)</span>
          <input
            id={`${id}-delay`}
            type="number"
            min={0}
            step={1}
            value={delayS}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n) && n >= 0) setStream({ delayMs: Math.round(n * 1000) });
            }}
          />
        </label>
      </div>
      {verdict &&
        (verdict.ok ? (
          <p className="dbms__stamp" role="status">
            {verdict.text}
          </p>
        ) : (
          <p className="spark-error" role="status">
            <code>{verdict.text}</code>
          </p>
        ))}
      {notRun && <p className="muted">Not run continuously in the simulator: {notRun}.</p>}
      {result && (
        <>
          <AnswerTable columns={result.columns} rows={result.rows} caption="Your query's continuous result" />
          {result.rows.length === 0 && <p className="muted">No result rows yet.</p>}
          {result.more > 0 && <p className="muted">The {result.more} rows before these are not shown.</p>}
          <ul className="plain dbms__diff" aria-label="How the two answers differ">
            <li>
              The stream's result is from the batch planned at {secs(result.batchAtMs)}
              {windowed && result.watermarkMs !== null
                ? `, with the watermark at ${secs(result.watermarkMs)}`
                : ''}
              .
            </li>
            <li>
              {askedAtMs === null
                ? 'The database has not answered it in this page yet.'
                : askedAtMs === sim.timeMs
                  ? `The database's answer is from ${secs(askedAtMs)}: now.`
                  : `The database's answer is from ${secs(askedAtMs)}: stale, time is at ${secs(sim.timeMs)}.`}
            </li>
            {windowed && (
              <>
                <li>
                  {result.late} tuple{result.late === 1 ? '' : 's'} the database holds{' '}
                  {result.late === 1 ? 'was' : 'were'} dropped by the stream as late (their window had ended
                  at or before the watermark).
                </li>
                <li>
                  {result.pending} window{result.pending === 1 ? '' : 's'} (per key) with rows at rest{' '}
                  {result.pending === 1 ? 'has' : 'have'} no result on the stream yet
                  {mode === 'append'
                    ? ': in append mode a window is emitted once the watermark passes its end'
                    : ''}
                  .
                </li>
              </>
            )}
          </ul>
          <p className="muted">
            Run as Spark's event-time query runs in the simulator: one input, a trigger every second, and
            (simplified) batches that take no time.
          </p>
        </>
      )}
    </section>
  );
}
