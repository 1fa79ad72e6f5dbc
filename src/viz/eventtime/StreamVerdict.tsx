import { useEffect, useId, useState } from 'react';
import { useSqlLink } from '../../store/db/sqlLink';

type Mode = 'append' | 'update' | 'complete';

/**
 * The query last asked of the database, judged as a streaming query: whether Spark Structured
 * Streaming would start it in the chosen output mode (with a watermark on event_time), and Spark's
 * own reason when it would not. Simplified, and said so: the simulator does not run it continuously.
 */
export function StreamVerdict() {
  const sql = useSqlLink((s) => s.sql);
  const id = useId();
  const [mode, setMode] = useState<Mode>('update');
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (sql === null) {
      setVerdict(null);
      return;
    }
    let live = true;
    import('../../store/db/sparkSql').then(({ readSparkSql }) => {
      if (!live) return;
      try {
        const reason = readSparkSql(sql).onStream(mode);
        setVerdict(
          reason === null
            ? { ok: true, text: `Spark accepts it as a streaming query in ${mode} mode.` }
            : { ok: false, text: reason },
        );
      } catch (e) {
        setVerdict({
          ok: false,
          text: `The query could not be read as Spark SQL: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    });
    return () => {
      live = false;
    };
  }, [sql, mode]);
  if (sql === null) return null;
  return (
    <section className="dbms__verdict" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Your query on the stream</h4>
      <pre className="sql">{sql}</pre>
      <label className="field" htmlFor={`${id}-mode`}>
        <span>output mode</span>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="append">append</option>
          <option value="update">update</option>
          <option value="complete">complete</option>
        </select>
      </label>
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
      <p className="muted">
        Checked as Spark's UnsupportedOperationChecker checks a query on a stream with a watermark on{' '}
        <code>event_time</code>. Simplified: the simulator judges your query here but runs only the query
        above continuously.
      </p>
    </section>
  );
}
