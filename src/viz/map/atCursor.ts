import type { Simulation } from '../../engine';
import { type Flight, flightAt } from './flight';
import { type MapStatus, statusAt } from './status';
import type { Topology } from './topology';

/**
 * What the map draws at a run's cursor (its tuples in flight and its parts' status), kept per run
 * until the cursor moves or the dots' limit changes: a new run's warm-up computes it in a piece of
 * its own, and the frame that installs the map finds it (issue 19: ~20 ms of that frame). The
 * topology is a function of the run, so the run stands for it.
 */
interface AtCursor {
  readonly tick: number;
  readonly maxDots: number;
  readonly flight: Flight;
  readonly status: MapStatus;
}

const atCursor = new WeakMap<Simulation, AtCursor>();

export function mapAtCursor(sim: Simulation, topology: Topology, maxDots: number): AtCursor {
  let entry = atCursor.get(sim);
  if (entry?.tick !== sim.tick || entry.maxDots !== maxDots) {
    const pending = sim.pending();
    entry = {
      tick: sim.tick,
      maxDots,
      flight: flightAt(sim, topology, pending, maxDots),
      status: statusAt(sim, pending),
    };
    atCursor.set(sim, entry);
  }
  return entry;
}
