import './fields.css';

/** The whole scenario as JSON text: what is typed stays until it parses (Apply, or another tab). */
export function JsonSection({ text, onText }: { text: string; onText: (text: string) => void }) {
  return (
    <div className="ed-field ed-field--wide">
      <label className="ed-field__label" htmlFor="ed-json">
        The whole scenario as JSON
      </label>
      <textarea
        id="ed-json"
        className="ed-json ed-json--whole"
        data-path="json"
        spellCheck={false}
        aria-describedby="ed-json-hint"
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
      />
      <span id="ed-json-hint" className="ed-field__hint">
        The scenario file format (see “Writing a scenario” in the README). Apply checks it.
      </span>
    </div>
  );
}
