/// <reference lib="webworker" />
/**
 * The dense lanes' painter, off the main thread: it lays out the marks and paints them on the
 * canvas it was given (OffscreenCanvas), so playing thousands of tuples at 16× leaves the main
 * thread to the simulation and the rest of the page.
 */
import { layoutProducers } from './layout';
import { unpackTuples } from './packed';
import { type LanesCanvas, paintLanes } from './paint';
import type { PainterMessage, PainterReply, PaintRequest, SnapshotRequest } from './painter';

let target: LanesCanvas | null = null;
/** Kept for snapshots (view export): the frame on screen, to repaint at another pixel ratio. */
let last: PaintRequest | null = null;
/** The last frame's tuples unpacked: a move (between steps) repaints them without unpacking again. */
let unpacked: { readonly packed: Float64Array; readonly tuples: ReturnType<typeof unpackTuples> } | null =
  null;

function tuplesOf(packed: Float64Array) {
  if (unpacked?.packed !== packed) unpacked = { packed, tuples: unpackTuples(packed) };
  return unpacked.tuples;
}

function paint(request: PaintRequest): void {
  if (!target) return;
  last = request;
  const layout = layoutProducers({ ...request.frame, tuples: tuplesOf(request.tuples) });
  paintLanes(target, layout, request);
}

self.onmessage = (event: MessageEvent<PainterMessage>) => {
  const message = event.data;
  if (message.type === 'canvas') {
    const ctx = message.canvas.getContext('2d', { willReadFrequently: true });
    target = ctx ? { canvas: message.canvas, ctx, image: null } : null;
    return;
  }
  if (message.type === 'snapshot') {
    snapshot(message).then(
      (png) => reply({ type: 'snapshot', id: message.id, png }),
      () => reply({ type: 'snapshot', id: message.id, png: null }),
    );
    return;
  }
  try {
    if (message.type === 'move') {
      if (last) paint({ ...last, frame: { ...last.frame, displayMs: message.displayMs } });
    } else paint(message);
  } finally {
    reply('painted');
  }
};

/** The last frame painted again, on a canvas of its own, by the same function. */
async function snapshot(request: SnapshotRequest): Promise<Blob | null> {
  if (!last) return null;
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const layout = layoutProducers({ ...last.frame, tuples: tuplesOf(last.tuples) });
  paintLanes({ canvas, ctx, image: null }, layout, { ...last, ratio: request.ratio });
  return canvas.convertToBlob({ type: 'image/png' });
}

function reply(message: PainterReply): void {
  self.postMessage(message);
}
