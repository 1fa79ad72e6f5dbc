import {
  type DStreamNode,
  type FnOp,
  fnCatalogue,
  type StreamingSpec,
  type StreamOpSpec,
  scalaType,
  userLanguage,
  type ValueType,
} from '../engine';

/**
 * The real Spark program for a scenario's streaming block: Scala (DStream API with the
 * kafka-0-10 integration) and PySpark. Variable names are the operations' ids, so the code, the
 * pipeline builder and the timeline's rows use the same names.
 */

import { producerList } from './codeText';
import { initialPairs, ownFunctions } from './ownFunctionCode';
import { TOPIC } from './reservedNames';
import { confLines } from './sparkConf';
import { MAPPING_FN_CODE, UPDATE_FN_CODE } from './stateFunctionCode';

export { isReservedName, TOPIC } from './reservedNames';

const scalaDuration = (ms: number) => (ms % 1000 === 0 ? `Seconds(${ms / 1000})` : `Milliseconds(${ms})`);
const pyDuration = (ms: number) => String(ms / 1000);

function inputTypeOf(types: ReadonlyMap<string, ValueType>, op: StreamOpSpec): ValueType {
  return types.get(op.input ?? '') ?? { kind: 'record' };
}

const reduceScala = { sum: '_ + _', max: '_ max _', min: '_ min _' } as const;
const reducePython = {
  sum: 'lambda a, b: a + b',
  max: 'lambda a, b: max(a, b)',
  min: 'lambda a, b: min(a, b)',
} as const;

export interface SparkCode {
  readonly scala: string;
  readonly python: string;
}

/** `types`: each DStream's element type (from the engine's graph), for functions whose code depends on it. */
export function sparkCode(spec: StreamingSpec, types: ReadonlyMap<string, ValueType> = new Map()): SparkCode {
  const own = ownFunctions(spec);
  return { scala: scalaProgram(spec, types, own), python: pythonProgram(spec, types, own) };
}

