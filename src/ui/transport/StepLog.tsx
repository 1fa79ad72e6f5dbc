import { useShallow } from 'zustand/react/shallow';
import { type TraceKind, traceDescriptions } from '../../engine';
import type { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import './StepLog.css';
import { useViewSim } from '../../viz/viewSim';

const SHOWN = 8;
/** Short verbs for tuple events; everything else uses the engine's own description. */
const verbs: Partial<Record<TraceKind, string>> = {
  emitted: 'created',
  sent: 'sent after reconnecting',
  arrived: 'arrived',
  dropped: 'lost',
};

const selectLog = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick, select: s.select });

/** "What happened at t": the trace entries of the current step, each linked to its tuple. */
export function StepLog() {
  const { sim, tick, select } = useViewSim(useShallow(selectLog));
  const entries = sim.traceAtTick(tick);
  const tickMs = sim.scenario.spec.tickMs;
  const from = Math.max(0, sim.timeMs - tickMs);
  // Enough decimals to show the step exactly (a 250 ms step needs two).
  const digits = tickMs % 100 === 0 ? 1 : tickMs % 10 === 0 ? 2 : 3;
  return (
    <div className="steplog">
      <h3>
        In this step ({tick === 0 ? 'up to 0 s' : `${seconds(from, digits)} – ${seconds(sim.timeMs, digits)}`}
        )
      </h3>
      {/* Room for the longest log, so the page below does not jump from step to step. */}
      <div className="steplog__body">
        {entries.length === 0 ? (
          <p className="steplog__empty">Nothing happened.</p>
        ) : (
          <ul>
            {/* Keyed by place: each step's entries reuse the list's items (new keys re-created them every step). */}
            {entries.slice(0, SHOWN).map((e, place) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items are places in a log that changes each step
              <li key={place}>
                {e.tupleId >= 0 ? (
                  <>
                    <button type="button" className="link" onClick={() => select(e.tupleId)}>
                      #{e.tupleId}
                    </button>{' '}
                    {verbs[e.kind] ?? traceDescriptions[e.kind]} at {seconds(e.timeMs, 3)} ·{' '}
                    {sim.scenario.producers[e.producerIndex]?.spec.label}
                  </>
                ) : (
                  <>
                    {seconds(e.timeMs, 3)}: {traceDescriptions[e.kind]}
                  </>
                )}
              </li>
            ))}
            {entries.length > SHOWN && <li className="steplog__more">and {entries.length - SHOWN} more</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
