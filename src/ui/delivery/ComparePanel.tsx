import { useShallow } from 'zustand/react/shallow';
import type { Simulation } from '../../engine';
import { type DeliveryOutcome, deliveryOutcome } from '../../engine/delivery/summary';
import { type DeliveryModel, modelNames, modelOf } from '../../scenarios/compare';
import type { useSim } from '../../store/simStore';
import './ComparePanel.css';
import { useViewSim } from '../../viz/viewSim';

const selectCompare = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  compare: s.compare,
  tick: s.tick,
  model: s.compareModel,
  setCompare: s.setCompare,
});

const MODELS: DeliveryModel[] = ['direct', 'queue', 'log'];

/** The same tuples through two delivery models, side by side, at the same moment. */
export function ComparePanel() {
  const { sim, compare, model, setCompare } = useViewSim(useShallow(selectCompare));
  const own = modelOf(sim.scenario.spec);
  if (own === null) return null;
  const others = MODELS.filter((m) => m !== own);
  return (
    <div className="compare">
      <label className="field compare__pick">
        Compare with
        <select
          value={model ?? ''}
          onChange={(e) => setCompare((e.currentTarget.value || null) as DeliveryModel | null)}
        >
          <option value="">nothing</option>
          {others.map((m) => (
            <option key={m} value={m}>
              {modelNames[m]}
            </option>
          ))}
        </select>
      </label>
      {compare ? (
        <>
          <p className="muted">
            Same tuples, same seed, same consumers going down at the same moments. In a Kafka log each
            consumer is a group of its own, so each reads everything; in a queue the consumers share the
            messages, each going to one of them.
          </p>
          <OutcomeTable left={sim} right={compare} />
        </>
      ) : (
        <p className="muted">
          Pick another model to send the same tuples through it, with the same consumers going down at the
          same moments.
        </p>
      )}
    </div>
  );
}

function OutcomeTable({ left, right }: { left: Simulation; right: Simulation }) {
  const a = deliveryOutcome(left);
  const b = deliveryOutcome(right);
  const ids = [...new Set([...a.consumers.map((c) => c.id), ...b.consumers.map((c) => c.id)])];
  const cell = (o: DeliveryOutcome, id: string) => o.consumers.find((c) => c.id === id);
  const name = (o: DeliveryOutcome) => (o.model ? modelNames[o.model] : '—');
  return (
    <table className="compare__table">
      <caption className="sr-only">
        Outcomes at this moment: {name(a)} compared with {name(b)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Consumer</th>
          <th scope="col">{name(a)} (this scenario)</th>
          <th scope="col">{name(b)}</th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <tr key={id}>
            <th scope="row">{id}</th>
            <Outcome c={cell(a, id)} />
            <Outcome c={cell(b, id)} />
          </tr>
        ))}
        <tr>
          <th scope="row">Kept by the broker</th>
          <td>{kept(a)}</td>
          <td>{kept(b)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Outcome({ c }: { c: DeliveryOutcome['consumers'][number] | undefined }) {
  if (!c) return <td>—</td>;
  return (
    <td>
      <span>{c.received} received</span>
      {c.lost > 0 && <span className="state--down"> · {c.lost} lost</span>}
      {c.duplicates > 0 && <span className="compare__dup"> · {c.duplicates} processed twice</span>}
      {!c.up && <span className="state--down"> · down</span>}
    </td>
  );
}

function kept(o: DeliveryOutcome): string {
  if (o.model === 'direct') return 'nothing: there is no broker';
  if (o.model === 'queue') return `${o.stored} waiting; acknowledged messages are deleted`;
  return `${o.stored} records, and any can be read again`;
}
