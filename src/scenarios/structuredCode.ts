import {
  defineStreaming,
  type ScenarioSpec,
  type StreamingSpec,
  type StreamOpSpec,
  type ValueType,
} from '../engine';
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
import { type Frame, type OpCode, outputModeOf, recordFrame, translateOp } from './structuredOps';
import { translateState } from './structuredState';

/**
 * A scenario's DStream program as a Structured Streaming program (PySpark and Scala): the same
 * variables, one DataFrame per DStream, one streaming query per output operation. What has no
 * equivalent is said in a comment at the operation and listed in `notes`.
 */

export interface StructuredCode {
  readonly python: string;
  readonly scala: string;
  readonly notes: readonly CodeNote[];
}

export const DEFAULT_CHECKPOINT_DIR = '/tmp/streamscope/checkpoints';
const OUTPUT_DIR = '/tmp/streamscope/output';

const INPUTS = new Set(['kafkaDirectStream', 'receiverStream', 'producerStream']);
const OUTPUTS = new Set(['print', 'foreachRDD', 'sink']);
const STATE = new Set(['updateStateByKey', 'mapWithState']);

export function structuredCode(scenario: ScenarioSpec): StructuredCode | null {
  const spec = scenario.streaming;
  if (!spec) return null;
  const { context } = defineStreaming(spec.batchIntervalMs, spec.checkpointDir, spec.pipeline);
  const types = new Map(context.nodes.map((n) => [n.spec.id, n.type]));
  const notes: CodeNote[] = [];
  const py = program(scenario, spec, types, python, notes);
  const sc = program(scenario, spec, types, scala, []);
  return { python: py, scala: sc, notes };
}

function settingNotes(scenario: ScenarioSpec, spec: StreamingSpec): CodeNote[] {
  const notes: CodeNote[] = [
    {
      about: 'batch interval',
      kind: 'differs',
      text: `the trigger starts a micro-batch every ${sparkInterval(spec.batchIntervalMs)}, but a micro-batch that overruns is followed at once by one that reads everything that arrived meanwhile: batches never queue up as the DStream's jobs do.`,
    },
  ];
  if (spec.backpressure.enabled)
    notes.push({
      about: 'backpressure',
      kind: 'none',
      text: 'Structured Streaming has no rate estimator (spark.streaming.backpressure.*); maxOffsetsPerTrigger caps each micro-batch instead.',
    });
  if (spec.checkpointDir === null)
    notes.push({
      about: 'checkpoint',
      kind: 'differs',
      text: `the DStream application never calls ssc.checkpoint, but every Structured Streaming query keeps its offsets (and state) in a checkpoint location: here under ${DEFAULT_CHECKPOINT_DIR}.`,
    });
  if (spec.pipeline.some((o) => INPUTS.has(o.op) && o.op !== 'kafkaDirectStream') && !scenario.delivery)
    notes.push({
      about: 'input',
      kind: 'differs',
      text: 'the tuples come from Kafka: run the Kafka commands first, they write the same tuples to the topic.',
    });
  return notes;
}

function header(spec: StreamingSpec, L: Lang, stateful: boolean, sinks: boolean): string[] {
  const checkpoint = literal(spec.checkpointDir ?? DEFAULT_CHECKPOINT_DIR);
  if (L.name === 'python') {
    return [
      ...(stateful ? ['import pandas as pd'] : []),
      'from pyspark.sql import SparkSession',
      'from pyspark.sql import functions as F',
      ...(stateful ? ['from pyspark.sql.streaming.state import GroupStateTimeout'] : []),
      '',
      `spark = SparkSession.builder.master("local[${spec.cores}]").appName("Streamscope").getOrCreate()`,
      '',
      `CHECKPOINT = ${checkpoint}  # one sub-directory per query`,
      ...(sinks ? [`OUTPUT = ${literal(OUTPUT_DIR)}`] : []),
      `TRIGGER = ${literal(sparkInterval(spec.batchIntervalMs))}  # the batch interval`,
      '# Kafka record values are JSON documents (see the Kafka commands).',
      `EVENT_SCHEMA = ${literal(EVENT_SCHEMA_DDL)}`,
    ];
  }
  return [
    '// spark-shell with the spark-sql-kafka-0-10 package; :paste this file.',
    'import org.apache.spark.sql.{DataFrame, SparkSession}',
    'import org.apache.spark.sql.functions._',
    'import org.apache.spark.sql.streaming.{GroupState, GroupStateTimeout, OutputMode, Trigger}',
    'import org.apache.spark.sql.types.StructType',
    '',
    `val spark = SparkSession.builder.master("local[${spec.cores}]").appName("Streamscope").getOrCreate()`,
    'import spark.implicits._',
    '',
    `val checkpoint = ${checkpoint}  // one sub-directory per query`,
    ...(sinks ? [`val output = ${literal(OUTPUT_DIR)}`] : []),
    `val trigger = Trigger.ProcessingTime(${literal(sparkInterval(spec.batchIntervalMs))})  // the batch interval`,
    '// Kafka record values are JSON documents (see the Kafka commands).',
    `val eventSchema = StructType.fromDDL(${literal(EVENT_SCHEMA_DDL)})`,
  ];
}

