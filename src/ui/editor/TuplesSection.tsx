import { useState } from 'react';
import { MAX_BEFORE_MS } from '../../scenarios/schema/tuple';
import { sameJson } from '../../store/customScenario';
import { useEditor, useField } from './context';
import { getAt, isObject, type Path, pathText } from './draft';
import './TuplesSection.css';

const COLUMNS = ['#', 'Producer', 'Key', 'Value', 'Event time (ms)', 'Arrival (ms)'];
/** Rows shown; a longer list is edited in the JSON tab. */
const MAX_ROWS = 200;

/** Explicit tuples, written by hand as on a lecture slide: one row each. */
export function TuplesSection() {
  const { draft, set } = useEditor();
  const value = getAt(draft, ['tuples']);
  const tuples = Array.isArray(value) ? value : [];
  const producers = getAt(draft, ['producers']);
  const ids = (Array.isArray(producers) ? producers : [])
    .map((p) => (isObject(p) ? p.id : undefined))
    .filter((id): id is string => typeof id === 'string');
  const add = () => {
    const last = tuples.at(-1);
    const row = isObject(last)
      ? { ...last, eventTime: num(last.eventTime) + 1000, arrivalTime: num(last.arrivalTime) + 1000 }
      : { producer: ids[0] ?? 'scripted', key: 'a', value: 1, eventTime: 0, arrivalTime: 100 };
    set(['tuples'], [...tuples, row]);
  };
  return (
    <div className="ed-list">
      <p className="ed-note">
        Tuples written by hand, e.g. to reproduce a slide’s example exactly. A producer with rate 0 gives them
        a lane of their own. Arrival is processing time and cannot be before the event time.
      </p>
      {tuples.length > 0 && (
        <div className="ed-table-wrap">
          <table className="ed-table">
            <thead>
              <tr>
                {COLUMNS.map((name) => (
                  <th key={name} scope="col" className="ed-table__col">
                    {name}
                  </th>
                ))}
                <th scope="col" className="ed-table__col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tuples.slice(0, MAX_ROWS).map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by their place
                <tr key={i}>
                  <th scope="row" className="ed-table__row">
                    {i + 1}
                  </th>
                  <td className="ed-table__cell">
                    <ProducerCell path={['tuples', i, 'producer']} ids={ids} row={i + 1} />
                  </td>
                  <td className="ed-table__cell">
                    <TextCell path={['tuples', i, 'key']} label={`Tuple ${i + 1} key`} />
                  </td>
                  <td className="ed-table__cell">
                    <ValueCell path={['tuples', i, 'value']} label={`Tuple ${i + 1} value`} />
                  </td>
                  <td className="ed-table__cell">
                    <NumberCell
                      path={['tuples', i, 'eventTime']}
                      label={`Tuple ${i + 1} event time (ms; negative: before the run starts)`}
                      min={-MAX_BEFORE_MS}
                    />
                  </td>
                  <td className="ed-table__cell">
                    <NumberCell
                      path={['tuples', i, 'arrivalTime']}
                      label={`Tuple ${i + 1} arrival time (ms)`}
                    />
                  </td>
                  <td className="ed-table__cell">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove tuple ${i + 1}`}
                      onClick={() =>
                        set(
                          ['tuples'],
                          tuples.filter((__, j) => j !== i),
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tuples.length > MAX_ROWS && (
        <p className="ed-note">
          {tuples.length - MAX_ROWS} more tuples are not shown here; edit them in the JSON tab.
        </p>
      )}
      <button
        type="button"
        className="button"
        data-path="tuples"
        disabled={tuples.length >= 10000}
        onClick={add}
      >
        Add a tuple
      </button>
    </div>
  );
}

const num = (x: unknown) => (typeof x === 'number' ? x : 0);

function ProducerCell({ path, ids, row }: { path: Path; ids: readonly string[]; row: number }) {
  const { value, set, name } = useField(path);
  const current = typeof value === 'string' ? value : 'scripted';
  const options = [...new Set(['scripted', ...ids, current])];
  return (
    <select
      data-path={name}
      aria-label={`Tuple ${row} producer`}
      value={current}
      onChange={(e) => set(e.currentTarget.value === 'scripted' ? undefined : e.currentTarget.value)}
    >
      {options.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </select>
  );
}

function TextCell({ path, label }: { path: Path; label: string }) {
  const { value, set, name } = useField(path);
  return (
    <input
      type="text"
      data-path={name}
      aria-label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => set(e.currentTarget.value)}
    />
  );
}

function NumberCell({ path, label, min = 0 }: { path: Path; label: string; min?: number }) {
  const { value, set, name } = useField(path);
  return (
    <input
      type="number"
      min={min}
      step={1}
      data-path={name}
      aria-label={label}
      value={typeof value === 'number' ? value : ''}
      onChange={(e) => {
        const input = e.currentTarget;
        if (input.value === '') {
          if (!input.validity.badInput) set(undefined);
        } else if (Number.isFinite(Number(input.value))) set(Number(input.value));
      }}
    />
  );
}

/** A tuple's value: JSON (a number, true, {"a": 1}) or, when it is not JSON, the text itself. */
function ValueCell({ path, label }: { path: Path; label: string }) {
  const { value, set } = useField(path);
  const [text, setText] = useState(() => valueText(value));
  const shown = sameJson(parsedValue(text), value) ? text : valueText(value);
  return (
    <input
      type="text"
      data-path={pathText(path)}
      aria-label={label}
      value={shown}
      onChange={(e) => {
        setText(e.currentTarget.value);
        set(parsedValue(e.currentTarget.value));
      }}
    />
  );
}

function parsedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return parsedValue(value) === value ? value : JSON.stringify(value);
  return JSON.stringify(value);
}
