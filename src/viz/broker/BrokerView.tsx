import { type MouseEvent, useContext, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Simulation } from '../../engine';
import type { useSim } from '../../store/simStore';
import { KeyLegend } from '../keys/KeyLegend';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import { usePlayingFast, useViewSim, ViewPlayingContext } from '../viewSim';
import { cellAt, LogCanvas, useDenseLog } from './LogCanvas';
import { type BrokerLayout, layoutBroker, type ReplicaRole, ROW_HEIGHT } from './layout';
import { ReplicaLog, replicaSignature, type StepMarks } from './ReplicaLog';
import './BrokerView.css';

const roleText: Record<ReplicaRole, string> = {
  leader: 'leader',
  inSync: 'in sync',
  outOfSync: 'out of sync',
  offline: 'offline',
};

const selectBroker = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  selected: s.selectedTuple,
  select: s.select,
  inspect: s.inspect,
});

/** Records appended (they slide in) and fetched (they pulse) in the step that ends at `tick`: one pass. */
function stepMarks(sim: Simulation, tick: number): StepMarks {
  const fresh = new Set<number>();
  const fetched = new Set<number>();
  for (const e of sim.traceAtTick(tick)) {
    if (e.kind === 'appended') fresh.add(e.tupleId);
    else if (e.kind === 'fetched') fetched.add(e.tupleId);
  }
  return { fresh, fetched };
}

