import { batchStepTick } from '../transport/batchStep';
import { Playback } from '../transport/playback';
import './BatchStepper.css';
import { useViewSim } from '../../viz/viewSim';

/** Previous / next batch: moves the cursor to a batch time (keys [ and ]). */
export function BatchStepper() {
  const sim = useViewSim((s) => s.sim);
  useViewSim((s) => s.tick);
  const actor = Playback.useActorRef();
  const prev = batchStepTick(sim, -1);
  const next = batchStepTick(sim, 1);
  return (
    <div className="dstream__stepper">
      <button
        type="button"
        className="button"
        disabled={prev === null}
        onClick={() => prev !== null && actor.send({ type: 'SEEK', tick: prev })}
      >
        ◀ Previous batch <kbd>[</kbd>
      </button>
      <button
        type="button"
        className="button"
        disabled={next === null}
        onClick={() => next !== null && actor.send({ type: 'SEEK', tick: next })}
      >
        Next batch <kbd>]</kbd> ▶
      </button>
    </div>
  );
}
