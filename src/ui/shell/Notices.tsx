import { useSim } from '../../store/simStore';
import './Notices.css';

/** Messages about bad links or input: the app carries on, and says what it did instead. */
export function Notices() {
  const notices = useSim((s) => s.notices);
  const dismiss = useSim((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className="notice">
          <span>{n.text}</span>
          <button
            type="button"
            className="icon-button"
            onClick={() => dismiss(n.id)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
