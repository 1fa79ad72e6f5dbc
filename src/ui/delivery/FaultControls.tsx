// The room ui/delivery: controls of the delivery path (Kafka broker and consumer faults, messaging faults)
// and the delivery-model comparison.
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import './FaultControls.css';

const selectFaults = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  injected: s.injected,
  injectFault: s.injectFault,
  clearFaults: s.clearFaults,
});

/** Crash or restart a broker now. The fault becomes part of the run (and the link). */
export function BrokerFaults() {
  const { sim, injectFault } = useSim(useShallow(selectFaults));
  const d = sim.delivery();
  if (!d) return null;
  const atMs = sim.timeMs;
  return (
    <fieldset className="faults">
      <legend className="sr-only">Broker faults</legend>
      {d.cluster.alive.map((alive, broker) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: brokers are numbered by position
          key={broker}
          type="button"
          className={`button${alive ? ' button--danger' : ''}`}
          onClick={() => injectFault({ atMs, kind: alive ? 'crashBroker' : 'restartBroker', broker })}
        >
          {alive ? 'Crash' : 'Restart'} broker {broker}
        </button>
      ))}
      <InjectedNote />
    </fieldset>
  );
}

/** Crash, restart, remove or add consumers now. */
export function ConsumerFaults({ group }: { group: number }) {
  const { sim, injectFault } = useSim(useShallow(selectFaults));
  const d = sim.delivery();
  const spec = sim.scenario.spec.delivery?.groups[group];
  const g = d?.groups[group];
  if (!g || !spec) return null;
  const atMs = sim.timeMs;
  const taken = new Set(g.members.map((m) => m.memberId));
  let n = g.members.length + 1;
  while (taken.has(`c${n}`)) n++;
  const fresh = `c${n}`;
  return (
    <fieldset className="faults">
      <legend className="sr-only">Faults for group {spec.id}</legend>
      {g.members.map((m) => (
        <span key={m.memberId} className="faults__member">
          <button
            type="button"
            className={`button${m.alive ? ' button--danger' : ''}`}
            onClick={() =>
              injectFault({
                atMs,
                kind: m.alive ? 'crashConsumer' : 'restartConsumer',
                group: spec.id,
                member: m.memberId,
              })
            }
          >
            {m.alive ? 'Crash' : 'Restart'} {m.memberId}
          </button>
          {m.alive && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                injectFault({ atMs, kind: 'removeConsumer', group: spec.id, member: m.memberId })
              }
            >
              Stop {m.memberId} cleanly
            </button>
          )}
        </span>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => injectFault({ atMs, kind: 'addConsumer', group: spec.id, member: fresh })}
      >
        Add consumer {fresh}
      </button>
    </fieldset>
  );
}

function InjectedNote() {
  const { injected, clearFaults } = useSim(useShallow(selectFaults));
  if (injected.length === 0) return null;
  return (
    <p className="faults__note">
      You added {injected.length} fault{injected.length === 1 ? '' : 's'} (at{' '}
      {injected.map((f) => seconds(f.atMs)).join(', ')}); the run is recomputed with{' '}
      {injected.length === 1 ? 'it' : 'them'} and the link keeps {injected.length === 1 ? 'it' : 'them'}.{' '}
      <button type="button" className="link" onClick={clearFaults}>
        Remove added faults
      </button>
    </p>
  );
}

/** Take a direct-messaging or queue consumer down, or bring it back, now. */
export function MessagingFaults() {
  const { sim, injectFault } = useSim(useShallow(selectFaults));
  const m = sim.messaging();
  if (!m) return null;
  const atMs = sim.timeMs;
  return (
    <fieldset className="faults">
      <legend className="sr-only">Consumer faults</legend>
      {m.consumers.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`button${c.online ? ' button--danger' : ''}`}
          onClick={() =>
            injectFault({ atMs, kind: c.online ? 'crashConsumer' : 'restartConsumer', consumer: c.id })
          }
        >
          {c.online ? `Take ${c.id} offline` : `Bring ${c.id} back`}
        </button>
      ))}
      <InjectedNote />
    </fieldset>
  );
}