/** Partition logs per replica: offsets coloured by key, with the high watermark and each group's committed offset. */
export function BrokerView() {
  const { sim, tick, selected, select, inspect } = useViewSim(useShallow(selectBroker));
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const delivery = sim.delivery();
  const spec = sim.scenario.spec.delivery;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const layout = useMemo(() => (delivery ? layoutBroker(delivery, width) : null), [delivery, width, tick]);
  // Once per step, not per render.
  const marks = useMemo(() => stepMarks(sim, tick), [sim, tick]);
  // Stable for a run, so a row whose cells did not change is not rendered again.
  const keys = useMemo(() => {
    const keyOf = (tupleId: number) => sim.tuple(tupleId)?.key ?? '';
    return { keyOf, keyIndexOf: (tupleId: number) => sim.scenario.keyIndex.get(keyOf(tupleId)) ?? 0 };
  }, [sim]);
  const playing = useContext(ViewPlayingContext);
  const fast = usePlayingFast();
  const dense = useDenseLog(layout ? recordsIn(layout) : 0, playing, fast);
  if (!delivery || !spec || !layout) return null;
  // On the canvas, a click on a cell's place selects its record.
  const pickCell = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const id = cellAt(layout, e.clientX - box.left, e.clientY - box.top);
    if (id !== null) select(id);
  };
  // What the producer was told when the broker refused a write.
  const notEnough = delivery?.refused.notEnoughReplicas ?? 0;
  const noLeader = delivery?.refused.noLeader ?? 0;
  const refusedCount = notEnough + noLeader;
  return (
    <div ref={ref} className="broker">
      <LiveSummary text={summary(delivery)} />
      <p className="broker__legend">
        Each row is one broker's copy of a partition; each cell is a record at its offset, coloured by key.
        Faded cells are above the <strong>high watermark</strong>: not yet on every in-sync replica, so
        consumers cannot read them. acks={String(spec.acks)}, min.insync.replicas={spec.minInsyncReplicas}.
      </p>
      {refusedCount > 0 && (
        <p className="broker__refused" role="note">
          The broker has refused {refusedCount} write{refusedCount === 1 ? '' : 's'} so far.
          {notEnough > 0 &&
            ` ${notEnough} with NOT_ENOUGH_REPLICAS: acks=all needs at least min.insync.replicas (${spec.minInsyncReplicas}) replicas in sync, and the ISR had fewer.`}
          {noLeader > 0 &&
            ` ${noLeader} because the partition had no leader (all its in-sync replicas were down).`}{' '}
          This simulator's producer does not retry them; Kafka's default (idempotent) producer would, until
          delivery.timeout.ms.
        </p>
      )}
      <p className="broker__legend">
        A blue ▼ marks where a consumer fetches next; a purple ▲ a group's committed offset. Order is kept{' '}
        <strong>within a partition only</strong>: records with the same key always land in the same partition
        and are read in the order they were written, but records in different partitions are read in no
        particular order relative to each other.
      </p>
      <KeyLegend keys={[...sim.scenario.keyIndex.entries()]} />
      <div className="broker__plot">
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; it groups the record buttons */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the canvas's cells while playing; by keyboard, each cell is a button when paused */}
        <svg
          width={layout.width}
          height={layout.height}
          role="group"
          aria-label={summary(delivery)}
          className="broker__svg"
          onClick={dense ? pickCell : undefined}
        >
          {layout.partitions.map((p) => (
            <g key={p.partition}>
              {/* biome-ignore lint/a11y/useSemanticElements: SVG text cannot be a <button> */}
              <g
                role="button"
                tabIndex={0}
                className="entity-link"
                aria-label={`Inspect partition ${p.partition}`}
                onClick={() => inspect({ kind: 'partition', partition: p.partition })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    inspect({ kind: 'partition', partition: p.partition });
                  }
                }}
              >
                <text className="broker__title" x={0} y={p.y + 15}>
                  Partition {p.partition}
                  <tspan className="broker__meta">
                    {'  '}leader {p.leader === null ? 'none (offline)' : `broker ${p.leader}`} · epoch{' '}
                    {p.leaderEpoch} · ISR {'{'}
                    {p.isr.join(', ')}
                    {'}'} · HW {p.highWatermark}
                  </tspan>
                </text>
              </g>
              {p.replicas.map((r) => (
                <g key={r.broker} className={`replica replica--${r.role}`}>
                  {/* biome-ignore lint/a11y/useSemanticElements: SVG text cannot be a <button> */}
                  <g
                    role="button"
                    tabIndex={0}
                    className="entity-link"
                    aria-label={`Inspect broker ${r.broker}`}
                    onClick={() => inspect({ kind: 'broker', broker: r.broker })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        inspect({ kind: 'broker', broker: r.broker });
                      }
                    }}
                  >
                    <text className="replica__label" x={8} y={r.y + 15}>
                      Broker {r.broker} · {roleText[r.role]}
                    </text>
                  </g>
                  <rect
                    className="replica__track"
                    x={layout.logLeft - 2}
                    y={r.y + 1}
                    width={Math.max(0, layout.width - layout.logLeft - 30)}
                    height={ROW_HEIGHT - 2}
                  />
                  {!dense && (
                    <ReplicaLog
                      row={r}
                      fromOffset={p.fromOffset}
                      cellWidth={layout.cellWidth}
                      logLeft={layout.logLeft}
                      selected={selected}
                      marks={marks}
                      keyOf={keys.keyOf}
                      keyIndexOf={keys.keyIndexOf}
                      select={select}
                      signature={replicaSignature(r, p.fromOffset, selected, marks)}
                    />
                  )}
                  <path className="replica__end" d={`M${r.endX + 1},${r.y + 2}l5,-4h-10z`} />
                </g>
              ))}
              {p.startX !== null && p.logStartOffset > 0 && (
                <g className="logstart">
                  <line x1={p.startX} x2={p.startX} y1={p.y + 22} y2={p.y + p.height - 12} />
                  <text x={p.startX - 3} y={p.y + 18} textAnchor="end">
                    log start {p.logStartOffset}
                  </text>
                </g>
              )}
              {/* Offsets numbered under the rows (issue 20: they were not); on the canvas with the cells when dense. */}
              {!dense && (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: this <g> has no tabindex; the numbers repeat the cells' own labels
                <g
                  className="ruler"
                  aria-hidden="true"
                  transform={`translate(${-p.fromOffset * layout.cellWidth},0)`}
                >
                  {p.ruler.map((o) => (
                    <text
                      key={o.offset}
                      x={o.x + p.fromOffset * layout.cellWidth}
                      y={p.rulerY}
                      textAnchor="middle"
                    >
                      {o.offset}
                    </text>
                  ))}
                </g>
              )}
              {p.hwX !== null && (
                <g className="hw">
                  <line x1={p.hwX} x2={p.hwX} y1={p.y + 22} y2={p.labelY - 11} />
                  <text x={p.hwX + 3} y={p.labelY}>
                    HW {p.highWatermark}
                  </text>
                </g>
              )}
              {p.positions.map(
                (c) =>
                  c.x !== null && (
                    <g key={c.member} className="position">
                      <title>{`${c.member} fetches offset ${c.offset} next`}</title>
                      <path d={`M${c.x},${p.y + 25}l-5,-7h10z`} />
                      <text
                        x={c.x > layout.width - 80 ? c.x - 7 : c.x + 7}
                        y={p.y + 24}
                        textAnchor={c.x > layout.width - 80 ? 'end' : 'start'}
                      >
                        {c.member}
                      </text>
                    </g>
                  ),
              )}
              {p.commits.map((c) => {
                if (c.x === null) return null;
                const y = p.labelY + c.line * 14;
                const label = `${spec.groups[c.group]?.id} committed ${c.offset}`;
                return c.offLeft ? (
                  // Committed before the first offset in view: an arrow at the edge, with its offset.
                  <g key={c.group} className="commit commit--off">
                    <path d={`M${c.x},${y - 4}l8,-5v10z`} />
                    <text x={c.x + 12} y={y}>
                      {label}
                    </text>
                  </g>
                ) : (
                  <g key={c.group} className="commit">
                    <path d={`M${c.x},${y - 10}l-5,8h10z`} />
                    <text x={c.x - 8} y={y} textAnchor="end">
                      {label}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
        {dense && (
          <LogCanvas
            layout={layout}
            selected={selected}
            keyIndexOf={keys.keyIndexOf}
            offline={delivery.cluster.alive.map((alive) => !alive)}
            label={`The partitions' logs, ${recordsIn(layout)} records in all, drawn without a button per record while the run plays this fast; pause to go through them by keyboard.`}
          />
        )}
      </div>
    </div>
  );
}

/** Records appended to the partitions so far (each partition's longest log end). */
function recordsIn(layout: BrokerLayout): number {
  let records = 0;
  for (const p of layout.partitions) {
    let end = 0;
    for (const r of p.replicas) end = Math.max(end, r.logEndOffset);
    records += end;
  }
  return records;
}

function summary(d: NonNullable<ReturnType<ReturnType<typeof useSim.getState>['sim']['delivery']>>): string {
  const alive = d.cluster.alive.map((a, b) => (a ? null : `broker ${b} is down`)).filter(Boolean);
  const parts = d.cluster.partitions.map(
    (p) =>
      `partition ${p.partition}: leader ${p.leader ?? 'none'}, ISR ${p.isr.join(' ')}, high watermark ${p.highWatermark}`,
  );
  return `Broker: ${[...alive, ...parts].join('; ')}.`;
}
