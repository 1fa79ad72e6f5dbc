import type { EventTimeSpec, ScenarioSpec } from '../engine';
import {
  BOOTSTRAP_SERVERS,
  type CodeNote,
  commentSafe,
  javaDuration,
  KAFKA_TOPIC,
  literal,
  noteComment,
} from './codeText';

/**
 * An event-time block under Flink's rules as a DataStream job (Java, Flink 1.19 or later, where the
 * window API takes java.time.Duration): a Kafka source with WatermarkStrategy.forBoundedOutOfOrderness,
 * an event-time window assigner, allowedLateness, an optional late-data side output and an
 * incremental AggregateFunction.
 */

const ASSIGNERS = {
  tumbling: 'TumblingEventTimeWindows',
  sliding: 'SlidingEventTimeWindows',
  session: 'EventTimeSessionWindows',
} as const;

function assigner(e: EventTimeSpec): string | null {
  const w = e.window;
  const offset = 'offsetMs' in w && w.offsetMs ? `, ${javaDuration(w.offsetMs)}` : '';
  if (w.kind === 'tumbling') return `TumblingEventTimeWindows.of(${javaDuration(w.sizeMs)}${offset})`;
  if (w.kind === 'sliding')
    return `SlidingEventTimeWindows.of(${javaDuration(w.sizeMs)}, ${javaDuration(w.slideMs)}${offset})`;
  if (w.kind === 'session') return `EventTimeSessionWindows.withGap(${javaDuration(w.gapMs)})`;
  return null;
}

/** The AggregateFunction for the block's aggregate: accumulator type, result type and body. */
function aggregateClass(aggregate: EventTimeSpec['aggregate']): { result: string; lines: string[] } {
  const fn = (acc: string, result: string, create: string, add: string, get: string, merge: string) => [
    `  /** ${aggregate} of the window's values, computed incrementally as events arrive. */`,
    `  public static class Aggregate implements AggregateFunction<Event, ${acc}, ${result}> {`,
    `    @Override public ${acc} createAccumulator() { return ${create}; }`,
    `    @Override public ${acc} add(Event e, ${acc} acc) { ${add} }`,
    `    @Override public ${result} getResult(${acc} acc) { return ${get}; }`,
    `    @Override public ${acc} merge(${acc} a, ${acc} b) { return ${merge}; }`,
    '  }',
  ];
  switch (aggregate) {
    case 'count':
      return { result: 'Long', lines: fn('Long', 'Long', '0L', 'return acc + 1;', 'acc', 'a + b') };
    case 'sum':
      return {
        result: 'Double',
        lines: fn('Double', 'Double', '0.0', 'return acc + e.value;', 'acc', 'a + b'),
      };
    case 'min':
      return {
        result: 'Double',
        lines: fn(
          'Double',
          'Double',
          'Double.POSITIVE_INFINITY',
          'return Math.min(acc, e.value);',
          'acc',
          'Math.min(a, b)',
        ),
      };
    case 'max':
      return {
        result: 'Double',
        lines: fn(
          'Double',
          'Double',
          'Double.NEGATIVE_INFINITY',
          'return Math.max(acc, e.value);',
          'acc',
          'Math.max(a, b)',
        ),
      };
    case 'avg':
      return {
        result: 'Double',
        lines: fn(
          'double[]',
          'Double',
          'new double[2]',
          'acc[0] += e.value; acc[1] += 1; return acc;',
          'acc[0] / acc[1]',
          'new double[] {a[0] + b[0], a[1] + b[1]}',
        ),
      };
  }
}

function describeClass(keyed: boolean, result: string): string[] {
  const head = keyed
    ? `  public static class Describe extends ProcessWindowFunction<${result}, String, String, TimeWindow> {`
    : `  public static class Describe extends ProcessAllWindowFunction<${result}, String, TimeWindow> {`;
  const params = keyed
    ? `String key, Context ctx, Iterable<${result}> results, Collector<String> out`
    : `Context ctx, Iterable<${result}> results, Collector<String> out`;
  return [
    '  /** Each window result with its window [start, end) and key. */',
    head,
    '    @Override',
    `    public void process(${params}) {`,
    '      TimeWindow w = ctx.window();',
    `      out.collect("[" + w.getStart() + ", " + w.getEnd() + ")${keyed ? ' " + key + "' : ''}: " + results.iterator().next());`,
    '    }',
    '  }',
  ];
}

