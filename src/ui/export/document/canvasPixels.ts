import { LanesPainter } from '../../../viz/producers/painter';
import { EXPORT_SCALE } from './exportScale';

/** A canvas's pixels; one handed to the lanes' worker is repainted there, at the export scale. */
export async function readCanvasPixels(canvas: HTMLCanvasElement): Promise<string | null> {
  const painter = LanesPainter.of(canvas);
  if (painter) {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
    const png = await Promise.race([painter.snapshot(EXPORT_SCALE), timeout]);
    return png ? dataUrl(png) : null;
  }
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
