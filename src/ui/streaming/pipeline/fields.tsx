/** The labelled form controls the operation editors are made of. */
export function Select({
  id,
  label,
  aria,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  aria: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  const known = options.some(([v]) => v === value);
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} aria-label={aria} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value || '(choose)'}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Check({
  id,
  label,
  aria,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  aria: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="field field--check" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-label={aria}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