function scalaProgram(
  spec: StreamingSpec,
  types: ReadonlyMap<string, ValueType>,
  own: ReadonlyMap<string, DStreamNode>,
): string {
  const ops = spec.pipeline;
  const has = (op: string) => ops.some((o) => o.op === op);
  const lines: string[] = [];
  if (has('kafkaDirectStream'))
    lines.push('import org.apache.kafka.common.serialization.{DoubleDeserializer, StringDeserializer}');
  lines.push('import org.apache.spark.SparkConf');
  const stateful = ops.some((o) => o.op === 'mapWithState');
  const timed = [...own.values()].some((n) => n.own!.userFn.uses.has('time'));
  lines.push(
    `import org.apache.spark.streaming.{Milliseconds, Seconds, ${stateful ? 'State, StateSpec, ' : ''}StreamingContext${timed ? ', Time' : ''}}`,
  );
  if (
    ops.some(
      (o) => o.op === 'updateStateByKey' && (o.initialState || own.get(o.id)?.own?.userFn.uses.has('time')),
    )
  )
    lines.push('import org.apache.spark.HashPartitioner');
  if (has('kafkaDirectStream')) lines.push('import org.apache.spark.streaming.kafka010._');
  lines.push('');
  lines.push('val conf = new SparkConf()');
  lines.push(`  .setMaster("local[${spec.cores}]")`);
  lines.push('  .setAppName("Streamscope")');
  for (const c of confLines(spec, (k, v) => `  .set("${k}", "${v}")`)) lines.push(c);
  lines.push(`val ssc = new StreamingContext(conf, ${scalaDuration(spec.batchIntervalMs)})`);
  if (spec.checkpointDir !== null) lines.push(`ssc.checkpoint(${JSON.stringify(spec.checkpointDir)})`);
  lines.push('');
  for (const op of ops) {
    const t = inputTypeOf(types, op);
    const x = op.input ?? '';
    const w = op.windowMs !== undefined ? scalaDuration(op.windowMs) : '';
    const s = op.slideMs !== undefined ? `, ${scalaDuration(op.slideMs)}` : '';
    const node = own.get(op.id);
    const lang = userLanguage();
    const user = (options?: Parameters<NonNullable<typeof lang>['toScala']>[1]) =>
      node && lang
        ? lang.toScala(node.own!.userFn, options)
        : `/* your function, ${lang ? 'not compiled: see the error above the pipeline' : 'still loading'}: */ ${op.code}`;
    const fn = (kind: FnOp) =>
      op.code !== undefined
        ? user()
        : (fnCatalogue[kind](op.fn)?.scala(op.arg, t) ?? `/* unknown function ${op.fn} */`);
    const assign = (expr: string) => {
      lines.push(`val ${op.id} = ${expr}`);
      if (op.checkpointMs !== undefined) lines.push(`${op.id}.checkpoint(${scalaDuration(op.checkpointMs)})`);
    };
    const keyType = t.kind === 'pair' ? scalaType(t.key, 'Tuple') : 'String';
    switch (op.op) {
      case 'kafkaDirectStream':
        lines.push('val kafkaParams = Map[String, Object](');
        lines.push('  "bootstrap.servers" -> "localhost:9092",');
        lines.push('  "key.deserializer" -> classOf[StringDeserializer],');
        lines.push('  "value.deserializer" -> classOf[DoubleDeserializer],');
        lines.push('  "group.id" -> "streamscope",');
        lines.push(`  "auto.offset.reset" -> "${op.startingOffsets ?? 'latest'}",`);
        lines.push('  "enable.auto.commit" -> (false: java.lang.Boolean))');
        assign('KafkaUtils.createDirectStream[String, Double](');
        lines.push('  ssc, LocationStrategies.PreferConsistent,');
        lines.push(`  ConsumerStrategies.Subscribe[String, Double](Seq("${TOPIC}"), kafkaParams))`);
        break;
      case 'receiverStream':
        lines.push(
          "// A custom Receiver[Tuple] that store()s the producers' tuples (case class Tuple(key: String, value: Double))",
        );
        assign(`ssc.receiverStream(new ProducerReceiver(${producerList(op, 'scala')}))`);
        break;
      case 'producerStream':
        // Not a queueStream: QueueInputDStream.compute dequeues one RDD per *computed* batch, so an
        // interval no window reads would come later instead of being skipped, and it cannot be
        // checkpointed. What the simulator runs is an input stream of its own, as below.
        lines.push(
          "// Streamscope's producer stream, an InputDStream[Tuple] of your own (case class Tuple(key: String, value: Double)):",
          '// its RDD at batch time t holds the tuples that arrived in (t − interval, t], one partition per producer;',
          '// an interval no window reads is skipped. Its compute(validTime) reads your source for that interval.',
        );
        assign(
          `new ArrivalsInputDStream(ssc${producerList(op, 'scala') ? `, ${producerList(op, 'scala')}` : ''})`,
        );
        break;
      case 'map':
      case 'flatMap':
      case 'filter':
        assign(`${x}.${op.op}(${fn(op.op)})`);
        break;
      case 'transform':
        assign(`${x}.transform(${fn('transform')})`);
        break;
      case 'reduceByKey':
        assign(`${x}.reduceByKey(${op.code !== undefined ? user() : reduceScala[op.reduce ?? 'sum']})`);
        break;
      case 'groupByKey':
        assign(`${x}.groupByKey()`);
        break;
      case 'groupByKeyAndWindow':
        assign(`${x}.groupByKeyAndWindow(${w}${s})`);
        break;
      case 'countByValue':
        assign(`${x}.countByValue()`);
        break;
      case 'union':
        assign(`${x}.union(${op.other})`);
        break;
      case 'window':
        assign(`${x}.window(${w}${s})`);
        break;
      case 'reduceByKeyAndWindow': {
        const f = op.code !== undefined ? user() : reduceScala[op.reduce ?? 'sum'];
        if (!op.inverse) assign(`${x}.reduceByKeyAndWindow(${f}, ${w}${s})`);
        else {
          const vt = t.kind === 'pair' ? t : null;
          const filter = op.filterZero
            ? `, filterFunc = (kv: (${vt ? scalaType(vt.key, 'Tuple') : 'String'}, ${vt ? scalaType(vt.value, 'Tuple') : 'Long'})) => kv._2 != 0`
            : '';
          assign(
            `${x}.reduceByKeyAndWindow(${f}, _ - _, ${w}${s || `, ${scalaDuration(spec.batchIntervalMs)}`}${filter})`,
          );
        }
        break;
      }
      case 'countByWindow':
      case 'countByValueAndWindow':
        assign(`${x}.${op.op}(${w}${s || `, ${scalaDuration(spec.batchIntervalMs)}`})`);
        break;
      case 'updateStateByKey': {
        const timedFn = node?.own?.userFn.uses.has('time') === true;
        const f =
          op.code !== undefined
            ? user({ typed: true, time: { key: 'key', keyType } })
            : (UPDATE_FN_CODE[op.fn ?? '']?.scala ?? op.fn);
        const partitioner = 'new HashPartitioner(ssc.sparkContext.defaultParallelism)';
        const initial = op.initialState
          ? `ssc.sparkContext.parallelize(Seq(${initialPairs(node, op, 'scala')}))`
          : null;
        // The overload with the batch Time also takes the partitioner, rememberPartitioner and an
        // Option of the initial RDD (PairDStreamFunctions.updateStateByKey).
        if (timedFn)
          assign(
            `${x}.updateStateByKey(${f},\n    ${partitioner}, true, ${initial ? `Some(${initial})` : 'None'})`,
          );
        else if (initial) assign(`${x}.updateStateByKey(${f},\n    ${partitioner}, ${initial})`);
        else assign(`${x}.updateStateByKey(${f})`);
        break;
      }
      case 'mapWithState': {
        const f =
          op.code !== undefined
            ? user({ typed: true, time: {} })
            : (MAPPING_FN_CODE[op.fn ?? '']?.scala ?? op.fn);
        const spec = [`StateSpec.function(${f})`];
        if (op.timeoutMs !== undefined) spec.push(`.timeout(${scalaDuration(op.timeoutMs)})`);
        if (op.initialState)
          spec.push(`.initialState(ssc.sparkContext.parallelize(Seq(${initialPairs(node, op, 'scala')})))`);
        assign(`${x}.mapWithState(${spec.join('\n    ')})`);
        break;
      }
      case 'print':
        lines.push(`${x}.print(${op.num !== undefined && op.num !== 10 ? op.num : ''})`);
        break;
      case 'foreachRDD':
        lines.push(`${x}.foreachRDD(${fn('foreachRDD')})`);
        break;
      case 'sink':
        lines.push(`${x}.foreachRDD { rdd =>`);
        lines.push('  rdd.foreachPartition { records =>');
        lines.push(`    val sink = Sink.connect("${op.id}")  // your database or file system`);
        lines.push('    records.foreach(sink.write)');
        lines.push('    sink.close()');
        lines.push('  }');
        lines.push('}');
        break;
    }
  }
  lines.push('');
  lines.push('ssc.start()');
  lines.push('ssc.awaitTermination()');
  return lines.join('\n');
}

