import { GUARANTEES } from '../../../engine';
import { Select } from './fields';
import type { OpEditorProps } from './opEditor';

/** A sink's delivery guarantee. */
export function GuaranteeField({ id, op, has, label, onChange }: OpEditorProps) {
  return (
    <>
      {has('guarantee') && (
        <Select
          id={`${id}-guarantee`}
          label="guarantee"
          aria={label('delivery guarantee')}
          value={op.guarantee ?? 'atLeastOnce'}
          options={GUARANTEES.map((g) => [g.id, g.label])}
          onChange={(v) => onChange({ guarantee: v as 'atLeastOnce' })}
        />
      )}
    </>
  );
}

/** How many elements print shows. */
export function PrintCountField({ id, op, has, label, onChange }: OpEditorProps) {
  return (
    <>
      {has('num') && (
        <label className="field" htmlFor={`${id}-num`}>
          <span>show</span>
          <input
            id={`${id}-num`}
            type="number"
            min={1}
            max={100}
            value={op.num ?? 10}
            aria-label={label('elements to print')}
            onChange={(e) => onChange({ num: Number(e.target.value) })}
          />
        </label>
      )}
    </>
  );
}
