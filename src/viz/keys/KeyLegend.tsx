import { keyColour } from '../colours';
import './KeyLegend.css';

/** Which colour is which key (the first 16; the key itself is always in a cell's label too). */
export function KeyLegend({ keys }: { keys: readonly (readonly [string, number])[] }) {
  if (keys.length === 0) return null;
  const shown = keys.slice(0, 16);
  return (
    <p className="keylegend">
      <span className="muted">Keys:</span>
      {shown.map(([k, i]) => (
        <span key={k} className="keylegend__key">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="3" fill={keyColour(i)} />
          </svg>
          {k}
        </span>
      ))}
      {keys.length > shown.length && <span className="muted">and {keys.length - shown.length} more</span>}
    </p>
  );
}
