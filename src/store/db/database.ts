/**
 * The page's side of the database at rest: starts the worker on the first query (a learner's
 * action, never on load), brings `readings` to the run's current moment, asks, and cancels a query
 * that runs too long by ending the worker; the next query starts a new one and fills the table again.
 */
import type { Simulation } from '../../engine';
import { readingsOf } from './readings';
import type { FromWorker, ToWorker } from './sqlWorker';
import type { SqlAnswer } from './table';

/** Rows built and sent at a time. */
const SLICE = 5000;

/** How long a query may run before it is cancelled. */
export const QUERY_LIMIT_MS = 3000;

export type QueryResult =
  | { readonly ok: true; readonly answer: SqlAnswer; readonly ms: number; readonly rows: number }
  | { readonly ok: false; readonly message: string; readonly cancelled: boolean };

let worker: Worker | null = null;
/** The run whose rows the worker holds, and how many (in arrival order). */
let held: { sim: Simulation; rows: number } | null = null;
let nextId = 0;

function start(): Worker {
  const w = new Worker(new URL('./sqlWorker.ts', import.meta.url), { type: 'module' });
  held = null;
  return w;
}

function stop(): void {
  worker?.terminate();
  worker = null;
  held = null;
}

/** Runs `sql` on `readings` as it was at the run's current moment. */
export async function askDatabase(
  sim: Simulation,
  sql: string,
  limitMs = QUERY_LIMIT_MS,
): Promise<QueryResult> {
  worker ??= start();
  const w = worker;
  const keep = held && held.sim === sim ? held.rows : 0;
  const ids = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, sim.timeMs);
  const total = ids.length;
  const from = Math.min(keep, total);
  const send = (m: ToWorker) => w.postMessage(m);
  // The rows are built on the page, from the run, a slice at a time with a pause between, so filling
  // a large table never holds the page for long; the worker receives them in order.
  send({ type: 'sync', keep: from, add: [] });
  for (let at = from; at < total; at += SLICE) {
    if (at > from) await new Promise((r) => setTimeout(r, 0));
    if (worker !== w) return { ok: false, cancelled: true, message: 'The database was restarted.' };
    send({ type: 'sync', keep: at, add: readingsOf(sim, ids, at, Math.min(total, at + SLICE)) });
  }
  held = { sim, rows: total };
  const id = nextId++;
  send({ type: 'query', id, sql });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      stop();
      resolve({
        ok: false,
        cancelled: true,
        message: `The query ran longer than ${limitMs / 1000} s and was cancelled: the database was stopped and will be filled again for the next query.`,
      });
    }, limitMs);
    const onError = (e: ErrorEvent) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      stop();
      resolve({
        ok: false,
        cancelled: false,
        message: `The database could not start: ${e.message || 'its worker failed to load'}`,
      });
    };
    w.addEventListener('error', onError, { once: true });
    const onMessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.id !== id) return;
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(
        e.data.type === 'answer'
          ? { ok: true, answer: e.data.answer, ms: e.data.ms, rows: total }
          : { ok: false, cancelled: false, message: e.data.message },
      );
    };
    w.addEventListener('message', onMessage);
  });
}
