import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { keyColour } from '../colours';
import type { ReplicaRow } from './layout';
import { ROW_HEIGHT } from './layout';

/** What a step marks on a record: appended in it (slides in), fetched in it (pulses). */
export interface StepMarks {
  readonly fresh: ReadonlySet<number>;
  readonly fetched: ReadonlySet<number>;
}

export interface ReplicaLogProps {
  readonly row: ReplicaRow;
  readonly fromOffset: number;
  readonly cellWidth: number;
  readonly logLeft: number;
  readonly selected: number | null;
  readonly marks: StepMarks;
  /** A record's key and its colour index (the run's keys). */
  readonly keyOf: (tupleId: number) => string;
  readonly keyIndexOf: (tupleId: number) => number;
  readonly select: (tupleId: number) => void;
  /**
   * Everything the row draws, as text: a row whose picture did not change is not rendered again
   * (issue 19: at 16× every cell of every row was, each frame). Made by `replicaSignature`.
   */
  readonly signature: string;
}

/** The row's cells as text: offsets, records, and each cell's state (committed, selected, fresh, fetched). */
export function replicaSignature(
  row: ReplicaRow,
  fromOffset: number,
  selected: number | null,
  marks: StepMarks,
): string {
  let text = `${row.y}:${fromOffset}:`;
  for (const c of row.cells) {
    const flags =
      (c.committed ? 1 : 0) |
      (selected === c.tupleId ? 2 : 0) |
      (marks.fresh.has(c.tupleId) ? 4 : 0) |
      (marks.fetched.has(c.tupleId) ? 8 : 0);
    text += `${c.tupleId}.${flags},`;
  }
  return text;
}

const cellOf = (target: EventTarget): number | null => {
  const cell = (target as Element).closest?.('[data-tuple]');
  return cell ? Number(cell.getAttribute('data-tuple')) : null;
};

/**
 * One replica's log cells. The cells sit at their offset's own x inside a group shifted left by the
 * first offset in view, so a record appended moves one attribute (the shift), not every cell's x.
 */
export const ReplicaLog = memo(
  function ReplicaLog({
    row,
    fromOffset,
    cellWidth,
    logLeft,
    selected,
    marks,
    keyOf,
    keyIndexOf,
    select,
  }: ReplicaLogProps) {
    const onClick = (e: MouseEvent) => {
      const id = cellOf(e.target);
      if (id !== null) select(id);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const id = cellOf(e.target);
      if (id !== null && e.key === 'Enter') select(id);
    };
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: each cell inside is a button; the row only passes their events on
      <g
        className="replica__cells"
        transform={`translate(${-fromOffset * cellWidth},0)`}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {row.cells.map((c) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG cell cannot be a <button>
          <rect
            key={c.offset}
            data-tuple={c.tupleId}
            className={`cell${c.committed ? '' : ' cell--uncommitted'}${selected === c.tupleId ? ' cell--selected' : ''}${marks.fresh.has(c.tupleId) ? ' cell--new' : ''}${marks.fetched.has(c.tupleId) ? ' cell--fetched' : ''}`}
            x={logLeft + c.offset * cellWidth + 1}
            y={row.y + 3}
            width={cellWidth - 2}
            height={ROW_HEIGHT - 6}
            rx={3}
            fill={keyColour(keyIndexOf(c.tupleId))}
            role="button"
            tabIndex={-1}
            aria-label={`Offset ${c.offset}, tuple #${c.tupleId}`}
          >
            <title>
              {`Offset ${c.offset}: tuple #${c.tupleId}, key ${keyOf(c.tupleId)}${c.committed ? '' : ' (above the high watermark)'}`}
            </title>
          </rect>
        ))}
      </g>
    );
  },
  (prev, next) =>
    prev.signature === next.signature &&
    prev.keyOf === next.keyOf &&
    prev.select === next.select &&
    prev.cellWidth === next.cellWidth &&
    prev.logLeft === next.logLeft,
);
