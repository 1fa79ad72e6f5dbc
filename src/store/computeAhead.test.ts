import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { Simulation } from '../engine';
import { findPreset } from '../scenarios/presets';
import { computeAheadWhenIdle } from './computeAhead';
import { analysisOf } from './eventTime';

/** Idle callbacks held until `idle()` runs them, each with `ms` of idle time. */
function fakeIdle() {
  const queue: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => queue.push(cb));
  return (ms = 50) => {
    const now = performance.now();
    for (const cb of queue.splice(0))
      cb({ didTimeout: false, timeRemaining: () => Math.max(0, now + ms - performance.now()) });
  };
}

const runOf = (id: string) => {
  const spec = findPreset(id)!.scenario;
  return new Simulation(spec, spec.seed);
};

describe('computing the run ahead in idle time', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('computes the whole run ahead, leaving the cursor where it was; waits while the cursor moves', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const idle = fakeIdle();
    const sim = runOf('kafka-failover');
    sim.seek(20);
    const store = create(() => ({ sim, tick: sim.tick, computing: null as unknown }));
    computeAheadWhenIdle(store);
    // Just loaded: it waits for the page to be quiet.
    idle();
    expect(sim.frontier).toBe(20);
    vi.advanceTimersByTime(500);
    // The cursor moves (playing): nothing is computed while it does.
    store.setState({ tick: 21 });
    sim.step();
    const moved = sim.snapshot();
    idle();
    expect(sim.frontier).toBe(21);
    for (let i = 0; i < 2000 && sim.frontier < sim.lastTick; i++) {
      vi.advanceTimersByTime(500);
      idle();
    }
    expect(sim.frontier).toBe(sim.lastTick);
    expect(sim.tick).toBe(21);
    expect(sim.snapshot()).toEqual(moved);
  });

  it('a running Structured Streaming query computed ahead gives the analysis its run stepped to the end gives', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const idle = fakeIdle();
    const sim = runOf('kafka-structured-streaming');
    sim.seek(30);
    const store = create(() => ({ sim, tick: sim.tick, computing: null as unknown }));
    computeAheadWhenIdle(store);
    for (let i = 0; i < 2000 && sim.frontier < sim.lastTick; i++) {
      vi.advanceTimersByTime(500);
      idle();
    }
    expect(sim.frontier).toBe(sim.lastTick);
    expect(sim.tick).toBe(30);
    // Built with the cursor far behind the frontier: its batches' tuples are read at the frontier.
    const ahead = analysisOf(sim);
    const stepped = runOf('kafka-structured-streaming');
    while (stepped.step());
    expect(ahead).not.toBeNull();
    expect(ahead).toEqual(analysisOf(stepped));
  });
});
