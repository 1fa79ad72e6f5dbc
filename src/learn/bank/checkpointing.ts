import type { StaticQuestion } from '../types';

export const checkpointingQuestions: readonly StaticQuestion[] = [
  {
    id: 'checkpointing-metadata-vs-data',
    topic: 'checkpointing',
    kind: 'choice',
    prompt:
      'In Spark Streaming, which of these is saved by data checkpointing rather than by metadata checkpointing?',
    options: [
      {
        text: "The application's configuration",
        why: 'Configuration is metadata: it is needed to rebuild the application after a driver failure.',
      },
      {
        text: 'The DStream operations that define the application',
        why: 'The DStream graph is metadata, saved so that the driver can be recreated.',
      },
      {
        text: 'The RDDs of stateful transformations, such as the running counts of `updateStateByKey`',
        why: 'Right: data checkpointing saves generated RDDs to reliable storage, cutting the lineage of state that spans batches.',
      },
      {
        text: 'Batches that were queued but had not completed',
        why: 'Incomplete batches are part of the metadata checkpoint, so they can be run after recovery.',
      },
    ],
    answer: 2,
    explanation:
      'Metadata checkpointing (configuration, DStream operations, incomplete batches) is for recovering the driver. Data checkpointing saves RDDs, which stateful transformations need so their lineage does not grow forever.',
    hint: 'One kind saves how to compute, the other saves what was computed.',
  },
  {
    id: 'checkpointing-default-interval',
    topic: 'checkpointing',
    kind: 'numeric',
    prompt:
      '`updateStateByKey` with a batch interval of 3 s and no explicit checkpoint interval. How often are its state RDDs checkpointed, in seconds?',
    answer: 12,
    unit: 's',
    explanation:
      'By default the interval is the smallest multiple of the batch (slide) interval that is at least 10 s: 4 × 3 s = 12 s. `mapWithState` has another default, ten slide intervals (30 s here). The Spark guide suggests trying 5 to 10 slide intervals when tuning it.',
    // DStream.initialize: slideDuration * math.ceil(Seconds(10) / slideDuration); InternalMapWithStateDStream
    // .initialize: slideDuration * DEFAULT_CHECKPOINT_DURATION_MULTIPLIER (10).
    hint: 'It must be a whole number of batches, and not shorter than 10 s.',
  },
  {
    id: 'checkpointing-get-or-create',
    topic: 'checkpointing',
    kind: 'short',
    prompt:
      'Which `StreamingContext` method rebuilds the context from the checkpoint directory when checkpoint data exists there, and otherwise calls your function to create a new one?',
    // StreamingContext.scala: getOrCreate and getActiveOrCreate(checkpointPath, creatingFunc), which
    // first returns the JVM's active context, if there is one, and otherwise does what getOrCreate does.
    accept: [
      'getOrCreate',
      'StreamingContext.getOrCreate',
      'get or create',
      'getActiveOrCreate',
      'StreamingContext.getActiveOrCreate',
    ],
    explanation:
      '`StreamingContext.getOrCreate(checkpointDir, createFn)` makes one program work both for the first start and for a restart after a driver failure. `getActiveOrCreate(checkpointDir, createFn)` is right too: it first returns the context already running in this JVM, if any, and otherwise does the same.',
    hint: 'Its name says both things it may do.',
  },
  {
    id: 'checkpointing-driver-recovery',
    topic: 'checkpointing',
    kind: 'order',
    prompt: 'Put the recovery of a Spark Streaming application after a driver failure in order.',
    items: [
      'The driver fails while the application is running',
      'The driver is restarted, for example by the cluster manager',
      '`StreamingContext.getOrCreate` finds checkpoint data in the directory',
      'The context is rebuilt from the checkpointed metadata',
      'Incomplete batches are scheduled again and processing continues',
    ],
    explanation:
      'Spark does not restart the driver by itself; once it is restarted, getOrCreate rebuilds the DStream graph from the metadata checkpoint and reruns the batches that had not completed.',
    hint: 'The checkpoint can only be read once a new driver is running.',
  },
  {
    id: 'checkpointing-exactly-once-sink',
    topic: 'checkpointing',
    kind: 'choice',
    prompt:
      'Spark Streaming reads Kafka with the direct approach and recovers from checkpoints, so after a failure a batch may be computed and written again. What is needed for exactly-once results in the sink?',
    options: [
      {
        text: 'Nothing more: checkpointing alone makes the output exactly-once.',
        why: 'Checkpointing makes the input exactly-once, but a batch whose output was partly written can be written again: output is at-least-once.',
      },
      {
        text: 'A sink whose writes are idempotent, or a transaction that stores results and offsets together.',
        why: 'Right: repeated writes then either change nothing or are detected, so each result counts once.',
      },
      {
        text: 'A shorter batch interval.',
        why: 'Shorter batches make less work to redo but do not stop it from being redone.',
      },
      {
        text: 'Producing the input with `acks=all`.',
        why: 'acks=all protects records on their way into Kafka; it says nothing about duplicate writes to the sink.',
      },
    ],
    answer: 1,
    explanation:
      'End-to-end exactly-once needs a replayable source, deterministic processing and a sink that tolerates replays: idempotent writes (same key, same value) or atomic commits of results together with offsets.',
    hint: 'A recomputed batch will write its results again. What must the sink do about that?',
  },
  {
    id: 'checkpointing-write-ahead-log',
    topic: 'checkpointing',
    kind: 'choice',
    prompt:
      'Why does a receiver-based input need the write-ahead log (`spark.streaming.receiver.writeAheadLog.enable`) to avoid losing data?',
    options: [
      {
        text: 'It stores the DStream graph so the driver can be rebuilt.',
        why: 'That is the metadata checkpoint, not the write-ahead log.',
      },
      {
        text: 'It makes the output operations exactly-once.',
        why: 'The log protects received input; duplicate output still needs idempotent or transactional sinks.',
      },
      {
        text: 'It speeds up processing by caching received data.',
        why: 'It costs throughput: every received block is also written to fault-tolerant storage.',
      },
      {
        text: 'Received data waits in executor memory until processed; the log also writes it to fault-tolerant storage so it can be replayed after a failure.',
        // Spark Streaming Programming Guide, “Fault-tolerance Semantics”: received blocks are replicated
        // to two executors by default (MEMORY_AND_DISK_SER_2); a driver failure kills all executors.
        why: 'Right: received blocks are copied to two executors by default, which survives losing one executor. But a driver failure takes every executor with it, so without the log data that was received (and perhaps acknowledged to the source) but not yet processed is lost.',
      },
    ],
    answer: 3,
    explanation:
      'The write-ahead log saves received data to the checkpoint directory before it is processed, giving zero data loss for reliable receivers. The direct Kafka approach does not need it, because Kafka itself can replay the offset ranges.',
    hint: 'Where does a receiver keep what it has received before a batch processes it?',
    frame: { scenario: 'receiver-wordcount', timeMs: 8000 },
  },
  {
    id: 'checkpointing-at-least-once',
    topic: 'checkpointing',
    kind: 'choice',
    prompt:
      'After a failure, a system processes some records a second time but never skips any. Which delivery guarantee is that?',
    options: [
      {
        text: 'At-least-once',
        why: 'Right: nothing is lost, but duplicates are possible.',
      },
      {
        text: 'At-most-once',
        why: 'At-most-once never duplicates but may lose records: the opposite trade-off.',
      },
      {
        text: 'Exactly-once',
        why: 'Exactly-once would mean each record affects the result once; here some are processed twice.',
      },
      {
        text: 'Best effort',
        why: 'Best effort promises neither; here no record is ever skipped, which is a real guarantee.',
      },
    ],
    answer: 0,
    explanation:
      'Replaying from the last checkpoint or committed offset gives at-least-once. Getting to exactly-once means making the duplicates harmless (idempotence) or impossible (transactions).',
    hint: 'Count how many times a record can be processed: never zero, sometimes two.',
  },
  {
    id: 'checkpointing-cuts-lineage',
    topic: 'checkpointing',
    kind: 'choice',
    prompt: 'Why must the state RDDs of a stateful DStream be checkpointed periodically?',
    options: [
      {
        text: 'So that other applications can read the state.',
        why: 'Checkpoint files are an internal recovery format, not a way to share state.',
      },
      {
        text: 'Because RDDs cannot be kept in memory.',
        why: 'State RDDs are kept in memory; the checkpoint is an additional copy on reliable storage.',
      },
      {
        text: 'To make the output exactly-once.',
        why: 'Checkpointing state does not prevent a batch from being written twice; that is the job of the sink.',
      },
      {
        text: "Each batch's state is computed from the previous batch's state, so without checkpoints the lineage, and the work to recover it, grows without bound.",
        why: 'Right: a checkpoint saves the state so that recovery starts from it instead of from the first batch.',
      },
    ],
    answer: 3,
    explanation:
      'Spark recovers lost RDD partitions by recomputing them from their lineage. For state that chains across batches the lineage grows with every batch, so periodic checkpoints cut it.',
    hint: 'What would Spark have to recompute to rebuild the state of batch 1000?',
    frame: { scenario: 'stateful-streams', timeMs: 11_000 },
  },
];
