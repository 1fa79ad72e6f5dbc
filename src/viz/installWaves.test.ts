/**
 * A large new run is shown in waves (issue 19): views of a later wave see the store as it was before
 * the install until their wave comes, one wave per animation frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed as ready } from '../store/__fixtures__/computed';
import { LAST_INSTALL_WAVE } from '../store/sim/runSlice';
import { useSim } from '../store/simStore';
import { SLICING } from '../store/slices';
import { asOfWave } from './viewSim';

const state = () => useSim.getState();
const slicing = { ...SLICING };
let frames: (() => void)[] = [];

beforeEach(() => {
  SLICING.firstSliceMs = 1;
  SLICING.sliceMs = 1;
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
  state().load('spark-falling-behind');
  state().seek(350);
});
afterEach(() => {
  Object.assign(SLICING, slicing);
  vi.unstubAllGlobals();
});

describe('installing a large run in waves', () => {
  it('shows later waves the store before the install, one more wave per frame, then every view the run', async () => {
    const old = state().sim;
    state().setRateScale(2);
    await ready();
    const fresh = state().sim;
    expect(fresh).not.toBe(old);
    expect(state().installing?.wave).toBe(0);
    expect(asOfWave(state(), 0).sim).toBe(fresh);
    for (let wave = 1; wave <= LAST_INSTALL_WAVE; wave++) {
      // Views of this wave and later still see the old run and its settings.
      expect(asOfWave(state(), wave).sim).toBe(old);
      expect(asOfWave(state(), wave).rateScale).toBe(1);
      const frame = frames.shift();
      expect(frame).toBeDefined();
      frame!();
      expect(asOfWave(state(), wave).sim).toBe(fresh);
    }
    expect(state().installing).toBeNull();
    expect(frames).toEqual([]);
  });

  it('a small change installs at once, for every view', () => {
    state().load('three-kinds');
    const old = state().sim;
    state().setRateScale(2);
    expect(state().sim).not.toBe(old);
    expect(state().installing).toBeNull();
    expect(asOfWave(state(), LAST_INSTALL_WAVE).sim).toBe(state().sim);
  });
});