function source(op: StreamOpSpec, scenario: ScenarioSpec, spec: StreamingSpec, L: Lang): OpCode {
  const notes: CodeNote[] = [];
  const kafka = op.op === 'kafkaDirectStream';
  if (op.op === 'receiverStream')
    notes.push({
      about: op.id,
      kind: 'none',
      text: 'Structured Streaming has no receivers: no custom Receiver, block interval, receiver write-ahead log or receiver.maxRate. The query reads the same tuples from Kafka; replaying Kafka offsets from the checkpoint does what the write-ahead log did.',
    });
  if (op.op === 'producerStream')
    notes.push({
      about: op.id,
      kind: 'none',
      text: 'a stream of what arrived in each batch (queueStream) has no production source in Structured Streaming; the query reads the same tuples from Kafka.',
    });
  const options: [string, string][] = [
    ['kafka.bootstrap.servers', literal(BOOTSTRAP_SERVERS)],
    ['subscribe', literal(KAFKA_TOPIC)],
    ['startingOffsets', literal(kafka ? (op.startingOffsets ?? 'latest') : 'earliest')],
  ];
  const rate = op.maxRatePerPartition ?? 0;
  if (kafka && rate > 0) {
    const partitions = scenario.delivery?.partitions ?? 1;
    const perTrigger = Math.round((rate * partitions * spec.batchIntervalMs) / 1000);
    options.push(['maxOffsetsPerTrigger', String(perTrigger)]);
    notes.push({
      about: op.id,
      kind: 'differs',
      text: `maxRatePerPartition (${rate}/s) becomes maxOffsetsPerTrigger = ${rate} × ${partitions} partitions × ${sparkInterval(spec.batchIntervalMs)} = ${perTrigger}, a cap on the whole micro-batch rather than on each partition.`,
    });
  }
  const producers = op.producers?.length ? op.producers.map(literal).join(', ') : null;
  const lines = notes.flatMap((n) => noteComment(L.comment, n));
  const c = L.col;
  const parse = [
    L.alias(`${c('key')}.cast("string")`, 'key'),
    L.alias(
      L.fn('from_json', `${c('value')}.cast("string")`, L.name === 'python' ? 'EVENT_SCHEMA' : 'eventSchema'),
      'event',
    ),
    c('timestamp'),
  ];
  const chain = [
    ...options.map(([k, v]) => `.option(${literal(k)}, ${v})`),
    '.load()',
    `.select(${parse.join(', ')})`,
    '.select("key", "event.*", "timestamp")',
    ...(producers ? [`.where(${c('producer')}.isin(${producers}))`] : []),
  ];
  if (L.name === 'python') {
    lines.push(`${op.id} = (spark.readStream.format("kafka")`);
    chain.forEach((l, i) => {
      lines.push(`    ${l}${i === chain.length - 1 ? ')' : ''}`);
    });
  } else {
    lines.push(`val ${op.id} = spark.readStream.format("kafka")`);
    for (const l of chain) lines.push(`  ${l}`);
  }
  return { lines, frame: recordFrame, notes };
}

