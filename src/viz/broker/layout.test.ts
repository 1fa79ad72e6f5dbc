import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { CELL_WIDTH, LOG_LEFT, layoutBroker } from './layout';

function at(presetId: string, timeMs: number, width: number) {
  const spec = findPreset(presetId)!.scenario;
  const sim = new Simulation(spec, spec.seed);
  sim.seekTime(timeMs);
  return layoutBroker(sim.delivery()!, width);
}

describe('the broker layout (issue 20)', () => {
  it('numbers offsets under the rows: the first in view and every fifth, under their cells', () => {
    const p = at('kafka-failover', 14_000, 1000).partitions[1]!;
    expect(p.ruler.length).toBeGreaterThan(3);
    for (const o of p.ruler.slice(1)) expect(o.offset % 5).toBe(0);
    for (const o of p.ruler)
      expect(o.x).toBe(LOG_LEFT + (o.offset - p.fromOffset) * CELL_WIDTH + CELL_WIDTH / 2);
  });

  it('keeps a committed offset left of the view at the edge instead of dropping it', () => {
    // A narrow view: partition 1's group committed long before the newest offsets in view.
    const layout = at('kafka-failover', 14_000, 420);
    const off = layout.partitions.flatMap((p) => p.commits.filter((c) => c.offset < p.fromOffset));
    expect(off.length).toBeGreaterThan(0);
    for (const c of off) expect(c).toMatchObject({ offLeft: true, x: LOG_LEFT });
  });

  it('drops a commit label a line when it would run into the high watermark label', () => {
    for (const width of [420, 700, 1000, 1400])
      for (let t = 1000; t <= 24_000; t += 500) {
        for (const p of at('kafka-failover', t, width).partitions)
          for (const c of p.commits) {
            if (c.x === null || p.hwX === null || c.offLeft || c.line === 1) continue;
            // On the same line the commit label ends left of its marker, clear of "HW n" on the right of its line.
            expect(c.x - 8, `${t} ms, ${width} px`).toBeLessThanOrEqual(p.hwX + 3);
          }
      }
  });
});
