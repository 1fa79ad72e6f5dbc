import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { presenterMachine } from './presenter';

function harness() {
  const log: string[] = [];
  const machine = presenterMachine.provide({
    actions: {
      enterFullscreen: () => log.push('fullscreen'),
      exitFullscreen: () => log.push('windowed'),
      next: () => log.push('next'),
      prev: () => log.push('prev'),
      pickQuestion: () => log.push('question'),
    },
  });
  const actor = createActor(machine).start();
  return {
    log,
    actor,
    send: (type: string) => actor.send({ type } as never),
    state: () => actor.getSnapshot(),
  };
}

describe('presenter machine', () => {
  it('is off until toggled; toggling enters and leaves full screen', () => {
    const h = harness();
    h.send('NEXT');
    expect(h.log).toEqual([]);
    h.send('TOGGLE');
    expect(h.state().matches({ on: 'live' })).toBe(true);
    h.send('TOGGLE');
    expect(h.state().matches('off')).toBe(true);
    expect(h.log).toEqual(['fullscreen', 'windowed']);
  });

  it('moves between prepared moments only while live', () => {
    const h = harness();
    h.send('TOGGLE');
    h.send('NEXT');
    h.send('NEXT');
    h.send('PREV');
    h.send('BLANK');
    h.send('NEXT');
    expect(h.state().matches({ on: 'blank' })).toBe(true);
    h.send('BLANK');
    h.send('NEXT');
    expect(h.log).toEqual(['fullscreen', 'next', 'next', 'prev', 'next']);
  });

  it('asks, reveals on a key press, and returns to the run', () => {
    const h = harness();
    h.send('TOGGLE');
    h.send('ASK');
    expect(h.state().matches({ on: { asking: 'question' } })).toBe(true);
    h.send('NEXT');
    expect(h.state().matches({ on: { asking: 'question' } })).toBe(true);
    h.send('REVEAL');
    expect(h.state().matches({ on: { asking: 'revealed' } })).toBe(true);
    h.send('ASK');
    expect(h.state().matches({ on: { asking: 'question' } })).toBe(true);
    h.send('REVEAL');
    h.send('NEXT');
    expect(h.state().matches({ on: 'live' })).toBe(true);
    expect(h.log.filter((x) => x === 'question')).toHaveLength(2);
    expect(h.log).not.toContain('next');
  });

  it('Escape peels one layer at a time', () => {
    const h = harness();
    h.send('TOGGLE');
    h.send('ASK');
    h.send('ESCAPE');
    expect(h.state().matches({ on: 'live' })).toBe(true);
    h.send('BLANK');
    h.send('ESCAPE');
    expect(h.state().matches({ on: 'live' })).toBe(true);
    h.send('ESCAPE');
    expect(h.state().matches('off')).toBe(true);
  });
});
