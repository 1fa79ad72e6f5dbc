/**
 * How the DStream timeline fits its width (issue 20): the label column as wide as its labels need,
 * so an operation's name is never cut (a long one breaks after "(" or ", " onto more lines, and the
 * rows grow to hold them), and batch columns wide enough for the Kafka offset ranges under the
 * input's partitions, as long as three batches still fit.
 */
import type { StreamingRun } from '../../engine';
import {
  COL_MIN_NARROW,
  COL_MIN_WIDE,
  ID_FONT_PX,
  LABEL_W_NARROW,
  LABEL_W_WIDE,
  monoWidth,
  NARROW_W,
  OP_FONT_PX,
  OP_LINE_H,
  OP_Y,
  RANGE_FONT_PX,
  ROW_H,
} from './grid';
import { opLabel, type TimelineModel, timelineModel } from './layout';

export interface TimelineFit {
  readonly model: TimelineModel;
  readonly narrow: boolean;
  readonly labelW: number;
  readonly colW: number;
  /** Each row's top (from the grid's first row) and height: a row grows with its label's lines. */
  readonly rowY: readonly number[];
  readonly rowH: readonly number[];
  /** All rows' height. */
  readonly rowsH: number;
  /** Each row's operation label, broken into the lines it is drawn in. */
  readonly opLines: readonly (readonly string[])[];
}

/** A label's text starts 10 px into the column, its box ends 10 px before the first batch. */
const LABEL_PAD = 28;
/** The space right of the columns. */
const RIGHT_PAD = 12;
/** A row's label box ends this far below the last line's baseline (descenders, the box's edge). */
const BELOW_LAST_LINE = 9;

/** A Kafka split's offset range as its caption shows it: [from, until). */
export function rangeText(fromOffset: number, untilOffset: number): string {
  return `${fromOffset}–${untilOffset}`;
}

/** Where a label may break: after "(" and after ", ", and before " → ". */
const BREAKS = /(?<=\(|, )|(?= → )/;

/** A piece longer than a line, in parts that fit: before a capital ("reduceByKeyAnd|Window(") where it can. */
function splitLong(piece: string, max: number): string[] {
  const parts: string[] = [];
  let rest = piece;
  while (rest.length > max) {
    let cut = max;
    for (let i = max; i >= Math.ceil(max / 2); i--)
      if (/[A-Z]/.test(rest[i] ?? '')) {
        cut = i;
        break;
      }
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...parts, rest];
}

/** `label` in lines of at most `maxChars` characters, broken where BREAKS allows (a longer piece is split). */
export function wrapLabel(label: string, maxChars: number): string[] {
  const max = Math.max(4, Math.floor(maxChars));
  const pieces = label.split(BREAKS).flatMap((piece) => splitLong(piece, max));
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line.trim() !== '' && (line + piece).trim().length > max) {
      lines.push(line.trim());
      line = '';
    }
    line += piece;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

function longestPiece(label: string): number {
  return Math.max(0, ...label.split(BREAKS).map((p) => p.trim().length));
}

/** The label column: one line per operation if it can take 28 % of the width, else its longest piece. */
function labelWidth(labels: readonly { id: string; op: string }[], width: number, least: number): number {
  const idW = Math.max(0, ...labels.map((l) => monoWidth(l.id.length, ID_FONT_PX)));
  const fullW = Math.max(idW, ...labels.map((l) => monoWidth(l.op.length, OP_FONT_PX)));
  const pieceW = Math.max(idW, ...labels.map((l) => monoWidth(longestPiece(l.op), OP_FONT_PX)));
  const most = Math.max(least, Math.floor(width * 0.45));
  const cap = Math.min(most, Math.max(Math.ceil(pieceW) + LABEL_PAD, Math.floor(width * 0.28)));
  return Math.max(least, Math.min(Math.ceil(fullW) + LABEL_PAD, cap));
}

/** The width a column needs to caption every Kafka partition of its input RDDs with its range. */
export function rangeColumnWidth(model: TimelineModel): number {
  let need = 0;
  for (const row of model.cells)
    for (const cell of row) {
      if (cell.kind !== 'rdd' || !cell.rdd.splits) continue;
      const chars = Math.max(
        0,
        ...cell.rdd.splits.map((s) =>
          s.kind === 'kafka' ? rangeText(s.fromOffset, s.untilOffset).length : 0,
        ),
      );
      if (chars > 0) need = Math.max(need, 16 + cell.sizes.length * (monoWidth(chars, RANGE_FONT_PX) + 4));
    }
  return Math.ceil(need);
}

export function fitTimeline(run: StreamingRun, nowMs: number, width: number): TimelineFit {
  const narrow = width < NARROW_W;
  const colMin = narrow ? COL_MIN_NARROW : COL_MIN_WIDE;
  const labels = run.nodes.map((n) => ({ id: n.spec.id, op: opLabel(n) }));
  const labelW = labelWidth(labels, width, narrow ? LABEL_W_NARROW : LABEL_W_WIDE);
  const maxChars = (labelW - LABEL_PAD) / monoWidth(1, OP_FONT_PX);
  const opLines = labels.map((l) => wrapLabel(l.op, maxChars));
  const rowH = opLines.map((l) => Math.max(ROW_H, OP_Y + (l.length - 1) * OP_LINE_H + BELOW_LAST_LINE + 4));
  const rowY: number[] = [];
  let rowsH = 0;
  for (const h of rowH) {
    rowY.push(rowsH);
    rowsH += h;
  }
  const room = width - labelW - RIGHT_PAD;
  const most = Math.max(2, Math.floor(room / colMin));
  const first = timelineModel(run, nowMs, most);
  // Offsets only grow, so the newest batches (all in `first`) need the widest captions.
  const colNeed = Math.max(colMin, Math.min(rangeColumnWidth(first), Math.floor(room / 3)));
  const columns = Math.max(2, Math.floor(room / colNeed));
  const model = columns === most ? first : timelineModel(run, nowMs, columns);
  const colW = Math.max(colNeed, Math.floor(room / Math.max(model.columns.length, columns)));
  return { model, narrow, labelW, colW, rowY, rowH, rowsH, opLines };
}
