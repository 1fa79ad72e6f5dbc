import { useShallow } from 'zustand/react/shallow';
import { partitionLag } from '../../engine/broker/groups';
import { useSim } from '../../store/simStore';
import { seconds } from '../shell/format';
import './inspector.css';

const selectEntity = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  entity: s.selectedEntity,
  inspect: s.inspect,
  select: s.select,
});

/** The full state of the partition, broker or consumer the learner clicked, at the cursor. */
export function EntityInspector() {
  const { sim, entity, inspect, select } = useSim(useShallow(selectEntity));
  const d = sim.delivery();
  const spec = sim.scenario.spec.delivery;
  if (!entity || entity.kind === 'batch' || entity.kind === 'dstream' || !d || !spec) return null;
  const close = (
    <button type="button" className="icon-button" onClick={() => inspect(null)} aria-label="Close inspector">
      ×
    </button>
  );
  if (entity.kind === 'partition') {
    const p = d.cluster.partitions[entity.partition];
    if (!p) return null;
    const leader = p.replicas.find((r) => r.broker === p.leader);
    const recent = leader ? leader.log.tail(8).reverse() : [];
    return (
      <section className="panel inspector" aria-label="Partition inspector">
        <header className="inspector__head">
          <h2>Partition {p.partition}</h2>
          {close}
        </header>
        <dl className="times">
          <dt>Leader</dt>
          <dd>
            {p.leader === null ? 'none: offline until an in-sync replica returns' : `broker ${p.leader}`}
          </dd>
          <dt>Leader epoch</dt>
          <dd>{p.leaderEpoch}</dd>
          <dt>In-sync replicas</dt>
          <dd>{p.isr.map((b) => `broker ${b}`).join(', ')}</dd>
          <dt>Log start</dt>
          <dd>{p.logStartOffset}</dd>
          <dt>High watermark</dt>
          <dd>{p.highWatermark}</dd>
        </dl>
        <h3>Replicas</h3>
        <ul className="plain">
          {p.replicas.map((r) => (
            <li key={r.broker}>
              Broker {r.broker}: log end offset {p.logStartOffset + r.log.length}
              {r.broker === p.leader
                ? ' (leader)'
                : p.isr.includes(r.broker)
                  ? ' (in sync)'
                  : ' (out of sync)'}
              {d.cluster.alive[r.broker] ? '' : ', down'}
            </li>
          ))}
        </ul>
        <h3>Committed offsets</h3>
        <ul className="plain">
          {d.groups.map((g, gi) => (
            <li key={spec.groups[gi]!.id}>
              {spec.groups[gi]!.id}: {g.committed[p.partition] ?? 'nothing yet'} (lag {partitionLag(g, p)})
            </li>
          ))}
        </ul>
        <h3>Newest records</h3>
        <ol className="plain">
          {recent.map((r) => (
            <li key={r.offset}>
              offset {r.offset}:{' '}
              <button type="button" className="link" onClick={() => select(r.tupleId)}>
                #{r.tupleId}
              </button>{' '}
              key {sim.tuple(r.tupleId)?.key}
              {r.offset >= p.highWatermark ? ' (above the high watermark)' : ''}
            </li>
          ))}
        </ol>
      </section>
    );
  }
  if (entity.kind === 'broker') {
    const alive = d.cluster.alive[entity.broker];
    return (
      <section className="panel inspector" aria-label="Broker inspector">
        <header className="inspector__head">
          <h2>Broker {entity.broker}</h2>
          {close}
        </header>
        <p>{alive ? 'Running.' : 'Down: its replicas are offline and out of the in-sync replica sets.'}</p>
        <h3>Replicas on this broker</h3>
        <ul className="plain">
          {d.cluster.partitions
            .filter((p) => p.assignment.includes(entity.broker))
            .map((p) => {
              const r = p.replicas.find((x) => x.broker === entity.broker)!;
              const role =
                p.leader === entity.broker
                  ? 'leader'
                  : p.isr.includes(entity.broker)
                    ? 'follower, in sync'
                    : 'follower, out of sync';
              return (
                <li key={p.partition}>
                  Partition {p.partition}: {role}, log end offset {p.logStartOffset + r.log.length} (HW{' '}
                  {p.highWatermark})
                </li>
              );
            })}
        </ul>
      </section>
    );
  }
  const g = d.groups[entity.group];
  const gs = spec.groups[entity.group];
  const m = g?.members.find((x) => x.memberId === entity.member);
  return (
    <section className="panel inspector" aria-label="Consumer inspector">
      <header className="inspector__head">
        <h2>Consumer {entity.member}</h2>
        {close}
      </header>
      {!m || !g || !gs ? (
        <p>{entity.member} is not in the group at this moment.</p>
      ) : (
        <>
          <p>
            Group <strong>{gs.id}</strong> · generation {g.generation} ·{' '}
            {m.alive
              ? 'running'
              : `crashed at ${seconds(m.crashedAtMs ?? 0)}; its partitions stay with it until the session times out`}
          </p>
          <h3>Partitions</h3>
          <ul className="plain">
            {m.assigned.map((tp) => (
              <li key={tp.partition}>
                Partition {tp.partition}: next fetch at offset{' '}
                {m.positions[tp.partition] ?? `${g.committed[tp.partition] ?? 'reset'} (committed)`},
                committed {g.committed[tp.partition] ?? 'nothing yet'}
              </li>
            ))}
            {m.assigned.length === 0 && <li>none</li>}
          </ul>
          <p>
            {m.inProcess.length} record{m.inProcess.length === 1 ? '' : 's'} fetched and not yet processed.
          </p>
        </>
      )}
    </section>
  );
}
