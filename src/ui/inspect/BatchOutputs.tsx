import { type Batch, formatValue, type StreamingRun } from '../../engine';
import { opLabel } from '../../viz/dstream/layout';
import { floatNoiseCleaner } from '../../viz/format/floatNoise';

/** What each output operation wrote or printed, its doubles without rounding noise (with a note). */
export function OutputsShown({ batch, run }: { batch: Batch; run: StreamingRun }) {
  const { clean, note: noteOf } = floatNoiseCleaner();
  const outputs = batch.outputs.map((o) => {
    const out = run.nodes[o.node]!;
    return (
      <div key={o.node} className="output">
        <p>
          <code>{out.spec.id}</code> <span className="muted">{opLabel(out)}</span>
        </p>
        {o.written ? (
          <p>
            Wrote {o.written.length} element{o.written.length === 1 ? '' : 's'}
            {o.written.length > 0 ? ': ' : '.'}
            {clean(
              o.written
                .slice(0, 12)
                .map((v) => formatValue(v, out.type, run.recordText.bind(run)))
                .join(' '),
            )}
            {o.written.length > 12 ? ' …' : ''}
          </p>
        ) : (
          <pre className="console">{clean(o.lines.join('\n'))}</pre>
        )}
      </div>
    );
  });
  const note = noteOf();
  return (
    <>
      {outputs}
      {note && <p className="muted">{note}</p>}
    </>
  );
}
