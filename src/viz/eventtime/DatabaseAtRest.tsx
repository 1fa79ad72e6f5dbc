import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Simulation } from '../../engine';
import { askDatabase, type QueryResult } from '../../store/db/database';
import { SQL_EXAMPLES } from '../../store/db/examples';
import { READINGS_COLUMNS, readingsCount } from '../../store/db/readings';
import { useSqlLink } from '../../store/db/sqlLink';
import type { useSim } from '../../store/simStore';
import { useViewSim } from '../viewSim';
import { AnswerTable } from './AnswerTable';

const selectDb = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The starting query: the same question the stream processor answers beside it. */
const DEFAULT_SQL = SQL_EXAMPLES[0]!.sql;

interface Asked {
  readonly sim: Simulation;
  readonly atMs: number;
  readonly result: QueryResult;
  /** The SQLite the database ran, when it differs from what was typed (window() rewritten). */
  readonly sqlite: string | null;
}

/**
 * The database at rest: a real SQLite (in a worker, started by the first query) holding `readings`,
 * what had arrived by the moment shown. The learner types SQL and runs it; the answer is a snapshot
 * stamped with its moment, and says when it has gone stale.
 */
export function DatabaseAtRest() {
  const { sim } = useViewSim(useShallow(selectDb));
  const id = useId();
  const [sql, setSql] = useState(() => useSqlLink.getState().sql ?? DEFAULT_SQL);
  const [asked, setAsked] = useState<Asked | null>(null);
  const [running, setRunning] = useState(false);
  const rows = readingsCount(sim);
  const run = async (text = sql) => {
    if (running) return;
    setRunning(true);
    const atMs = sim.timeMs;
    useSqlLink.getState().asked(text, atMs);
    // Spark SQL's window(event_time, '10 seconds') is rewritten for SQLite (the reader loads on first use).
    let sqlite = text;
    if (/\bwindow\b/i.test(text)) {
      try {
        sqlite = (await import('../../store/db/sparkSql')).readSparkSql(text).sqlite;
      } catch (e) {
        const message = `Spark SQL: ${e instanceof Error ? e.message : String(e)}`;
        setAsked({ sim, atMs, result: { ok: false, cancelled: false, message }, sqlite: null });
        setRunning(false);
        return;
      }
    }
    const result = await askDatabase(sim, sqlite);
    setAsked({ sim, atMs, result, sqlite: sqlite === text ? null : sqlite });
    setRunning(false);
  };
  // A link that carries a query reopens its answer: asked once, when the pane opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening, with the linked query
  useEffect(() => {
    const linked = useSqlLink.getState().take();
    if (linked !== null) {
      setSql(linked);
      void run(linked);
    }
  }, []);
  return (
    <>
      <p className="muted">
        A real database (SQLite, compiled to WebAssembly) stores every arriving tuple: <strong>{rows}</strong>{' '}
        row
        {rows === 1 ? '' : 's'} in <code>readings</code> at {secs(sim.timeMs)}. It answers only when you run a
        query; the answer is a snapshot of that moment.
      </p>
      <details className="dbms__schema">
        <summary>
          The table <code>readings</code>
        </summary>
        <table className="wtable">
          <caption className="sr-only">Columns of readings</caption>
          <tbody>
            {READINGS_COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td className="mono">{c.type}</td>
                <td>{c.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <label className="field" htmlFor={`${id}-example`}>
        <span>Start from</span>
        <select
          id={`${id}-example`}
          value={SQL_EXAMPLES.find((e) => e.sql === sql)?.sql ?? ''}
          onChange={(e) => e.target.value && setSql(e.target.value)}
        >
          <option value="">(your own query)</option>
          {SQL_EXAMPLES.map((e) => (
            <option key={e.label} value={e.sql}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label className="dbms__editor" htmlFor={`${id}-sql`}>
        <span>SQL query (SQLite)</span>
        <textarea
          id={`${id}-sql`}
          className="sql sql--editor"
          spellCheck={false}
          rows={Math.min(10, Math.max(4, sql.split('\n').length + 1))}
          value={sql}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+Enter runs the query, as in most SQL editors.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
          aria-describedby={`${id}-sql-hint`}
        />
      </label>
      <p className="dbms__hint muted" id={`${id}-sql-hint`}>
        One query (SELECT, WITH …); Ctrl+Enter runs it. Delay (<code>arrival_time - event_time</code>) is not
        lateness: whether a tuple is late depends on the watermark when it arrives.
      </p>
      <button type="button" className="button" onClick={() => void run()} disabled={running}>
        {running ? 'Running…' : 'Run query'}
      </button>
      <Answer asked={asked} sim={sim} rows={rows} />
    </>
  );
}

function Answer({ asked, sim, rows }: { asked: Asked | null; sim: Simulation; rows: number }) {
  if (!asked) return <p className="dbms__stamp">No answer yet: nothing happens until someone asks.</p>;
  const r = asked.result;
  if (!r.ok)
    return (
      <p className="spark-error" role="alert">
        {r.cancelled ? (
          r.message
        ) : (
          <>
            The database says: <code>{r.message}</code>
          </>
        )}
      </p>
    );
  const stale =
    asked.sim !== sim
      ? 'The run has changed since (another seed or an edit): this answer is stale until you run it again.'
      : asked.atMs !== sim.timeMs
        ? `Time has moved to ${secs(sim.timeMs)}${rows !== r.rows ? ` and the table now holds ${rows} rows` : ''}: this answer is stale until you run it again.`
        : null;
  return (
    <>
      {asked.sqlite && (
        <details className="dbms__schema">
          <summary>Run on SQLite as</summary>
          <pre className="sql">{asked.sqlite}</pre>
        </details>
      )}
      <p className={`dbms__stamp${stale ? ' is-stale' : ''}`} role="status">
        Answered at {secs(asked.atMs)} over {r.rows} rows, in {r.ms < 1 ? '< 1' : Math.round(r.ms)} ms.
        {stale && (
          <>
            {' '}
            <strong>{stale}</strong>
          </>
        )}
      </p>
      <AnswerTable
        columns={r.answer.columns}
        rows={r.answer.rows}
        caption={`Database answer at ${secs(asked.atMs)}`}
        className={`dbms__answer${stale ? ' is-stale' : ''}`}
      />
      {r.answer.rows.length === 0 && <p className="muted">No rows.</p>}
      {r.answer.more > 0 && <p className="muted">… and {r.answer.more} more rows, not shown.</p>}
    </>
  );
}
