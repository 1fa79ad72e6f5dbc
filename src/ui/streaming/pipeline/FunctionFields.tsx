import { FN_LISTS, type FnOp, fnCatalogue, type ValueType } from '../../../engine';
import { Select } from './fields';
import { functionChoice, OWN, OWN_OPTION, OwnFunctionField } from './OwnFunctionField';
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
  // map, flatMap and filter also take the learner's own function.
  const own = op.op === 'map' || op.op === 'flatMap' || op.op === 'filter';
  return (
    <>
      {fnList.length > 0 && (
        <Select
          id={`${id}-fn`}
          label="function"
          aria={label('function')}
          value={op.code !== undefined ? OWN : (op.fn ?? '')}
          options={[
            ...fnList.map(
              (f) =>
                [
                  f.name,
                  `${f.label}${inputType && !f.accepts(inputType) ? ' (needs other input)' : ''}`,
                ] as const,
            ),
            ...(own ? [OWN_OPTION] : []),
          ]}
          onChange={(v) => {
            if (v === OWN) {
              const change = functionChoice(op, v, inputType);
              if (change) onChange(change);
              return;
            }
            const next = fnCatalogue[op.op as FnOp](v);
            onChange({ fn: v, code: undefined, arg: next?.arg ? (op.arg ?? next.arg.initial) : undefined });
          }}
        />
      )}
      {own && <OwnFunctionField id={id} op={op} label={label} onChange={onChange} />}
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
