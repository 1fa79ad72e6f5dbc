import type { LayoutInput, MarkCategory } from './layout';

/** One frame for the lanes worker to lay out and paint. */
export interface PaintRequest {
  readonly type: 'paint';
  readonly frame: Omit<LayoutInput, 'tuples'>;
  /** The tuples in view, packed (`Simulation.packMarks`). */
  readonly tuples: Float64Array;
  readonly colours: Record<MarkCategory, string>;
  readonly focus: string;
  readonly selected: number | null;
  readonly radius: number;
  readonly ratio: number;
}

/** The last frame painted again at another time to draw at (motion between steps). */
export interface MoveRequest {
  readonly type: 'move';
  readonly displayMs: number;
}

/** A copy of the last painted frame, repainted at `ratio` device pixels per CSS pixel (view export). */
export interface SnapshotRequest {
  readonly type: 'snapshot';
  readonly id: number;
  readonly ratio: number;
}

export type PainterMessage =
  | { readonly type: 'canvas'; readonly canvas: OffscreenCanvas }
  | PaintRequest
  | MoveRequest
  | SnapshotRequest;

/** What the worker answers: `'painted'` after each frame, or a snapshot (null: nothing painted yet). */
export type PainterReply =
  | 'painted'
  | { readonly type: 'snapshot'; readonly id: number; readonly png: Blob | null };

/** The painters of canvases handed to a worker: the main thread can no longer read their pixels. */
const attached = new WeakMap<HTMLCanvasElement, LanesPainter>();

/**
 * The main thread's side of the lanes worker. A frame is sent only when the worker has finished
 * the previous one; meanwhile only the newest request is kept, so a slow machine paints fewer
 * frames instead of queuing work and falling behind.
 */
export class LanesPainter {
  private busy = false;
  private pending: PaintRequest | MoveRequest | null = null;
  private stopped = false;
  private nextSnapshot = 0;
  private readonly snapshots = new Map<number, (png: Blob | null) => void>();

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<PainterReply>) => {
      const reply = event.data;
      if (typeof reply === 'object') {
        this.snapshots.get(reply.id)?.(reply.png);
        this.snapshots.delete(reply.id);
        return;
      }
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
    const painter = new LanesPainter(worker);
    attached.set(canvas, painter);
    return painter;
  }

  /** The painter that owns `canvas`, if it was handed to a worker. */
  static of(canvas: HTMLCanvasElement): LanesPainter | undefined {
    return attached.get(canvas);
  }

  /**
   * A PNG of the last frame the worker painted, repainted at `ratio` by the same function (a
   * transferred canvas cannot be read from the main thread). Null if nothing has been painted.
   */
  snapshot(ratio: number): Promise<Blob | null> {
    if (this.stopped) return Promise.resolve(null);
    // The newest frame asked for goes first, so the snapshot is of what the page is about to show.
    const next = this.pending;
    this.pending = null;
    if (next) this.post(next);
    const id = ++this.nextSnapshot;
    return new Promise((resolve) => {
      this.snapshots.set(id, resolve);
      const message: PainterMessage = { type: 'snapshot', id, ratio };
      this.worker.postMessage(message);
    });
  }

  paint(request: PaintRequest | MoveRequest): void {
    if (this.busy) {
      // A move waiting behind a new frame moves that frame: the frame's tuples must not be lost.
      const waiting = this.pending;
      this.pending =
        request.type === 'move' && waiting?.type === 'paint'
          ? { ...waiting, frame: { ...waiting.frame, displayMs: request.displayMs } }
          : request;
      return;
    }
    this.busy = true;
    this.post(request);
  }

  /** Repaints the last frame at `displayMs` (between steps), without sending its tuples again. */
  move(displayMs: number): void {
    this.paint({ type: 'move', displayMs });
  }

  private post(request: PaintRequest | MoveRequest): void {
    if (request.type === 'paint') this.worker.postMessage(request, [request.tuples.buffer]);
    else this.worker.postMessage(request);
  }

  stop(): void {
    this.stopped = true;
    this.worker.terminate();
    for (const resolve of this.snapshots.values()) resolve(null);
    this.snapshots.clear();
  }
}
