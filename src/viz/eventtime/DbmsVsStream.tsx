import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/simStore';
import { fmt } from './EventTimePlot';
import './DbmsVsStream.css';

const selectDb = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Answer {
  readonly atMs: number;
  readonly rowsSeen: number;
  readonly rows: readonly { key: string; n: number; avg: number }[];
}

/** SELECT key, COUNT(*), AVG(value) … GROUP BY key over the tuples that have arrived by now. */
function query(sim: ReturnType<typeof useSim.getState>['sim']): Answer {
  const ids = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs);
  const groups = new Map<string, { n: number; sum: number }>();
  for (const id of ids) {
    const t = sim.tuple(id)!;
    const g = groups.get(t.key) ?? { n: 0, sum: 0 };
    g.n++;
    g.sum += typeof t.value === 'number' ? t.value : 0;
    groups.set(t.key, g);
  }
  return {
    atMs: sim.timeMs,
    rowsSeen: ids.length,
    rows: [...groups.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, g]) => ({ key, n: g.n, avg: g.sum / g.n })),
  };
}

const SQL = 'SELECT key, COUNT(*) AS n, AVG(value) AS avg\nFROM readings GROUP BY key';

/**
 * The same tuples, two ways. The database stores them (data at rest) and answers only when asked;
 * the stream processor runs the query continuously (data in motion) and its answer moves with time.
 */
export function DbmsVsStream() {
  const { sim } = useSim(useShallow(selectDb));
  const [answer, setAnswer] = useState<(Answer & { sim: unknown }) | null>(null);
  const live = query(sim);
  const current = answer && answer.sim === sim && answer.atMs <= sim.timeMs ? answer : null;
  return (
    <div className="dbms-grid">
      <section className="dbms__pane" aria-labelledby="dbms-db">
        <h3 id="dbms-db">Database: data at rest</h3>
        <p className="muted">
          Every arriving tuple is stored: <strong>{live.rowsSeen}</strong> row{live.rowsSeen === 1 ? '' : 's'}{' '}
          in <code>readings</code>. The table answers a query only when you run it; the answer is a snapshot.
        </p>
        <pre className="sql">{SQL}</pre>
        <button type="button" className="button" onClick={() => setAnswer({ ...query(sim), sim })}>
          Run query
        </button>
        {current ? (
          <>
            <p className="dbms__stamp">
              Answered at {secs(current.atMs)} over {current.rowsSeen} rows
              {live.rowsSeen > current.rowsSeen
                ? ` — ${live.rowsSeen - current.rowsSeen} more have arrived since: this answer is stale until you run it again.`
                : '.'}
            </p>
            <ResultTable rows={current.rows} caption="Database answer" />
          </>
        ) : (
          <p className="dbms__stamp">No answer yet: nothing happens until someone asks.</p>
        )}
      </section>
      <section className="dbms__pane" aria-labelledby="dbms-sps">
        <h3 id="dbms-sps">Stream processor: data in motion</h3>
        <p className="muted">
          The same query runs continuously: each tuple updates the result as it flows past, and nothing needs
          to be stored but the running count and sum per key.
        </p>
        <pre className="sql">{SQL.replace('FROM readings', 'FROM STREAM readings')}</pre>
        <p className="dbms__stamp">
          Up to date at {secs(sim.timeMs)} ({live.rowsSeen} tuples seen).
        </p>
        <ResultTable rows={live.rows} caption="Continuous query result" />
      </section>
    </div>
  );
}

function ResultTable({ rows, caption }: { rows: Answer['rows']; caption: string }) {
  return (
    <table className="wtable">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">key</th>
          <th scope="col">n</th>
          <th scope="col">avg</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{r.n}</td>
            <td>{fmt(r.avg)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
