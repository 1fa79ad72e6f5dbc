import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEventTime, assignWindows, eventRecords, Simulation } from '../../engine';
import { parseScenario } from '../../scenarios/validate';
import { readingsFrom } from './readings';
import { readSparkSql } from './sparkSql';
import { createReadings, runSql, syncReadings } from './table';

let db: Database;
beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  createReadings(db);
});

const scenario = (tuples?: object[]) => {
  const parsed = parseScenario({
    version: 1,
    name: 'windows',
    durationMs: 30_000,
    producers: [{ id: 'p', ratePerSec: 5, keys: ['a', 'b', 'c'], delay: { kind: 'constant', ms: 100 } }],
    ...(tuples ? { tuples } : {}),
    eventTime: {
      engine: 'spark',
      window: { kind: 'tumbling', sizeMs: 5000 },
      aggregate: 'count',
      keyed: true,
      spark: { delayMs: 2000 },
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};

const WINDOWED =
  "SELECT key, window.start, window.end, COUNT(*) AS n FROM readings GROUP BY key, window(event_time, '5 seconds') ORDER BY window.start, key";

describe('Spark SQL on the database at rest: window() rewritten', () => {
  it('gives each row the window the engine gives it, negative event times included', () => {
    const spec = scenario([
      { key: 'a', value: 1, eventTime: -7000, arrivalTime: 200 },
      { key: 'a', value: 1, eventTime: -1, arrivalTime: 300 },
    ]);
    const sim = new Simulation(spec, 3);
    sim.seek(sim.lastTick);
    const rows = readingsFrom(sim, 0);
    syncReadings(db, 0, rows);
    const read = readSparkSql(WINDOWED);
    expect(read.rewritten).toBe(true);
    const answer = runSql(db, read.sqlite, 100_000);
    expect(answer.columns).toEqual(['key', 'window_start', 'window_end', 'n']);
    const want = new Map<string, number>();
    for (const r of rows) {
      const [w] = assignWindows({ kind: 'tumbling', sizeMs: 5000 }, r[5]);
      const k = JSON.stringify([r[3], w!.startMs, w!.endMs]);
      want.set(k, (want.get(k) ?? 0) + 1);
    }
    const got = new Map(answer.rows.map((r) => [JSON.stringify(r.slice(0, 3)), r[3] as number]));
    expect(got).toEqual(want);
    expect(answer.rows[0]!.slice(0, 3)).toEqual(['a', -10000, -5000]);
  });

  it('a sliding window puts each row in every window the engine gives it (TimeWindowing), negative times too', () => {
    const spec = scenario([{ key: 'a', value: 1, eventTime: -7000, arrivalTime: 200 }]);
    const sim = new Simulation(spec, 4);
    sim.seek(sim.lastTick);
    const rows = readingsFrom(sim, 0);
    syncReadings(db, 0, rows);
    for (const [size, slide] of [
      [10_000, 5_000],
      [10_000, 3_000],
    ] as const) {
      const read = readSparkSql(
        `SELECT key, window.start, window.end, COUNT(*) AS n FROM readings GROUP BY key, window(event_time, '${size / 1000} seconds', '${slide / 1000} seconds')`,
      );
      const answer = runSql(db, read.sqlite, 100_000);
      const want = new Map<string, number>();
      for (const r of rows)
        for (const w of assignWindows({ kind: 'sliding', sizeMs: size, slideMs: slide }, r[5])) {
          const k = JSON.stringify([r[3], w.startMs, w.endMs]);
          want.set(k, (want.get(k) ?? 0) + 1);
        }
      expect(new Map(answer.rows.map((r) => [JSON.stringify(r.slice(0, 3)), r[3] as number]))).toEqual(want);
    }
  });

  it('equals the stream’s results for every window the watermark has passed, when nothing was late', () => {
    const spec = scenario();
    const sim = new Simulation(spec, 5);
    sim.seek(sim.lastTick);
    syncReadings(db, 0, readingsFrom(sim, 0));
    const a = analyseEventTime(spec.eventTime!, eventRecords(spec, 5), 1, spec.durationMs);
    expect(a.late).toEqual([]);
    const emitted = a.emissions.map((e) => [e.key, e.window.startMs, e.window.endMs, e.value]);
    expect(emitted.length).toBeGreaterThan(10);
    const db5 = runSql(db, readSparkSql(WINDOWED).sqlite, 100_000).rows;
    const emittedWindows = new Set(emitted.map((e) => e[1]));
    expect(db5.filter((r) => emittedWindows.has(r[1] as number)).sort()).toEqual([...emitted].sort());
  });

  it('a query without window() runs as written; window misuse and sliding windows get a reason', () => {
    const plain = 'SELECT key, COUNT(*) FROM readings GROUP BY key';
    expect(readSparkSql(plain)).toMatchObject({ sqlite: plain, rewritten: false });
    expect(() => readSparkSql('SELECT window.start FROM readings')).toThrow(/need window\(event_time/);
    expect(() =>
      readSparkSql("SELECT COUNT(*) FROM readings GROUP BY window(event_time, '5 seconds', '10 seconds')"),
    ).toThrow('window(): the slide (10000 ms) must not be longer than the window (5000 ms)');
    expect(() => readSparkSql("SELECT COUNT(*) FROM readings GROUP BY window(event_time, 'soon')")).toThrow(
      "window(): the window length must be an interval such as '10 seconds' or '1 minute', not 'soon'",
    );
  });
});

describe('the same SQL on a stream: what Spark accepts, and its reasons when it does not', () => {
  const verdict = (sql: string, mode: 'append' | 'update' | 'complete') => readSparkSql(sql).onStream(mode);
  it('refuses each form with UnsupportedOperationChecker’s words', () => {
    expect(verdict('SELECT key, COUNT(*) FROM readings GROUP BY key', 'append')).toBe(
      'org.apache.spark.sql.AnalysisException: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark',
    );
    expect(verdict('SELECT key, value FROM readings', 'complete')).toBe(
      'org.apache.spark.sql.AnalysisException: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
    );
    expect(verdict('SELECT key, value FROM readings ORDER BY value', 'append')).toBe(
      'org.apache.spark.sql.AnalysisException: Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode',
    );
    expect(verdict('SELECT key, COUNT(*) AS n FROM readings GROUP BY key ORDER BY n', 'update')).toMatch(
      /Sorting is not supported/,
    );
    expect(verdict('SELECT key, COUNT(*) AS n FROM readings GROUP BY key LIMIT 5', 'update')).toBe(
      'org.apache.spark.sql.AnalysisException: Limits are not supported on streaming DataFrames/Datasets in Update output mode',
    );
  });

  it('accepts what Spark runs', () => {
    expect(verdict('SELECT key, COUNT(*) FROM readings GROUP BY key', 'update')).toBeNull();
    expect(verdict('SELECT key, COUNT(*) AS n FROM readings GROUP BY key ORDER BY n', 'complete')).toBeNull();
    expect(verdict(WINDOWED.replace(/ ORDER BY .*/, ''), 'append')).toBeNull();
    expect(verdict('SELECT key, value FROM readings WHERE value > 3', 'append')).toBeNull();
    expect(verdict('SELECT key, value FROM readings LIMIT 5', 'append')).toBeNull();
  });
});
