import { type ReactNode, useId, useState } from 'react';
import { sameJson } from '../../store/customScenario';
import { useEditor, useField } from './context';
import { type Path, pretty } from './draft';
import './fields.css';

/**
 * Labelled controls bound to one field of the draft. Each carries `data-path` (the field as
 * parseScenario names it) so a problem can put the focus on its field. An empty input removes the
 * field, so its default (shown as the placeholder) applies again.
 */
interface FieldProps {
  readonly label: string;
  readonly path: Path;
  /** Fills a missing enclosing object whose other fields are required. */
  readonly seed?: object;
  readonly hint?: string;
  readonly wide?: boolean;
}

function Field({
  label,
  hint,
  wide,
  children,
}: {
  label: string;
  hint?: ReactNode;
  wide?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  // An explicit label: the hint stays out of the control's name and is read as its description.
  return (
    <div className={`ed-field${wide ? ' ed-field--wide' : ''}`}>
      <label className="ed-field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, hint ? `${id}-hint` : undefined)}
      {hint && (
        <span id={`${id}-hint`} className="ed-field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export function TextField({
  label,
  path,
  seed,
  hint,
  wide,
  placeholder,
}: FieldProps & { placeholder?: string }) {
  const { value, set, name } = useField(path, seed);
  return (
    <Field label={label} hint={hint} wide={wide}>
      {(id, describedBy) => (
        <input
          id={id}
          type="text"
          data-path={name}
          aria-describedby={describedBy}
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          onChange={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ label, path, hint, rows = 3 }: FieldProps & { rows?: number }) {
  const { value, set, name } = useField(path);
  return (
    <Field label={label} hint={hint} wide>
      {(id, describedBy) => (
        <textarea
          id={id}
          rows={rows}
          data-path={name}
          aria-describedby={describedBy}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function NumberField({
  label,
  path,
  seed,
  hint,
  placeholder,
  min,
  max,
  step = 'any',
}: FieldProps & { placeholder?: string; min?: number; max?: number; step?: number | 'any' }) {
  const { value, set, name } = useField(path, seed);
  // A setting the file leaves out takes its default: shown as the value, marked "default", not as
  // a grey placeholder that reads as an empty field (issue 20). Clearing the field returns to it.
  // While the field has focus it shows what is typed (empty included), so typing over a default works.
  const [focused, setFocused] = useState(false);
  const isDefault = typeof value !== 'number' && placeholder !== undefined && /^-?\d/.test(placeholder);
  const showDefault = isDefault && !focused;
  return (
    <Field
      label={label}
      hint={
        isDefault ? (
          <>
            {hint}
            {hint ? ' ' : ''}Default (not set in the file).
          </>
        ) : (
          hint
        )
      }
    >
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          data-path={name}
          aria-describedby={describedBy}
          className={showDefault ? 'is-default' : undefined}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          min={min}
          max={max}
          step={step}
          value={typeof value === 'number' ? value : showDefault ? placeholder : ''}
          placeholder={placeholder}
          onChange={(e) => {
            const input = e.currentTarget;
            // While a number is half typed ("-", "1e") the browser reports "" with badInput: wait.
            if (input.value === '') {
              if (!input.validity.badInput) set(undefined);
              return;
            }
            const n = Number(input.value);
            if (Number.isFinite(n)) set(n);
          }}
        />
      )}
    </Field>
  );
}

export type Options = readonly (readonly [value: string | number, text: string])[];

export function SelectField({
  label,
  path,
  seed,
  hint,
  options,
  fallback,
  onPick,
}: FieldProps & {
  options: Options;
  /** Shown when the field is absent (its default). */
  fallback: string | number;
  /** Instead of setting the field: e.g. a kind that changes the object's shape. */
  onPick?: (value: string | number) => void;
}) {
  const { value, set, name } = useField(path, seed);
  const current = typeof value === 'string' || typeof value === 'number' ? value : fallback;
  const known = options.some(([v]) => v === current);
  return (
    <Field label={label} hint={hint}>
      {(id, describedBy) => (
        <select
          id={id}
          data-path={name}
          aria-describedby={describedBy}
          value={String(current)}
          onChange={(e) => {
            const picked = options.find(([v]) => String(v) === e.currentTarget.value)?.[0];
            if (picked === undefined) return;
            if (onPick) onPick(picked);
            else set(picked);
          }}
        >
          {!known && <option value={String(current)}>{String(current)}</option>}
          {options.map(([v, text]) => (
            <option key={String(v)} value={String(v)}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ label, path, fallback }: FieldProps & { fallback: boolean }) {
  const { value, set, name } = useField(path);
  return (
    <label className="ed-field ed-field--check">
      <input
        type="checkbox"
        data-path={name}
        checked={typeof value === 'boolean' ? value : fallback}
        onChange={(e) => set(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** A list of names typed as "a, b, c"; the text is kept as typed while it means the same list. */
export function ListField({
  label,
  path,
  hint,
  placeholder,
  wide,
  toItems,
  fromItems,
}: FieldProps & {
  placeholder?: string;
  toItems: (value: unknown) => readonly string[];
  fromItems: (items: readonly string[]) => unknown;
}) {
  const { value, set, name } = useField(path);
  const format = (v: unknown) => toItems(v).join(', ');
  const [text, setText] = useState(() => format(value));
  const shown = sameJson(fromItems(splitList(text)), value) ? text : format(value);
  return (
    <Field label={label} hint={hint} wide={wide}>
      {(id, describedBy) => (
        <input
          id={id}
          type="text"
          data-path={name}
          aria-describedby={describedBy}
          value={shown}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.currentTarget.value);
            set(fromItems(splitList(e.currentTarget.value)));
          }}
        />
      )}
    </Field>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A block of the scenario as JSON text; what is typed is kept, and reported, while it is not JSON. */
export function JsonField({ label, path, hint, rows = 12 }: FieldProps & { rows?: number }) {
  const { rawJson, setRawJson } = useEditor();
  const { value, set, name } = useField(path);
  const id = useId();
  const raw = rawJson[name];
  const text = raw ?? pretty(value);
  let error: string | null = null;
  if (raw !== undefined) {
    try {
      JSON.parse(raw);
    } catch (e) {
      error = `Not valid JSON yet: ${(e as Error).message}`;
    }
  }
  return (
    <Field
      label={label}
      wide
      hint={
        <>
          {hint}
          {error && (
            <span className="ed-field__error" id={`${id}-error`}>
              {' '}
              {error}
            </span>
          )}
        </>
      }
    >
      {(id, describedBy) => (
        <textarea
          id={id}
          className="ed-json"
          rows={rows}
          spellCheck={false}
          data-path={name}
          aria-invalid={error !== null}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setRawJson(name, next);
            try {
              set(JSON.parse(next));
            } catch {
              // kept as text; Apply reports it
            }
          }}
        />
      )}
    </Field>
  );
}
