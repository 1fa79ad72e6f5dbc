/**
 * The failures a query meets, as a plan consumed in time order: driver crashes (at a moment, or in a
 * phase of a batch), restarts with changed settings, and executor losses.
 */
import type { CrashPhase, QueryChange, StructuredFaultSpec } from './spec';

export type Stop =
  | { readonly atMs: number; readonly kind: 'crash'; readonly restartAfterMs: number }
  | { readonly atMs: number; readonly kind: 'restart'; readonly change: QueryChange };

export class FaultPlan {
  private readonly stops: Stop[];
  private readonly batchCrashes: { batchId: number; phase: CrashPhase; restartAfterMs: number }[];
  private readonly executorLosses: number[];

  constructor(faults: readonly StructuredFaultSpec[]) {
    this.stops = faults
      .flatMap((f): Stop[] => {
        if (f.kind === 'driverCrash' && f.atMs !== undefined)
          return [{ atMs: f.atMs, kind: 'crash', restartAfterMs: f.restartAfterMs }];
        if (f.kind === 'restart') return [{ atMs: f.atMs, kind: 'restart', change: f.change }];
        return [];
      })
      .sort((a, b) => a.atMs - b.atMs);
    this.batchCrashes = faults.flatMap((f) =>
      f.kind === 'driverCrash' && f.atBatch ? [{ ...f.atBatch, restartAfterMs: f.restartAfterMs }] : [],
    );
    this.executorLosses = faults
      .flatMap((f) => (f.kind === 'executorLoss' ? [f.atMs] : []))
      .sort((a, b) => a - b);
  }

  /** The next stop placed at a moment. */
  nextStop(): Stop | undefined {
    return this.stops[0];
  }

  takeStop(): Stop | undefined {
    return this.stops.shift();
  }

  /** An executor loss in [fromMs, toMs), taken from the plan; null if none. */
  executorLossDuring(fromMs: number, toMs: number): number | null {
    const i = this.executorLosses.findIndex((a) => a >= fromMs && a < toMs);
    if (i < 0) return null;
    return this.executorLosses.splice(i, 1)[0]!;
  }

  /**
   * The stop that lands inside a batch (triggered at `t`, offsets written at `offsetsAt`, sink at
   * `sinkMs`, commit at `commitMs`), taken from the plan; null if the batch completes. A crash placed
   * in a phase of batch N hits its first attempt (a re-run is not planned again); it lands in the
   * middle of that phase.
   */
  stopDuring(
    t: number,
    batchId: number,
    reRun: boolean,
    offsetsAt: number,
    sinkMs: number,
    commitMs: number,
  ): Stop | null {
    const index = reRun ? -1 : this.batchCrashes.findIndex((c) => c.batchId === batchId);
    const phased = index >= 0 ? this.batchCrashes[index]! : null;
    const phasedAt = !phased
      ? Number.POSITIVE_INFINITY
      : phased.phase === 'beforeOffsets'
        ? (t + offsetsAt) / 2
        : phased.phase === 'midBatch'
          ? (offsetsAt + sinkMs) / 2
          : (sinkMs + commitMs) / 2;
    const timed = this.stops[0];
    const timedAt = timed && timed.atMs < commitMs ? timed.atMs : Number.POSITIVE_INFINITY;
    if (phasedAt === Number.POSITIVE_INFINITY && timedAt === Number.POSITIVE_INFINITY) return null;
    if (phasedAt <= timedAt) {
      this.batchCrashes.splice(index, 1);
      return { atMs: phasedAt, kind: 'crash', restartAfterMs: phased!.restartAfterMs };
    }
    return this.stops.shift()!;
  }
}
