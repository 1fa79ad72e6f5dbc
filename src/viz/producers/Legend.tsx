import { CATEGORIES } from './categories';
import { categoryLabels } from './layout';
import { MarkShape } from './MarkShape';

export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {CATEGORIES.map((c) => (
        <li key={c}>
          <svg width="16" height="16" aria-hidden="true">
            <MarkShape category={c} x={8} y={8} r={5} />
          </svg>
          {categoryLabels[c]}
        </li>
      ))}
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle className="tuple__backfill" cx={8} cy={8} r={6.5} />
        </svg>
        backfilled
      </li>
      <li className="legend__note">
        Dot: arrival time · line: delay since its event time · number: event time (s)
      </li>
    </ul>
  );
}
