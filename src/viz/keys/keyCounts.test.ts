import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { keyCounts } from './keyCounts';
import { showsKeySkew } from './keySkew';

describe('tuples per key (issue 20: skewed keys showed no keys)', () => {
  const spec = findPreset('skewed-keys')!.scenario;
  const sim = new Simulation(spec, spec.seed);
  sim.seekTime(30_000);
  const rows = keyCounts(sim);

  it('counts every created tuple once, by producer and key', () => {
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(sim.frame().created);
    for (const r of rows) expect(r.keys.reduce((n, k) => n + k.count, 0)).toBe(r.total);
  });

  it('shows the hot key on top with about 70 % of its producer’s tuples', () => {
    const hot = rows.find((r) => r.producer.startsWith('One hot key'))!;
    expect(hot.keys[0]!.key).toBe('user-0');
    expect(hot.keys[0]!.count / hot.total).toBeGreaterThan(0.55);
    const uniform = rows.find((r) => r.producer === 'Uniform keys')!;
    expect(uniform.keys[0]!.count / uniform.total).toBeLessThan(0.35);
  });

  it('appears for scenarios about skew only', () => {
    expect(showsKeySkew(sim)).toBe(true);
    const plain = findPreset('slide-example')!.scenario;
    expect(showsKeySkew(new Simulation(plain, plain.seed))).toBe(false);
    // Dense runs (1,600 tuples/s) are left out: counting them each frame would cost smoothness.
    const dense = findPreset('dense')!.scenario;
    expect(showsKeySkew(new Simulation(dense, dense.seed))).toBe(false);
  });
});
