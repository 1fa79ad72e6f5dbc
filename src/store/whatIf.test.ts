/**
 * What-ifs stay responsive (issue 19): a change to a large run is computed in slices while the old
 * run stays on screen, and the run installed is the one computing it at once would give.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventRecords } from '../engine';
import { findPreset } from '../scenarios/presets';
import { computed as ready } from './__fixtures__/computed';
import { recordsOf } from './eventTime';
import { companion, NO_EDITS, newRun } from './runs';
import { useSim } from './simStore';
import { SLICING } from './slices';

const state = () => useSim.getState();

/** spark-falling-behind (Kafka → Spark Streaming, 12,000 tuples) near its end: too large to compute at once. */
const LATE_TICK = 350;
const slicing = { ...SLICING };

beforeEach(() => {
  // Slices of 1 ms: even a fast machine needs several, so the test sees the computation go on.
  SLICING.firstSliceMs = 1;
  SLICING.sliceMs = 1;
  SLICING.progressEveryMs = 0;
  state().load('spark-falling-behind');
  state().seek(LATE_TICK);
});
afterEach(() => {
  Object.assign(SLICING, slicing);
});

describe('a change to a large run', () => {
  it('keeps the old run (and its settings) until the new one is ready, then installs it at the cursor', async () => {
    const old = state().sim;
    state().setRateScale(2);
    expect(state().sim).toBe(old);
    expect(state().rateScale).toBe(1);
    expect(state().computing).toMatchObject({ what: 'run' });
    await ready();
    expect(state().sim).not.toBe(old);
    expect(state().rateScale).toBe(2);
    expect(state().tick).toBe(LATE_TICK);
    expect(state().sim.scenario.spec.producers[0]?.ratePerSec).toBe(
      2 * old.scenario.spec.producers[0]!.ratePerSec,
    );
  });

  it('installs exactly the run computing it at once gives, with its comparison', async () => {
    state().setCompare('queue');
    state().setRateScale(3);
    await ready();
    const alone = newRun(state().base, state().seed, [], { ...NO_EDITS, rateScale: 3 });
    alone.sim.seek(LATE_TICK);
    expect(state().sim.snapshot()).toEqual(alone.sim.snapshot());
    expect(state().compare?.snapshot()).toEqual(companion(alone.sim, 'queue')?.snapshot());
    state().setCompare(null);
  });

  it('is stopped by a newer change, which builds on it: one run is installed, with both', async () => {
    const installed: unknown[] = [];
    const stop = useSim.subscribe((s, prev) => {
      if (s.sim !== prev.sim) installed.push(s.sim);
    });
    state().setRateScale(2);
    state().setSeed(7);
    await ready();
    stop();
    expect(installed).toHaveLength(1);
    expect(state().rateScale).toBe(2);
    expect(state().seed).toBe(7);
    const alone = newRun(state().base, 7, [], { ...NO_EDITS, rateScale: 2 });
    alone.sim.seek(LATE_TICK);
    expect(state().sim.snapshot()).toEqual(alone.sim.snapshot());
  });

  it('follows the cursor: seeking while it computes installs the new run where the cursor is then', async () => {
    state().setRateScale(2);
    state().seek(120);
    expect(state().computing).not.toBeNull();
    await ready();
    expect(state().tick).toBe(120);
    const alone = newRun(state().base, state().seed, [], { ...NO_EDITS, rateScale: 2 });
    alone.sim.seek(120);
    expect(state().sim.snapshot()).toEqual(alone.sim.snapshot());
  });

  it('is dropped when another scenario is loaded meanwhile', async () => {
    state().setRateScale(2);
    state().load('three-kinds');
    await ready();
    expect(state().presetId).toBe('three-kinds');
    expect(state().rateScale).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(state().presetId).toBe('three-kinds');
  });

  it('reports progress from the start to the end, never going back', async () => {
    const fractions: number[] = [];
    const stop = useSim.subscribe((s) => {
      if (s.computing) fractions.push(s.computing.fraction);
    });
    state().setRateScale(5);
    await ready();
    stop();
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions[0]).toBeLessThan(0.5);
    expect(fractions[fractions.length - 1]).toBeGreaterThan(0.5);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
  });

  it('prepares the event-time records its views read, the same as computing them at once', async () => {
    const what = new Set<string>();
    const stop = useSim.subscribe((s) => {
      if (s.computing) what.add(s.computing.what);
    });
    state().editEventTime({ window: { kind: 'tumbling', sizeMs: 4000 }, spark: { delayMs: 2000 } });
    expect(state().computing).not.toBeNull();
    await ready();
    stop();
    expect([...what]).toEqual(['run', 'event time']);
    const sim = state().sim;
    expect(sim.scenario.spec.eventTime?.spark.delayMs).toBe(2000);
    expect(recordsOf(sim)).toEqual(eventRecords(sim.scenario.spec, sim.seed));
  });
});

describe('a change to a small run', () => {
  it('installs at once, as before', () => {
    state().load('kafka-failover');
    state().seek(100);
    const old = state().sim;
    state().setRateScale(2);
    expect(state().sim).not.toBe(old);
    expect(state().computing).toBeNull();
    expect(state().tick).toBe(100);
    expect(findPreset('kafka-failover')!.scenario.producers[0]!.ratePerSec * 2).toBe(
      state().sim.scenario.spec.producers[0]!.ratePerSec,
    );
  });
});
