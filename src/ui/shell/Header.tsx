import { lazy, Suspense, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { presets } from '../../scenarios/presets';
import { useRoute } from '../../store/route';
import { CUSTOM_SCENARIO_ID, useSim } from '../../store/simStore';
import { Playback } from '../transport/playback';
import './Header.css';

// The editor loads when it is first opened.
const ScenarioEditor = lazy(() => import('../editor/ScenarioEditor'));

const selectHeader = (s: ReturnType<typeof useSim.getState>) => ({
  presetId: s.presetId,
  name: s.base.name,
  seed: s.seed,
  load: s.load,
  setSeed: s.setSeed,
});

export function Header({ onHelp }: { onHelp: () => void }) {
  const { presetId, name, seed, load, setSeed } = useSim(useShallow(selectHeader));
  const actor = Playback.useActorRef();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // The scenario controls do nothing on the lesson list and the question pages (issue 20); an
  // open lesson runs over the simulator and keeps them.
  const page = useRoute((s) => s.route.page);
  const overSimulator = page === 'sim' || page === 'lesson';
  return (
    <header className="topbar">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" className="brand__logo">
          <path d="M3 10h18M3 16h24M3 22h14" />
          <circle cx="24" cy="10" r="3" />
          <circle cx="21" cy="22" r="3" />
        </svg>
        <span className="brand__name">Streamscope</span>
      </div>
      {overSimulator && (
        <>
          <label className="field">
            Scenario
            <select
              value={presetId}
              onChange={(e) => {
                if (e.currentTarget.value === CUSTOM_SCENARIO_ID) return;
                load(e.currentTarget.value);
                actor.send({ type: 'LOADED' });
              }}
            >
              {presetId === CUSTOM_SCENARIO_ID && <option value={CUSTOM_SCENARIO_ID}>Custom: {name}</option>}
              {presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.scenario.name}
                </option>
              ))}
            </select>
          </label>
          <SeedField key={`${presetId}:${seed}`} seed={seed} onSeed={setSeed} />
          <button
            ref={editButton}
            type="button"
            className="button button--quiet"
            aria-haspopup="dialog"
            onClick={() => setEditing(true)}
          >
            Edit scenario
          </button>
        </>
      )}
      {editing && (
        <Suspense fallback={null}>
          <ScenarioEditor
            onClose={(returnFocus) => {
              setEditing(false);
              if (returnFocus) editButton.current?.focus();
            }}
          />
        </Suspense>
      )}
      <button type="button" className="button button--quiet" onClick={onHelp} aria-keyshortcuts="?">
        Keyboard shortcuts <kbd>?</kbd>
      </button>
    </header>
  );
}

function SeedField({ seed, onSeed }: { seed: number; onSeed: (seed: number) => void }) {
  const [text, setText] = useState(String(seed));
  const valid = /^\d{1,10}$/.test(text) && Number(text) <= 2 ** 31 - 1;
  const apply = () => {
    if (valid && Number(text) !== seed) onSeed(Number(text));
  };
  return (
    <label className="field field--seed">
      Seed
      <input
        value={text}
        inputMode="numeric"
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : 'seed-error'}
        onChange={(e) => setText(e.currentTarget.value.trim())}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      {!valid && (
        <span id="seed-error" className="field__error" role="alert">
          Seed must be a whole number from 0 to 2147483647; still using {seed}.
        </span>
      )}
    </label>
  );
}
