/**
 * The learner's SQL as a Structured Streaming job: the Kafka topic read as the `readings` view,
 * with a watermark on event_time, and `spark.sql(...)` written to the console in the chosen output
 * mode. PySpark (Spark 3.4 or later).
 */
import {
  BOOTSTRAP_SERVERS,
  commentSafe,
  EVENT_SCHEMA_DDL,
  KAFKA_TOPIC,
  literal,
  sparkInterval,
} from './codeText';

export function sqlQueryCode(
  sql: string,
  outputMode: 'append' | 'update' | 'complete',
  delayMs: number,
  checkpointName: string,
): string {
  const query = sql.replace(/;\s*$/, '').replaceAll('"""', '\\"\\"\\"');
  return [
    `# Your query on the stream, as Spark SQL over the Kafka topic (Spark 3.4 or later).`,
    `# Asked of the database at rest in Streamscope: ${commentSafe(sql.replace(/\s+/g, ' ').slice(0, 200))}`,
    'from pyspark.sql import SparkSession',
    'from pyspark.sql import functions as F',
    '',
    'spark = SparkSession.builder.master("local[2]").appName("Streamscope").getOrCreate()',
    '',
    `EVENT_SCHEMA = ${literal(EVENT_SCHEMA_DDL)}`,
    '',
    '# readings: one row per record, as the database holds them. event_time is a TIMESTAMP here',
    '# (window() needs one); the database keeps milliseconds, so arithmetic on it differs:',
    '# use unix_millis(event_time) for the milliseconds. arrival_time is the Kafka record timestamp.',
    'readings = (spark.readStream.format("kafka")',
    `    .option("kafka.bootstrap.servers", ${literal(BOOTSTRAP_SERVERS)})`,
    `    .option("subscribe", ${literal(KAFKA_TOPIC)})`,
    '    .option("startingOffsets", "earliest")',
    '    .load()',
    '    .select(F.col("key").cast("string").alias("key"),',
    '            F.from_json(F.col("value").cast("string"), EVENT_SCHEMA).alias("r"),',
    '            F.col("timestamp").alias("arrival_time"))',
    '    .select("key", F.col("r.value").alias("value"),',
    '            F.expr("timestamp_millis(r.eventTime)").alias("event_time"),',
    '            "arrival_time", F.col("r.producer").alias("producer"))',
    `    .withWatermark("event_time", ${literal(sparkInterval(delayMs))}))`,
    'readings.createOrReplaceTempView("readings")',
    '',
    `result = spark.sql("""${query}""")`,
    '',
    'query = (result.writeStream',
    `    .outputMode(${literal(outputMode)})`,
    '    .format("console")',
    '    .option("truncate", False)',
    '    .trigger(processingTime="1 second")',
    `    .option("checkpointLocation", ${literal(`/tmp/streamscope/checkpoints/${checkpointName}`)})`,
    '    .start())',
    'query.awaitTermination()',
    '',
  ].join('\n');
}
