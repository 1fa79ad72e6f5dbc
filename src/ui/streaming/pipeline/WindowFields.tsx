import { Check, Select } from './fields';
import { functionChoice, OWN, OWN_OPTION, OwnFunctionField } from './OwnFunctionField';
import type { OpEditorProps } from './opEditor';

/** The editors of reductions and windows: the reduce function, window and slide, the inverse function. */
export function WindowFields({
  id,
  op,
  has,
  label,
  onChange,
  batchIntervalMs,
}: OpEditorProps & { batchIntervalMs: number }) {
  const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(ms / 1000));
  const setSeconds = (key: 'windowMs' | 'slideMs', v: string) => {
    const n = Number(v);
    if (v.trim() === '' && key === 'slideMs') onChange({ slideMs: undefined });
    else if (Number.isFinite(n) && n > 0) onChange({ [key]: Math.round(n * 1000) });
  };
  return (
    <>
      {has('reduce') && (
        <Select
          id={`${id}-reduce`}
          label="reduce"
          aria={label('reduce function')}
          value={op.code !== undefined ? OWN : (op.reduce ?? 'sum')}
          options={[
            ['sum', 'sum (_ + _)'],
            ['max', 'max'],
            ['min', 'min'],
            // An inverse reduction is the catalogue's sum only (the simulator has no field for invFunc).
            ...(op.inverse ? [] : [OWN_OPTION]),
          ]}
          onChange={(v) => {
            if (v !== OWN) onChange({ reduce: v as 'sum', code: undefined });
            else {
              const change = functionChoice(op, v, null);
              if (change) onChange({ ...change, reduce: undefined });
            }
          }}
        />
      )}
      {has('reduce') && <OwnFunctionField id={id} op={op} label={label} onChange={onChange} />}
      {has('windowMs') && (
        <label className="field" htmlFor={`${id}-w`}>
          <span>window (s)</span>
          <input
            id={`${id}-w`}
            type="number"
            min={0}
            step={batchIntervalMs / 1000}
            value={seconds(op.windowMs)}
            aria-label={label('window length in seconds')}
            onChange={(e) => setSeconds('windowMs', e.target.value)}
          />
        </label>
      )}
      {has('slideMs') && (
        <label className="field" htmlFor={`${id}-s`}>
          <span>slide (s)</span>
          <input
            id={`${id}-s`}
            type="number"
            min={0}
            step={batchIntervalMs / 1000}
            placeholder="every batch"
            value={seconds(op.slideMs)}
            aria-label={label('slide interval in seconds')}
            onChange={(e) => setSeconds('slideMs', e.target.value)}
          />
        </label>
      )}
      {has('inverse') && (
        <Check
          id={`${id}-inv`}
          label="inverse function"
          aria={label('with an inverse function')}
          checked={op.inverse ?? false}
          onChange={(v) => onChange({ inverse: v, filterZero: v ? op.filterZero : undefined })}
        />
      )}
      {has('filterZero') && op.inverse && (
        <Check
          id={`${id}-fz`}
          label="drop zero counts"
          aria={label('filter out keys whose value is 0')}
          checked={op.filterZero ?? false}
          onChange={(v) => onChange({ filterZero: v })}
        />
      )}
    </>
  );
}
