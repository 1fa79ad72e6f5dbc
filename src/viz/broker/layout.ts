import type { LogDeliveryState } from '../../engine/delivery/logDelivery';

export type ReplicaRole = 'leader' | 'inSync' | 'outOfSync' | 'offline';

export interface LogCell {
  readonly offset: number;
  readonly tupleId: number;
  readonly x: number;
  /** Below the high watermark: committed, visible to consumers. */
  readonly committed: boolean;
}

export interface ReplicaRow {
  readonly broker: number;
  readonly role: ReplicaRole;
  readonly y: number;
  readonly cells: readonly LogCell[];
  readonly logEndOffset: number;
  /** x of the log end offset (the next offset to be written here). */
  readonly endX: number;
}

export interface PartitionBlock {
  readonly partition: number;
  readonly y: number;
  readonly height: number;
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly highWatermark: number;
  readonly logStartOffset: number;
  readonly replicas: readonly ReplicaRow[];
  /** x of the HW boundary and of the log start, when they are in view. */
  readonly hwX: number | null;
  readonly startX: number | null;
  /** Each group's committed offset on this partition (the next record it will read). */
  readonly commits: readonly { readonly group: number; readonly offset: number; readonly x: number | null }[];
  /** Where each consumer that owns this partition will fetch next (its position). */
  readonly positions: readonly {
    readonly member: string;
    readonly offset: number;
    readonly x: number | null;
  }[];
  /** First offset in view. */
  readonly fromOffset: number;
}

export interface BrokerLayout {
  readonly width: number;
  readonly height: number;
  readonly cellWidth: number;
  readonly logLeft: number;
  readonly partitions: readonly PartitionBlock[];
}

export const CELL_WIDTH = 22;
export const ROW_HEIGHT = 22;
const HEADER = 30;
const GAP = 18;
export const LOG_LEFT = 150;

/** Partition logs as rows of offset cells, newest on the right; a pure function of the delivery state. */
export function layoutBroker(d: LogDeliveryState, width: number): BrokerLayout {
  const visible = Math.max(4, Math.floor((width - LOG_LEFT - 40) / CELL_WIDTH));
  let y = 0;
  const partitions = d.cluster.partitions.map((p) => {
    const ends = p.replicas.map((r) => p.logStartOffset + r.log.length);
    const maxEnd = Math.max(p.logStartOffset, ...ends);
    const fromOffset = Math.max(p.logStartOffset, maxEnd - visible);
    const xOf = (offset: number) => LOG_LEFT + (offset - fromOffset) * CELL_WIDTH;
    const inView = (offset: number) =>
      offset >= fromOffset && offset <= fromOffset + visible ? xOf(offset) : null;
    const top = y;
    const replicas = p.replicas.map((r, i): ReplicaRow => {
      const role: ReplicaRole = !d.cluster.alive[r.broker]
        ? 'offline'
        : r.broker === p.leader
          ? 'leader'
          : p.isr.includes(r.broker)
            ? 'inSync'
            : 'outOfSync';
      const cells: LogCell[] = [];
      for (let o = fromOffset; o < p.logStartOffset + r.log.length; o++) {
        const record = r.log[o - p.logStartOffset]!;
        cells.push({ offset: o, tupleId: record.tupleId, x: xOf(o), committed: o < p.highWatermark });
      }
      const logEndOffset = p.logStartOffset + r.log.length;
      return {
        broker: r.broker,
        role,
        y: top + HEADER + i * ROW_HEIGHT,
        cells,
        logEndOffset,
        endX: xOf(logEndOffset),
      };
    });
    const height = HEADER + p.replicas.length * ROW_HEIGHT + 16;
    y += height + GAP;
    return {
      partition: p.partition,
      y: top,
      height,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      highWatermark: p.highWatermark,
      logStartOffset: p.logStartOffset,
      replicas,
      hwX: inView(p.highWatermark),
      startX: inView(p.logStartOffset),
      commits: d.groups.map((g, group) => {
        const offset = g.committed[p.partition] ?? p.logStartOffset;
        return { group, offset, x: inView(offset) };
      }),
      positions: d.groups.flatMap((g) =>
        g.members
          .filter((m) => m.alive && m.positions[p.partition] !== undefined)
          .map((m) => {
            const offset = m.positions[p.partition]!;
            return { member: m.memberId, offset, x: inView(offset) };
          }),
      ),
      fromOffset,
    };
  });
  return { width, height: Math.max(0, y - GAP), cellWidth: CELL_WIDTH, logLeft: LOG_LEFT, partitions };
}
