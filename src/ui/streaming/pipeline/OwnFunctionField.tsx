import type { StreamOpSpec, ValueType } from '../../../engine';
import { ownExample } from '../../../scenarios/ownExamples';

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
  const stateful = op.op === 'updateStateByKey' || op.op === 'mapWithState';
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
            8,
            op.code.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 60)), 0),
          )}
          value={op.code}
          aria-label={label('function code')}
          onChange={(e) => onChange({ code: e.target.value })}
          aria-describedby={`${id}-code-hint`}
        />
      </label>
      <p className="op__hint" id={`${id}-code-hint`}>
        A lambda, as in Scala: <code>(k, v) =&gt; (k, v * 2)</code>, <code>cond ? a : b</code>,{' '}
        <code>{'{ val s = …; state.update(s); (key, s) }'}</code>. It is type-checked as you type and runs in
        the simulator; whole numbers are Long, <code>split</code> takes its separator literally.
      </p>
      {stateful && (
        <label className="field" htmlFor={`${id}-state-type`}>
          <span>state type</span>
          <input
            id={`${id}-state-type`}
            type="text"
            placeholder="the values’ type"
            value={op.stateType ?? ''}
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
