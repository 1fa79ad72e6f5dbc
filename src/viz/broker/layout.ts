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
  /**
   * Each group's committed offset on this partition (the next record it will read). An offset left
   * of the cells in view is kept at the left edge (`offLeft`), drawn as an arrow with its number.
   */
  readonly commits: readonly {
    readonly group: number;
    readonly offset: number;
    readonly x: number | null;
    readonly offLeft: boolean;
    /** 0: on the label line; 1: one line lower, clear of the high watermark's label. */
    readonly line: 0 | 1;
  }[];
  /** Offsets numbered under the rows: the first in view and every fifth. */
  readonly ruler: readonly { readonly offset: number; readonly x: number }[];
  /** y of the offset ruler's baseline and of the labels' first line. */
  readonly rulerY: number;
  readonly labelY: number;
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
        const record = r.log.get(o - p.logStartOffset);
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
    const rowsEnd = top + HEADER + p.replicas.length * ROW_HEIGHT;
    const rulerY = rowsEnd + 11;
    const labelY = rulerY + 15;
    const hwX = inView(p.highWatermark);
    // The HW label runs right of its line; a commit label runs left of its marker. Where they would
    // overlap (estimated at 6.5 px per character), the commit label drops a line.
    const hwSpan = hwX === null ? null : [hwX + 3, hwX + 3 + 6.5 * `HW ${p.highWatermark}`.length];
    const commits = d.groups.map((g, group) => {
      const offset = g.committed[p.partition] ?? p.logStartOffset;
      const x = inView(offset);
      const offLeft = x === null && offset < fromOffset;
      const at = x ?? (offLeft ? LOG_LEFT : null);
      const text = `${g.config.groupId} committed ${offset}`.length * 6.5 + (offLeft ? 14 : 0);
      const span = at === null ? null : offLeft ? [at, at + text] : [at - 8 - text, at - 8];
      const clash = hwSpan !== null && span !== null && span[0]! < hwSpan[1]! && hwSpan[0]! < span[1]!;
      return { group, offset, x: at, offLeft, line: (clash ? 1 : 0) as 0 | 1 };
    });
    const anyLow = commits.some((c) => c.line === 1);
    const height = labelY - top + (anyLow ? 14 : 0) + 4;
    const ruler: { offset: number; x: number }[] = [];
    for (let o = fromOffset; o <= maxEnd && o <= fromOffset + visible; o++)
      if (o === fromOffset || o % 5 === 0) ruler.push({ offset: o, x: xOf(o) + CELL_WIDTH / 2 });
    // The first number gives way to a multiple of five right beside it.
    if (ruler.length > 1 && ruler[1]!.offset - ruler[0]!.offset < 3) ruler.shift();
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
      hwX,
      startX: inView(p.logStartOffset),
      commits,
      ruler,
      rulerY,
      labelY,
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
