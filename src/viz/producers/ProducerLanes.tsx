import { type KeyboardEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Simulation } from '../../engine';
import { registerWarmUp } from '../../store/sim/prepareRun';
import type { SimStore } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import { useViewSim } from '../viewSim';
import { CATEGORIES, countCategories } from './categories';
import { Legend } from './Legend';
import { categoryLabels, defaultWindowMs, type LayoutInput, layoutProducers, type Mark } from './layout';
import { slideTransform, useLaneMotion } from './motion';
import { NAVIGATION_KEYS, neighbour } from './navigation';
import { countPackedCategories, newestPacked } from './packed';
import { Lanes, type MarkActions, NowLine, SvgMarks } from './SvgMarks';
import { describeTuple, marksOf, packedAtCursor, tuplesBefore, visibleIdsAtCursor } from './visibleTuples';
import './ProducerLanes.css';

const NO_TUPLES: readonly never[] = [];
const EMPTY_PACKED = new Float64Array(0);

/** Above this many tuples in view, marks go on a canvas (SVG elements would slow playback). */
const SVG_MARK_LIMIT = 900;

/**
 * The dense lanes' canvas, its painter and its worker, loaded when a run is dense: most first
 * pictures draw SVG marks, and the first download has a budget (issue 13).
 */
const DenseMarks = lazy(() => import('./CanvasMarks').then((m) => ({ default: m.DenseMarks })));

const selectView = (s: SimStore) => ({
  sim: s.sim,
  tick: s.tick,
  selected: s.selectedTuple,
  select: s.select,
});

