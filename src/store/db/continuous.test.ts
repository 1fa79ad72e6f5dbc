import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { parseScenario } from '../../scenarios/validate';
import { continuousAt } from './continuous';
import { readingsFrom } from './readings';
import { readSparkSql } from './sparkSql';
import { createReadings, runSql, syncReadings } from './table';

let db: Database;
beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  createReadings(db);
});

function run(delayMaxMs: number) {
  const parsed = parseScenario({
    version: 1,
    name: 'continuous',
    durationMs: 40_000,
    producers: [
      {
        id: 'p',
        ratePerSec: 4,
        keys: ['a', 'b', 'c'],
        delay: { kind: 'uniform', minMs: 0, maxMs: delayMaxMs },
      },
    ],
  });
  if (!parsed.ok) throw new Error('scenario');
  return new Simulation(parsed.scenario, 9);
}

/** Both sides at the run's current moment (a batch boundary, so both have seen the same rows). */
function bothSides(sim: Simulation, sql: string, mode: 'append' | 'update' | 'complete', delayMs = 2000) {
  syncReadings(db, 0, readingsFrom(sim, 0));
  const read = readSparkSql(sql);
  if (read.shape.kind === 'unsupported') throw new Error(read.shape.why);
  const atRest = runSql(db, read.sqlite, 100_000);
  const stream = continuousAt(sim, sql, read.shape, mode, delayMs);
  return { atRest, stream };
}

const sorted = (rows: readonly (readonly unknown[])[]) =>
  rows
    .map((r) => JSON.stringify(r.map((x) => (typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x))))
    .sort();

describe('the same SQL as a continuous query', () => {
  it('a windowed count equals the database’s for every window the watermark has passed, when nothing was late', () => {
    const sim = run(300);
    sim.seek(300); // 30 s
    const { atRest, stream } = bothSides(
      sim,
      "SELECT key, window.start, window.end, COUNT(*) AS n FROM readings GROUP BY key, window(event_time, '5 seconds')",
      'append',
    );
    expect(stream.late).toBe(0);
    expect(stream.columns).toEqual(['key', 'window_start', 'window_end', 'n']);
    expect(stream.rows.length).toBeGreaterThan(10);
    // Every emitted window is final in append mode and equals the database's count.
    const emitted = new Set(stream.rows.map((r) => r[1]));
    expect(sorted(atRest.rows.filter((r) => emitted.has(r[1] as number)))).toEqual(sorted(stream.rows));
    // What the database holds beyond them is exactly the windows the watermark has not passed.
    const pendingAtRest = atRest.rows.filter((r) => !emitted.has(r[1] as number));
    expect(pendingAtRest.length).toBe(stream.pending);
    expect(pendingAtRest.every((r) => (r[2] as number) > stream.watermarkMs!)).toBe(true);
  });

  it('late tuples are what the stream drops and the database keeps', () => {
    const sim = run(9000);
    sim.seek(400);
    const { atRest, stream } = bothSides(
      sim,
      "SELECT window.start, SUM(value) AS total FROM readings GROUP BY window(event_time, '5 seconds')",
      'update',
      1000,
    );
    expect(stream.late).toBeGreaterThan(0);
    const restCount = runSql(db, 'SELECT COUNT(*) FROM readings').rows[0]![0];
    expect(restCount).toBeGreaterThan(0);
    expect(atRest.rows.length).toBeGreaterThan(0);
  });

  it('an aggregation by key alone, and the rows themselves, equal the database’s at a batch boundary', () => {
    const sim = run(2000);
    sim.seek(250);
    const grouped = bothSides(
      sim,
      'SELECT key, AVG(value) AS avg FROM readings WHERE value > 10 GROUP BY key',
      'update',
    );
    expect(sorted(grouped.stream.rows)).toEqual(sorted(grouped.atRest.rows));
    const rows = bothSides(sim, "SELECT key, value FROM readings WHERE value > 60 AND key = 'a'", 'append');
    expect(sorted(rows.stream.rows)).toEqual(sorted(rows.atRest.rows));
    expect(rows.stream.rows.length).toBeGreaterThan(0);
  });

  it('what it does not run, it says why', () => {
    const shape = (sql: string) => readSparkSql(sql).shape;
    expect(shape('SELECT key, COUNT(*), SUM(value) FROM readings GROUP BY key')).toEqual({
      kind: 'unsupported',
      why: 'the continuous side runs one aggregate (COUNT, SUM, AVG, MIN or MAX) at a time',
    });
    expect(shape("SELECT key FROM readings WHERE payload LIKE '%x%'")).toMatchObject({ kind: 'unsupported' });
  });
});
