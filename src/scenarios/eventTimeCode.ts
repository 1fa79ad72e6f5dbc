import { compileScenario, type EventTimeSpec, type ScenarioSpec } from '../engine';
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
  slug,
  sparkInterval,
} from './codeText';
import { flinkCode } from './flinkCode';
import { DEFAULT_CHECKPOINT_DIR } from './structuredCode';

/**
 * A scenario's event-time block as real code: a Structured Streaming query (withWatermark, window /
 * session_window, an aggregate, the output mode and trigger) and, when the scenario follows Flink's
 * rules, a Flink DataStream job. Both read each tuple's event time from its Kafka record's JSON value.
 */

export interface EventTimeCode {
  readonly python: string;
  readonly scala: string;
  /** The Flink job, for scenarios whose event-time engine is Flink. */
  readonly java: string | null;
  /** About the Structured Streaming query. */
  readonly notes: readonly CodeNote[];
  /** About the Flink job. */
  readonly javaNotes: readonly CodeNote[];
}

export function eventTimeCode(scenario: ScenarioSpec): EventTimeCode | null {
  const e = scenario.eventTime;
  if (!e) return null;
  const producers = compileScenario(scenario).producers.map((p) => p.spec.id);
  const notes = sparkNotes(e);
  const flink = e.engine === 'flink' ? flinkCode(scenario, e, producers) : null;
  return {
    python: sparkProgram(scenario, e, producers, python, notes),
    scala: sparkProgram(scenario, e, producers, scala, notes),
    java: flink?.java ?? null,
    notes,
    javaNotes: flink?.notes ?? [],
  };
}

function sparkNotes(e: EventTimeSpec): CodeNote[] {
  const notes: CodeNote[] = [];
  if (e.window.kind === 'session' && e.spark.outputMode === 'update')
    notes.push({
      about: 'output mode',
      kind: 'none',
      text: 'Spark rejects update output mode for session windows (SPARK-36463): a session’s range changes as it grows, so its rows cannot be updated in place. Use append or complete.',
    });
  return notes;
}

/** The grouping column of the window, as Spark writes it. */
function windowColumn(e: EventTimeSpec, L: Lang): string {
  const ts = L.col('timestamp');
  const w = e.window;
  switch (w.kind) {
    // window(timeColumn, windowDuration, slideDuration, startTime): the offset is Spark's startTime.
    case 'tumbling':
      return w.offsetMs
        ? L.fn(
            'window',
            ts,
            literal(sparkInterval(w.sizeMs)),
            literal(sparkInterval(w.sizeMs)),
            literal(sparkInterval(w.offsetMs)),
          )
        : L.fn('window', ts, literal(sparkInterval(w.sizeMs)));
    case 'sliding':
      return L.fn(
        'window',
        ts,
        literal(sparkInterval(w.sizeMs)),
        literal(sparkInterval(w.slideMs)),
        ...(w.offsetMs ? [literal(sparkInterval(w.offsetMs))] : []),
      );
    case 'session':
      return L.fn('session_window', ts, literal(sparkInterval(w.gapMs)));
    case 'eventTime':
      return ts;
  }
}

function aggregateColumn(e: EventTimeSpec, L: Lang): string {
  const agg = e.aggregate === 'count' ? L.fn('count', L.one) : L.fn(e.aggregate, literal('value'));
  return L.alias(agg, e.aggregate);
}

function sessionConfs(e: EventTimeSpec): [string, string][] {
  const out: [string, string][] = [];
  if (e.inputs === 'perProducer') out.push(['spark.sql.streaming.multipleWatermarkPolicy', e.spark.policy]);
  if (!e.spark.noDataBatches) out.push(['spark.sql.streaming.noDataMicroBatches.enabled', 'false']);
  if (!e.spark.allowMultiple) out.push(['spark.sql.streaming.statefulOperator.allowMultiple', 'false']);
  return out;
}

