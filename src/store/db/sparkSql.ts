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
  /** What the simulator can run continuously of it. */
  readonly shape: StreamShape;
}

/** A reading as the continuous side filters it. */
export interface StreamRow {
  readonly key: string;
  readonly value: number;
  readonly event_time: number;
  readonly arrival_time: number;
  readonly producer: string;
}

type Aggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** One output column of a continuous aggregation. */
export type ShapeColumn = {
  readonly name: string;
  readonly is: 'key' | 'window_start' | 'window_end' | 'aggregate';
};

/**
 * The forms the continuous side runs: an aggregation of value grouped by key and/or a window on
 * event_time (one aggregate), or the rows themselves (plain columns); a WHERE of comparisons,
 * arithmetic, AND and OR over the columns. Anything else is judged (onStream) but not run.
 */
export type StreamShape =
  | {
      readonly kind: 'aggregate';
      readonly keyed: boolean;
      readonly window: { readonly sizeMs: number; readonly slideMs: number } | null;
      readonly aggregate: Aggregate;
      readonly columns: readonly ShapeColumn[];
      readonly where: ((r: StreamRow) => boolean) | null;
    }
  | {
      readonly kind: 'rows';
      readonly columns: readonly (keyof StreamRow)[];
      readonly where: ((r: StreamRow) => boolean) | null;
    }
  | { readonly kind: 'unsupported'; readonly why: string };

const ROW_COLUMNS: readonly (keyof StreamRow)[] = ['key', 'value', 'event_time', 'arrival_time', 'producer'];

/** A WHERE as a function of a row, or the reason it cannot be one. */
function predicate(node: Node): ((r: StreamRow) => unknown) | string {
  switch (node.type) {
    case 'number':
      return () => node.value;
    case 'single_quote_string':
    case 'string':
      return () => node.value;
    case 'column_ref': {
      const name = String(node.column) as keyof StreamRow;
      if (node.table || !ROW_COLUMNS.includes(name))
        return `the continuous side reads only ${ROW_COLUMNS.join(', ')}, not ${String(node.column)}`;
      return (r) => r[name];
    }
    case 'binary_expr': {
      const l = predicate(node.left as Node);
      const r = predicate(node.right as Node);
      if (typeof l === 'string') return l;
      if (typeof r === 'string') return r;
      const op = String(node.operator).toUpperCase();
      const f = BINARY[op];
      if (!f) return `the continuous side does not evaluate ${op}`;
      return (row) => f(l(row), r(row));
    }
    default:
      return `the continuous side does not evaluate ${String(node.type)} in WHERE`;
  }
}

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<>': (a, b) => a !== b,
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  AND: (a, b) => Boolean(a) && Boolean(b),
  OR: (a, b) => Boolean(a) || Boolean(b),
  '+': (a, b) => (a as number) + (b as number),
  '-': (a, b) => (a as number) - (b as number),
  '*': (a, b) => (a as number) * (b as number),
  '/': (a, b) => (a as number) / (b as number),
};

