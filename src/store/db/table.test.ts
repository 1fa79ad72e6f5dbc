import fc from 'fast-check';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { parseScenario } from '../../scenarios/validate';
import { SQL_EXAMPLES } from './examples';
import { type ReadingRow, readingsFrom } from './readings';
import { readSparkSql } from './sparkSql';
import { createReadings, runSql, syncReadings } from './table';

// One database for every test, as in the page: its table is moved to each moment in turn.
let db: Database;
beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  createReadings(db);
});

/** A small random scenario: producers with their own rates, delays and jitter. */
const scenarioArb = fc
  .record({
    producers: fc.array(
      fc.record({
        ratePerSec: fc.integer({ min: 1, max: 40 }),
        delay: fc.integer({ min: 0, max: 3000 }),
        keys: fc.integer({ min: 1, max: 4 }),
        kind: fc.constantFrom('structured', 'semiStructured', 'unstructured'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    seed: fc.integer({ min: 1, max: 10_000 }),
  })
  .map(({ producers, seed }) => {
    const parsed = parseScenario({
      version: 1,
      name: 'random',
      durationMs: 10_000,
      seed,
      producers: producers.map((p, i) => ({
        id: `p${i}`,
        ratePerSec: p.ratePerSec,
        keys: Array.from({ length: p.keys }, (_, k) => `k${k}`),
        delay: { kind: 'uniform', minMs: 0, maxMs: p.delay },
        jitter: { probability: 0.2, maxMs: 1500 },
        payload: { kind: p.kind },
      })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.scenario;
  });

/** What the engine says had arrived by the cursor, as rows. */
const expected = (sim: Simulation) => readingsFrom(sim, 0);
const all = () => runSql(db, 'SELECT * FROM readings ORDER BY seq', 1_000_000).rows;

describe('readings: the table at rest equals what had arrived', () => {
  it('at random moments of random runs, stepping forward and back, the table holds exactly the arrived tuples', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (scenario, ticks) => {
          const sim = new Simulation(scenario, scenario.seed);
          let held = 0;
          for (const tick of ticks) {
            sim.seek(tick);
            const want = expected(sim);
            // As the page does: keep what is still true, append what has arrived since.
            const keep = Math.min(held, want.length);
            syncReadings(db, keep, want.slice(keep));
            held = want.length;
            expect(all()).toEqual(want.map((r) => [...r]));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('each example query answers what the engine’s tuples say', () => {
    const parsed = parseScenario({
      version: 1,
      name: 'examples',
      durationMs: 30_000,
      producers: [
        { id: 'wired', ratePerSec: 4, keys: ['a', 'b'], delay: { kind: 'constant', ms: 100 } },
        {
          id: 'phone',
          ratePerSec: 3,
          keys: ['c', 'd'],
          delay: { kind: 'uniform', minMs: 0, maxMs: 4000 },
        },
      ],
    });
    if (!parsed.ok) throw new Error('scenario');
    const sim = new Simulation(parsed.scenario, 7);
    sim.seek(Math.floor(sim.lastTick * 0.7));
    const rows = expected(sim);
    syncReadings(db, 0, rows);
    const by = <T>(f: (r: ReadingRow) => T) => {
      const m = new Map<T, ReadingRow[]>();
      for (const r of rows) m.set(f(r), [...(m.get(f(r)) ?? []), r]);
      return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    };
    const answers = SQL_EXAMPLES.map((e) => runSql(db, readSparkSql(e.sql).sqlite, 100_000).rows);
    const close = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x);
    const norm = (rs: readonly (readonly unknown[])[]) => rs.map((r) => r.map(close));
    expect(norm(answers[0]!)).toEqual(
      norm(by((r) => r[3]).map(([k, rs]) => [k, rs.length, rs.reduce((s, r) => s + r[4]!, 0) / rs.length])),
    );
    expect(answers[1]).toEqual(
      rows
        .filter((r) => r[6] - r[5] > 2000)
        .sort((a, b) => b[6] - b[5] - (a[6] - a[5]) || a[1] - b[1])
        .map((r) => [r[1], r[3], r[5], r[6], r[6] - r[5]]),
    );
    expect(answers[1]!.length).toBeGreaterThan(0);
    expect(answers[2]).toEqual(by((r) => r[3]).map(([k, rs]) => [k, Math.max(...rs.map((r) => r[5]))]));
    expect(answers[3]).toEqual(
      [...rows]
        .sort((a, b) => b[4]! - a[4]! || a[1] - b[1])
        .slice(0, 5)
        .map((r) => [r[1], r[3], r[4]]),
    );
    const windows = by((r) => JSON.stringify([r[3], Math.floor(r[5] / 10000) * 10000])).map(([k, rs]) => {
      const [key, start] = JSON.parse(k) as [string, number];
      return [key, start, start + 10000, rs.length];
    });
    expect([...answers[4]!].sort()).toEqual(windows.sort());
  });

  it('only a query runs, and nothing it does changes the table; errors are the database’s own', () => {
    const before = all();
    expect(() => runSql(db, 'DELETE FROM readings')).toThrow(/only a query runs here/);
    expect(() => runSql(db, 'WITH x AS (SELECT 1) DELETE FROM readings')).not.toThrow();
    expect(() => runSql(db, 'SELECT 1; DROP TABLE readings')).toThrow(/one query at a time/);
    expect(all()).toEqual(before);
    expect(() => runSql(db, 'SELEC key FROM readings')).toThrow('near "SELEC": syntax error');
    expect(() => runSql(db, 'SELECT nope FROM readings')).toThrow('no such column: nope');
  });
});
