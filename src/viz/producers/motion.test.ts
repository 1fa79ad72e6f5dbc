import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { presets } from '../../scenarios/presets';
import { defaultWindowMs, layoutProducers, slideAt } from './layout';
import { visibleTuples } from './visibleTuples';

/** The lanes' input at a preset's moment, and the step length. */
function inputAt(presetId: string, timeMs: number, width = 1000) {
  const preset = presets.find((p) => p.id === presetId)!;
  const sim = new Simulation(preset.scenario, preset.scenario.seed);
  sim.seekTime(timeMs);
  const windowMs = defaultWindowMs(
    preset.scenario.producers.reduce((s, p) => s + p.ratePerSec, 0),
    preset.scenario.durationMs,
  );
  const lanes = sim.scenario.producers.map((p) => ({
    label: p.spec.label,
    kind: p.spec.payload.kind,
    ratePerSec: p.spec.ratePerSec,
    offline: p.spec.offline,
  }));
  const input = { nowMs: sim.timeMs, windowMs, width, lanes, tuples: visibleTuples(sim, windowMs) };
  return { sim, input, tickMs: preset.scenario.tickMs };
}

describe('producer lanes between steps', () => {
  it.each([
    ['slide-example', 3000], // the window is not full yet: the now line moves
    ['three-kinds', 30000], // the window is full: the marks slide left under a still now line
    ['dense', 20000],
  ] as const)('%s at %i ms: drawn between the two steps, at the step when the carry is 0', (id, ms) => {
    const { input, tickMs } = inputAt(id, ms);
    const atStep = layoutProducers(input);
    expect(layoutProducers({ ...input, displayMs: input.nowMs })).toEqual(atStep);
    const nextStep = layoutProducers({ ...input, nowMs: input.nowMs + tickMs, tuples: [] });
    const half = layoutProducers({ ...input, displayMs: input.nowMs + tickMs / 2 });
    // The moving parts move, and stay between their places at the two steps.
    const between = (a: number, x: number, b: number) => {
      expect(x).toBeGreaterThanOrEqual(Math.min(a, b) - 1e-9);
      expect(x).toBeLessThanOrEqual(Math.max(a, b) + 1e-9);
    };
    between(atStep.nowX, half.nowX, nextStep.nowX);
    between(atStep.originX, half.originX, nextStep.originX);
    expect(half.nowX !== atStep.nowX || half.originX !== atStep.originX).toBe(true);
    // `slideAt` (what the SVG lanes apply between renders) agrees with the layout.
    const slide = slideAt(input.width, input.windowMs, input.nowMs + tickMs / 2);
    expect(slide.nowX).toBeCloseTo(half.nowX, 9);
    expect(slide.originX).toBeCloseTo(half.originX, 9);
    // What a step means is the step's: the same marks, in the same categories, at the same times.
    expect(half.marks.map((m) => [m.id, m.category])).toEqual(atStep.marks.map((m) => [m.id, m.category]));
    for (const [i, m] of half.marks.entries()) {
      const s = atStep.marks[i]!;
      if (s.x <= atStep.plotLeft || m.x <= half.plotLeft) continue; // held at the window's edge
      expect(m.x - half.originX).toBeCloseTo(s.x - atStep.originX, 6);
      // A tuple on its way draws its delay line up to the drawn "now", never beyond.
      if (m.category === 'inFlight') expect(m.toX).toBeCloseTo(half.nowX, 6);
    }
  });

  it('an offline period that starts after the step does not show before its step', () => {
    const { input, tickMs } = inputAt('three-kinds', 30000);
    // A period starting 10 ms into the next step (between the two steps).
    const offline = [{ fromMs: input.nowMs + 10, toMs: input.nowMs + 5000 }];
    const lanes = input.lanes.map((l, i) => (i === 0 ? { ...l, offline } : l));
    const almost = layoutProducers({ ...input, lanes, displayMs: input.nowMs + tickMs - 1 });
    expect(almost.lanes[0]!.offline).toEqual([]);
    // Once its step has come, it shows, and while it lasts it runs on to the drawn "now".
    const later = { ...input, lanes, nowMs: input.nowMs + tickMs };
    const ongoing = layoutProducers({ ...later, displayMs: later.nowMs + tickMs / 2 });
    const period = ongoing.lanes[0]!.offline[0]!;
    expect(period.ongoing).toBe(true);
    expect(period.x1).toBeCloseTo(ongoing.nowX, 6);
    expect(period.x1).toBeGreaterThan(layoutProducers(later).lanes[0]!.offline[0]!.x1 - 1e-9);
  });

  it('a display time before the step is drawn at the step', () => {
    const { input } = inputAt('three-kinds', 30000);
    expect(layoutProducers({ ...input, displayMs: input.nowMs - 500 })).toEqual(layoutProducers(input));
  });
});
