import { describe, expect, it } from 'vitest';
import { draftOfText, enclosing, freshId, getAt, pathText, sectionOf, setAt } from './draft';

describe('the draft scenario', () => {
  it('sets a field without touching the rest, and removes it with undefined', () => {
    const draft = { name: 'x', producers: [{ id: 'a' }, { id: 'b' }] };
    const next = setAt(draft, ['producers', 1, 'ratePerSec'], 5);
    expect(next).toEqual({ name: 'x', producers: [{ id: 'a' }, { id: 'b', ratePerSec: 5 }] });
    expect(draft.producers[1]).toEqual({ id: 'b' });
    expect(setAt(next, ['producers', 1, 'ratePerSec'], undefined)).toEqual(draft);
    expect(setAt(draft, ['producers', 0], undefined)).toEqual({ name: 'x', producers: [{ id: 'b' }] });
  });

  it('creates a missing object from its seed, so its other required fields are there', () => {
    const next = setAt({ producers: [{ id: 'a' }] }, ['producers', 0, 'jitter', 'maxMs'], 300, {
      probability: 0,
      maxMs: 0,
    });
    expect(getAt(next, ['producers', 0, 'jitter'])).toEqual({ probability: 0, maxMs: 300 });
    expect(setAt({}, ['lateness', 'boundMs'], 10)).toEqual({ lateness: { boundMs: 10 } });
  });

  it('names fields as parseScenario does, and finds the tab and the enclosing fields of a problem', () => {
    expect(pathText(['delivery', 'groups', 0, 'members', 1, 'id'])).toBe('delivery.groups[0].members[1].id');
    expect(enclosing('producers[1].delay.ms')).toEqual([
      'producers[1].delay.ms',
      'producers[1].delay',
      'producers[1]',
      'producers',
    ]);
    expect(enclosing('')).toEqual([]);
    expect(sectionOf('producers[0].ratePerSec')).toBe('producers');
    expect(sectionOf('delivery.partitions')).toBe('broker');
    expect(sectionOf('delivery.faults[2].broker')).toBe('faults');
    expect(sectionOf('messaging.faults[0].consumer')).toBe('faults');
    expect(sectionOf('streaming.pipeline[1].op')).toBe('pipeline');
    expect(sectionOf('durationMs')).toBe('general');
    expect(sectionOf('nmae')).toBe('json');
    expect(sectionOf('')).toBe('json');
  });

  it('reads the JSON tab defensively', () => {
    expect(draftOfText('{"name": "x"}')).toEqual({ ok: true, draft: { name: 'x' } });
    expect(draftOfText('[1]')).toMatchObject({ ok: false, message: expect.stringMatching(/one object/) });
    expect(draftOfText('{"name": ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The JSON is not valid: /),
    });
    expect(freshId('p', ['p1', 'p3'])).toBe('p4');
    expect(freshId('group', [undefined])).toBe('group2');
  });
});