function sparkProgram(
  scenario: ScenarioSpec,
  e: EventTimeSpec,
  producers: readonly string[],
  L: Lang,
  notes: readonly CodeNote[],
): string {
  const py = L.name === 'python';
  const delay = literal(sparkInterval(e.spark.delayMs));
  const checkpoint = literal(`${DEFAULT_CHECKPOINT_DIR}/${slug(scenario.name)}`);
  const confs = sessionConfs(e).map(([k, v]) => `.config(${literal(k)}, ${literal(v)})`);
  const lines = [
    `${L.comment} Event-time windows with a watermark: "${commentSafe(scenario.name)}" (Spark 3.4 or later).`,
  ];
  if (py) {
    if (e.inputs === 'perProducer') lines.push('from functools import reduce');
    lines.push('from pyspark.sql import SparkSession', 'from pyspark.sql import functions as F', '');
    lines.push('spark = (SparkSession.builder.master("local[2]").appName("Streamscope")');
    for (const c of confs) lines.push(`    ${c}`);
    lines.push('    .getOrCreate())', '', `EVENT_SCHEMA = ${literal(EVENT_SCHEMA_DDL)}`);
  } else {
    lines.push(
      '// spark-shell with the spark-sql-kafka-0-10 package; :paste this file.',
      'import org.apache.spark.sql.SparkSession',
      'import org.apache.spark.sql.functions._',
      'import org.apache.spark.sql.streaming.Trigger',
      'import org.apache.spark.sql.types.StructType',
      '',
      'val spark = SparkSession.builder.master("local[2]").appName("Streamscope")',
      ...confs.map((c) => `  ${c}`),
      '  .getOrCreate()',
      '',
      `val eventSchema = StructType.fromDDL(${literal(EVENT_SCHEMA_DDL)})`,
    );
  }
  lines.push(...notes.flatMap((n) => noteComment(L.comment, n)), '');
  lines.push(
    `${L.comment} The event time is the "eventTime" field of each record's JSON value (ms since the epoch).`,
  );
  const c = L.col;
  const chain = [
    `.option("kafka.bootstrap.servers", ${literal(BOOTSTRAP_SERVERS)})`,
    `.option("subscribe", ${literal(KAFKA_TOPIC)})`,
    '.option("startingOffsets", "earliest")',
    '.load()',
    `.select(${L.alias(`${c('key')}.cast("string")`, 'key')}, ${L.alias(L.fn('from_json', `${c('value')}.cast("string")`, py ? 'EVENT_SCHEMA' : 'eventSchema'), 'event')})`,
    '.select("key", "event.*")',
    `.withColumn("timestamp", ${L.fn('expr', '"timestamp_millis(eventTime)"')})`,
  ];
  lines.push(
    py ? 'events = (spark.readStream.format("kafka")' : 'val events = spark.readStream.format("kafka")',
  );
  chain.forEach((l, i) => {
    lines.push(`${py ? '    ' : '  '}${l}${py && i === chain.length - 1 ? ')' : ''}`);
  });
  lines.push('');
  if (e.inputs === 'perProducer') {
    const list = producers.map(literal).join(', ');
    lines.push(
      `${L.comment} One watermarked input per producer; the query's watermark combines them (${e.spark.policy}).`,
    );
    if (py) {
      lines.push(`inputs = [events.where(F.col("producer") == p).withWatermark("timestamp", ${delay})`);
      lines.push(`          for p in [${list}]]`, 'watermarked = reduce(lambda a, b: a.union(b), inputs)');
    } else {
      lines.push(`val inputs = Seq(${list}).map(p => events.where(col("producer") === p)`);
      lines.push(`  .withWatermark("timestamp", ${delay}))`, 'val watermarked = inputs.reduce(_ union _)');
    }
  } else lines.push(L.assign('watermarked', `events.withWatermark("timestamp", ${delay})`));
  const keys = [windowColumn(e, L), ...(e.keyed ? [c('key')] : [])];
  lines.push(L.assign('result', `watermarked.groupBy(${keys.join(', ')}).agg(${aggregateColumn(e, L)})`), '');
  const trigger = literal(sparkInterval(e.spark.triggerMs));
  const query = [
    `.outputMode(${literal(e.spark.outputMode)})`,
    '.format("console")',
    `.option("truncate", ${py ? 'False' : 'false'})`,
    py ? `.trigger(processingTime=${trigger})` : `.trigger(Trigger.ProcessingTime(${trigger}))`,
    `.option("checkpointLocation", ${checkpoint})`,
    '.start()',
  ];
  lines.push(py ? 'query = (result.writeStream' : 'val query = result.writeStream');
  query.forEach((l, i) => {
    lines.push(`${py ? '    ' : '  '}${l}${py && i === query.length - 1 ? ')' : ''}`);
  });
  lines.push('query.awaitTermination()');
  return lines.join('\n');
}
