import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { useSim } from '../../store/simStore';
import { keyCounts } from './keyCounts';
import './KeyCounts.css';
import { useViewSim } from '../viewSim';

const selectKeys = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });
/** Keys shown per producer; the rest are summed in one line. */
const SHOWN = 8;

/** Tuples per key and producer so far, as bars with their share: the skew made visible. */
export default function KeyCounts() {
  const { sim, tick } = useViewSim(useShallow(selectKeys));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const rows = useMemo(() => keyCounts(sim), [sim, tick]);
  return (
    <div className="keycounts">
      <h3>Tuples per key so far</h3>
      <div className="keycounts__grid">
        {rows.map((r) => (
          <table key={r.producer} className="keycounts__table">
            <caption>
              {r.producer} <span className="muted">· {r.total} tuples</span>
            </caption>
            <tbody>
              {r.keys.slice(0, SHOWN).map((k) => {
                const share = r.total === 0 ? 0 : k.count / r.total;
                return (
                  <tr key={k.key}>
                    <th scope="row">
                      <code>{k.key}</code>
                    </th>
                    <td className="keycounts__bar">
                      <span style={{ width: `${Math.round(share * 100)}%` }} />
                    </td>
                    <td className="keycounts__n">
                      {k.count} <span className="muted">({Math.round(share * 100)} %)</span>
                    </td>
                  </tr>
                );
              })}
              {r.keys.length > SHOWN && (
                <tr>
                  <th scope="row" className="muted">
                    {r.keys.length - SHOWN} more keys
                  </th>
                  <td />
                  <td className="keycounts__n">{r.keys.slice(SHOWN).reduce((n, k) => n + k.count, 0)}</td>
                </tr>
              )}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}
