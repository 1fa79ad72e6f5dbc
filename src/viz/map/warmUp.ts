import { registerWarmUp } from '../../store/sim/prepareRun';
import { mapAtCursor } from './atCursor';
import { MAX_DOTS_PER_EDGE } from './flight';
import { type MapMetrics, mapMetrics, prepareMapLayout } from './layout';
import { pipelineTopology } from './topology';

/** The metrics the map was last drawn with: a new run's layout is prepared with them. */
let lastMetrics: MapMetrics = mapMetrics(12);

export function mapDrawnWith(metrics: MapMetrics): void {
  lastMetrics = metrics;
}

// A new run whose pipeline changed (a partition count, an operator) is laid out in a worker before
// the map draws it; the warm-up waits for it, the page does not (issue 19).
registerWarmUp(function* (sim) {
  const topology = pipelineTopology(sim.scenario, sim.streaming()?.nodes ?? null);
  const wait = prepareMapLayout(topology, lastMetrics);
  if (wait) yield { wait };
  // Its tuples in flight at the cursor, as a paused map draws them, in a piece of their own.
  yield;
  mapAtCursor(sim, topology, MAX_DOTS_PER_EDGE);
});
