import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { Simulation } from '../engine';
import { findPreset } from '../scenarios/presets';
import { computeAheadWhenIdle } from './computeAhead';

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

  it('leaves a running Structured Streaming query’s run alone (its analysis is built at the frontier)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const idle = fakeIdle();
    const sim = runOf('kafka-structured-streaming');
    const store = create(() => ({ sim, tick: sim.tick, computing: null as unknown }));
    computeAheadWhenIdle(store);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(500);
      idle();
    }
    expect(sim.frontier).toBe(0);
  });
});
