import type { LayoutInput, MarkCategory } from './layout';

/** One frame for the lanes worker to lay out and paint. */
export interface PaintRequest {
  readonly type: 'paint';
  readonly frame: Omit<LayoutInput, 'tuples'>;
  /** `packTuples` of the tuples in view. */
  readonly tuples: Float64Array;
  readonly colours: Record<MarkCategory, string>;
  readonly focus: string;
  readonly selected: number | null;
  readonly radius: number;
  readonly ratio: number;
}

export type PainterMessage = { readonly type: 'canvas'; readonly canvas: OffscreenCanvas } | PaintRequest;

/**
 * The main thread's side of the lanes worker. A frame is sent only when the worker has finished
 * the previous one; meanwhile only the newest request is kept, so a slow machine paints fewer
 * frames instead of queuing work and falling behind.
 */
export class LanesPainter {
  private busy = false;
  private pending: PaintRequest | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = () => {
      this.busy = false;
      const next = this.pending;
      this.pending = null;
      if (next) this.paint(next);
    };
  }

  /** A painter that owns `canvas`, or null where workers cannot draw (then paint on the main thread). */
  static attach(canvas: HTMLCanvasElement): LanesPainter | null {
    if (typeof Worker === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return null;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./lanes.worker.ts', import.meta.url), { type: 'module' });
      const offscreen = canvas.transferControlToOffscreen();
      const message: PainterMessage = { type: 'canvas', canvas: offscreen };
      worker.postMessage(message, [offscreen]);
    } catch {
      return null;
    }
    return new LanesPainter(worker);
  }

  paint(request: PaintRequest): void {
    if (this.busy) {
      this.pending = request;
      return;
    }
    this.busy = true;
    this.worker.postMessage(request, [request.tuples.buffer]);
  }

  stop(): void {
    this.worker.terminate();
  }
}
