/** One cell of the timeline: a DStream's RDD (its partitions), a job, or no RDD, at one batch. */
import type { KeyboardEvent } from 'react';
import { rangeText } from './fit';
import { BOX_H, monoWidth, RANGE_FONT_PX } from './grid';
import type { Cell } from './layout';

/** Whether "from–until" fits under a partition box of width `pw`. */
function rangeFits(from: number, until: number, pw: number): boolean {
  return monoWidth(rangeText(from, until).length, RANGE_FONT_PX) <= pw - 2;
}

export function CellView({
  cell,
  x,
  w,
  h,
  label,
  focusable,
  dataCell,
  selected,
  selectedPartition,
  onOpen,
  onKeyDown,
  onFocus,
}: {
  cell: Cell;
  x: number;
  w: number;
  /** The row's height. */
  h: number;
  label: string;
  focusable: boolean;
  dataCell: string;
  selected: boolean;
  selectedPartition: number | null;
  onOpen: (cell: Cell, partition?: number | null) => void;
  onKeyDown: (e: KeyboardEvent<SVGGElement>) => void;
  onFocus: () => void;
}) {
  const boxW = w - 16;
  const y0 = 9;
  let body: React.ReactNode;
  if (cell.kind === 'rdd') {
    const n = Math.max(1, cell.sizes.length);
    const pw = boxW / n;
    const splits = cell.rdd.splits;
    body = (
      <>
        {cell.sizes.length === 0 && (
          <rect x={8} y={y0} width={boxW} height={BOX_H} rx={4} className="rdd rdd--empty" />
        )}
        {cell.sizes.map((size, p) => {
          const split = splits?.[p];
          const title =
            split?.kind === 'kafka'
              ? `partition ${p}: offsets [${split.fromOffset}, ${split.untilOffset})`
              : split?.kind === 'block'
                ? `${split.blockId}`
                : split?.kind === 'producer'
                  ? `producer ${split.producer}`
                  : `partition ${p}`;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the cell (a button) carries the keyboard access
            <g
              // biome-ignore lint/suspicious/noArrayIndexKey: partitions are numbered by position
              key={p}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(cell, p);
              }}
              className={`part${selectedPartition === p ? ' is-selected' : ''}`}
            >
              <title>{`${title}: ${size} record${size === 1 ? '' : 's'}`}</title>
              <rect
                x={8 + p * pw}
                y={y0}
                width={Math.max(1, pw - 1)}
                height={BOX_H}
                rx={3}
                className={`rdd${cell.lateComputed ? ' rdd--late' : ''}${size === 0 ? ' rdd--zero' : ''}`}
              />
              {pw >= 14 && (
                <text x={8 + p * pw + pw / 2} y={y0 + 16} textAnchor="middle" className="rdd__count">
                  {size}
                </text>
              )}
              {split?.kind === 'kafka' && rangeFits(split.fromOffset, split.untilOffset, pw) && (
                <text x={8 + p * pw + pw / 2} y={y0 + BOX_H + 13} textAnchor="middle" className="rdd__range">
                  {rangeText(split.fromOffset, split.untilOffset)}
                </text>
              )}
            </g>
          );
        })}
      </>
    );
  } else if (cell.kind === 'notComputed') {
    body = <rect x={8} y={y0} width={boxW} height={BOX_H} rx={4} className="rdd rdd--lazy" />;
  } else if (cell.kind === 'noRdd') {
    body = (
      <text x={w / 2} y={y0 + 16} textAnchor="middle" className="rdd__none">
        —
      </text>
    );
  } else {
    body = cell.ran ? (
      <>
        <rect x={8} y={y0} width={boxW} height={BOX_H} rx={12} className={`job job--${cell.status}`} />
        <text x={w / 2} y={y0 + 16} textAnchor="middle" className="job__text">
          {cell.status === 'done'
            ? 'job ✓'
            : cell.status === 'processing'
              ? 'running'
              : cell.status === 'queued'
                ? 'queued'
                : 'waiting'}
        </text>
      </>
    ) : (
      <text x={w / 2} y={y0 + 16} textAnchor="middle" className="rdd__none">
        —
      </text>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group acting as a button in a grid
    <g
      transform={`translate(${x},0)`}
      role="button"
      tabIndex={focusable ? 0 : -1}
      data-cell={dataCell}
      aria-label={label}
      className={`dcell${selected ? ' is-selected' : ''}`}
      onClick={() => onOpen(cell)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <rect x={4} y={2} width={w - 8} height={h - 4} rx={6} className="dcell__hit" />
      {body}
    </g>
  );
}
