import type { StreamingSpec, StreamOpSpec, ValueType } from '../engine';
import { type CodeNote, type Lang, literal, noteComment, sparkInterval } from './codeText';

/**
 * The stateless and aggregating DStream operations as DataFrame operations. Every DataFrame keeps
 * the columns its DStream's elements have — `key` and `value` for pairs, `value` for single values,
 * the whole event for records — plus Kafka's `timestamp` (what windows group by) and, after
 * window(), a `window` column that later aggregations keep in their grouping.
 */

export interface Frame {
  readonly type: ValueType;
  readonly windowed: boolean;
  /** False after an aggregation: its rows have no record timestamp left to window by. */
  readonly hasTimestamp: boolean;
  /** Stateful operators (aggregations, state functions) between the source and this DataFrame. */
  readonly stateful: number;
}

export interface OpCode {
  readonly lines: readonly string[];
  readonly frame: Frame;
  readonly notes: readonly CodeNote[];
}

export const recordFrame: Frame = {
  type: { kind: 'record' },
  windowed: false,
  hasTimestamp: true,
  stateful: 0,
};

/** The output mode a query over this DataFrame needs: an aggregation cannot append without a watermark. */
export const outputModeOf = (f: Frame): 'append' | 'update' => (f.stateful > 0 ? 'update' : 'append');

const carry = (f: Frame, L: Lang) => [
  ...(f.hasTimestamp ? [L.col('timestamp')] : []),
  ...(f.windowed ? [L.col('window')] : []),
];

function mapColumns(fn: string | undefined, L: Lang): string[] | null {
  const c = L.col;
  switch (fn) {
    case 'toPair':
      return [c('key'), c('value')];
    case 'keyOne':
      return [c('key'), L.alias(L.one, 'value')];
    case 'key':
    case 'keyOnly':
      return [L.alias(c('key'), 'value')];
    case 'value':
    case 'valueOnly':
      return [c('value')];
    case 'line':
      return [L.alias(c('text'), 'value')];
    case 'wordOne':
      return [L.alias(c('value'), 'key'), L.alias(L.one, 'value')];
    case 'roundValue':
      // floor(v + 0.5), as the simulation (and Scala's math.round) rounds halves up.
      return [c('key'), L.alias(L.fn('floor', `${c('value')} + 0.5`), 'value')];
    default:
      return null;
  }
}

function filterCondition(op: StreamOpSpec, L: Lang): string | null {
  const c = L.col;
  switch (op.fn) {
    case 'valueAbove':
      return `${c('value')} > ${Number(op.arg ?? 0)}`;
    case 'keyIs':
      return L.eq(c('key'), literal(String(op.arg ?? '')));
    case 'longWords':
      return `${L.fn('length', c('value'))} > ${Number(op.arg ?? 0)}`;
    default:
      return null;
  }
}

const TRANSFORM_WHY: Record<string, string> = {
  sortByKey:
    'transform() runs RDD code on each batch; a streaming DataFrame can be sorted only after an aggregation in complete output mode. To sort each micro-batch, sort it inside foreachBatch.',
  sortByValueDesc:
    'transform() runs RDD code on each batch; a streaming DataFrame can be sorted only after an aggregation in complete output mode. To sort each micro-batch, sort it inside foreachBatch.',
  distinct:
    'rdd.distinct() removes duplicates within one batch; dropDuplicates() on a stream removes them across the whole stream and keeps every value seen in its state. Deduplicate each micro-batch inside foreachBatch instead.',
};

const runningAggregate = (what: string) =>
  `${what} each batch on its own; a streaming groupBy().agg() keeps one running result per group across all batches (in the state store) and, in update output mode, outputs the groups that changed. For per-batch results, aggregate each micro-batch inside foreachBatch.`;

const WINDOW_TIME =
  'DStream windows gather whole batches by processing time; window() here groups records by their Kafka timestamp (when the producer wrote them), so a record near a boundary can land in a neighbouring window. Without a watermark the windows are kept in state for ever.';

