import type { Simulation } from '../engine';

/** Aim of one piece of work, in ms: well inside an idle period (at most 50 ms, often a few). */
const PIECE_MS = 4;
/**
 * Work per idle callback, whatever the idle period offers: input that arrives meanwhile waits for
 * the callback to end (issue 19: filling a 50 ms idle period was a long task after a what-if).
 */
const CALLBACK_MS = 12;
/** After the cursor moved (playing, scrubbing) the work waits this long: it must not take frames. */
const QUIET_MS = 400;

interface Watched {
  readonly sim: Simulation;
  readonly tick: number;
  readonly computing: unknown;
}

/**
 * Computes the current run ahead of its frontier in the browser's idle time, so that seeking forward
 * later only replays (issue 19: the seek bench's slowest seeks were the first visits to the end of a
 * run, which computed it). It never moves the cursor (Simulation.computeAhead), works only in idle
 * periods, sized to fit them, and waits while the cursor is moving or a changed run is being computed.
 * Where the browser has no idle callbacks (tests in Node) it does nothing.
 */
export function computeAheadWhenIdle(store: {
  getState(): Watched;
  subscribe(listener: (state: Watched, previous: Watched) => void): () => void;
}): void {
  if (typeof requestIdleCallback !== 'function') return;
  // One tick first for every run: a tick's cost is unknown until one is timed (on the what-if bench
  // run eight cold ticks took one idle callback 40–46 ms: issue 19).
  let ticksPerPiece = 1;
  let sizedFor: Simulation | null = null;
  let movedAt = performance.now();
  let scheduled: Simulation | null = null;
  const schedule = (sim: Simulation, delayMs = 0) => {
    if (scheduled === sim) return;
    scheduled = sim;
    const go = () => requestIdleCallback((deadline) => work(sim, deadline));
    if (delayMs > 0) setTimeout(go, delayMs);
    else go();
  };
  const work = (sim: Simulation, deadline: IdleDeadline) => {
    // A callback for a run replaced meanwhile must not forget the new run's own.
    if (scheduled === sim) scheduled = null;
    const s = store.getState();
    if (s.sim !== sim) return;
    const quietFor = performance.now() - movedAt;
    if (s.computing || quietFor < QUIET_MS) {
      schedule(sim, QUIET_MS - Math.min(quietFor, QUIET_MS) + 50);
      return;
    }
    if (sizedFor !== sim) {
      sizedFor = sim;
      ticksPerPiece = 1;
    }
    const until = performance.now() + CALLBACK_MS;
    while (deadline.timeRemaining() > PIECE_MS && performance.now() + PIECE_MS <= until) {
      const started = performance.now();
      if (!sim.computeAhead(ticksPerPiece)) return;
      const took = performance.now() - started;
      // Pieces sized to about PIECE_MS, whatever a tick costs in this run.
      ticksPerPiece = Math.max(
        1,
        Math.min(256, Math.round((ticksPerPiece * PIECE_MS) / Math.max(0.1, took))),
      );
    }
    schedule(sim);
  };
  store.subscribe((s, prev) => {
    if (s.tick !== prev.tick || s.sim !== prev.sim) movedAt = performance.now();
    if (s.sim !== prev.sim) schedule(s.sim, QUIET_MS);
  });
  schedule(store.getState().sim, QUIET_MS);
}
