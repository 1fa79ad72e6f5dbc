import type { PayloadSpec } from '../../engine';
import type { Lesson, TaskContext } from '../types';

/** The kind of data the selected tuple's source sends, or null when nothing (that exists) is selected. */
function selectedKind(ctx: TaskContext): PayloadSpec['kind'] | null {
  if (ctx.selectedTuple === null) return null;
  const tuple = ctx.sim.tuple(ctx.selectedTuple);
  if (!tuple) return null;
  return ctx.sim.scenario.producers[tuple.producerIndex]?.spec.payload.kind ?? null;
}

export const tuplesLesson: Lesson = {
  id: 'tuples',
  topic: 'tuples',
  title: 'Streams of tuples',
  summary:
    'What a stream is made of: an unbounded sequence of tuples from many sources, structured, semi-structured or unstructured.',
  steps: [
    {
      title: 'A stream is a sequence of tuples',
      body: [
        'A stream is an unbounded sequence of tuples: small records, each with a key, a value and the time it happened (its event time). New tuples keep coming; there is no last one.',
        'In the Producers panel each lane is one source. A dot is a tuple, drawn where it arrived on the processing-time axis; the thin line behind it reaches back to the moment it was created. The vertical “now” line is the simulator’s clock.',
      ],
      frame: { scenario: 'three-kinds', seed: 7, timeMs: 10000 },
      highlight: ['producers'],
      task: {
        text: 'Click any dot in the lanes (or press Tab to reach the lanes, move with the arrow keys and press Enter). The Tuple inspector on the right shows its payload and its times.',
        hint: 'Any dot will do. The counters above the lanes tell you how many tuples have been created and how many have arrived.',
        check: (ctx) => ctx.selectedTuple !== null && ctx.sim.tuple(ctx.selectedTuple) !== undefined,
      },
    },
    {
      title: 'Structured: rows with a schema',
      body: [
        'The thermostat sends structured tuples. Every one has the same columns with the same types (`room`, `temperature (°C)`, `event_time`, `status`), just like a row in a relational table, so a processor can read a field without guessing.',
        'Structured data is the easiest to process: filters, sums and joins work directly on named, typed columns. Readings from sensors and rows copied out of databases usually look like this.',
      ],
      frame: { scenario: 'three-kinds', seed: 7, timeMs: 10000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Click a dot in the lane labelled Thermostat (rows). The inspector shows it as a table of columns, each with its type.',
        hint: 'If the inspector shows a JSON document or a line of text, you picked another source: look for the lane named Thermostat (rows).',
        check: (ctx) => selectedKind(ctx) === 'structured',
      },
    },
    {
      title: 'Semi-structured: JSON whose fields come and go',
      body: [
        'The phone app sends JSON documents. They have structure (named fields, nesting) but no fixed schema: some carry `tags`, some `meta`, some neither. A processor must cope with fields that may be missing.',
        'Semi-structured data is everywhere on the web and in apps: JSON, XML, events with key-value pairs. Engines such as Spark read it by inferring a schema or by being given one, and treat an absent field as null.',
      ],
      frame: { scenario: 'three-kinds', seed: 7, timeMs: 10000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Click a dot in the Phone app (JSON) lane and read its document. Then click another one from the same lane and compare their fields.',
        hint: 'The phone’s dots have long lines behind them: its mobile network is slow and uneven.',
        check: (ctx) => selectedKind(ctx) === 'semiStructured',
      },
    },
    {
      title: 'Unstructured: free text',
      body: [
        'The web server writes unstructured log lines such as `GET /cart 200 in 87 ms`. There are no fields at all until the processor parses the text, with a pattern or a split, to pull out the path and the response time.',
        'A great deal of data looks like this: log lines, messages, documents. Parsing is the first step of such a pipeline, and a line that does not match the pattern has to go somewhere: dropped, or set aside for a person to look at.',
      ],
      frame: { scenario: 'three-kinds', seed: 7, timeMs: 10000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Click a dot in the Web server (text) lane. The inspector shows the raw line, exactly as the server wrote it.',
        hint: 'The web server is the busiest source, with about three lines a second.',
        check: (ctx) => selectedKind(ctx) === 'unstructured',
      },
    },
    {
      title: 'Sources come and go',
      body: [
        'A stream has no end, and its sources are not always there. The phone loses its connection from 20 s to 32 s. It keeps recording and holds on to what it records until it reconnects: the squares in its lane are tuples waiting on the phone.',
        'For the stream processor those tuples do not exist yet. They will arrive late, all at once, with old event times. The next lesson is about exactly that: the difference between when something happened and when it is seen.',
      ],
      frame: { scenario: 'three-kinds', seed: 7, timeMs: 18000 },
      highlight: ['producers'],
      task: {
        text: 'Press Space to play until the phone is offline and squares appear in its lane.',
        hint: 'The phone goes offline at 20 s. The counter “buffered (offline)” above the lanes counts the tuples it is holding.',
        check: (ctx) => ctx.sim.frame().buffered > 0,
      },
    },
  ],
};
