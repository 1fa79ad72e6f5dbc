import type { ScenarioSpec, StructuredInputSpec, StructuredSpec } from '../engine';
import {
  BOOTSTRAP_SERVERS,
  type CodeNote,
  commentSafe,
  EVENT_SCHEMA_DDL,
  KAFKA_TOPIC,
  type Lang,
  literal,
  noteComment,
  python,
  scala,
  sparkInterval,
} from './codeText';
import { ownGroupFunction } from './ownFunctionCode';

/**
 * A scenario's Structured Streaming query as PySpark and Scala: the Kafka source with its options,
 * one `withWatermark` per input (unioned), the stateful operator, the trigger, the output mode, the
 * checkpoint location and the sink; notes list what the code cannot say as the simulation does.
 */

export interface QueryCode {
  readonly python: string;
  readonly scala: string;
  readonly notes: readonly CodeNote[];
}

export function queryCode(scenario: ScenarioSpec): QueryCode | null {
  const q = scenario.query;
  if (!q) return null;
  const notes = queryNotes(q);
  return { python: program(scenario, q, python, notes), scala: program(scenario, q, scala, notes), notes };
}

function queryNotes(q: StructuredSpec): CodeNote[] {
  const notes: CodeNote[] = [
    {
      about: 'cluster',
      kind: 'none',
      text: `The simulation charges ${q.perRowMs} ms per row on ${q.cores} cores plus ${q.batchOverheadMs} ms per batch; a real cluster takes what it takes.`,
    },
  ];
  if (q.inputs.some((i) => i.source === 'producers'))
    notes.push({
      about: 'inputs',
      kind: 'differs',
      text: 'An input read "straight from the producers" is written here as the Kafka topic filtered by producer: Spark has no source that reads the producers themselves.',
    });
  if (q.faults.length > 0)
    notes.push({
      about: 'faults',
      kind: 'none',
      text: 'Crashes and executor losses are simulated; with Spark, kill the driver (or an executor) yourself and start the same code again: it resumes from the checkpoint location.',
    });
  if (q.operator.kind === 'flatMapGroupsWithState')
    notes.push({
      about: 'flatMapGroupsWithState',
      kind: 'differs',
      text: 'Spark 4 adds transformWithState, the successor of flatMapGroupsWithState / applyInPandasWithState (timers, several state variables, TTL). The code uses the older API, which Spark 4 still runs.',
    });
  if (q.sink.kind === 'foreachBatch' && !q.sink.idempotent)
    notes.push({
      about: 'sink',
      kind: 'differs',
      text: 'The simulated writer appends: a batch re-run after a crash is written twice. Key the writes by batch_id to make them exactly once.',
    });
  return notes;
}

const confs = (q: StructuredSpec): [string, string][] => [
  ...(q.inputs.length > 1
    ? [['spark.sql.streaming.multipleWatermarkPolicy', q.policy] as [string, string]]
    : []),
  ...(!q.noDataBatches
    ? [['spark.sql.streaming.noDataMicroBatches.enabled', 'false'] as [string, string]]
    : []),
  ...(!q.allowMultiple
    ? [['spark.sql.streaming.statefulOperator.allowMultiple', 'false'] as [string, string]]
    : []),
];

/** The Kafka source options of one input: startingOffsets as Spark's JSON form, maxOffsetsPerTrigger. */
function sourceOptions(input: StructuredInputSpec): string[] {
  const start =
    typeof input.startingOffsets === 'string'
      ? input.startingOffsets
      : JSON.stringify({ [KAFKA_TOPIC]: input.startingOffsets });
  return [
    `.option("kafka.bootstrap.servers", ${literal(BOOTSTRAP_SERVERS)})`,
    `.option("subscribe", ${literal(KAFKA_TOPIC)})`,
    `.option("startingOffsets", ${literal(start)})`,
    ...(input.maxOffsetsPerTrigger !== null
      ? [`.option("maxOffsetsPerTrigger", ${input.maxOffsetsPerTrigger})`]
      : []),
    '.load()',
  ];
}

