import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyseEventTime, eventRecords, eventTimeSpecOf, queryAnalysis, Simulation } from '../engine';
import { eventRecordOf } from '../engine/eventtime/analysis';
import { presets } from './presets';

/**
 * Speed changes nothing that is computed (issue 19). For every preset this pins a hash of what its
 * run computes: each tick's frame summary, the broker's and the queue's state every 25 ticks, every
 * tuple as a view reads it, the whole trace, every group's lag, the Spark Streaming application
 * (batches, their RDDs, outputs, state, checkpoints, recoveries), the Structured Streaming query
 * (batches, state, checkpoint files, sink writes) and the event-time analysis (windows, watermarks,
 * emissions). A change that is meant to change a preset re-pins its hash in the same commit, and
 * says why.
 */
const PINNED: Record<string, string> = {
  'three-kinds': '299c48eb0612d8ab9252c301',
  'kafka-structured-streaming': '815c6614be49597b2750d537',
  'slide-example': '577b2733e5d2d36e9f271c3b',
  'offline-backfill': '1517a96e237c12621117a704',
  'skewed-keys': 'cebf78473bd51dfc9ff585d1',
  'direct-messaging': 'faa48db799c52b36ea9dcaa6',
  'queue-broker': 'e40216c99d3a0f2e3df193b1',
  'kafka-failover': '22d039a2689a7c817aa67fc9',
  'kafka-min-isr': 'c72a298f563052db3d52f85c',
  'kafka-rf3': '46bb6b895b8c4c3e3b72714d',
  watermarks: 'cc4b4b1f6a2c97256a1a41b8',
  'dstream-windows': 'a3daa7d05461949e252a9fed',
  'spark-falling-behind': 'ea94c071e3b757ed303193cd',
  'receiver-wordcount': '797fb31e6cb3f3514a5bceef',
  'stateful-streams': 'fe8154c0165716af47e355c3',
  dense: 'fe9337f4043af13202d7a2e9',
};

/**
 * Stable text of any value: maps and sets as entries, typed arrays as arrays, objects with `toJSON`
 * as what it returns, no functions, no cycles.
 */
function stable(value: unknown, seen = new Set<object>()): string {
  if (value === undefined) return 'u';
  if (typeof value === 'function') return 'f';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `#${value}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // An object that says how it serialises (a replica log: its records, not its shared array).
  const own = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof own === 'function') return stable(own.call(value), seen);
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  let text: string;
  if (ArrayBuffer.isView(value)) text = `[${Array.from(value as unknown as ArrayLike<number>).join(',')}]`;
  else if (value instanceof Map) text = `M${stable([...value.entries()], seen)}`;
  else if (value instanceof Set) text = `S${stable([...value.values()], seen)}`;
  else if (Array.isArray(value)) text = `[${value.map((v) => stable(v, seen)).join(',')}]`;
  else {
    const keys = Object.keys(value).sort();
    text = `{${keys.map((k) => `${k}:${stable((value as Record<string, unknown>)[k], seen)}`).join(',')}}`;
  }
  seen.delete(value);
  return text;
}

function computedHash(spec: Simulation['scenario']['spec'], seed: number): string {
  const hash = createHash('sha256');
  const sim = new Simulation(spec, seed);
  for (;;) {
    hash.update(stable(sim.frame()));
    if (sim.tick % 25 === 0) hash.update(stable({ d: sim.delivery(), m: sim.messaging() }));
    if (!sim.step()) break;
  }
  hash.update(stable({ d: sim.delivery(), m: sim.messaging(), trace: sim.traceHash() }));
  const created = sim.frame().created;
  for (let id = 0; id < created; id++) hash.update(stable(sim.tuple(id)));
  for (let g = 0; g < (spec.delivery?.groups.length ?? 0); g++) hash.update(stable(sim.lagHistory(g)));
  const streaming = sim.streaming();
  if (streaming) {
    const { batches, error, executorLosses, recoveries, dataCheckpoints } = streaming;
    hash.update(stable({ batches, error, executorLosses, recoveries, dataCheckpoints }));
  }
  const query = sim.query();
  if (query) {
    const { batches, files, sinkWrites, runs } = query;
    hash.update(stable({ batches, files, sinkWrites, runs }));
    hash.update(stable(queryAnalysis(query, (id, input) => eventRecordOf(sim, id, input))));
  }
  const eventTime = spec.eventTime ?? (spec.query ? eventTimeSpecOf(spec.query) : null);
  if (eventTime) {
    const records = eventRecords({ ...spec, eventTime }, seed);
    hash.update(stable(records));
    const partitions = spec.delivery?.partitions;
    hash.update(
      stable(analyseEventTime(eventTime, records, spec.producers.length, spec.durationMs, partitions)),
    );
  }
  return hash.digest('hex').slice(0, 24);
}

describe('what every preset computes is pinned', () => {
  it.each(presets.map((p) => [p.id, p] as const))('%s', (id, preset) => {
    const got = computedHash(preset.scenario, preset.scenario.seed);
    if (process.env.PIN_PRINT) process.stdout.write(`PIN '${id}': '${got}',\n`);
    expect(got, `${id}: what this preset computes changed`).toBe(PINNED[id]);
  });

  it('pins every preset, and only presets', () => {
    expect(Object.keys(PINNED).sort()).toEqual(presets.map((p) => p.id).sort());
  });
});
