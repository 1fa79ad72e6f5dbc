import { useShallow } from 'zustand/react/shallow';
import type { useSim } from '../../store/simStore';
import { seconds } from './format';
import './FrameStats.css';
import { useViewSim } from '../../viz/viewSim';

const selectStats = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

/** The run's counters at the cursor. */
export function FrameStats() {
  const { sim } = useViewSim(useShallow(selectStats));
  const f = sim.frame();
  const items: [string, string][] = [
    ['created', String(f.created)],
    ['buffered (offline)', String(f.buffered)],
    ['on their way', String(f.inFlight)],
    ['arrived', String(f.arrived)],
    ['lost', String(f.dropped)],
    ['newest event time', f.maxEventTimeSeenMs === null ? '—' : seconds(f.maxEventTimeSeenMs)],
  ];
  return (
    <dl className="stats" aria-label="Counts at this moment">
      {items.map(([label, value]) => (
        <div key={label} className="stats__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