function pythonProgram(
  spec: StreamingSpec,
  types: ReadonlyMap<string, ValueType>,
  own: ReadonlyMap<string, DStreamNode>,
): string {
  const ops = spec.pipeline;
  const has = (op: string) => ops.some((o) => o.op === op);
  const lines: string[] = [];
  const imports = new Set<string>();
  lines.push('from pyspark import SparkConf, SparkContext');
  lines.push('from pyspark.streaming import StreamingContext');
  if (has('kafkaDirectStream')) {
    lines.push('# The Kafka DStream API for Python exists only up to Spark 2.4 (removed in 3.0).');
    lines.push('from pyspark.streaming.kafka import KafkaUtils');
  }
  lines.push('');
  const settings = confLines(spec, (k, v) => `        .set("${k}", "${v}")`);
  lines.push(
    `conf = (SparkConf().setMaster("local[${spec.cores}]").setAppName("Streamscope")${settings.length ? '' : ')'}`,
  );
  settings.forEach((c, i) => {
    lines.push(c + (i === settings.length - 1 ? ')' : ''));
  });
  lines.push('sc = SparkContext(conf=conf)');
  lines.push(`ssc = StreamingContext(sc, ${pyDuration(spec.batchIntervalMs)})  # batch interval in seconds`);
  if (spec.checkpointDir !== null) lines.push(`ssc.checkpoint(${JSON.stringify(spec.checkpointDir)})`);
  lines.push('');
  for (const op of ops) {
    const t = inputTypeOf(types, op);
    const x = op.input ?? '';
    const w = op.windowMs !== undefined ? pyDuration(op.windowMs) : '';
    const s = op.slideMs !== undefined ? `, ${pyDuration(op.slideMs)}` : '';
    const node = own.get(op.id);
    const lang = userLanguage();
    /** The learner's function as a Python lambda, or None with PySpark's reason why not. */
    const user = (): string => {
      if (!node || !lang)
        return `None  # your function, ${lang ? 'not compiled: see the error above the pipeline' : 'still loading'}: ${op.code}`;
      const py = lang.toPython(node.own!.userFn);
      if ('unsupported' in py) return `None  # ${py.unsupported}`;
      for (const m of py.imports) imports.add(m);
      return py.code;
    };
    const fn = (kind: FnOp) =>
      op.code !== undefined
        ? user()
        : (fnCatalogue[kind](op.fn)?.python(op.arg, t) ?? `None  # unknown function ${op.fn}`);
    const assign = (expr: string) => {
      lines.push(`${op.id} = ${expr}`);
      if (op.checkpointMs !== undefined) lines.push(`${op.id}.checkpoint(${pyDuration(op.checkpointMs)})`);
    };
    switch (op.op) {
      case 'kafkaDirectStream': {
        const reset = op.startingOffsets === 'earliest' ? 'smallest' : 'largest';
        assign(`KafkaUtils.createDirectStream(ssc, ["${TOPIC}"], {`);
        lines.push(
          `    "metadata.broker.list": "localhost:9092", "auto.offset.reset": "${reset}"})  # (key, value) pairs`,
        );
        break;
      }
      case 'receiverStream':
        lines.push(
          '# PySpark cannot define custom receivers: a socket receiver stands in, parsed to (key, value).',
        );
        assign('ssc.socketTextStream("localhost", 9999).map(parse_tuple)');
        break;
      case 'producerStream':
        lines.push(
          "# Streamscope: one RDD of the producers' (key, value) tuples per batch. PySpark has no input streams",
          '# of your own, so queueStream stands in; unlike the simulated input it dequeues one RDD per computed',
          '# batch (an interval no window reads comes later, not skipped) and does not support checkpointing.',
        );
        assign('ssc.queueStream(producer_batches, oneAtATime=True)');
        break;
      case 'map':
      case 'flatMap':
      case 'filter':
        assign(`${x}.${op.op}(${fn(op.op)})`);
        break;
      case 'transform':
        assign(`${x}.transform(${fn('transform')})`);
        break;
      case 'reduceByKey':
        assign(`${x}.reduceByKey(${op.code !== undefined ? user() : reducePython[op.reduce ?? 'sum']})`);
        break;
      case 'groupByKey':
        assign(`${x}.groupByKey()`);
        break;
      case 'groupByKeyAndWindow':
        assign(`${x}.groupByKeyAndWindow(${w}${s || `, ${pyDuration(spec.batchIntervalMs)}`})`);
        break;
      case 'countByValue':
        assign(`${x}.countByValue()`);
        break;
      case 'union':
        assign(`${x}.union(${op.other})`);
        break;
      case 'window':
        assign(`${x}.window(${w}${s})`);
        break;
      case 'reduceByKeyAndWindow': {
        const f = op.code !== undefined ? user() : reducePython[op.reduce ?? 'sum'];
        const inv = op.inverse ? 'lambda a, b: a - b' : 'None';
        const filter = op.inverse && op.filterZero ? ', filterFunc=lambda kv: kv[1] != 0' : '';
        assign(`${x}.reduceByKeyAndWindow(${f}, ${inv}, ${w}${s}${filter})`);
        break;
      }
      case 'countByWindow':
      case 'countByValueAndWindow':
        assign(`${x}.${op.op}(${w}${s || `, ${pyDuration(spec.batchIntervalMs)}`})`);
        break;
      case 'updateStateByKey': {
        // PySpark: updateStateByKey(updateFunc, numPartitions=None, initialRDD=None); its function takes no batch time.
        const f =
          op.code === undefined
            ? (UPDATE_FN_CODE[op.fn ?? '']?.python ?? op.fn)
            : node?.own?.userFn.uses.has('time')
              ? 'None  # PySpark’s updateStateByKey passes no batch time: this function runs in Scala only'
              : user();
        const initial = op.initialState
          ? `, initialRDD=sc.parallelize([${initialPairs(node, op, 'python')}])`
          : '';
        assign(`${x}.updateStateByKey(${f}${initial})`);
        break;
      }
      case 'mapWithState':
        lines.push(
          '# PySpark has no mapWithState (Scala and Java only); updateStateByKey is the Python API.',
        );
        if (op.code !== undefined) {
          lines.push(`# Your mapping function (Scala): ${op.code.replace(/\s*\n\s*/g, ' ')}`);
          assign(`None  # write it with updateStateByKey in Python`);
        } else
          assign(
            `${x}.updateStateByKey(lambda values, state: (state or 0) + ${op.fn === 'runningCount' ? 'len(values)' : 'sum(values)'})`,
          );
        break;
      case 'print':
        lines.push(`${x}.pprint(${op.num !== undefined && op.num !== 10 ? op.num : ''})`);
        break;
      case 'foreachRDD':
        lines.push(`${x}.foreachRDD(${fn('foreachRDD')})`);
        break;
      case 'sink':
        lines.push(`${x}.foreachRDD(lambda rdd: rdd.foreachPartition(write_to_sink("${op.id}")))`);
        break;
    }
  }
  lines.push('');
  lines.push('ssc.start()');
  lines.push('ssc.awaitTermination()');
  // A module the learner's functions use (math.fmod for Scala's %), imported at the top.
  if (imports.size > 0) lines.unshift(...[...imports].sort().map((m) => `import ${m}`));
  return lines.join('\n');
}
