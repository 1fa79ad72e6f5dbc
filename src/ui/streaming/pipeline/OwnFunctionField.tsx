import type { ReactNode } from 'react';
import type { StreamOpSpec, ValueType } from '../../../engine';
import { ownExample } from '../../../scenarios/ownExamples';
import './CodeField.css';

/** The select value that stands for "your own function" next to the catalogue's names. */
export const OWN = '__own';

/** The select's option for writing one's own function. */
export const OWN_OPTION: readonly [string, string] = [OWN, 'your own function…'];

/** What switching the function select to `value` changes: the catalogue's name, or code filled in from it. */
export function functionChoice(
  op: StreamOpSpec,
  value: string,
  inputType: ValueType | null,
): Partial<StreamOpSpec> | null {
  if (value !== OWN) return { fn: value, code: undefined, stateType: undefined };
  const example = ownExample(op, inputType);
  if (!example) return null;
  return { fn: undefined, arg: undefined, code: example.code, stateType: example.stateType };
}

/**
 * The learner's own function: a lambda in the simulator's language (Scala-like), checked as it
 * is typed; errors appear with the pipeline's. For state functions also the state's type.
 */
export function OwnFunctionField({
  id,
  op,
  label,
  onChange,
}: {
  id: string;
  op: StreamOpSpec;
  label: (what: string) => string;
  onChange: (change: Partial<StreamOpSpec>) => void;
}) {
  if (op.code === undefined) return null;
  return (
    <CodeField
      id={id}
      code={op.code}
      stateType={op.op === 'updateStateByKey' || op.op === 'mapWithState' ? (op.stateType ?? '') : null}
      label={label}
      onChange={onChange}
      hint={
        <>
          A lambda, as in Scala: <code>(k, v) =&gt; (k, v * 2)</code>, <code>cond ? a : b</code>,{' '}
          <code>{'{ val s = …; state.update(s); (key, s) }'}</code>. It is type-checked as you type and runs
          in the simulator; whole numbers are Long, <code>split</code> takes its separator literally.
        </>
      }
    />
  );
}

/**
 * A code box for a function in the simulator's language, its guide below it, and (when
 * `stateType` is not null) the state's Scala type; the pipeline builder's and the query's.
 */
export function CodeField({
  id,
  code,
  stateType,
  label,
  hint,
  onChange,
}: {
  id: string;
  code: string;
  stateType: string | null;
  label: (what: string) => string;
  hint: ReactNode;
  onChange: (change: { code?: string; stateType?: string | undefined }) => void;
}) {
  return (
    <>
      <label className="field field--code" htmlFor={`${id}-code`}>
        <span>your function</span>
        <textarea
          id={`${id}-code`}
          className="op__code"
          spellCheck={false}
          // About 60 characters a line; a few lines at most (it grows with the learner's text).
          rows={Math.min(
            10,
            code.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 60)), 0),
          )}
          value={code}
          aria-label={label('function code')}
          onChange={(e) => onChange({ code: e.target.value })}
          aria-describedby={`${id}-code-hint`}
        />
      </label>
      <p className="op__hint" id={`${id}-code-hint`}>
        {hint}
      </p>
      {stateType !== null && (
        <label className="field" htmlFor={`${id}-state-type`}>
          <span>state type</span>
          <input
            id={`${id}-state-type`}
            type="text"
            placeholder="the values’ type"
            value={stateType}
            aria-label={label('state type, as Scala writes it')}
            onChange={(e) =>
              onChange({ stateType: e.target.value.trim() === '' ? undefined : e.target.value })
            }
          />
        </label>
      )}
    </>
  );
}
