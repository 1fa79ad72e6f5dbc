/// <reference lib="webworker" />
/**
 * The pipeline map's layout (dagre) off the main thread: a new run's warm-up asks for the layout
 * of a changed pipeline here, so the frame that draws it does not lay it out (issue 19).
 */
import { type DagreInput, place } from './layout';

self.onmessage = (e: MessageEvent<{ id: number; input: DagreInput }>) => {
  const { id, input } = e.data;
  self.postMessage({ id, geometry: place(input) });
};
