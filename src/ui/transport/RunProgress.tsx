import { useEffect, useState } from 'react';
import { type RunComputation, useSim } from '../../store/simStore';
import './RunProgress.css';

/** A change computed quickly needs no progress bar: it shows only after this long. */
export const SHOW_AFTER_MS = 300;

const whatText: Record<RunComputation['what'], string> = {
  run: 'Computing the new run…',
  comparison: 'Computing the comparison…',
  'event time': 'Computing the event-time query…',
  views: 'Preparing the views…',
};

/**
 * How far the new run is, while a change (a rate, a partition count, a watermark delay) is computed
 * and the old run stays on screen; shown once the computation has lasted `SHOW_AFTER_MS`.
 */
export function RunProgress() {
  const computing = useSim((s) => s.computing);
  const startedMs = computing?.startedMs ?? null;
  const [shownFor, setShownFor] = useState<number | null>(null);
  useEffect(() => {
    if (startedMs === null) return;
    const wait = Math.max(0, SHOW_AFTER_MS - (performance.now() - startedMs));
    const timer = setTimeout(() => setShownFor(startedMs), wait);
    return () => clearTimeout(timer);
  }, [startedMs]);
  if (!computing || shownFor !== computing.startedMs) return null;
  const percent = Math.round(100 * computing.fraction);
  const label = `${whatText[computing.what]} ${percent} %`;
  return (
    <div
      className="run-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <span className="run-progress__label">{label}</span>
      <span className="run-progress__track" aria-hidden="true">
        <span className="run-progress__bar" style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
