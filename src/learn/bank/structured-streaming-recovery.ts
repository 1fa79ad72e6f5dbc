import type { StructuredSpec } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import type { FrameRef, StaticQuestion } from '../types';

/*
 * Structured Streaming end to end, part two: sinks, restarts and recovery (part one, and the list
 * the bank registers, is structured-streaming.ts). Each rule below has its source beside it: the
 * guide (https://spark.apache.org/docs/latest/streaming/apis-on-dataframes-and-datasets.html) or an
 * apache/spark class and member. Frames carry the flagship's query with a failure added.
 */

export const FLAGSHIP = 'kafka-structured-streaming';

/** The flagship's query with some failures added (a link can carry an edited query). */
function flagshipWith(faults: StructuredSpec['faults']): StructuredSpec {
  const own = findPreset(FLAGSHIP)?.scenario.query;
  if (!own) throw new Error(`bank: preset "${FLAGSHIP}" has no query`);
  return { ...own, faults };
}

/** The driver dies after batch 6's sink wrote, before commits/6: the re-run is skipped by the file sink. */
const afterSinkCrash: FrameRef = {
  scenario: FLAGSHIP,
  seed: 7,
  timeMs: 40000,
  query: flagshipWith([
    { kind: 'driverCrash', atBatch: { batchId: 6, phase: 'afterSink' }, restartAfterMs: 3000 },
  ]),
};

/** A restart at 22 s whose query counts per window only, without the sensor: the key schema changes. */
const keyDropped: FrameRef = {
  scenario: FLAGSHIP,
  seed: 7,
  timeMs: 23000,
  query: flagshipWith([
    {
      kind: 'restart',
      atMs: 22000,
      change: {
        operator: {
          kind: 'windowAggregation',
          window: { kind: 'tumbling', sizeMs: 10000 },
          aggregate: 'count',
          keyed: false,
        },
      },
    },
  ]),
};

export const structuredRecoveryQuestions: readonly StaticQuestion[] = [
  {
    // Guide, Output Sinks table ("Fault-tolerant"): File Sink exactly-once; Kafka Sink at-least-once;
    // ForeachBatch "Depends on the implementation"; Console No. FileStreamSink.addBatch:
    // `if (batchId <= fileLog.getLatestBatchId()...) logInfo("Skipping already committed batch")`.
    id: 'structured-streaming-sink-after-crash',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'The driver dies after batch 6’s output reached the sink but before `commits/6` was written. The restarted query runs batch 6 again. Which sink ends up with batch 6’s rows exactly once, with no help from your code?',
    options: [
      {
        text: 'The Kafka sink',
        why: 'The Kafka sink is at-least-once: the re-run writes the records to the topic again.',
      },
      {
        text: 'The console sink',
        why: 'The console sink is not fault-tolerant: it prints the batch again.',
      },
      {
        text: 'The file sink',
        why: 'Right: it finds batch 6 in its `_spark_metadata` log and skips the second write ("Skipping already committed batch").',
      },
      {
        text: 'A `foreachBatch` function that appends the rows to a table',
        why: 'foreachBatch depends on your code: an append that ignores `batchId` writes the rows twice. Writing keyed by the batch id would make it exactly-once.',
      },
    ],
    answer: 2,
    explanation:
      'A re-run batch hands the same batch id to the sink. The file sink records each batch id it has written, so it can tell a replay from new data. The Kafka sink cannot, and foreachBatch can only if your function uses the batch id.',
    hint: 'Which sink keeps its own record of the batch ids it has written?',
    frame: afterSinkCrash,
  },
  {
    // FileStreamSink: the log lives at new Path(basePath, FileStreamSink.metadataDir), "_spark_metadata".
    id: 'structured-streaming-spark-metadata',
    topic: 'structured-streaming',
    kind: 'short',
    prompt:
      'A file sink writes to /data/sensor-counts. In which directory under it does it record the batches it has written, so that a re-run batch is skipped?',
    accept: ['_spark_metadata', '/data/sensor-counts/_spark_metadata'],
    explanation:
      'The file sink keeps its own log in `_spark_metadata`, one entry per batch id, listing the files that batch wrote. When a batch id it already holds comes again after a restart, the sink skips it.',
    hint: 'It is named after Spark, and holds metadata.',
    frame: { scenario: FLAGSHIP, seed: 7, timeMs: 46000 },
  },
  {
    // Guide, "Recovery Semantics after Changes in a Streaming Query": "Any change in number or type
    // of grouping keys or aggregates is not allowed." StateStoreErrors:
    // STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE (Spark 4); StateSchemaCompatibilityChecker.check (≤ 3.4):
    // "Provided schema doesn't match to the schema for existing state!".
    id: 'structured-streaming-changed-grouping-key',
    topic: 'structured-streaming',
    kind: 'choice',
    prompt:
      'You stop the query that counts readings per sensor and window, change `groupBy(window(...), sensor)` to `groupBy(window(...))`, and start it again with the same checkpoint location. What happens?',
    options: [
      {
        text: 'It goes on, adding up the sensors’ counts in the state store',
        why: 'The state rows are keyed by (sensor, window). Spark does not convert state; it checks that the new key schema matches the stored one.',
      },
      {
        text: 'The restarted query fails: the state’s key schema no longer matches the query',
        why: 'Right: Spark 4 raises `STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE`; older versions fail with "Provided schema doesn\'t match to the schema for existing state".',
      },
      {
        text: 'It starts afresh from `startingOffsets`, ignoring the checkpoint',
        why: 'A checkpoint location that holds a query is always used; `startingOffsets` is only for a new query.',
      },
      {
        text: 'It runs as before, and only the output files change shape',
        why: 'The state’s schema is checked before the batch writes any output: changing the grouping keys is not allowed.',
      },
    ],
    answer: 1,
    explanation:
      'A restart may change rate limits, filters or the trigger, but not the stateful operations: any change in the number or type of grouping keys or aggregates is not allowed. To change them, start the new query with a new checkpoint location.',
    hint: 'What is the state store keyed by, and who would convert it?',
    frame: keyDropped,
  },
  {
    // MicroBatchExecution.populateStartOffsets: latest offsets/N, no commits/N → re-execute batch N with
    // its logged offsets (isCurrentBatchConstructed = true) and offsetSeqMetadata (watermark,
    // timestamp); the state store is loaded at version N (IncrementalExecution: storeVersion = batchId).
    id: 'structured-streaming-restart-order',
    topic: 'structured-streaming',
    kind: 'order',
    prompt: 'The driver died while batch N was running. Put what the restarted query does in order.',
    items: [
      'It reads the latest entry of the offset log, `offsets/N`',
      'It finds no `commits/N`, so batch N did not finish',
      'It runs batch N again with the offsets, watermark and timestamp from `offsets/N`',
      'It writes `commits/N`, then plans batch N+1 from where batch N ended',
    ],
    explanation:
      'Recovery starts from the logs: the last planned batch is `offsets/N`, and without `commits/N` it is run again exactly as planned, reading its state from the version batch N−1 committed. Nothing asks Kafka for newer offsets until batch N is done.',
    hint: 'The offset log says what was planned; the commit log says what was finished.',
    frame: {
      scenario: FLAGSHIP,
      seed: 7,
      timeMs: 39000,
      query: flagshipWith([{ kind: 'driverCrash', atMs: 35200, restartAfterMs: 3000 }]),
    },
  },
];
