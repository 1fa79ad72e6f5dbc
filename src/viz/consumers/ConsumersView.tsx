import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { partitionLag } from '../../engine/broker/groups';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import './ConsumersView.css';
import { useViewSim } from '../viewSim';

const selectConsumers = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  inspect: s.inspect,
});

const commitText = {
  auto: 'auto-commit',
  afterProcessing: 'commit after processing',
  beforeProcessing: 'commit before processing',
} as const;

/** Consumer groups: members, their partitions, committed offsets and lag (with its history). */
export function ConsumersView({ controls }: { controls?: (group: number) => ReactNode } = {}) {
  const { sim, inspect } = useViewSim(useShallow(selectConsumers));
  const delivery = sim.delivery();
  const spec = sim.scenario.spec.delivery;
  if (!delivery || !spec) return null;
  // No groups: the panel shows only the query's reader, or is not shown at all (ui/shell/App.tsx).
  if (spec.groups.length === 0) return null;
  // Each group's lag per partition, shared by the summary and the tables.
  const lags = delivery.groups.map((g) => delivery.cluster.partitions.map((p) => partitionLag(g, p)));
  const summary = delivery.groups
    .map((g, gi) => {
      const lag = lags[gi]!.reduce((sum, n) => sum + n, 0);
      const up = g.members.filter((m) => m.alive).length;
      return `Group ${spec.groups[gi]!.id}: generation ${g.generation}, ${up} of ${g.members.length} members up, total lag ${lag} record${lag === 1 ? '' : 's'}${g.rebalancePending ? ', rebalancing' : ''}.`;
    })
    .join(' ');
  return (
    <div className="groups">
      <LiveSummary text={summary} />
      {delivery.groups.map((g, gi) => {
        const gs = spec.groups[gi]!;
        const lagNow = lags[gi]!;
        return (
          <article key={gs.id} className="group" aria-label={`Group ${gs.id}`}>
            <h3>
              {gs.id}{' '}
              <span className="muted">
                · {gs.assignor} · {commitText[gs.commitMode]} · generation {g.generation}
              </span>
            </h3>
            {g.rebalancePending && (
              <p className="broker__refused" role="note">
                Rebalancing: the group waits for a crashed member to rejoin or for its session to time out.
                {gs.assignor === 'cooperative-sticky'
                  ? ' Members keep reading the partitions they own meanwhile.'
                  : ' With an eager assignor every member has given up its partitions: nobody reads meanwhile.'}
              </p>
            )}
            <table className="group__members">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">State</th>
                  <th scope="col">Partitions</th>
                  <th scope="col">In progress</th>
                </tr>
              </thead>
              <tbody>
                {g.members.map((m) => (
                  <tr key={m.memberId}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        aria-label={`${m.memberId}: inspect consumer`}
                        onClick={() => inspect({ kind: 'member', group: gi, member: m.memberId })}
                      >
                        {m.memberId}
                      </button>
                    </th>
                    <td className={m.alive ? '' : 'state--down'}>
                      {m.alive
                        ? 'running'
                        : `crashed; session expires at ${(((m.crashedAtMs ?? 0) + gs.sessionTimeoutMs) / 1000).toFixed(1)} s`}
                    </td>
                    <td>{m.assigned.length ? m.assigned.map((tp) => tp.partition).join(', ') : '—'}</td>
                    <td>{m.inProcess.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="group__offsets">
              <thead>
                <tr>
                  <th scope="col">Partition</th>
                  <th scope="col">Committed</th>
                  <th scope="col">High watermark</th>
                  <th scope="col">Lag</th>
                </tr>
              </thead>
              <tbody>
                {delivery.cluster.partitions.map((p, i) => (
                  <tr key={p.partition}>
                    <th scope="row">{p.partition}</th>
                    <td>{g.committed[p.partition] ?? '—'}</td>
                    <td>{p.highWatermark}</td>
                    <td>{lagNow[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {controls?.(gi)}
            <LagChart
              values={sim.lagHistory(gi)}
              tickMs={sim.scenario.spec.tickMs}
              durationMs={sim.scenario.spec.durationMs}
              group={gs.id}
            />
          </article>
        );
      })}
    </div>
  );
}

function LagChart({
  values,
  tickMs,
  durationMs,
  group,
}: {
  values: number[];
  tickMs: number;
  durationMs: number;
  group: string;
}) {
  const width = 320;
  const height = 70;
  const x = scaleLinear()
    .domain([0, durationMs])
    .range([30, width - 6]);
  const max = Math.max(1, ...values);
  const y = scaleLinear()
    .domain([0, max])
    .range([height - 16, 6])
    .nice();
  const path = line<number>()
    .x((_, i) => x(i * tickMs))
    .y((v) => y(v))(values);
  const last = values.at(-1) ?? 0;
  return (
    <figure className="lag">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Lag of group ${group} over time; now ${last} records.`}
      >
        <line className="lag__axis" x1={30} x2={width - 6} y1={height - 16} y2={height - 16} />
        <text className="lag__tick" x={26} y={y(y.domain()[1]!) + 4} textAnchor="end">
          {y.domain()[1]}
        </text>
        <text className="lag__tick" x={26} y={height - 12} textAnchor="end">
          0
        </text>
        {path && <path className="lag__line" d={path} />}
      </svg>
      <figcaption>Lag over time (high watermark − committed offset): now {last}</figcaption>
    </figure>
  );
}
