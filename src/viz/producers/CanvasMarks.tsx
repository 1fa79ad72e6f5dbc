/** The canvas layer of the lanes: dense runs painted in the lanes' worker, or on the main thread. */
import { useCallback, useEffect, useRef } from 'react';
import { displayAheadOf, subscribeDisplayAhead } from '../../store/displayTime';
import { useSim } from '../../store/simStore';
import { cssZoomOf } from '../cssZoom';
import { useColourScheme } from '../useColourScheme';
import { CATEGORIES } from './categories';
import {
  type LayoutInput,
  layoutProducers,
  type Mark,
  type MarkCategory,
  type ProducersLayout,
} from './layout';
import { packedCount, unpackTuples } from './packed';
import { paintLanes } from './paint';
import { LanesPainter } from './painter';

export function DenseMarks({
  input,
  packed,
  frame,
  selected,
  onPick,
  newest: last,
}: {
  /** Everything the marks' layout needs but the tuples (empty here). */
  input: LayoutInput;
  /** The tuples in view, packed by the engine (`Simulation.packMarks`). */
  packed: Float64Array;
  /** The lanes' frame (sizes), laid out without marks. */
  frame: ProducersLayout;
  selected: number | null;
  onPick: (id: number) => void;
  /** The tuple drawn rightmost, which Enter inspects, and its description. */
  newest: { readonly id: number; readonly label: string } | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  const scheme = useColourScheme();
  const palette = useRef<Palette | null>(null);
  if (palette.current?.scheme !== scheme) palette.current = null;
  const ref = useCallback((canvas: HTMLCanvasElement | null) => {
    canvasRef.current = canvas;
    if (!canvas) return;
    if (!painters.has(canvas)) painters.set(canvas, LanesPainter.attach(canvas));
    // StrictMode attaches twice; a canvas handed to a worker cannot be handed over again, so the
    // painter is only stopped once the canvas has really left the page.
    return () => {
      queueMicrotask(() => {
        if (canvas.isConnected) return;
        painters.get(canvas)?.stop();
        painters.delete(canvas);
      });
    };
  }, []);
  /** Paints the frame `input` at its step plus `carryMs` (between steps, the window moves on). */
  const paintAt = useRef<(carryMs: number, moveOnly: boolean) => void>(() => {});
  const zoom = useRef<{ key: string; zoom: number } | null>(null);
  paintAt.current = (carryMs, moveOnly) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const displayMs = input.nowMs + carryMs;
    const painter = painters.get(canvas);
    if (painter && moveOnly) {
      painter.move(displayMs);
      return;
    }
    const { colours, focus } = palette.current ?? readPalette(canvas, scheme);
    palette.current = { scheme, colours, focus };
    // Presenter mode scales the lanes with CSS zoom: paint at the zoomed resolution so they stay sharp.
    // Read once per size of the lanes (a read forces a style recalculation after React's changes).
    const sizeKey = `${frame.width} ${frame.height}`;
    if (zoom.current?.key !== sizeKey) zoom.current = { key: sizeKey, zoom: cssZoomOf(canvas) };
    const ratio = (window.devicePixelRatio || 1) * zoom.current.zoom;
    if (painter) {
      const { tuples: _none, ...rest } = input;
      painter.paint({
        type: 'paint',
        frame: { ...rest, displayMs },
        // A copy: the painter hands its buffer to the worker.
        tuples: packed.slice(),
        colours,
        focus,
        selected,
        radius: DENSE_RADIUS,
        ratio,
      });
      return;
    }
    // No worker can draw here: paint on the main thread.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const target = { canvas, ctx, image: image.current };
    paintLanes(target, layoutProducers({ ...input, tuples: unpackTuples(packed), displayMs }), {
      colours,
      focus,
      selected,
      radius: DENSE_RADIUS,
      ratio,
    });
    image.current = target.image;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `paintAt` reads these; a new step or look repaints
  useEffect(() => {
    paintAt.current(displayAheadOf(useSim.getState(), input.nowMs) ?? 0, false);
  }, [input, packed, selected, scheme]);
  // Between steps only the time to draw at changes: the worker repaints the frame it has.
  const stepMs = useRef(input.nowMs);
  stepMs.current = input.nowMs;
  useEffect(
    () =>
      subscribeDisplayAhead(
        () => stepMs.current,
        (ahead) => paintAt.current(ahead, true),
      ),
    [],
  );
  const pick = (clientX: number, clientY: number) => {
    const canvas = canvasRef.current;
    const rect = canvas?.getBoundingClientRect();
    if (!canvas || !rect) return;
    // The pointer is in screen pixels; the layout in the canvas's own (unzoomed) CSS pixels.
    const scale = cssZoomOf(canvas);
    const px = (clientX - rect.left) / scale;
    const py = (clientY - rect.top) / scale;
    let best: Mark | undefined;
    let bestD = 64;
    // Laid out on demand: while playing, the worker does it.
    for (const m of layoutProducers({ ...input, tuples: unpackTuples(packed) }).marks) {
      const d = (m.x - px) ** 2 + (m.y - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    if (best) onPick(best.id);
  };
  return (
    <canvas
      ref={ref}
      className="lanes__canvas"
      style={{ width: frame.width, height: frame.height }}
      tabIndex={0}
      aria-label={`${packedCount(packed)} tuples drawn densely. Click a tuple to inspect it; Enter inspects the newest${last ? ` (${last.label})` : ''}.`}
      onClick={(e) => pick(e.clientX, e.clientY)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && last) onPick(last.id);
      }}
    />
  );
}

/** Marks on a canvas are smaller than SVG ones: thousands share the lanes. */
const DENSE_RADIUS = 3.5;
const painters = new WeakMap<HTMLCanvasElement, LanesPainter | null>();

interface Palette {
  readonly scheme: 'light' | 'dark';
  readonly colours: Record<MarkCategory, string>;
  readonly focus: string;
}

/** The marks' colours from the stylesheet (custom properties `--c-<category>` and `--c-focus`). */
function readPalette(canvas: HTMLCanvasElement, scheme: 'light' | 'dark'): Palette {
  const style = getComputedStyle(canvas);
  const colours = Object.fromEntries(
    CATEGORIES.map((c) => [c, style.getPropertyValue(`--c-${c}`).trim() || '#888']),
  ) as Record<MarkCategory, string>;
  return { scheme, colours, focus: style.getPropertyValue('--c-focus').trim() || '#000' };
}
