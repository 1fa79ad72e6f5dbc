/** How long a crashed driver stays down: the choice beside every "Crash the driver now" button. */
export function RestartAfterField({
  id,
  seconds,
  onChange,
}: {
  id: string;
  seconds: number;
  onChange: (seconds: number) => void;
}) {
  return (
    <label className="field" htmlFor={id}>
      <span>back after</span>
      <select id={id} value={seconds} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 5, 8].map((s) => (
          <option key={s} value={s}>
            {s} s
          </option>
        ))}
      </select>
    </label>
  );
}
