import { useShallow } from 'zustand/react/shallow';
import type { useSim } from '../../store/simStore';
import { keyColour } from '../colours';
import { KeyLegend } from '../keys/KeyLegend';
import { LiveSummary } from '../LiveSummary';
import './MessagingView.css';
import { useViewSim } from '../viewSim';

const selectMessaging = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  select: s.select,
});

/** Direct messaging or queue consumers: what each received, missed and acknowledged. */
export function MessagingConsumers() {
  const { sim } = useViewSim(useShallow(selectMessaging));
  const m = sim.messaging();
  if (!m) return null;
  const direct = m.model === 'direct';
  const summary = m.consumers
    .map(
      (c) =>
        `${c.id} is ${c.online ? 'up' : 'down'}: received ${c.received}, ${direct ? `missed ${c.missed}` : `acknowledged ${c.acknowledged}`}.`,
    )
    .join(' ');
  return (
    <div>
      <LiveSummary text={summary} />
      <p className="muted">
        {direct
          ? 'Direct messaging: each message is pushed to every consumer that is up at that moment. A consumer that is down misses it, and there is nowhere to fetch it from later.'
          : 'Queue broker: each message goes to one idle consumer; when that consumer acknowledges it, the broker deletes it. A consumer that dies before acknowledging gives its message back to the queue.'}
      </p>
      <table className="messaging__table">
        <thead>
          <tr>
            <th scope="col">Consumer</th>
            <th scope="col">State</th>
            <th scope="col">Received</th>
            <th scope="col">{direct ? 'Lost (missed while down)' : 'Acknowledged'}</th>
            {!direct && <th scope="col">Processing</th>}
          </tr>
        </thead>
        <tbody>
          {m.consumers.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.id}</th>
              <td className={c.online ? '' : 'state--down'}>{c.online ? 'up' : 'down'}</td>
              <td>{c.received}</td>
              <td className={direct && c.missed > 0 ? 'state--down' : ''}>
                {direct ? c.missed : c.acknowledged}
              </td>
              {!direct && <td>{c.current === null ? '—' : `#${c.current}`}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The queue's waiting messages, head first. Acknowledged messages are gone. */
export function QueueContents() {
  const { sim, select } = useViewSim(useShallow(selectMessaging));
  const m = sim.messaging();
  if (m?.model !== 'queue') return null;
  const shown = m.queue.slice(0, 60);
  return (
    <div className="queue">
      <p className="muted">
        {m.queue.length} message{m.queue.length === 1 ? '' : 's'} waiting, head first. Acknowledged messages
        are deleted, so this is all the broker still has.
      </p>
      <KeyLegend keys={[...sim.scenario.keyIndex.entries()]} />
      <ol className="queue__cells" aria-label="Queued messages, head first">
        {shown.map((id) => {
          const key = sim.tuple(id)?.key ?? '';
          return (
            <li key={id}>
              <button
                type="button"
                className="queue__cell"
                style={{ background: keyColour(sim.scenario.keyIndex.get(key) ?? 0) }}
                onClick={() => select(id)}
                aria-label={`Message #${id}, key ${key}`}
                title={`#${id} · ${key}`}
              />
            </li>
          );
        })}
        {m.queue.length > shown.length && <li className="muted">and {m.queue.length - shown.length} more</li>}
      </ol>
    </div>
  );
}