function chained(L: Lang, head: string, chain: readonly string[]): string[] {
  const py = L.name === 'python';
  return [
    py ? `${head.replace(/^(\w+) = /, '$1 = (')}` : head,
    ...chain.map((l, i) => `${py ? '    ' : '  '}${l}${py && i === chain.length - 1 ? ')' : ''}`),
  ];
}

function program(scenario: ScenarioSpec, q: StructuredSpec, L: Lang, notes: readonly CodeNote[]): string {
  const py = L.name === 'python';
  const c = L.col;
  const lines = [
    `${L.comment} A Structured Streaming query: "${commentSafe(scenario.name)}" (Spark 3.4 or later).`,
  ];
  const conf = confs(q).map(([k, v]) => `.config(${literal(k)}, ${literal(v)})`);
  if (py) {
    lines.push(
      'from functools import reduce',
      'from pyspark.sql import SparkSession',
      'from pyspark.sql import functions as F',
      '',
    );
    lines.push(
      `spark = (SparkSession.builder.master("local[${q.cores}]").appName("Streamscope")`,
      ...conf.map((x) => `    ${x}`),
      '    .getOrCreate())',
      '',
    );
    lines.push(`EVENT_SCHEMA = ${literal(EVENT_SCHEMA_DDL)}`);
  } else {
    lines.push(
      '// spark-shell with the spark-sql-kafka-0-10 package; :paste this file.',
      'import org.apache.spark.sql.{DataFrame, SparkSession}',
      'import org.apache.spark.sql.functions._',
      'import org.apache.spark.sql.streaming.{GroupState, GroupStateTimeout, OutputMode, Trigger}',
      'import org.apache.spark.sql.types.StructType',
      '',
      `val spark = SparkSession.builder.master("local[${q.cores}]").appName("Streamscope")`,
      ...conf.map((x) => `  ${x}`),
      '  .getOrCreate()',
      'import spark.implicits._',
      '',
      `val eventSchema = StructType.fromDDL(${literal(EVENT_SCHEMA_DDL)})`,
    );
  }
  lines.push(...notes.flatMap((n) => noteComment(L.comment, n)), '');
  lines.push(
    `${L.comment} The Kafka source is no consumer-group member and commits nothing to Kafka: its offsets live in the checkpoint.`,
  );
  q.inputs.forEach((input, i) => {
    const name = q.inputs.length === 1 ? 'events' : `input${i}`;
    const parse = [
      `.select(${L.alias(`${c('key')}.cast("string")`, 'key')}, ${L.alias(L.fn('from_json', `${c('value')}.cast("string")`, py ? 'EVENT_SCHEMA' : 'eventSchema'), 'event')})`,
      '.select("key", "event.*")',
      `.withColumn("timestamp", ${L.fn('expr', '"timestamp_millis(eventTime)"')})`,
      ...(input.source === 'producers' && input.producers.length > 0
        ? [`.where(${c('producer')}.isin(${input.producers.map(literal).join(', ')}))`]
        : []),
      `.withWatermark("timestamp", ${literal(sparkInterval(input.firstDelayMs ?? input.delayMs))})`,
      ...(input.redefineDelayMs !== undefined
        ? [`.withWatermark("timestamp", ${literal(sparkInterval(input.redefineDelayMs))})`]
        : []),
    ];
    lines.push(
      ...chained(
        L,
        py ? `${name} = spark.readStream.format("kafka")` : `val ${name} = spark.readStream.format("kafka")`,
        [...sourceOptions(input), ...parse],
      ),
    );
  });
  if (q.inputs.length > 1) {
    const names = q.inputs.map((_, i) => `input${i}`);
    lines.push(
      `${L.comment} Each input keeps its own watermark; the query's is their ${q.policy} (spark.sql.streaming.multipleWatermarkPolicy).`,
      py
        ? `events = reduce(lambda a, b: a.union(b), [${names.join(', ')}])`
        : `val events = Seq(${names.join(', ')}).reduce(_ union _)`,
    );
  }
  const map = q.map ?? null;
  const mapped =
    map === null
      ? 'events'
      : map.kind === 'keyPrefix'
        ? `events.withColumn("key", ${L.fn('substring', c('key'), '1', String(map.chars))})`
        : `events.withColumn("value", ${c('value')} * ${map.factor})`;
  const source = q.minValue === null ? mapped : `${mapped}.where(${c('value')} >= ${q.minValue})`;
  lines.push('', ...operatorCode(q, source, L), '');
  lines.push(...sinkCode(q, L));
  return lines.join('\n');
}

