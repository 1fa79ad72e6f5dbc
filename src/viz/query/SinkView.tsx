import { useShallow } from 'zustand/react/shallow';
import { sinkContents } from '../../engine';
import type { useSim } from '../../store/simStore';
import { windowText } from './format';
import './SinkView.css';
import { useViewSim } from '../viewSim';

const selectSink = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

/** The guarantee each sink gives, as Spark's guide lists it (Output Sinks, "Fault-tolerant"). */
const GUARANTEE = {
  file: 'exactly once: a batch id already in _spark_metadata is not written again',
  console: 'not fault tolerant: a batch re-run after a crash prints again',
  kafka: 'at least once: a batch re-run after a crash is written again',
  foreachBatch: '',
} as const;

/** What the sink holds at the moment shown, batch by batch; rows written twice are marked. */
export function SinkView() {
  const { sim } = useViewSim(useShallow(selectSink));
  const q = sim.query();
  const spec = sim.scenario.spec.query;
  if (!q || !spec) return null;
  const sink = spec.sink;
  const contents = sinkContents(q.sinkWrites, sim.timeMs).filter((c) => c.rows.length > 0);
  const guarantee =
    sink.kind === 'foreachBatch'
      ? sink.idempotent
        ? 'exactly once here: the writer keys its writes by batch id, so a re-run replaces its first write'
        : 'at least once here: the writer appends, so a re-run writes its rows again'
      : GUARANTEE[sink.kind];
  const name =
    sink.kind === 'file'
      ? `file sink ${sink.path}`
      : sink.kind === 'kafka'
        ? `Kafka topic ${sink.topic}`
        : sink.kind;
  const duplicates = contents.filter((c) => c.duplicate).reduce((n, c) => n + c.rows.length, 0);
  return (
    <div className="qsink">
      <p>
        <b>{name}</b> (output mode {spec.outputMode}): {guarantee}.
        {duplicates > 0 && <span className="qsink__dups"> {duplicates} rows were written twice.</span>}
      </p>
      {contents.length === 0 ? (
        <p className="muted">Nothing written yet.</p>
      ) : (
        <ol className="plain qsink__batches">
          {contents.map((c) => (
            <li key={`${c.batchId}@${c.atMs}`} className={c.duplicate ? 'is-duplicate' : undefined}>
              <span className="qsink__batch">
                batch {c.batchId}
                {c.duplicate ? ', again' : ''}
              </span>{' '}
              {c.rows
                .map(
                  (r) =>
                    `${r.key ?? 'all'}${r.window ? ` ${windowText(r.window)}` : ''} = ${r.text ?? r.value}${r.kind === 'timeout' ? ' (timed out)' : ''}`,
                )
                .join('; ')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
