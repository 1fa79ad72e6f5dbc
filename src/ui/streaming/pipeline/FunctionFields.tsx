import { FN_LISTS, type FnOp, fnCatalogue, type ValueType } from '../../../engine';
import { Select } from './fields';
import type { OpEditorProps } from './opEditor';
import { FN_OPS } from './opSpec';

/** The function of map, flatMap, filter, transform and foreachRDD, and its argument if it takes one. */
export function FunctionFields({
  id,
  op,
  label,
  onChange,
  inputType,
}: OpEditorProps & { inputType: ValueType | null }) {
  const fnList = FN_OPS.includes(op.op) ? FN_LISTS[op.op as FnOp] : [];
  const fn = FN_OPS.includes(op.op) ? fnCatalogue[op.op as FnOp](op.fn) : undefined;
  return (
    <>
      {fnList.length > 0 && (
        <Select
          id={`${id}-fn`}
          label="function"
          aria={label('function')}
          value={op.fn ?? ''}
          options={fnList.map((f) => [
            f.name,
            `${f.label}${inputType && !f.accepts(inputType) ? ' (needs other input)' : ''}`,
          ])}
          onChange={(v) => {
            const next = fnCatalogue[op.op as FnOp](v);
            onChange({ fn: v, arg: next?.arg ? (op.arg ?? next.arg.initial) : undefined });
          }}
        />
      )}
      {fn?.arg && (
        <label className="field" htmlFor={`${id}-arg`}>
          <span>{fn.arg.label}</span>
          <input
            id={`${id}-arg`}
            type={fn.arg.kind === 'number' ? 'number' : 'text'}
            value={op.arg ?? ''}
            aria-label={label(fn.arg.label)}
            onChange={(e) =>
              onChange({ arg: fn.arg?.kind === 'number' ? Number(e.target.value) : e.target.value })
            }
          />
        </label>
      )}
    </>
  );
}
