/** A query's answer as a table: its columns, and its rows as they came (NULL shown as NULL). */
export function AnswerTable({
  columns,
  rows,
  caption,
  className = '',
}: {
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  caption: string;
  className?: string;
}) {
  return (
    <table className={`wtable ${className}`.trim()}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two columns may share a name; the position is the column
            <th scope="col" key={i}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a result row has no identity but its position
          <tr key={i}>
            {row.map((v, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its column
              <td key={j}>{v === null ? 'NULL' : typeof v === 'number' ? number(v) : v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, ''));
