/**
 * The database side of `readings` (SQLite through sql.js): created once, then kept equal to what had
 * arrived by moving its end (rows past the moment deleted, new ones appended), and queried with the
 * learner's SQL. Used by the worker, and by the tests on one database instance.
 */
import type { Database, SqlValue } from 'sql.js';
import type { ReadingRow } from './readings';

const CREATE = `CREATE TABLE readings (
  seq INTEGER PRIMARY KEY,
  tuple_id INTEGER NOT NULL,
  producer TEXT NOT NULL,
  key TEXT NOT NULL,
  value REAL,
  event_time INTEGER NOT NULL,
  arrival_time INTEGER NOT NULL,
  payload_kind TEXT NOT NULL,
  payload TEXT NOT NULL
)`;

/** Creates `readings` in an empty database. */
export function createReadings(db: Database): void {
  db.run(CREATE);
}

/** Keeps the first `keep` rows (in arrival order) and appends `add`, in one transaction. */
export function syncReadings(db: Database, keep: number, add: readonly ReadingRow[]): void {
  db.run('BEGIN');
  try {
    db.run('DELETE FROM readings WHERE seq >= ?', [keep]);
    if (add.length > 0) {
      const insert = db.prepare('INSERT INTO readings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      try {
        for (const row of add) insert.run(row as unknown as SqlValue[]);
      } finally {
        insert.free();
      }
    }
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
}

/** What a query answered: its columns and rows (at most `maxRows` of them). */
export interface SqlAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (number | string | null)[])[];
  /** Rows beyond `maxRows` that were left out. */
  readonly more: number;
}

/**
 * Runs one query of the learner's; the database's own error is thrown as it is. The table is the
 * run's record, so only a query runs (SELECT, WITH, VALUES), inside a savepoint that is rolled back
 * afterwards: even `WITH … DELETE` leaves the table as it was.
 */
export function runSql(db: Database, sql: string, maxRows = 1000): SqlAnswer {
  const statements = db.iterateStatements(sql);
  const first = statements.next();
  if (first.done) throw new Error('there is no query to run');
  const stmt = first.value;
  try {
    if (statements.getRemainingSQL().replace(/;|--[^\n]*|\s/g, '') !== '')
      throw new Error('one query at a time: remove what follows the first ;');
    if (!/^\s*(?:--[^\n]*\n\s*)*(select|with|values)\b/i.test(sql))
      throw new Error(
        'only a query runs here (SELECT, WITH …, VALUES): the table is what arrived, and stays so',
      );
    db.run('SAVEPOINT learner');
    try {
      const columns = stmt.getColumnNames();
      const rows: (number | string | null)[][] = [];
      let more = 0;
      while (stmt.step()) {
        if (rows.length < maxRows) rows.push(stmt.get().map((v) => (v instanceof Uint8Array ? '<blob>' : v)));
        else more++;
      }
      return { columns, rows, more };
    } finally {
      db.run('ROLLBACK TO learner');
      db.run('RELEASE learner');
    }
  } finally {
    stmt.free();
  }
}