function operatorCode(q: StructuredSpec, source: string, L: Lang): string[] {
  const py = L.name === 'python';
  const op = q.operator;
  if (op.kind === 'windowAggregation') {
    const ts = L.col('timestamp');
    const w = op.window;
    const win =
      // window(timeColumn, windowDuration, slideDuration, startTime): the offset is Spark's startTime.
      w.kind === 'tumbling' && !w.offsetMs
        ? L.fn('window', ts, literal(sparkInterval(w.sizeMs)))
        : w.kind === 'tumbling' || w.kind === 'sliding'
          ? L.fn(
              'window',
              ts,
              literal(sparkInterval(w.sizeMs)),
              literal(sparkInterval(w.kind === 'sliding' ? w.slideMs : w.sizeMs)),
              ...(w.offsetMs ? [literal(sparkInterval(w.offsetMs))] : []),
            )
          : w.kind === 'session'
            ? L.fn('session_window', ts, literal(sparkInterval(w.gapMs)))
            : ts;
    const agg = op.aggregate === 'count' ? L.fn('count', L.one) : L.fn(op.aggregate, literal('value'));
    const keys = [win, ...(op.keyed ? [L.col('key')] : [])];
    return [L.assign('result', `${source}.groupBy(${keys.join(', ')}).agg(${L.alias(agg, op.aggregate)})`)];
  }
  if (op.kind === 'dropDuplicates')
    return [
      `${L.comment} The event time is part of the key, so the watermark can drop old keys from the state.`,
      L.assign(
        'result',
        `${source}.dropDuplicates(${py ? '["key", "timestamp"]' : 'Seq("key", "timestamp")'})`,
      ),
    ];
  const timeout =
    op.timeout === 'processingTime'
      ? 'ProcessingTimeTimeout'
      : op.timeout === 'eventTime'
        ? 'EventTimeTimeout'
        : 'NoTimeout';
  if (op.code !== undefined) return ownGroupFunction(op.code, op.stateType, source, q, timeout, L);
  const count = op.fn === 'sessionCount';
  if (py) {
    const setTimeout =
      op.timeout === 'processingTime'
        ? [`    state.setTimeoutDuration(${op.timeoutMs})`]
        : op.timeout === 'eventTime'
          ? [
              `    state.setTimeoutTimestamp(int(max(newest, state.getCurrentWatermarkMs())) + ${op.timeoutMs})`,
            ]
          : [];
    return [
      'import pandas as pd',
      'from pyspark.sql.streaming.state import GroupStateTimeout',
      '',
      'def per_key(key, batches, state):',
      '    if state.hasTimedOut:',
      '        (value,) = state.get',
      '        state.remove()',
      ...(count
        ? ['        yield pd.DataFrame({"key": [key[0]], "value": [value], "expired": [True]})']
        : []),
      '        return',
      '    value = state.get[0] if state.exists else 0',
      '    newest = 0',
      '    for pdf in batches:',
      count ? '        value += len(pdf)' : '        value += pdf["value"].sum()',
      '        newest = max(newest, int(pdf["eventTime"].max()))',
      '    state.update((value,))',
      ...setTimeout,
      '    yield pd.DataFrame({"key": [key[0]], "value": [value], "expired": [False]})',
      '',
      `result = (${source}.groupBy("key").applyInPandasWithState(`,
      `    per_key, "key STRING, value DOUBLE, expired BOOLEAN", "value DOUBLE", ${literal(q.outputMode)}, GroupStateTimeout.${timeout}))`,
    ];
  }
  const setTimeout =
    op.timeout === 'processingTime'
      ? [`  state.setTimeoutDuration(${op.timeoutMs}L)`]
      : op.timeout === 'eventTime'
        ? [`  state.setTimeoutTimestamp(math.max(newest, state.getCurrentWatermarkMs()) + ${op.timeoutMs}L)`]
        : [];
  return [
    'case class Event(key: String, value: Double, eventTime: Long)',
    'case class Update(key: String, value: Double, expired: Boolean)',
    '',
    'def perKey(key: String, rows: Iterator[Event], state: GroupState[Double]): Iterator[Update] = {',
    '  if (state.hasTimedOut) {',
    '    val value = state.get',
    '    state.remove()',
    count ? '    return Iterator(Update(key, value, expired = true))' : '    return Iterator.empty',
    '  }',
    '  val seen = rows.toSeq',
    count
      ? '  val value = state.getOption.getOrElse(0.0) + seen.size'
      : '  val value = state.getOption.getOrElse(0.0) + seen.map(_.value).sum',
    '  val newest = seen.map(_.eventTime).max',
    '  state.update(value)',
    ...setTimeout,
    '  Iterator(Update(key, value, expired = false))',
    '}',
    '',
    `val result = ${source}.select("key", "value", "eventTime").as[Event]`,
    '  .groupByKey(_.key)',
    `  .flatMapGroupsWithState(OutputMode.${q.outputMode === 'update' ? 'Update' : 'Append'}(), GroupStateTimeout.${timeout})(perKey)`,
  ];
}

