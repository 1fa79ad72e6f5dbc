import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { fitTimeline, rangeText, wrapLabel } from './fit';
import { monoWidth, OP_FONT_PX, RANGE_FONT_PX } from './grid';
import { opLabel } from './layout';

function at(presetId: string, timeMs: number) {
  const spec = findPreset(presetId)!.scenario;
  const sim = new Simulation(spec, spec.seed);
  sim.seekTime(timeMs);
  return sim.streaming()!;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the DStream timeline fits its labels (issue 20: operation names were cut)', () => {
  it('breaks a long operation after "(" or ", " and keeps every character', () => {
    const label = 'reduceByKeyAndWindow(sum, inverse, 3 s, 1 s)';
    const lines = wrapLabel(label, 24);
    expect(lines).toEqual(['reduceByKeyAndWindow(', 'sum, inverse, 3 s, 1 s)']);
    expect(wrapLabel('foreachRDD → sink', 12)).toEqual(['foreachRDD', '→ sink']);
    expect(wrapLabel('map(keyOne)', 30)).toEqual(['map(keyOne)']);
    // A piece longer than a line is split rather than cut, before a capital where it can be.
    expect(wrapLabel('reduceByKeyAndWindow(sum, 3 s, 2 s)', 17)).toEqual([
      'reduceByKeyAnd',
      'Window(sum, 3 s,',
      '2 s)',
    ]);
    expect(squeeze(wrapLabel('map(aVeryLongFunctionNameIndeed)', 10).join(''))).toBe(
      squeeze('map(aVeryLongFunctionNameIndeed)'),
    );
  });

  for (const width of [360, 480, 640, 825, 1238])
    it(`gives every operation's lines room in the label column at ${width} px`, () => {
      const run = at('dstream-windows', 9500);
      const fit = fitTimeline(run, 9500, width);
      run.nodes.forEach((node, r) => {
        const lines = fit.opLines[r]!;
        expect(squeeze(lines.join(''))).toBe(squeeze(opLabel(node)));
        for (const line of lines)
          expect(10 + monoWidth(line.length, OP_FONT_PX)).toBeLessThanOrEqual(fit.labelW - 12);
        // Every line sits above the bottom of the row's label box; rows follow each other.
        expect(36 + (lines.length - 1) * 14 + 4).toBeLessThanOrEqual(fit.rowH[r]! - 4);
        expect(fit.rowY[r]).toBe(r === 0 ? 0 : fit.rowY[r - 1]! + fit.rowH[r - 1]!);
      });
      expect(fit.model.columns.length).toBeGreaterThanOrEqual(2);
    });

  it('widens the batch columns so the Kafka offset ranges fit under their partitions', () => {
    const run = at('dstream-windows', 9500);
    const fit = fitTimeline(run, 9500, 1238);
    const input = fit.model.cells[0]!;
    for (const cell of input) {
      if (cell.kind !== 'rdd' || !cell.rdd.splits) continue;
      const pw = (fit.colW - 16) / cell.sizes.length;
      for (const s of cell.rdd.splits)
        if (s.kind === 'kafka')
          expect(monoWidth(rangeText(s.fromOffset, s.untilOffset).length, RANGE_FONT_PX)).toBeLessThanOrEqual(
            pw - 2,
          );
    }
  });
});
