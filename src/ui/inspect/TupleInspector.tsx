// The room ui/inspect: the side inspectors of a selected tuple, a Kafka entity (partition, broker, member)
// and a Spark batch or DStream.
import { useShallow } from 'zustand/react/shallow';
import { type Payload, payloadOf, type TupleView, traceDescriptions } from '../../engine';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import './inspector.css';
import './TupleInspector.css';

const selectInspector = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  id: s.selectedTuple,
  select: s.select,
});

/** Everything about the selected tuple, as known at the cursor. */
export function TupleInspector() {
  const { sim, id, select } = useSim(useShallow(selectInspector));
  if (id === null) {
    return (
      <section className="panel inspector inspector--empty" aria-label="Tuple inspector">
        <h2>Tuple inspector</h2>
        <p>
          Click a tuple in the lanes (or Tab to one and press Enter) to see its payload, its event and arrival
          time, and where it went.
        </p>
      </section>
    );
  }
  const tuple = sim.tuple(id);
  return (
    <section className="panel inspector" aria-label="Tuple inspector">
      <header className="inspector__head">
        <h2>Tuple #{id}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => select(null)}
          aria-label="Close inspector"
        >
          ×
        </button>
      </header>
      {tuple ? (
        <TupleDetails tuple={tuple} />
      ) : (
        <p>
          Tuple #{id} has not been created yet at {seconds(sim.timeMs)}. Move forward in time to see it.
        </p>
      )}
    </section>
  );
}

function TupleDetails({ tuple }: { tuple: TupleView }) {
  const sim = useSim((s) => s.sim);
  const producer = sim.scenario.producers[tuple.producerIndex]!.spec;
  const trace = sim.traceForTuple(tuple.id);
  return (
    <>
      <p className="inspector__source">
        from <strong>{producer.label}</strong> · key <code>{tuple.key}</code> · <StatusChip tuple={tuple} />
      </p>
      <dl className="times">
        <dt>Event time</dt>
        <dd>{seconds(tuple.eventTimeMs, 3)}</dd>
        {(tuple.backfilled || tuple.status === 'buffered') && (
          <>
            <dt>Sent</dt>
            <dd>{tuple.sentTimeMs === null ? 'not yet (producer offline)' : seconds(tuple.sentTimeMs, 3)}</dd>
          </>
        )}
        <dt>Arrival time</dt>
        <dd>
          {tuple.arrivalTimeMs !== null
            ? seconds(tuple.arrivalTimeMs, 3)
            : tuple.status === 'dropped'
              ? 'never (lost)'
              : 'not yet'}
        </dd>
        <dt>Delay</dt>
        <dd>
          {tuple.delayMs !== null
            ? seconds(tuple.delayMs, 3)
            : tuple.status === 'dropped'
              ? '—'
              : `${seconds(sim.timeMs - tuple.eventTimeMs, 3)} so far`}
        </dd>
      </dl>
      <Explanation
        tuple={tuple}
        boundMs={sim.scenario.spec.lateness.boundMs}
        producerLabel={producer.label}
      />
      <h3>Payload</h3>
      <PayloadView payload={payloadOf(tuple, producer)} />
      <h3>Where it went</h3>
      <ol className="trace">
        {trace.map((e) => (
          <li key={e.id}>
            <span className="trace__time">{seconds(e.timeMs, 3)}</span> {traceDescriptions[e.kind]}
            <span className="trace__id"> · trace #{e.id}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

function StatusChip({ tuple }: { tuple: TupleView }) {
  const text = tuple.late
    ? 'late'
    : tuple.outOfOrder
      ? 'out of order'
      : { arrived: 'in order', inFlight: 'on its way', buffered: 'buffered', dropped: 'lost' }[tuple.status];
  return (
    <span className={`chip chip--${tuple.late ? 'late' : tuple.outOfOrder ? 'outOfOrder' : tuple.status}`}>
      {text}
    </span>
  );
}

function Explanation({
  tuple,
  boundMs,
  producerLabel,
}: {
  tuple: TupleView;
  boundMs: number;
  producerLabel: string;
}) {
  const sim = useSim((s) => s.sim);
  const lines: string[] = [];
  const newest = tuple.newestBefore;
  if (tuple.late && newest && tuple.arrivalTimeMs !== null) {
    const from = sim.scenario.producers[newest.producerIndex]?.spec.label ?? '';
    lines.push(
      `Late: it arrived at ${seconds(tuple.arrivalTimeMs)} with event time ${seconds(tuple.eventTimeMs)}, but the processor had already seen event time ${seconds(newest.eventTimeMs)} (tuple #${newest.id} from ${from}) — more than the ${seconds(boundMs)} lateness bound behind.`,
    );
  }
  if (tuple.outOfOrder && tuple.overtakenBy) {
    lines.push(
      `Out of order: tuple #${tuple.overtakenBy.id} from the same source happened later (event time ${seconds(tuple.overtakenBy.eventTimeMs)}) but arrived first.`,
    );
  }
  if (tuple.backfilled && tuple.sentTimeMs !== null) {
    lines.push(
      `Backfilled: ${producerLabel} was offline when this happened; it buffered the tuple and sent it on reconnecting at ${seconds(tuple.sentTimeMs)}.`,
    );
  } else if (tuple.status === 'buffered') {
    lines.push(`Buffered: ${producerLabel} is offline; it keeps the tuple until it reconnects.`);
  }
  if (tuple.jittered) lines.push('Held back by network jitter on its way.');
  if (tuple.status === 'dropped')
    lines.push('The network lost it: the scenario gives this producer a chance of loss.');
  if (lines.length === 0) return null;
  return (
    <div className="explain">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {tuple.late && (
        <p className="explain__note">
          Simplified: here "late" means more than a fixed bound behind the newest event time seen. Watermarks
          make this rule precise.
        </p>
      )}
    </div>
  );
}

function PayloadView({ payload }: { payload: Payload }) {
  switch (payload.kind) {
    case 'structured':
      return (
        <table className="payload payload--row">
          <caption>Structured: one row with typed columns</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {payload.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td className="payload__type">{c.type}</td>
                <td>{c.type === 'timestamp' ? seconds(Number(c.value), 3) : String(c.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'semiStructured':
      return (
        <figure className="payload">
          <figcaption>Semi-structured: a JSON document (fields vary between tuples)</figcaption>
          <pre>{JSON.stringify(payload.document, null, 2)}</pre>
        </figure>
      );
    case 'unstructured':
      return (
        <figure className="payload">
          <figcaption>Unstructured: a line of text</figcaption>
          <pre className="payload__text">{payload.text}</pre>
        </figure>
      );
  }
}
