import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { playbackMachine } from './playback';

/** A fake run of `last` ticks of 100 ms, driven by the machine's named actions. */
function harness(last = 10) {
  const run = { tick: 0, carry: 0 };
  const machine = playbackMachine.provide({
    actions: {
      advance: (_, { simulatedMs }) => {
        run.carry += simulatedMs;
        while (run.carry >= 100 && run.tick < last) {
          run.tick++;
          run.carry -= 100;
        }
      },
      stepForward: () => {
        run.tick = Math.min(last, run.tick + 1);
      },
      stepBack: () => {
        run.tick = Math.max(0, run.tick - 1);
      },
      seek: (_, { tick }) => {
        run.tick = Math.max(0, Math.min(last, tick));
      },
      reset: () => {
        run.tick = 0;
      },
      settle: () => {
        run.carry = 0;
      },
    },
    guards: { atEnd: () => run.tick >= last },
  });
  const actor = createActor(machine, { input: {} }).start();
  return { run, actor, state: () => actor.getSnapshot().value };
}

describe('playback machine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays in real time at 1x, pauses, and ends at the last tick', () => {
    const { run, actor, state } = harness(10);
    expect(state()).toBe('paused');
    actor.send({ type: 'PLAY' });
    expect(state()).toBe('playing');
    vi.advanceTimersByTime(320);
    expect(run.tick).toBeGreaterThanOrEqual(2);
    expect(run.tick).toBeLessThanOrEqual(4);
    actor.send({ type: 'PAUSE' });
    const paused = run.tick;
    vi.advanceTimersByTime(1000);
    expect(run.tick).toBe(paused);
    actor.send({ type: 'TOGGLE' });
    vi.advanceTimersByTime(2000);
    expect(run.tick).toBe(10);
    expect(state()).toBe('ended');
  });

  it('a pause drops the sub-step carry, so the paused picture is exactly the step', () => {
    const { run, actor } = harness(100);
    actor.send({ type: 'PLAY' });
    vi.advanceTimersByTime(150);
    // 150 ms in 16 ms frames leaves a remainder short of a whole 100 ms step.
    expect(run.carry).toBeGreaterThan(0);
    actor.send({ type: 'PAUSE' });
    expect(run.carry).toBe(0);
  });

  it('speed multiplies simulated time and stays within 0.25x–16x', () => {
    const { run, actor } = harness(1000);
    for (let i = 0; i < 10; i++) actor.send({ type: 'SPEED_UP' });
    expect(actor.getSnapshot().context.speed).toBe(16);
    actor.send({ type: 'PLAY' });
    vi.advanceTimersByTime(1000);
    // 16 simulated seconds in one wall second, i.e. about 160 ticks.
    expect(run.tick).toBeGreaterThan(140);
    expect(run.tick).toBeLessThanOrEqual(165);
    for (let i = 0; i < 10; i++) actor.send({ type: 'SPEED_DOWN' });
    expect(actor.getSnapshot().context.speed).toBe(0.25);
  });

  it('stepping pauses; step back from the end resumes pausing; play at the end restarts', () => {
    const { run, actor, state } = harness(3);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP_FORWARD' });
    expect(state()).toBe('paused');
    expect(run.tick).toBe(1);
    actor.send({ type: 'SEEK', tick: 3 });
    expect(state()).toBe('ended');
    actor.send({ type: 'STEP_BACK' });
    expect(state()).toBe('paused');
    expect(run.tick).toBe(2);
    actor.send({ type: 'SEEK', tick: 99 });
    actor.send({ type: 'PLAY' });
    expect(run.tick).toBe(0);
    expect(state()).toBe('playing');
    actor.send({ type: 'RESET' });
    expect(state()).toBe('paused');
  });
});