/** Translates one non-input, non-output, non-state operation; `frames` holds its inputs. */
export function translateOp(
  op: StreamOpSpec,
  frames: ReadonlyMap<string, Frame>,
  spec: StreamingSpec,
  L: Lang,
  type: ValueType,
): OpCode {
  const input = frames.get(op.input ?? '') ?? recordFrame;
  const x = op.input ?? '';
  const notes: CodeNote[] = [];
  const note = (kind: CodeNote['kind'], text: string) => notes.push({ about: op.id, kind, text });
  const same = (expr: string, frame: Frame = { ...input, type }): OpCode => ({
    lines: [...notes.flatMap((n) => noteComment(L.comment, n)), L.assign(op.id, expr)],
    frame,
    notes,
  });
  const select = (cols: string[]) => `${x}.select(${[...cols, ...carry(input, L)].join(', ')})`;
  const c = L.col;
  const win = () =>
    L.fn(
      'window',
      c('timestamp'),
      literal(sparkInterval(op.windowMs ?? spec.batchIntervalMs)),
      literal(sparkInterval(op.slideMs ?? spec.batchIntervalMs)),
    );
  const aggregate = (keys: string[], agg: string, windowed: boolean): OpCode => {
    if (input.stateful > 0)
      note(
        'none',
        'Spark allows one stateful operator per query in update output mode (several only in append mode, with watermarks), so it rejects this second aggregation.',
      );
    return same(`${x}.groupBy(${keys.join(', ')}).agg(${L.alias(agg, 'value')})`, {
      type,
      windowed,
      hasTimestamp: false,
      stateful: input.stateful + 1,
    });
  };
  const keepWindow = input.windowed ? [c('window')] : [];
  const count = L.fn('count', L.one);
  const valueKey =
    input.type.kind === 'pair'
      ? L.alias(L.fn('struct', c('key'), c('value')), 'key')
      : L.alias(c('value'), 'key');
  const needsTimestamp = (): OpCode | null => {
    if (input.hasTimestamp) return null;
    note(
      'none',
      `${op.op} after an aggregation: the aggregated rows have no record timestamp left to window by, and Spark chains aggregations only in append mode with watermarks.`,
    );
    return same(x);
  };

  if (op.code !== undefined) {
    note(
      'none',
      `your own function (${op.code}) is not turned into column expressions: in Structured Streaming write it with the typed Dataset API (${op.op === 'updateStateByKey' || op.op === 'mapWithState' ? 'groupByKey(…).flatMapGroupsWithState' : `ds.${op.op}`}) in Scala, or as a UDF in PySpark.`,
    );
    return same(x);
  }
  switch (op.op) {
    case 'groupByKey':
    case 'groupByKeyAndWindow':
      note('differs', runningAggregate(`${op.op} collects`));
      if (op.op === 'groupByKeyAndWindow') note('differs', WINDOW_TIME);
      return op.op === 'groupByKey'
        ? aggregate([...keepWindow, c('key')], L.fn('collect_list', literal('value')), input.windowed)
        : (needsTimestamp() ?? aggregate([win(), c('key')], L.fn('collect_list', literal('value')), true));
    case 'map': {
      const cols = mapColumns(op.fn, L);
      if (!cols) {
        note('none', `the function ${op.fn ?? '(none)'} has no column expression here.`);
        return same(x);
      }
      return same(select(cols));
    }
    case 'flatMap':
      // split() takes a regular expression; a single space matches itself.
      return same(select([L.alias(L.fn('explode', L.fn('split', c('value'), '" "')), 'value')]));
    case 'filter': {
      const condition = filterCondition(op, L);
      if (!condition) {
        note('none', `the function ${op.fn ?? '(none)'} has no column expression here.`);
        return same(x);
      }
      return same(`${x}.where(${condition})`);
    }
    case 'transform':
      note('none', TRANSFORM_WHY[op.fn ?? ''] ?? 'transform() runs arbitrary RDD code on each batch.');
      return same(x);
    case 'union': {
      const other = frames.get(op.other ?? '') ?? recordFrame;
      return same(`${x}.union(${op.other})`, {
        type,
        windowed: input.windowed || other.windowed,
        hasTimestamp: input.hasTimestamp && other.hasTimestamp,
        stateful: Math.max(input.stateful, other.stateful),
      });
    }
    case 'reduceByKey':
      note('differs', runningAggregate('reduceByKey reduces'));
      return aggregate([...keepWindow, c('key')], L.fn(op.reduce ?? 'sum', literal('value')), input.windowed);
    case 'countByValue':
      note('differs', runningAggregate('countByValue counts'));
      return aggregate([...keepWindow, valueKey], count, input.windowed);
    case 'window':
      note('differs', WINDOW_TIME);
      return (
        needsTimestamp() ?? same(`${x}.withColumn("window", ${win()})`, { ...input, type, windowed: true })
      );
    case 'reduceByKeyAndWindow':
      note('differs', WINDOW_TIME);
      if (op.inverse)
        note(
          'none',
          'an inverse reduce function: the state store updates each window with the new records only, so there is nothing to subtract.',
        );
      if (op.inverse && op.filterZero)
        note('none', 'filterFunc: a window’s group is dropped only when the watermark passes its end.');
      return (
        needsTimestamp() ?? aggregate([win(), c('key')], L.fn(op.reduce ?? 'sum', literal('value')), true)
      );
    case 'countByWindow':
      note('differs', WINDOW_TIME);
      return needsTimestamp() ?? aggregate([win()], count, true);
    case 'countByValueAndWindow':
      note('differs', WINDOW_TIME);
      return needsTimestamp() ?? aggregate([win(), valueKey], count, true);
    default:
      throw new Error(`translateOp: ${op.op} (${op.id}) is not a transformation it handles`);
  }
}