export function ProducerLanes() {
  const { sim, tick, selected, select } = useViewSim(useShallow(selectView));
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const spec = sim.scenario.spec;
  const lanesInput = useMemo(
    () =>
      sim.scenario.producers.map((p) => ({
        label: p.spec.label,
        kind: p.spec.ratePerSec === 0 ? ('explicit' as const) : p.spec.payload.kind,
        ratePerSec: p.spec.ratePerSec,
        offline: p.spec.offline,
      })),
    [sim],
  );
  const totalRate = useMemo(() => totalRateOf(sim), [sim]);
  const windowMs = defaultWindowMs(totalRate, spec.durationMs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const ids = useMemo(() => visibleIdsAtCursor(sim, windowMs), [sim, tick, windowMs]);
  // A run whose lanes fill up past the limit is painted from its first moment: switching from SVG
  // to canvas mid-play would change how marks look, and the frames building hundreds of SVG marks
  // on the way there took 40–60 ms each at 16×.
  const dense = isDense(totalRate, windowMs, ids.length);
  // A dense run's marks go to the canvas packed by the engine, with no object per tuple (issue 19:
  // building tens of thousands of marks and packing them was a third of a what-if's lanes frame).
  const tuples = useMemo(() => (dense ? NO_TUPLES : marksOf(sim, ids)), [sim, ids, dense]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ids` changes with the cursor of the mutable run
  const packed = useMemo(() => (dense ? packedAtCursor(sim, windowMs) : null), [sim, ids, windowMs, dense]);
  // The cursor's time, read here: a dense run's `tuples` stay empty from step to step.
  const nowMs = sim.timeMs;
  const input: LayoutInput = useMemo(
    () => ({ nowMs, windowMs, width, lanes: lanesInput, tuples }),
    [nowMs, windowMs, width, lanesInput, tuples],
  );
  // Dense runs lay their marks out where they are painted (in the lanes' worker): here only the frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `input` changes with each step of the mutable run
  const layout = useMemo(
    () =>
      layoutProducers(dense ? { ...input, tuples: [] } : { ...input, before: tuplesBefore(sim, windowMs) }),
    [input, dense],
  );
  // Built on first use: while playing a dense run nothing asks, and 6,000 entries a frame add up.
  const tupleById = useMemo(() => {
    let map: Map<number, (typeof tuples)[number]> | null = null;
    return (id: number) => {
      map ??= new Map(tuples.map((t) => [t.id, t]));
      return map.get(id);
    };
  }, [tuples]);
  // Between steps, what moves with time moves on without a render.
  useLaneMotion(plotRef, { layout, nowMs: input.nowMs, windowMs });
  const [active, setActive] = useState<number | null>(null);
  // A visible mark's whole view, built when its label is asked for.
  const label = (id: number) => {
    const t = tupleById(id) && sim.tuple(id);
    return t ? describeTuple(t, lanesInput[t.producerIndex]?.label ?? '') : `Tuple #${id}`;
  };

  const counts = countCategories(tuples);
  if (packed) countPackedCategories(packed, counts);
  const summary = `At ${(sim.timeMs / 1000).toFixed(1)} s, in the last ${(windowMs / 1000).toFixed(0)} s: ${
    CATEGORIES.filter((c) => counts[c] > 0)
      .map((c) => `${counts[c]} ${categoryLabels[c]}`)
      .join(', ') || 'no tuples'
  }.`;

  const onMarkKey = (event: KeyboardEvent, mark: Mark) => {
    if (event.key === 'Enter' || event.key === ' ') {
      select(mark.id);
    } else if (NAVIGATION_KEYS.has(event.key)) {
      // At a lane's edge there is no neighbour, but the key still belongs to the lanes: it must not
      // fall through to the global shortcuts and move time under the focused tuple.
      const next = neighbour(layout.marks, mark, event.key);
      if (next) setActive(next.id);
    } else {
      if (event.key === 'Escape') select(null);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // Move DOM focus with the roving tab stop.
  useEffect(() => {
    if (active === null || dense) return;
    const el = containerRef.current?.querySelector<SVGGElement>(`[data-tuple="${active}"]`);
    if (el && el !== document.activeElement && containerRef.current?.contains(document.activeElement))
      el.focus();
  }, [active, dense]);

  // Named from the tuple itself: `label` would index every tuple in view, each frame while playing.
  const lastId = packed ? newestPacked(packed, sim.timeMs) : undefined;
  const last = lastId !== undefined ? sim.tuple(lastId) : undefined;
  const newestTuple = last
    ? { id: last.id, label: describeTuple(last, lanesInput[last.producerIndex]?.label ?? '') }
    : null;

  // One stable object of callbacks for every mark (memoised marks must not see new functions each
  // frame); it reads the latest render's values through a ref.
  const latest = useRef({ label, select, setActive, onMarkKey, layout });
  latest.current = { label, select, setActive, onMarkKey, layout };
  const markActions = useMemo<MarkActions>(
    () => ({
      label: (id) => latest.current.label(id),
      pick: (id) => {
        latest.current.setActive(id);
        latest.current.select(id);
      },
      focus: (id) => latest.current.setActive(id),
      key: (event, id) => {
        const mark = latest.current.layout.marks.find((m) => m.id === id);
        if (mark) latest.current.onMarkKey(event, mark);
      },
    }),
    [],
  );

  const rovingId =
    active !== null && layout.marks.some((m) => m.id === active)
      ? active
      : layout.marks[layout.marks.length - 1]?.id;

  return (
    <div className="lanes" ref={containerRef}>
      <Legend />
      <LiveSummary text={summary} />
      {/* biome-ignore lint/a11y/useSemanticElements: a <fieldset> cannot hold SVG; this groups the tuple buttons */}
      <div
        ref={plotRef}
        className="lanes__plot"
        role="group"
        aria-label="Producer lanes over processing time. Tab to a tuple, arrow keys move between tuples, Enter inspects."
      >
        <svg className="lanes__svg" role="none" width={layout.width} height={layout.height}>
          <defs>
            <pattern
              id="offline-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
            </pattern>
          </defs>
          <Lanes layout={layout} />
          {/* The now line under the marks and their labels, so it never covers the newest label (issue 20). */}
          <NowLine layout={layout} nowMs={sim.timeMs} />
        </svg>
        {/* The marks on their own layer: it slides on the compositor, and only a mark that changes is painted again. */}
        {!dense && (
          <svg
            className="lanes__marks"
            role="none"
            data-motion="marks"
            width={layout.width}
            height={layout.height}
            style={{ transform: slideTransform(layout.originX) }}
          >
            <SvgMarks layout={layout} rovingId={rovingId} selected={selected} actions={markActions} />
          </svg>
        )}
      </div>
      {dense && (
        <Suspense
          fallback={<div className="lanes__canvas" style={{ width: layout.width, height: layout.height }} />}
        >
          <DenseMarks
            input={input}
            packed={packed ?? EMPTY_PACKED}
            frame={layout}
            selected={selected}
            onPick={(id) => select(id)}
            newest={newestTuple}
          />
        </Suspense>
      )}
    </div>
  );
}

const totalRateOf = (sim: Simulation) =>
  sim.scenario.producers.reduce((sum, p) => sum + p.spec.ratePerSec, 0);

/** Whether the lanes draw on the canvas: expected or actual tuples in view past the SVG limit. */
function isDense(totalRate: number, windowMs: number, inView: number): boolean {
  return (totalRate * windowMs) / 1000 > SVG_MARK_LIMIT || inView > SVG_MARK_LIMIT;
}

// A new run's marks in view, packed in a piece of its warm-up, before the frame that draws the lanes.
registerWarmUp(function* (sim) {
  const totalRate = totalRateOf(sim);
  const windowMs = defaultWindowMs(totalRate, sim.scenario.spec.durationMs);
  const ids = visibleIdsAtCursor(sim, windowMs);
  yield;
  if (isDense(totalRate, windowMs, ids.length)) packedAtCursor(sim, windowMs);
});
