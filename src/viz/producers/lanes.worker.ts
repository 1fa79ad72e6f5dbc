/// <reference lib="webworker" />
/**
 * The dense lanes' painter, off the main thread: it lays out the marks and paints them on the
 * canvas it was given (OffscreenCanvas), so playing thousands of tuples at 16× leaves the main
 * thread to the simulation and the rest of the page.
 */
import { layoutProducers } from './layout';
import { unpackTuples } from './packed';
import { type LanesCanvas, paintLanes } from './paint';
import type { PainterMessage, PaintRequest } from './painter';

let target: LanesCanvas | null = null;

function paint(request: PaintRequest): void {
  if (!target) return;
  const layout = layoutProducers({ ...request.frame, tuples: unpackTuples(request.tuples) });
  paintLanes(target, layout, request);
}

self.onmessage = (event: MessageEvent<PainterMessage>) => {
  const message = event.data;
  if (message.type === 'canvas') {
    const ctx = message.canvas.getContext('2d', { willReadFrequently: true });
    target = ctx ? { canvas: message.canvas, ctx, image: null } : null;
    return;
  }
  try {
    paint(message);
  } finally {
    self.postMessage('painted');
  }
};
