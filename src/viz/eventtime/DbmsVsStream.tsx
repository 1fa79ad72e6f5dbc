import { useShallow } from 'zustand/react/shallow';
import { registerWarmUp } from '../../store/sim/prepareRun';
import type { useSim } from '../../store/simStore';
import { DatabaseAtRest } from './DatabaseAtRest';
import { fmt } from './EventTimePlot';
import { StreamVerdict } from './StreamVerdict';
import './DbmsVsStream.css';
import { useViewSim } from '../viewSim';

const selectDb = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface Answer {
  readonly atMs: number;
  readonly rowsSeen: number;
  readonly rows: readonly { key: string; n: number; avg: number }[];
}

/** The running query's state per run: the count and sum per key of the tuples arrived by `atMs`. */
const running = new WeakMap<
  Sim,
  { atMs: number; rowsSeen: number; groups: Map<string, { n: number; sum: number }> }
>();

/**
 * SELECT key, COUNT(*), AVG(value) … GROUP BY key over the tuples that have arrived by now, as the
 * stream processor keeps it: only the tuples that arrived since the last answer are added (a run of
 * 200,000 tuples no longer reads them all every step, issue 19); going back starts again.
 */
export function streamAnswer(sim: Sim): Answer {
  const state = runningOf(sim);
  addArrivals(sim, state, sim.timeMs);
  return {
    atMs: sim.timeMs,
    rowsSeen: state.rowsSeen,
    rows: [...state.groups.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, g]) => ({ key, n: g.n, avg: g.sum / g.n })),
  };
}

type Sim = ReturnType<typeof useSim.getState>['sim'];
type Running = NonNullable<ReturnType<typeof running.get>>;

/** The run's running state, started again when the cursor is before what it has counted. */
function runningOf(sim: Sim): Running {
  let state = running.get(sim);
  if (!state || sim.timeMs < state.atMs) {
    state = { atMs: Number.NEGATIVE_INFINITY, rowsSeen: 0, groups: new Map() };
    running.set(sim, state);
  }
  return state;
}

/** Adds the arrivals in (atMs, untilMs] (untilMs at most the cursor's time): those not counted yet. */
function addArrivals(sim: Sim, state: Running, untilMs: number): void {
  const ids = sim.arrivalsBetween(state.atMs, untilMs);
  for (const id of ids) {
    const t = sim.tuple(id)!;
    const g = state.groups.get(t.key) ?? { n: 0, sum: 0 };
    g.n++;
    g.sum += typeof t.value === 'number' ? t.value : 0;
    state.groups.set(t.key, g);
  }
  state.atMs = untilMs;
  state.rowsSeen += ids.length;
}

/** A new run's answer at its cursor, counted in pieces before the run is shown (the same sums). */
export function* warmUpStreamAnswer(sim: Sim): Generator<void> {
  if (!sim.scenario.spec.eventTime) return;
  const state = runningOf(sim);
  // About 2,000 arrivals a piece (each read as a whole tuple): 16 pieces of a 240,000-tuple run
  // took 22 ms each (issue 19).
  const pieces = Math.max(16, Math.ceil(sim.frame().arrived / 2000));
  for (let k = 1; k < pieces; k++) {
    const untilMs = (sim.timeMs * k) / pieces;
    if (untilMs <= state.atMs) continue;
    addArrivals(sim, state, untilMs);
    yield;
  }
  addArrivals(sim, state, sim.timeMs);
}
registerWarmUp(warmUpStreamAnswer);

const SQL = 'SELECT key, COUNT(*) AS n, AVG(value) AS avg\nFROM STREAM readings GROUP BY key';

/**
 * The same tuples, two ways. The database stores them (data at rest) and answers only when asked;
 * the stream processor runs its query continuously (data in motion) and its answer moves with time.
 */
export function DbmsVsStream() {
  const { sim } = useViewSim(useShallow(selectDb));
  const live = streamAnswer(sim);
  return (
    <div className="dbms-grid">
      <section className="dbms__pane" aria-labelledby="dbms-db">
        <h3 id="dbms-db">Database: data at rest</h3>
        <DatabaseAtRest />
      </section>
      <section className="dbms__pane" aria-labelledby="dbms-sps">
        <h3 id="dbms-sps">Stream processor: data in motion</h3>
        <p className="muted">
          This query runs continuously: each tuple updates the result as it flows past, and nothing needs to
          be stored but the running count and sum per key. The query you ask the database runs here too,
          below.
        </p>
        <pre className="sql">{SQL}</pre>
        <p className="dbms__stamp">
          Up to date at {secs(sim.timeMs)} ({live.rowsSeen} tuples seen).
        </p>
        <ResultTable rows={live.rows} caption="Continuous query result" />
        <StreamVerdict />
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
