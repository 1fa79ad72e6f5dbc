import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { useSim } from '../../store/simStore';
import { LiveSummary } from '../LiveSummary';
import { useElementWidth } from '../useElementWidth';
import { fitTimeline } from './fit';
import { HEAD_H, ID_Y, OP_LINE_H, OP_Y } from './grid';
import { type Cell, describeCell, opLabel } from './layout';
import { statusText, timelineSummary } from './summary';
import { CellView } from './TimelineCell';
import './DStreamTimeline.css';
import { useViewSim } from '../viewSim';

const selectTimeline = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  entity: s.selectedEntity,
  inspect: s.inspect,
});

/**
 * One column per batch, one row per DStream: each RDD is a box split into its partitions (Kafka
 * offset ranges or receiver blocks under the input row), windows are brackets over the batches
 * they cover. Arrow keys move between cells; Enter opens one in the inspector.
 */
export function DStreamTimeline() {
  const { sim, tick, entity, inspect } = useViewSim(useShallow(selectTimeline));
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const run = sim.streaming();
  const nowMs = sim.timeMs;
  // The label column fits the operations and the columns their offset ranges (fit.ts); at least two
  // batches show, and on a phone the grid scrolls sideways if need be.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the cursor of the mutable run
  const fit = useMemo(() => (run ? fitTimeline(run, nowMs, width) : null), [run, nowMs, width, tick]);
  const model = fit?.model ?? null;
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  if (!run) return null;
  // The learner's functions need the language's chunk; the run is built again once it is here.
  if (run.error?.exception === 'streamscope.loading')
    return (
      <div ref={ref} className="dstream">
        <p className="dstream__note">Loading the function language…</p>
      </div>
    );
  if (run.error)
    return (
      <div ref={ref} className="dstream">
        <p className="spark-error" role="alert">
          <strong>
            {run.error.phase === 'start'
              ? 'ssc.start() failed'
              : run.error.phase === 'compile'
                ? 'The program does not compile'
                : 'Building the DStream graph failed'}
            :
          </strong>{' '}
          <code>{run.error.text}</code>
        </p>
        <p className="dstream__note">
          Nothing runs until the context starts. Fix the pipeline below (Spark would stop here too).
        </p>
      </div>
    );
  if (!fit || !model || model.columns.length === 0) {
    const first = run.zeroTimeMs + run.spec.batchIntervalMs;
    return (
      <div ref={ref} className="dstream">
        <p className="dstream__note">
          {nowMs < run.spec.startAtMs
            ? `The context starts at ${run.spec.startAtMs / 1000} s (ssc.start()); nothing runs before.`
            : `The first batch is generated at ${first / 1000} s: every ${run.spec.batchIntervalMs / 1000} s the context turns what arrived into one RDD per input stream.`}
        </p>
      </div>
    );
  }
  const { labelW, colW, rowY, rowH, rowsH, opLines } = fit;
  const svgW = labelW + colW * model.columns.length + 12;
  const svgH = HEAD_H + rowsH + 8;
  const colX = (i: number) => labelW + i * colW;
  const colOf = new Map(model.columns.map((c, i) => [c.batch.timeMs, i]));
  const rowCount = model.rows.length;
  const colCount = model.columns.length;
  const f = { row: Math.min(focus.row, rowCount - 1), col: Math.min(focus.col, colCount - 1) };
  const selectedBatch = entity?.kind === 'batch' ? entity : null;

  const open = (cell: Cell, partition: number | null = null) =>
    inspect({ kind: 'batch', timeMs: cell.timeMs, node: cell.node, partition });
  const onKey = (e: KeyboardEvent<SVGGElement>, row: number, col: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      e.stopPropagation();
      const next = {
        row: Math.max(0, Math.min(rowCount - 1, row + m[0])),
        col: Math.max(0, Math.min(colCount - 1, col + m[1])),
      };
      setFocus(next);
      const el = ref.current?.querySelector<SVGGElement>(`[data-cell="${next.row}-${next.col}"]`);
      el?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      open(model.cells[row]![col]!);
    }
  };

  const stopped =
    run.stoppedAtMs !== null && nowMs >= run.stoppedAtMs ? run.batchAt(run.stoppedAtMs) : undefined;
  return (
    <div ref={ref} className="dstream">
      <LiveSummary text={timelineSummary(run, nowMs)} />
      {stopped && (
        <p className="spark-error" role="alert">
          <strong>
            The application stopped: the batch at {stopped.timeMs / 1000} s failed in your function.
          </strong>{' '}
          <code>{stopped.failure}</code> No batch runs after it (awaitTermination rethrows the error); fix the
          function in the pipeline below.
        </p>
      )}
      <p className="dstream__note">
        A <strong>DStream is a sequence of RDDs, one per batch interval</strong> (
        {run.spec.batchIntervalMs / 1000} s). Each box is one RDD, split into its partitions (the number is
        its records; under a Kafka input, the offset range it read, when there is room). Brackets show the
        batches a window covers. Click a batch, a box or a DStream's name.
      </p>
      <div className="dstream__scroll">
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <table>; cells are buttons in a grid */}
        <svg
          width={svgW}
          height={svgH}
          className="dstream__svg"
          role="group"
          aria-label="DStream timeline: DStreams by batch"
        >
          {model.columns.map((c, i) =>
            selectedBatch?.timeMs === c.batch.timeMs ? (
              <rect
                key={c.batch.index}
                x={colX(i) + 2}
                y={2}
                width={colW - 4}
                height={svgH - 6}
                rx={8}
                className="dstream__colbg"
              />
            ) : null,
          )}
          {model.columns.map((c, i) => {
            const selected = selectedBatch?.timeMs === c.batch.timeMs;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG group acting as a button
              <g
                key={c.batch.index}
                transform={`translate(${colX(i)},0)`}
                className={`dstream__col dstream__col--${c.status}${selected ? ' is-selected' : ''}`}
                role="button"
                tabIndex={0}
                aria-label={`Batch at ${c.batch.timeMs / 1000} s${c.batch.attempt > 1 ? ' (re-run after the driver failure)' : ''}: ${statusText[c.status]}, ${c.batch.inputRecords} input records`}
                onClick={() =>
                  inspect({ kind: 'batch', timeMs: c.batch.timeMs, node: null, partition: null })
                }
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    inspect({ kind: 'batch', timeMs: c.batch.timeMs, node: null, partition: null });
                  }
                }}
              >
                <rect x={2} y={2} width={colW - 4} height={HEAD_H - 4} rx={8} className="dstream__headbg" />
                <text x={colW / 2} y={18} textAnchor="middle" className="dstream__time">
                  {c.batch.timeMs / 1000} s
                </text>
                <text x={colW / 2} y={34} textAnchor="middle" className="dstream__status">
                  {c.batch.attempt > 1 ? `re-run · ${statusText[c.status]}` : statusText[c.status]}
                </text>
              </g>
            );
          })}
          {model.rows.map((node, r) => {
            const y = HEAD_H + rowY[r]!;
            const h = rowH[r]!;
            const selected = entity?.kind === 'dstream' && entity.node === node.index;
            return (
              <g key={node.index} transform={`translate(0,${y})`}>
                {/* biome-ignore lint/a11y/useSemanticElements: an SVG group acting as a button */}
                <g
                  role="button"
                  tabIndex={0}
                  className={`dstream__row-label${selected ? ' is-selected' : ''}`}
                  aria-label={`${node.spec.id} = ${opLabel(node)}: show its lineage`}
                  onClick={() => inspect({ kind: 'dstream', node: node.index })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      e.stopPropagation();
                      inspect({ kind: 'dstream', node: node.index });
                    }
                  }}
                >
                  <rect x={0} y={4} width={labelW - 10} height={h - 8} rx={6} className="dstream__labelbg" />
                  <text x={10} y={ID_Y} className="dstream__id">
                    {node.spec.id}
                  </text>
                  {/* The whole operation, on as many lines as the column needs (issue 20: it was cut). */}
                  <text x={10} y={OP_Y} className="dstream__op">
                    {(opLines[r] ?? []).map((line, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines are numbered by position
                      <tspan key={i} x={10} dy={i === 0 ? 0 : OP_LINE_H}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
                {model.cells[r]!.map((cell, c) => (
                  <CellView
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is one batch attempt; a time may appear twice
                    key={c}
                    cell={cell}
                    x={colX(c)}
                    w={colW}
                    h={h}
                    label={describeCell(cell, node)}
                    focusable={f.row === r && f.col === c}
                    dataCell={`${r}-${c}`}
                    selected={selectedBatch?.timeMs === cell.timeMs && selectedBatch.node === cell.node}
                    selectedPartition={
                      selectedBatch?.timeMs === cell.timeMs && selectedBatch.node === cell.node
                        ? selectedBatch.partition
                        : null
                    }
                    onOpen={open}
                    onKeyDown={(e) => onKey(e, r, c)}
                    onFocus={() => setFocus({ row: r, col: c })}
                  />
                ))}
              </g>
            );
          })}
          {model.brackets.map((b) => {
            const row = model.rows.findIndex((n) => n.index === b.node);
            const to = colOf.get(b.toMs);
            if (to === undefined || row < 0) return null;
            // The window may start before the first column shown.
            const fromCol = Math.max(0, to - Math.round((b.toMs - b.fromMs) / run.spec.batchIntervalMs));
            const firstShown = model.columns[0]!.batch.timeMs;
            const from = b.fromMs < firstShown ? 0 : (colOf.get(b.fromMs) ?? fromCol);
            const x1 = colX(from) + 6;
            const x2 = colX(to) + colW - 6;
            // Under the row's boxes, ticks pointing up at the batches the window covers.
            const y = HEAD_H + rowY[row]! + 40;
            return (
              <g key={`${b.node}-${b.timeMs}`} className={`bracket${b.current ? ' bracket--current' : ''}`}>
                <path d={`M${x1},${y - 5} V${y} H${x2} V${y - 5}`} />
                {b.current && (
                  <text x={(x1 + x2) / 2} y={y + 11} textAnchor="middle">
                    window ({Math.max(0, b.toMs - b.windowMs) / 1000} s, {b.toMs / 1000} s]
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <p className="dstream__legend">
        <span className="swatch swatch--rdd" /> RDD · <span className="swatch swatch--late" /> computed later,
        when a window needed it or at a restart after a driver failure ·{' '}
        <span className="swatch swatch--lazy" /> not computed: no output needed it · “—” no RDD at this time
        (the DStream slides less often).
      </p>
    </div>
  );
}