function sink(op: StreamOpSpec, input: Frame, L: Lang): OpCode {
  const notes: CodeNote[] = [];
  const lines: string[] = [];
  const py = L.name === 'python';
  const batchFn = py ? `${op.id}_batch` : `${op.id}Batch`;
  let target: string[];
  if (op.op === 'print') {
    target = [
      '.format("console")',
      `.option("numRows", ${op.num ?? 10})`,
      `.option("truncate", ${py ? 'False' : 'false'})`,
    ];
  } else {
    if (op.op === 'foreachRDD') {
      if (py)
        lines.push(
          `def ${batchFn}(batch_df, batch_id):`,
          '    print(f"{batch_id}: count = {batch_df.count()}")',
          '',
        );
      else
        lines.push(
          `val ${batchFn}: (DataFrame, Long) => Unit = (batch, batchId) => println(s"$batchId: count = \${batch.count()}")`,
        );
    } else {
      const guarantee = op.guarantee ?? 'atLeastOnce';
      const overwrite = guarantee === 'idempotent' || guarantee === 'transactional';
      if (guarantee === 'atMostOnce')
        notes.push({
          about: op.id,
          kind: 'none',
          text: 'at-most-once output: foreachBatch re-runs a failed micro-batch with the same batch id, so output is at least once unless the sink records the batch id before writing.',
        });
      if (guarantee === 'transactional')
        notes.push({
          about: op.id,
          kind: 'differs',
          text: 'a transactional sink: commit the batch id in the same transaction as the rows and skip ids already committed; overwriting a directory per batch id (below) gives the same result for files.',
        });
      lines.push(...notes.flatMap((n) => noteComment(L.comment, n)));
      const mode = overwrite ? 'overwrite' : 'append';
      const why = overwrite
        ? 'a re-run batch overwrites its own directory: written once in effect'
        : 'a re-run batch appends again: at least once';
      if (py)
        lines.push(
          `def ${batchFn}(batch_df, batch_id):  # ${why}`,
          `    batch_df.write.mode("${mode}").parquet(f"{OUTPUT}/${op.id}/batch_id={batch_id}")`,
          '',
        );
      else
        lines.push(
          `val ${batchFn}: (DataFrame, Long) => Unit = (batch, batchId) =>  // ${why}`,
          `  batch.write.mode("${mode}").parquet(s"$output/${op.id}/batch_id=$batchId")`,
        );
    }
    target = [`.foreachBatch(${batchFn})`];
  }
  const chain = [
    `.queryName(${literal(op.id)})`,
    `.outputMode(${literal(outputModeOf(input))})`,
    ...target,
    py ? '.trigger(processingTime=TRIGGER)' : '.trigger(trigger)',
    py
      ? `.option("checkpointLocation", f"{CHECKPOINT}/${op.id}")`
      : `.option("checkpointLocation", s"$checkpoint/${op.id}")`,
    '.start()',
  ];
  if (py) {
    lines.push(`${op.id} = (${op.input}.writeStream`);
    chain.forEach((l, i) => {
      lines.push(`    ${l}${i === chain.length - 1 ? ')' : ''}`);
    });
  } else {
    lines.push(`val ${op.id} = ${op.input}.writeStream`);
    for (const l of chain) lines.push(`  ${l}`);
  }
  return { lines, frame: input, notes };
}

function program(
  scenario: ScenarioSpec,
  spec: StreamingSpec,
  types: ReadonlyMap<string, ValueType>,
  L: Lang,
  notes: CodeNote[],
): string {
  const ops = spec.pipeline;
  const settings = settingNotes(scenario, spec);
  notes.push(...settings);
  const lines = [
    `${L.comment} Structured Streaming version of "${commentSafe(scenario.name)}" (Spark 3.4 or later).`,
    ...header(
      spec,
      L,
      ops.some((o) => STATE.has(o.op)),
      ops.some((o) => o.op === 'sink'),
    ),
    ...settings.flatMap((n) => noteComment(L.comment, n)),
  ];
  const frames = new Map<string, Frame>();
  for (const op of ops) {
    const type = types.get(op.id) ?? { kind: 'record' };
    let code: OpCode;
    if (INPUTS.has(op.op)) code = source(op, scenario, spec, L);
    else if (OUTPUTS.has(op.op)) code = sink(op, frames.get(op.input ?? '') ?? recordFrame, L);
    else if (STATE.has(op.op) && op.code === undefined) code = translateState(op, frames, spec, L, type);
    else code = translateOp(op, frames, spec, L, type);
    frames.set(op.id, code.frame);
    notes.push(...code.notes);
    lines.push('', ...code.lines);
  }
  lines.push('', 'spark.streams.awaitAnyTermination()');
  return lines.join('\n');
}
