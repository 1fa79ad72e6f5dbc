import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function sim(...args: string[]) {
  return spawnSync(tsx, ['src/cli/sim.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run sim', () => {
  it('prints the run as JSON: ticks, trace and tuples, the same for the same seed', () => {
    const a = sim('preset:slide-example', '--until', '7000');
    expect(a.status).toBe(0);
    const run = JSON.parse(a.stdout);
    expect(run.final).toMatchObject({ timeMs: 7000, created: 8, arrived: 6 });
    expect(run.ticks).toHaveLength(29);
    expect(run.trace[0]).toEqual({ id: 0, kind: 'emitted', timeMs: 1000, tuple: 0, producer: 'sensor' });
    const outOfOrder = run.tuples.find((t: { outOfOrder: boolean }) => t.outOfOrder);
    expect(outOfOrder).toMatchObject({ eventTimeMs: 3000, arrivalTimeMs: 6200 });
    expect(sim('preset:slide-example', '--until', '7000').stdout).toBe(a.stdout);
    // --until is rounded down to a whole tick (250 ms here); nothing after it is reported.
    const b = JSON.parse(sim('preset:slide-example', '--until', '6199').stdout);
    expect(b.untilMs).toBe(6000);
    expect(b.final.timeMs).toBe(6000);
    expect(b.tuples.find((t: { eventTimeMs: number }) => t.eventTimeMs === 3000)).toMatchObject({
      status: 'inFlight',
      arrivalTimeMs: null,
    });
  }, 20000);

  it('reports a Kafka delivery: named trace fields and the final broker and group state', () => {
    const r = sim('src/scenarios/presets/kafka-failover.json');
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout);
    expect(run.trace.find((e: { kind: string }) => e.kind === 'leaderElected')).toEqual({
      id: expect.any(Number),
      kind: 'leaderElected',
      timeMs: 8000,
      partition: 0,
      broker: 1,
      leaderEpoch: 1,
    });
    expect(run.trace.find((e: { kind: string }) => e.kind === 'appended')).toMatchObject({
      partition: expect.any(Number),
      offset: 0,
      acks: -1,
    });
    expect(run.delivery.brokersAlive).toEqual([true, true, true]);
    expect(run.delivery.groups[0]).toMatchObject({
      id: 'analytics',
      members: [{ id: 'c2', alive: true, partitions: [0, 1, 2] }],
    });
  }, 20000);

  it('exits with code 2 and names the field for an invalid scenario, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        name: 'bad',
        durationMs: 1000,
        producers: [{ id: 'a', ratePerSec: 'fast' }],
      }),
    );
    const r = sim(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('producers[0].ratePerSec: invalid type: Expected number but received "fast"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(sim('preset:nope').status).toBe(2);
    expect(sim('preset:dense', '--seed', '-1').status).toBe(2);
  }, 20000);

  it('prints a Structured Streaming query batch by batch: offsets, watermark, state, sink, checkpoint files; a crashed batch re-runs with the offsets of offsets/N', () => {
    const preset = JSON.parse(
      readFileSync(join(root, 'src/scenarios/presets/kafka-structured-streaming.json'), 'utf8'),
    );
    preset.query.faults = [
      { kind: 'driverCrash', atBatch: { batchId: 3, phase: 'midBatch' }, restartAfterMs: 2000 },
    ];
    delete preset.$schema;
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'crash.json');
    writeFileSync(file, JSON.stringify(preset));
    const r = sim(file, '--summary');
    expect(r.status).toBe(0);
    const q = JSON.parse(r.stdout).query;
    const attempts = q.batches.filter((b: { batchId: number }) => b.batchId === 3);
    expect(attempts.map((b: { status: string }) => b.status)).toEqual(['killed', 'committed']);
    expect(attempts[1].reRun).toBe(true);
    expect(attempts[1].sources).toEqual(attempts[0].sources);
    const logged = q.checkpoint.find((f: { path: string }) => f.path.endsWith('/offsets/3'));
    expect(logged.content.sources[0]).toEqual(attempts[0].sources[0].endOffset);
    expect(q.checkpoint.filter((f: { path: string }) => f.path.endsWith('/commits/3'))).toHaveLength(1);
    expect(q.runs.map((x: { stopReason: string | null }) => x.stopReason)).toEqual(['driverCrash', null]);
    expect(q.batches[0].stateOperators[0]).toMatchObject({ operatorName: 'stateStoreSave', version: 1 });
  }, 20000);
});
