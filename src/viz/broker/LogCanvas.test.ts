import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { cellAt, useDenseLog } from './LogCanvas';
import { layoutBroker, ROW_HEIGHT } from './layout';
import { replicaSignature } from './ReplicaLog';

function layoutAt(presetId: string, timeMs: number, width: number) {
  const spec = findPreset(presetId)!.scenario;
  const sim = new Simulation(spec, spec.seed);
  sim.seekTime(timeMs);
  return layoutBroker(sim.delivery()!, width);
}

const none = { fresh: new Set<number>(), fetched: new Set<number>() };

describe('the broker log drawn on a canvas while a fast run plays (issue 19)', () => {
  it('finds the record under a point of a cell, and nothing between rows', () => {
    const layout = layoutAt('kafka-failover', 14_000, 1000);
    for (const p of layout.partitions)
      for (const r of p.replicas)
        for (const c of r.cells)
          expect(cellAt(layout, c.x + layout.cellWidth / 2, r.y + ROW_HEIGHT / 2)).toBe(c.tupleId);
    const p = layout.partitions[0]!;
    expect(cellAt(layout, p.replicas[0]!.cells[0]!.x + 5, p.y + 2)).toBeNull();
  });

  it('a row is drawn again only when its cells or their state change', () => {
    const before = layoutAt('kafka-failover', 14_000, 1000);
    const same = layoutAt('kafka-failover', 14_000, 1000);
    const later = layoutAt('kafka-failover', 16_000, 1000);
    const sig = (l: typeof before, selected: number | null = null) =>
      replicaSignature(l.partitions[0]!.replicas[0]!, l.partitions[0]!.fromOffset, selected, none);
    expect(sig(same)).toBe(sig(before));
    // Two seconds later some row has new records (a row of a broker that is down keeps its picture).
    const rows = (l: typeof before) =>
      l.partitions.flatMap((p) => p.replicas.map((r) => replicaSignature(r, p.fromOffset, null, none)));
    expect(rows(later).filter((row, i) => row !== rows(before)[i]).length).toBeGreaterThan(0);
    const first = before.partitions[0]!.replicas[0]!.cells[0]!.tupleId;
    expect(sig(before, first)).not.toBe(sig(before));
  });
});

describe('when the broker log goes on the canvas', () => {
  const first = (records: number, playing: boolean, fast: boolean) => {
    let dense: boolean | undefined;
    const Probe = () => {
      dense = useDenseLog(records, playing, fast);
      return null;
    };
    renderToString(createElement(Probe));
    return dense;
  };

  it('starts on the canvas when playing at 8× or more, in SVG otherwise, and never paused', () => {
    expect(first(1000, true, true)).toBe(true);
    expect(first(1000, true, false)).toBe(false);
    expect(first(1000, false, true)).toBe(false);
  });
});
