// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { lessons } from '../../learn';
import { findPreset } from '../../scenarios/presets';
import { SESSION_KEY } from '../../store/session';
import { EXPLORE_PRESET, FIRST_LESSON, isFirstVisit, WELCOME_KEY } from './welcomeVisit';

describe('the start panel', () => {
  it('starts the first lesson and explores a preset that exist', () => {
    expect(FIRST_LESSON).toBe(lessons[0]!.id);
    expect(findPreset(EXPLORE_PRESET)).toBeDefined();
  });

  it('shows only on a first visit: no link, no saved session, never dismissed', () => {
    localStorage.clear();
    const bare = { search: '', hash: '' };
    expect(isFirstVisit(bare, localStorage)).toBe(true);
    expect(isFirstVisit({ search: '', hash: '#/sim' }, localStorage)).toBe(true);
    expect(isFirstVisit({ search: '?scenario=dense', hash: '' }, localStorage)).toBe(false);
    expect(isFirstVisit({ search: '', hash: '#/lessons' }, localStorage)).toBe(false);
    localStorage.setItem(SESSION_KEY, JSON.stringify({ version: 1, link: '?scenario=dense&t=500' }));
    expect(isFirstVisit(bare, localStorage)).toBe(false);
    localStorage.clear();
    localStorage.setItem(WELCOME_KEY, 'dismissed');
    expect(isFirstVisit(bare, localStorage)).toBe(false);
    // No storage at all (a refusing private mode): nothing remembers a dismissal, so it may show.
    expect(isFirstVisit(bare, undefined)).toBe(true);
  });
});
