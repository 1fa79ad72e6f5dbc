import { describe, expect, it } from 'vitest';
import { assignWindows, type EventTimeSpec, Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { analysisOf } from '../../store/eventTime';
import { plotLayout } from './layout';

/**
 * The plot's panes and dot counts against a direct reading of the analysis (issue 19 made the layout
 * read per-record caches instead of assigning windows and looking up late tuples every step).
 */
function runOf(id: string, window?: EventTimeSpec['window']) {
  const spec = findPreset(id)!.scenario;
  const eventTime = window ? { ...spec.eventTime!, window } : spec.eventTime;
  const sim = new Simulation({ ...spec, eventTime }, spec.seed);
  while (sim.step());
  return sim;
}

describe('event-time plot layout', () => {
  const cases: [string, EventTimeSpec['window'] | undefined][] = [
    ['watermarks', undefined],
    ['watermarks', { kind: 'sliding', sizeMs: 4000, slideMs: 2000 }],
    ['watermarks', { kind: 'tumbling', sizeMs: 3000, offsetMs: 1000 }],
  ];
  for (const [id, window] of cases) {
    it(`panes count each window's tuples arrived and not dropped by then (${id}, ${window?.kind ?? 'preset window'})`, () => {
      const sim = runOf(id, window);
      const a = analysisOf(sim)!;
      const end = sim.scenario.spec.durationMs;
      for (const nowMs of [end * 0.1, end * 0.37, end * 0.6, end]) {
        const layout = plotLayout(a, nowMs, end, 800, 400);
        const lateAt = new Map(a.late.map((l) => [l.id, l.atMs]));
        const want = new Map<number, number>();
        for (const r of a.records) {
          if (r.arrivalMs > nowMs || (lateAt.get(r.id) ?? Number.POSITIVE_INFINITY) <= nowMs) continue;
          for (const w of assignWindows(a.spec.window, r.eventTimeMs))
            want.set(w.startMs, (want.get(w.startMs) ?? 0) + 1);
        }
        // Panes still in view: every one shown carries its window's count.
        expect(layout.panes.length).toBeGreaterThan(0);
        for (const p of layout.panes)
          expect([p.window.startMs, p.count]).toEqual([p.window.startMs, want.get(p.window.startMs)]);
        // Every tuple arrived in view is a dot, counted or marked; a dropped one only once judged late.
        const start = layout.domain[0];
        const inView = a.records.filter((r) => r.arrivalMs >= start && r.arrivalMs <= nowMs);
        expect(layout.counted.n + layout.marks.length).toBe(inView.length);
        const dropped = inView.filter((r) => (lateAt.get(r.id) ?? Number.POSITIVE_INFINITY) <= nowMs).length;
        expect(layout.marks.filter((m) => m.kind === 'dropped')).toHaveLength(dropped);
      }
    });
  }
});