const EVENT_CLASSES = [
  "  /** One tuple: the Kafka record's key and the fields of its JSON value. */",
  '  public static class Event {',
  '    public String key;',
  '    public double value;',
  '    public long eventTime;',
  '    public String producer;',
  '  }',
  '',
  '  /** Reads the records the Kafka commands write: key = the tuple key, value = JSON. */',
  '  public static class EventDeserializer implements KafkaRecordDeserializationSchema<Event> {',
  '    private static final ObjectMapper JSON = new ObjectMapper();',
  '',
  '    @Override',
  '    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Event> out) throws IOException {',
  '      JsonNode json = JSON.readTree(record.value());',
  '      Event e = new Event();',
  '      e.key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);',
  '      e.value = json.path("value").asDouble();',
  '      e.eventTime = json.path("eventTime").asLong();',
  '      e.producer = json.path("producer").asText();',
  '      out.collect(e);',
  '    }',
  '',
  '    @Override',
  '    public TypeInformation<Event> getProducedType() {',
  '      return TypeInformation.of(Event.class);',
  '    }',
  '  }',
];

export function flinkCode(
  scenario: ScenarioSpec,
  e: EventTimeSpec,
  producers: readonly string[],
): { java: string | null; notes: CodeNote[] } {
  const notes: CodeNote[] = [];
  const window = assigner(e);
  if (window === null || e.window.kind === 'eventTime') {
    notes.push({
      about: 'window',
      kind: 'none',
      text: 'Flink aggregates event time only through a window assigner; grouping by the raw timestamp is Spark only.',
    });
    return { java: null, notes };
  }
  const partitions = scenario.delivery?.partitions ?? 1;
  if (partitions > 1)
    notes.push({
      about: 'watermark',
      kind: 'differs',
      text: `the Kafka source keeps a watermark per partition and emits their minimum, so with ${partitions} partitions one quiet partition holds the watermark back (WatermarkStrategy.withIdleness lets it go).`,
    });
  const { result, lines: aggregate } = aggregateClass(e.aggregate);
  const f = e.flink;
  const imports = [
    'com.fasterxml.jackson.databind.JsonNode',
    'com.fasterxml.jackson.databind.ObjectMapper',
    'java.io.IOException',
    'java.nio.charset.StandardCharsets',
    'java.time.Duration',
    'org.apache.flink.api.common.eventtime.WatermarkStrategy',
    'org.apache.flink.api.common.functions.AggregateFunction',
    'org.apache.flink.api.common.typeinfo.TypeInformation',
    'org.apache.flink.connector.kafka.source.KafkaSource',
    'org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer',
    'org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema',
    'org.apache.flink.streaming.api.datastream.DataStream',
    'org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator',
    'org.apache.flink.streaming.api.environment.StreamExecutionEnvironment',
    `org.apache.flink.streaming.api.functions.windowing.${e.keyed ? 'ProcessWindowFunction' : 'ProcessAllWindowFunction'}`,
    `org.apache.flink.streaming.api.windowing.assigners.${ASSIGNERS[e.window.kind]}`,
    'org.apache.flink.streaming.api.windowing.windows.TimeWindow',
    'org.apache.flink.util.Collector',
    ...(f.sideOutput ? ['org.apache.flink.util.OutputTag'] : []),
    ...(f.trigger === 'purging'
      ? [
          'org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger',
          'org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger',
        ]
      : []),
    'org.apache.kafka.clients.consumer.ConsumerRecord',
  ];
  if (f.watermarks)
    notes.push({
      about: 'watermark',
      kind: 'differs',
      text: `the scenario's input carries its watermarks (${f.watermarks.length} of them, each at its moment); in Flink a punctuated WatermarkGenerator emits them from marker records in its onEvent (output.emitWatermark), replacing forBoundedOutOfOrderness below.`,
    });
  const strategy = [
    `    WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(${javaDuration(f.boundMs)})`,
    ...(f.idlenessMs
      ? [
          '        .withTimestampAssigner((event, recordTimestamp) -> event.eventTime)',
          '        // A partition without events for this long stops holding the watermark back.',
          `        .withIdleness(${javaDuration(f.idlenessMs)});`,
        ]
      : ['        .withTimestampAssigner((event, recordTimestamp) -> event.eventTime);']),
  ];
  const input =
    e.inputs === 'perProducer'
      ? [
          '    // One watermarked input per producer; union passes on the minimum of their watermarks.',
          '    DataStream<Event> all = env.fromSource(source, WatermarkStrategy.noWatermarks(), "events");',
          ...producers.map((p, i) => {
            const part = `all.filter(e -> e.producer.equals(${literal(p)})).assignTimestampsAndWatermarks(watermarks)`;
            const end = i === producers.length - 1 ? ';' : '';
            return i === 0 ? `    DataStream<Event> events = ${part}${end}` : `        .union(${part})${end}`;
          }),
        ]
      : e.inputs === 'perPartition'
        ? [
            '    // The Kafka source generates the watermark per partition and passes on their minimum',
            '    // ("Watermark Strategies and the Kafka Connector", Flink docs).',
            '    DataStream<Event> events = env.fromSource(source, watermarks, "events");',
          ]
        : ['    DataStream<Event> events = env.fromSource(source, watermarks, "events");'];
  const lines = [
    `// Flink DataStream job for "${commentSafe(scenario.name)}" (Flink 1.19 or later, flink-connector-kafka, jackson-databind).`,
    ...notes.flatMap((n) => noteComment('//', n)),
    ...imports.map((i) => `import ${i};`),
    '',
    'public class StreamscopeJob {',
    ...EVENT_CLASSES,
    '',
    ...aggregate,
    '',
    ...describeClass(e.keyed, result),
    '',
    '  public static void main(String[] args) throws Exception {',
    '    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();',
    `    env.getConfig().setAutoWatermarkInterval(${f.autoWatermarkIntervalMs});  // pipeline.auto-watermark-interval, ms`,
    '',
    '    KafkaSource<Event> source = KafkaSource.<Event>builder()',
    `        .setBootstrapServers(${literal(BOOTSTRAP_SERVERS)})`,
    `        .setTopics(${literal(KAFKA_TOPIC)})`,
    '        .setGroupId("streamscope-flink")',
    '        .setStartingOffsets(OffsetsInitializer.earliest())',
    '        .setDeserializer(new EventDeserializer())',
    '        .build();',
    ...strategy,
    ...input,
    '',
    ...(f.sideOutput ? ['    OutputTag<Event> late = new OutputTag<Event>("late") {};'] : []),
    '    SingleOutputStreamOperator<String> result = events',
    ...(e.keyed
      ? ['        .keyBy(e -> e.key)', `        .window(${window})`]
      : [`        .windowAll(${window})`]),
    // PurgingTrigger: each FIRE becomes FIRE_AND_PURGE, so a late firing emits only the late events.
    ...(f.trigger === 'purging' ? ['        .trigger(PurgingTrigger.of(EventTimeTrigger.create()))'] : []),
    `        .allowedLateness(${javaDuration(f.allowedLatenessMs)})`,
    ...(f.sideOutput ? ['        .sideOutputLateData(late)'] : []),
    '        .aggregate(new Aggregate(), new Describe());',
    '    result.print();',
    ...(f.sideOutput ? ['    result.getSideOutput(late).print("late");'] : []),
    '    env.execute("Streamscope");',
    '  }',
    '}',
  ];
  return { java: lines.join('\n'), notes };
}
