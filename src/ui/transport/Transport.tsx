// The room ui/transport: moving through time (play, step, seek, speed), keyboard shortcuts, bookmarks, the
// step log.
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS, type Speed } from '../../machines/playback';
import { spotlightClass, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import { Bookmarks } from './Bookmarks';
import { Playback } from './playback';
import './Transport.css';

const selectTransport = (s: ReturnType<typeof useSim.getState>) => ({ tick: s.tick, sim: s.sim });

export function Transport() {
  const { tick, sim } = useSim(useShallow(selectTransport));
  const actor = Playback.useActorRef();
  const playing = Playback.useSelector((s) => s.matches('playing'));
  const ended = Playback.useSelector((s) => s.matches('ended'));
  const speed = Playback.useSelector((s) => s.context.speed);
  const spotlight = useRoute((s) => s.spotlight);
  const durationMs = sim.scenario.spec.durationMs;
  const nowMs = Math.min(sim.timeMs, durationMs);
  return (
    <section className={`transport${spotlightClass(spotlight, 'transport')}`} aria-label="Playback">
      <div className="transport__buttons">
        <button
          type="button"
          onClick={() => actor.send({ type: 'RESET' })}
          aria-label="Reset"
          title="Reset (Home)"
        >
          <Icon d="M5 4v16M19 5 9 12l10 7z" />
        </button>
        <button
          type="button"
          onClick={() => actor.send({ type: 'STEP_BACK' })}
          aria-label="Step back"
          title="Step back (←)"
          disabled={tick === 0}
        >
          <Icon d="M18 5 8 12l10 7zM6 5v14" />
        </button>
        <button
          type="button"
          className="transport__play"
          onClick={() => actor.send({ type: playing ? 'PAUSE' : 'PLAY' })}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : ended ? 'Play again from the start (Space)' : 'Play (Space)'}
        >
          {playing ? <Icon d="M7 5h4v14H7zM13 5h4v14h-4z" /> : <Icon d="M7 4l13 8-13 8z" />}
        </button>
        <button
          type="button"
          onClick={() => actor.send({ type: 'STEP_FORWARD' })}
          aria-label="Step forward"
          title="Step forward (→)"
          disabled={sim.atEnd}
        >
          <Icon d="M6 5l10 7-10 7zM18 5v14" />
        </button>
      </div>
      <label className="transport__slider">
        <span className="sr-only">Simulation time</span>
        <input
          type="range"
          min={0}
          max={sim.lastTick}
          step={1}
          value={tick}
          aria-valuetext={`${seconds(nowMs)} of ${seconds(durationMs)}`}
          onChange={(e) => actor.send({ type: 'SEEK', tick: Number(e.currentTarget.value) })}
        />
      </label>
      <output className="transport__time" aria-label="Processing time">
        <span>
          <strong>{seconds(nowMs)}</strong> of {seconds(durationMs)}
        </span>
        <span className="transport__tick">
          step {tick} of {sim.lastTick} · {sim.scenario.spec.tickMs} ms each
        </span>
      </output>
      <p className="sr-only" aria-live="polite">
        {playing ? `Playing at ${speed}×` : announce(sim)}
      </p>
      <Bookmarks />
      <label className="transport__speed">
        <span className="transport__speed-label">Speed</span>
        <select
          aria-label="Speed"
          value={speed}
          onChange={(e) => actor.send({ type: 'SET_SPEED', speed: Number(e.currentTarget.value) as Speed })}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

/** Read out after a step, a seek or a pause (not every frame while playing). */
function announce(sim: ReturnType<typeof useSim.getState>['sim']): string {
  const f = sim.frame();
  const lost = f.dropped > 0 ? `, ${f.dropped} lost` : '';
  return `${seconds(f.timeMs)}: ${f.created} created, ${f.buffered + f.inFlight} not yet arrived, ${f.arrived} arrived${lost}.`;
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
