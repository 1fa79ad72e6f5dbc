/// <reference lib="webworker" />
/**
 * The dense lanes' painter, off the main thread: it lays out the marks and paints them on the
 * canvas it was given (OffscreenCanvas), so playing thousands of tuples at 16× leaves the main
 * thread to the simulation and the rest of the page.
 */
import { layoutProducers } from './layout';
import { unpackTuples } from './packed';
import { paintMarks } from './paint';
import type { PainterMessage, PaintRequest } from './painter';

let canvas: OffscreenCanvas | null = null;
let image: ImageData | null = null;

function paint(request: PaintRequest): void {
  const ctx = canvas?.getContext('2d', { willReadFrequently: true });
  if (!canvas || !ctx) return;
  const tuples = unpackTuples(request.tuples);
  const layout = layoutProducers({ ...request.frame, tuples });
  const { ratio } = request;
  const w = Math.round(layout.width * ratio);
  const h = Math.round(layout.height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  if (image?.width !== w || image.height !== h) image = ctx.createImageData(w, h);
  paintMarks(image.data, w, h, layout.marks, request.colours, request.radius, ratio);
  ctx.putImageData(image, 0, 0);
  const s = layout.marks.find((m) => m.id === request.selected);
  if (s) {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath();
    ctx.arc(s.x, s.y, 9, 0, 2 * Math.PI);
    ctx.strokeStyle = request.focus;
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }
}

self.onmessage = (event: MessageEvent<PainterMessage>) => {
  const message = event.data;
  if (message.type === 'canvas') {
    canvas = message.canvas;
    return;
  }
  try {
    paint(message);
  } finally {
    self.postMessage('painted');
  }
};