function shapeOf(select: Node | null, windowCall: Node | null): StreamShape {
  const no = (why: string): StreamShape => ({ kind: 'unsupported', why });
  if (!select) return no('one SELECT at a time');
  if (select.with || select._next) return no('WITH and UNION are not run continuously here');
  const from = select.from as Node[] | null;
  if (from?.length !== 1 || String(from[0]!.table).toLowerCase() !== 'readings')
    return no('the stream is readings: FROM readings, one table');
  if (select.having) return no('HAVING is not run continuously here');
  let where: ((r: StreamRow) => boolean) | null = null;
  if (select.where) {
    const p = predicate(select.where as Node);
    if (typeof p === 'string') return no(p);
    where = (r) => Boolean(p(r));
  }
  const columns = (select.columns ?? []) as Node[];
  const groupby = ((select.groupby as Node | null)?.columns ?? []) as Node[];
  const aggregates = columns.filter((c) => (c.expr as Node).type === 'aggr_func');
  if (groupby.length === 0 && aggregates.length === 0) {
    if (columns.length === 1 && (columns[0]!.expr as Node).type === 'star')
      return { kind: 'rows', columns: ROW_COLUMNS, where };
    const names: (keyof StreamRow)[] = [];
    for (const c of columns) {
      const e = c.expr as Node;
      if (e.type === 'star' || (e.type === 'column_ref' && e.column === '*')) names.push(...ROW_COLUMNS);
      else if (e.type === 'column_ref' && ROW_COLUMNS.includes(String(e.column) as keyof StreamRow) && !c.as)
        names.push(String(e.column) as keyof StreamRow);
      else
        return no(
          'the continuous side selects plain columns of readings (or *), without expressions or aliases',
        );
    }
    return { kind: 'rows', columns: names, where };
  }
  const byKey = groupby.some((g) => g.type === 'column_ref' && String(g.column) === 'key' && !g.table);
  if (groupby.length !== (byKey ? 1 : 0) + (windowCall ? 1 : 0))
    return no('the continuous side groups by key and/or window(event_time, …) only');
  if (aggregates.length !== 1)
    return no('the continuous side runs one aggregate (COUNT, SUM, AVG, MIN or MAX) at a time');
  const agg = aggregates[0]!.expr as Node;
  const fn = String(agg.name).toLowerCase() as Aggregate;
  const arg = (agg.args as Node).expr as Node;
  if (!['count', 'sum', 'avg', 'min', 'max'].includes(fn))
    return no(`${String(agg.name)} is not run continuously here`);
  if (
    !(fn === 'count' && arg.type === 'star') &&
    !(arg.type === 'column_ref' && String(arg.column) === 'value')
  )
    return no('the continuous side aggregates value (or COUNT(*))');
  let window: { sizeMs: number; slideMs: number } | null = null;
  if (windowCall) {
    const args = ((windowCall.args as Node).value ?? []) as Node[];
    const c = args[0]!;
    if (c.type !== 'column_ref' || String(c.column) !== 'event_time')
      return no('window() runs on event_time');
    const sizeMs = interval(args[1], 'window length');
    window = { sizeMs, slideMs: args.length > 2 ? interval(args[2], 'slide') : sizeMs };
  }
  const out: ShapeColumn[] = [];
  for (const c of columns) {
    const e = c.expr as Node;
    const alias = typeof c.as === 'string' ? c.as : null;
    if (e.type === 'aggr_func')
      out.push({ name: alias ?? `${String(e.name).toLowerCase()}`, is: 'aggregate' });
    else if (e.type === 'column_ref' && String(e.column) === 'key' && !e.table && byKey)
      out.push({ name: alias ?? 'key', is: 'key' });
    else if (e.type === 'column_ref' && String(e.table).toLowerCase() === 'window' && windowCall)
      out.push({
        name: alias ?? `window_${String(e.column).toLowerCase()}`,
        is: String(e.column).toLowerCase() === 'end' ? 'window_end' : 'window_start',
      });
    else return no('the continuous side selects key, window.start, window.end and the aggregate');
  }
  return { kind: 'aggregate', keyed: byKey, window, aggregate: fn, columns: out, where };
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
    const slide = args.length > 2 ? interval(args[2], 'slide') : size;
    if (slide > size)
      throw new Error(`window(): the slide (${slide} ms) must not be longer than the window (${size} ms)`);
    if (args.length > 3)
      throw new Error('window(): a startTime (the fourth argument) is not rewritten for the database here');
    // Spark's TimeWindow: start = t - (t - offset + size) % size, corrected for a negative remainder.
    let start = bin('-', column, bin('%', bin('+', bin('%', column, num(size)), num(size)), num(size)));
    let from = select!.from;
    if (slide < size) {
      // A sliding window holds a row in several windows (TimeWindowing: the last start at or below t,
      // then one slide back at a time while start > t - size): readings is joined with the
      // overlapping windows' numbers, and each copy of a row carries its window's start.
      const fromList = from as Node[] | null;
      if (
        fromList?.length !== 1 ||
        String(fromList[0]!.table).toLowerCase() !== 'readings' ||
        fromList[0]!.as
      )
        throw new Error('a sliding window is rewritten only for FROM readings');
      const t = String((column as Node).column);
      const last = `r.${t} - ((r.${t} % ${slide}) + ${slide}) % ${slide} - k.i * ${slide}`;
      const copies = Math.ceil(size / slide);
      const derived = parser.astify(
        `SELECT r.*, ${last} AS __window_start FROM readings AS r, (WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ${copies}) SELECT i FROM k) AS k WHERE ${last} > r.${t} - ${size}`,
        OPTIONS,
      );
      from = [{ expr: { ast: derived, parentheses: true }, as: 'readings' }];
      start = { type: 'column_ref', table: null, column: '__window_start' };
    }
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
    swapped.from = from;
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
    shape: shapeOf(select, windowCall),
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
