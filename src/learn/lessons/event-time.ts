import type { TupleView } from '../../engine';
import type { Lesson, TaskContext } from '../types';

/** The selected tuple as known at the cursor, or undefined. */
function selected(ctx: TaskContext): TupleView | undefined {
  return ctx.selectedTuple === null ? undefined : ctx.sim.tuple(ctx.selectedTuple);
}

export const eventTimeLesson: Lesson = {
  id: 'event-time',
  topic: 'event-time',
  title: 'Event time and processing time',
  summary:
    'Every tuple has two times, when it happened and when it was seen; they drift apart, and tuples arrive delayed, out of order, late or in a burst.',
  steps: [
    {
      title: 'Two clocks',
      body: [
        'Every tuple carries two times. Its event time is when it happened, stamped by the source: this sensor’s first reading was taken at 1.0 s. Its processing time is when the stream processor sees it: that reading arrived at 1.5 s.',
        'The lanes are drawn in processing time. A dot sits where its tuple arrived, and the line behind it reaches back to its event time; the small number above it is the event time in seconds. A long line means a long delay.',
        'These readings are written in by hand, as on a lecture slide, so every number here is exact.',
      ],
      frame: { scenario: 'slide-example', seed: 1, timeMs: 5000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Click the first dot in the Sensor lane. In the inspector, read its event time, its arrival time and the delay between them.',
        hint: 'The first reading happened at 1.0 s and arrived at 1.5 s: a delay of 0.5 s. Any reading that has arrived will do.',
        check: (ctx) => selected(ctx)?.status === 'arrived',
      },
    },
    {
      title: 'Out of order',
      body: [
        'The reading taken at 3.0 s is held up on its way and arrives at 6.2 s, after the reading taken at 4.0 s, which arrived at 4.5 s. Tuples from one source do not necessarily arrive in the order in which they happened.',
        'The simulator marks such a tuple as out of order, with an amber diamond: a later tuple from the same source overtook it. A processor that took arrival order for event order would get the sequence of readings wrong.',
      ],
      frame: { scenario: 'slide-example', seed: 1, timeMs: 4000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Step forward with the → key (or play) until 6.2 s, then click the amber diamond.',
        hint: 'Each → step is 0.25 s in this scenario. The diamond appears when the 3.0 s reading finally arrives.',
        check: (ctx) => selected(ctx)?.outOfOrder === true,
      },
    },
    {
      title: 'Late',
      body: [
        'The reading taken at 2.5 s arrives at 11 s, eight and a half seconds after it happened. By then the processor has seen readings up to 9 s, so a processor that reports on each stretch of time may well have reported on this one already.',
        'For now, “late” means more than a fixed bound (3 s in this scenario) behind the newest event time seen so far; the orange triangles in the lanes are late tuples. Watermarks, two lessons on, turn this rough rule into a precise one.',
      ],
      frame: { scenario: 'slide-example', seed: 1, timeMs: 10000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Play past 11 s and click the orange triangle. The inspector explains which newer tuple it was measured against.',
        hint: 'The late reading is drawn at 11 s of processing time, with a long line reaching back to 2.5 s.',
        check: (ctx) => selected(ctx)?.late === true,
      },
    },
    {
      title: 'Offline, then backfill',
      body: [
        'A fitness watch loses its connection from 10 s to 25 s. It keeps measuring and buffers what it records (the squares in its lane). When it reconnects it sends the whole backlog at once: old event times arriving in a burst. This is called backfill.',
        'Backfilled tuples have a ring around them. They are not lost, only very delayed. A processor that grouped tuples by arrival time would count fifteen seconds of heart-rate readings in the moment they arrived.',
      ],
      frame: { scenario: 'offline-backfill', seed: 3, timeMs: 22000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Play past 25 s and click one of the watch’s ringed tuples.',
        hint: 'The burst arrives just after 25 s; the inspector then shows when the tuple was sent as well as when it happened.',
        check: (ctx) => {
          const t = selected(ctx);
          return t?.backfilled === true && t.status === 'arrived';
        },
      },
    },
    {
      title: 'A third clock: ingestion time',
      // Flink's pre-1.12 "Event Time" docs (TimeCharacteristic.IngestionTime): event time, ingestion time (stamped once where data enters),
      // processing time. Kafka topic config `message.timestamp.type`: CreateTime (the producer's stamp)
      // or LogAppendTime (the broker's append time).
      body: [
        'Between the two sits a third clock. A tuple’s ingestion time is when it enters the system: here, when the Kafka broker appends it to its partition. In this scenario the inspector’s arrival time is that moment; the query reads the topic only every 5 s, so its processing time comes later, as “Where it went” shows.',
        'Kafka can carry either clock in a record’s timestamp: the producer’s `CreateTime` (often the event time) or, for a topic with `message.timestamp.type=LogAppendTime`, the broker’s append time. Ingestion time is stamped once, so every operator and every re-run agrees on it; but like processing time it records arrival, so a backlog still lands late.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 12000 },
      highlight: ['producers', 'broker', 'inspector'],
    },
    {
      title: 'Which clock should a query use?',
      body: [
        'Processing time is easy: it is the processor’s own clock, and it only moves forward. But results then depend on network delays and outages. Run the same data through again and the answers change.',
        'Event time gives the answer the data means (how fast was the heart beating between 10 s and 15 s?) however late the tuples turn up. The price is waiting: the processor has to decide how long to wait for stragglers. That decision is the watermark.',
      ],
      frame: { scenario: 'offline-backfill', seed: 3, timeMs: 30000 },
      highlight: ['producers', 'inspector'],
      task: {
        text: 'Find a tuple whose delay (arrival time minus event time) is more than 10 seconds, and select it.',
        hint: 'Look at the watch’s backlog: a reading taken at 10 s arrived after 25 s.',
        check: (ctx) => (selected(ctx)?.delayMs ?? 0) > 10000,
      },
    },
  ],
};