function sinkCode(q: StructuredSpec, L: Lang): string[] {
  const py = L.name === 'python';
  const t = q.trigger;
  const trigger =
    t.kind === 'processingTime'
      ? [
          py
            ? `.trigger(processingTime=${literal(sparkInterval(t.intervalMs))})`
            : `.trigger(Trigger.ProcessingTime(${literal(sparkInterval(t.intervalMs))}))`,
        ]
      : t.kind === 'availableNow'
        ? [py ? '.trigger(availableNow=True)' : '.trigger(Trigger.AvailableNow())']
        : [];
  const s = q.sink;
  const pre: string[] = [];
  let sink: string[];
  if (s.kind === 'file') sink = ['.format("json")', `.option("path", ${literal(s.path)})`];
  else if (s.kind === 'console')
    sink = ['.format("console")', `.option("truncate", ${py ? 'False' : 'false'})`];
  else if (s.kind === 'kafka') {
    sink = [
      '.format("kafka")',
      `.option("kafka.bootstrap.servers", ${literal(BOOTSTRAP_SERVERS)})`,
      `.option("topic", ${literal(s.topic)})`,
    ];
    pre.push(
      L.assign('result', 'result.selectExpr("CAST(key AS STRING) AS key", "to_json(struct(*)) AS value")'),
    );
  } else {
    const write = s.idempotent ? 'overwrite' : 'append';
    const where = s.idempotent ? '/batch_id=" + str(batch_id)' : '"';
    if (py)
      pre.push(
        'def write_batch(df, batch_id):',
        `    ${L.comment} ${s.idempotent ? 'Keyed by batch id: a re-run batch replaces its first write (exactly once).' : 'Appends: a re-run batch is written again (at least once).'}`,
        `    df.write.mode(${literal(write)}).json("/data/out${where})`,
        '',
      );
    else
      pre.push(
        'def writeBatch(df: DataFrame, batchId: Long): Unit =',
        `  df.write.mode(${literal(write)}).json(${s.idempotent ? '"/data/out/batch_id=" + batchId' : '"/data/out"'})`,
        '',
      );
    sink = [py ? '.foreachBatch(write_batch)' : '.foreachBatch(writeBatch _)'];
  }
  const chain = [
    `.outputMode(${literal(q.outputMode)})`,
    ...sink,
    ...trigger,
    `.option("checkpointLocation", ${literal(q.checkpointLocation)})`,
    '.start()',
  ];
  return [
    ...pre,
    ...chained(L, py ? 'query = result.writeStream' : 'val query = result.writeStream', chain),
    'query.awaitTermination()',
  ];
}
