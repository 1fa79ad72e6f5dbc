import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sparkCode } from '../scenarios/sparkCode';
import { useSim } from '../store/simStore';

const selectCode = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, notify: s.notify });

/** The pipeline as real Spark code, Scala or PySpark; it follows every edit. */
export function SparkCodePanel() {
  const { sim, notify } = useSim(useShallow(selectCode));
  const [lang, setLang] = useState<'scala' | 'python'>('scala');
  const spec = sim.scenario.spec.streaming;
  const run = sim.streaming();
  const code = useMemo(() => {
    if (!spec || !run) return null;
    return sparkCode(spec, new Map(run.nodes.map((n) => [n.spec.id, n.type])));
  }, [spec, run]);
  if (!code) return null;
  const text = lang === 'scala' ? code.scala : code.python;
  return (
    <div className="code">
      <div className="code__bar">
        <fieldset className="segmented" aria-label="Language">
          {(['scala', 'python'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)}>
              {l === 'scala' ? 'Scala' : 'PySpark'}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            navigator.clipboard?.writeText(text).then(
              () => notify('The Spark code is on the clipboard.'),
              () => notify('The browser did not allow copying; select the code and copy it by hand.'),
            );
          }}
        >
          Copy
        </button>
      </div>
      <pre className="code__text">
        <code>{text}</code>
      </pre>
    </div>
  );
}
