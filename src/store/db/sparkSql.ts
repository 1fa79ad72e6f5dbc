/**
 * The learner's SQL read as Spark SQL (parsed with node-sql-parser's SQLite grammar, which reads
 * Spark's `window(event_time, '10 seconds')` in GROUP BY and `window.start` / `window.end`):
 * - for the database at rest, `window(…)` becomes arithmetic SQLite can run (a tumbling window's
 *   start is `t - ((t % size) + size) % size`, as Spark's TimeWindow puts negative times too);
 * - for the stream, whether Spark Structured Streaming would accept it in an output mode, with
 *   Spark's own reason when it would not (UnsupportedOperationChecker.checkForStreaming).
 * Loaded with the database pane, never on the first page.
 */
import { Parser } from 'node-sql-parser/build/sqlite';

const parser = new Parser();
const OPTIONS = { database: 'sqlite' };

type Node = { [key: string]: unknown };
type OutputMode = 'append' | 'update' | 'complete';

/** What the learner's SQL means on each side. */
export interface SparkSql {
  /** The query SQLite runs (the text as written when it needs no rewriting). */
  readonly sqlite: string;
  /** Whether `window(…)` was rewritten for SQLite. */
  readonly rewritten: boolean;
  /** Spark's reason for refusing it on a stream in `mode`, or null when Spark accepts it. */
  readonly onStream: (mode: OutputMode) => string | null;
}

const UNITS: Record<string, number> = {
  millisecond: 1,
  milliseconds: 1,
  ms: 1,
  second: 1000,
  seconds: 1000,
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** Spark's interval text ('10 seconds', '1 minute') in ms. */
function interval(node: Node | undefined, what: string): number {
  const text = typeof node?.value === 'string' ? node.value : null;
  const m = text?.trim().match(/^(\d+)\s+([a-z]+)$/i);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0)
    throw new Error(
      `window(): the ${what} must be an interval such as '10 seconds' or '1 minute'${text ? `, not '${text}'` : ''}`,
    );
  return Number(m[1]) * unit;
}

const isWindowCall = (n: unknown): boolean =>
  typeof n === 'object' &&
  n !== null &&
  (n as Node).type === 'function' &&
  JSON.stringify(((n as Node).name as Node | undefined)?.name ?? '').toLowerCase() ===
    '[{"type":"default","value":"window"}]';

const num = (value: number): Node => ({ type: 'number', value });
const bin = (operator: string, left: Node, right: Node): Node => ({
  type: 'binary_expr',
  operator,
  left,
  right,
  parentheses: true,
});

/** Replaces, everywhere in `node`, what `swap` returns a replacement for. */
function rewrite(node: unknown, swap: (n: Node) => Node | null): unknown {
  if (Array.isArray(node)) return node.map((x) => rewrite(x, swap));
  if (typeof node !== 'object' || node === null) return node;
  const replaced = swap(node as Node);
  if (replaced) return replaced;
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewrite(v, swap);
  return out;
}

function contains(node: unknown, test: (n: Node) => boolean): boolean {
  if (Array.isArray(node)) return node.some((x) => contains(x, test));
  if (typeof node !== 'object' || node === null) return false;
  if (test(node as Node)) return true;
  return Object.values(node).some((v) => contains(v, test));
}

/** Reads the learner's SQL; throws the parser's message when it cannot. */
export function readSparkSql(sql: string): SparkSql {
  const parsed = parser.astify(sql, OPTIONS);
  const statements = (Array.isArray(parsed) ? parsed : [parsed]) as unknown as Node[];
  const select = statements.length === 1 && statements[0]!.type === 'select' ? statements[0]! : null;
  const groupby = ((select?.groupby as Node | null)?.columns ?? []) as Node[];
  const windowCall = groupby.find((n) => isWindowCall(n)) ?? null;
  const usesWindow =
    contains(select, (n) => isWindowCall(n)) ||
    contains(select, (n) => n.type === 'column_ref' && String(n.table).toLowerCase() === 'window');
  let sqlite = sql;
  let rewritten = false;
  if (usesWindow) {
    if (!windowCall)
      throw new Error(
        "window.start and window.end need window(event_time, '10 seconds') among the GROUP BY columns",
      );
    const args = ((windowCall.args as Node).value ?? []) as Node[];
    const column = args[0]!;
    const size = interval(args[1], 'window length');
    if (args.length > 2 && interval(args[2], 'slide') !== size)
      throw new Error(
        "a sliding window (a slide shorter than the window) puts a row in several windows; the database here runs tumbling windows only: window(event_time, '10 seconds')",
      );
    // Spark's TimeWindow: start = t - (t - offset + size) % size, corrected for a negative remainder.
    const start = bin('-', column, bin('%', bin('+', bin('%', column, num(size)), num(size)), num(size)));
    const swapped = rewrite(select, (n) => {
      if (isWindowCall(n)) return start;
      if (n.type === 'column_ref' && String(n.table).toLowerCase() === 'window') {
        const part = String(n.column).toLowerCase();
        if (part === 'start') return start;
        if (part === 'end') return bin('+', start, num(size));
        throw new Error(`window has start and end, not ${String(n.column)}`);
      }
      return null;
    }) as Node;
    // Unnamed window.start / window.end columns are named as Spark names the struct's fields.
    for (const [i, c] of ((select!.columns ?? []) as Node[]).entries()) {
      const e = c.expr as Node | undefined;
      if (e?.type === 'column_ref' && String(e.table).toLowerCase() === 'window' && !c.as)
        ((swapped.columns as Node[])[i] as Node).as = `window_${String(e.column).toLowerCase()}`;
    }
    sqlite = parser.sqlify(swapped as never, OPTIONS);
    rewritten = true;
  }
  const aggregated = groupby.length > 0 || contains(select?.columns, (n) => n.type === 'aggr_func');
  return {
    sqlite,
    rewritten,
    onStream: (mode) => {
      if (!select) return 'Only one SELECT is checked for the stream here.';
      // UnsupportedOperationChecker.checkForStreaming: the output-mode rules come first …
      if (aggregated && mode === 'append' && !windowCall)
        return 'org.apache.spark.sql.AnalysisException: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark';
      if (!aggregated && mode === 'complete')
        return 'org.apache.spark.sql.AnalysisException: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets';
      // … then each operator of the plan.
      if ((select.orderby as unknown[] | null)?.length && !(aggregated && mode === 'complete'))
        return 'org.apache.spark.sql.AnalysisException: Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode';
      if (select.limit && ((select.limit as Node).value as unknown[]).length > 0 && mode === 'update')
        return 'org.apache.spark.sql.AnalysisException: Limits are not supported on streaming DataFrames/Datasets in Update output mode';
      return null;
    },
  };
}
