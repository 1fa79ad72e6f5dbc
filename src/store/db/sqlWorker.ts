/**
 * The database at rest, in its own thread: SQLite (sql.js, WebAssembly) holding `readings`. The page
 * sends the table's new end and the learner's query; a query that runs too long is cancelled by the
 * page ending this worker (SQLite cannot be interrupted from outside its thread).
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { ReadingRow } from './readings';
import { createReadings, runSql, syncReadings } from './table';

export type ToWorker =
  | { readonly type: 'sync'; readonly keep: number; readonly add: readonly ReadingRow[] }
  | { readonly type: 'query'; readonly id: number; readonly sql: string };

export type FromWorker =
  | {
      readonly type: 'answer';
      readonly id: number;
      readonly answer: import('./table').SqlAnswer;
      readonly ms: number;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

let ready: Promise<Database> | null = null;
const database = () => {
  ready ??= initSqlJs({ locateFile: () => wasmUrl }).then((SQL) => {
    const db = new SQL.Database();
    createReadings(db);
    return db;
  });
  return ready;
};

// Messages are handled one at a time, in order: a sync always lands before the query after it.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  queue = queue.then(async () => {
    let db: Database;
    try {
      db = await database();
    } catch (error) {
      if (m.type === 'query')
        reply({ type: 'error', id: m.id, message: `The database did not start: ${String(error)}` });
      return;
    }
    if (m.type === 'sync') {
      syncReadings(db, m.keep, m.add);
      return;
    }
    const start = performance.now();
    try {
      const answer = runSql(db, m.sql);
      reply({ type: 'answer', id: m.id, answer, ms: performance.now() - start });
    } catch (error) {
      reply({ type: 'error', id: m.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
};

const reply = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
