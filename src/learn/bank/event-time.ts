import type { StaticQuestion } from '../types';

export const eventTimeQuestions: readonly StaticQuestion[] = [
  {
    id: 'event-time-which-is-event-time',
    topic: 'event-time',
    kind: 'choice',
    prompt:
      'A fitness watch records a step at 10:00:05. The reading reaches the stream processor at 10:00:12. What is its event time?',
    options: [
      {
        text: '10:00:12, when the processor handles it',
        why: 'That is its processing time: when the system saw it, not when it happened.',
      },
      {
        text: 'Whatever time the broker stamps when it stores the reading',
        why: 'That is ingestion (or log-append) time, which also depends on the network, not on when the step happened.',
      },
      {
        text: '7 seconds',
        why: 'That is the gap between processing time and event time (the skew), not a point in time.',
      },
      {
        text: '10:00:05, when the step happened',
        why: 'Right: event time is the time the event occurred at its source, carried inside the tuple.',
      },
    ],
    answer: 3,
    explanation:
      'Event time is when something happened; processing time is when the system observes it. They differ by network delays, outages and queueing, and the difference varies from tuple to tuple.',
    hint: 'One of the times is a property of the event itself, whatever happens to it afterwards.',
  },
  {
    id: 'event-time-skew-seconds',
    topic: 'event-time',
    kind: 'numeric',
    prompt:
      'A reading has event time 12:30:04 and is processed at 12:30:19. How far does its processing time lag behind its event time (the skew), in seconds?',
    answer: 15,
    unit: 's',
    explanation:
      '12:30:19 − 12:30:04 = 15 s. The skew is processing time minus event time; it changes from tuple to tuple with network delays and outages.',
    hint: 'Subtract the earlier time from the later one.',
  },
  {
    id: 'event-time-slide-late-reading',
    topic: 'event-time',
    kind: 'numeric',
    prompt:
      'In this example a reading with event time 2.5 s arrives at 11.0 s, long after its neighbours. How many milliseconds after it happened does it arrive?',
    answer: 8500,
    unit: 'ms',
    explanation:
      '11 000 ms − 2500 ms = 8500 ms. Its neighbours arrive about 500 ms after they happen, so this one is far behind: it is late, and an event-time window for it may already have been closed.',
    hint: 'Convert both times to milliseconds and subtract.',
    frame: { scenario: 'slide-example', timeMs: 11_500 },
  },
  {
    id: 'event-time-overtaken-count',
    topic: 'event-time',
    kind: 'numeric',
    prompt:
      'Readings as (event time → arrival time): 1.0 s → 1.5 s, 2.0 s → 2.5 s, 3.0 s → 6.2 s, 4.0 s → 4.5 s, 5.0 s → 5.5 s, 6.0 s → 6.5 s. How many readings with a later event time arrive before the 3.0 s reading?',
    answer: 2,
    unit: 'readings',
    explanation:
      'The 4.0 s reading (arrives 4.5 s) and the 5.0 s reading (arrives 5.5 s) overtake it; the 6.0 s reading arrives at 6.5 s, after it. The 3.0 s reading is out of order.',
    hint: 'Look for readings whose event time is after 3.0 s but whose arrival time is before 6.2 s.',
    frame: { scenario: 'slide-example', timeMs: 7000 },
  },
  {
    id: 'event-time-backfill-processing-windows',
    topic: 'event-time',
    kind: 'choice',
    prompt:
      'A fitness watch is offline from 10 s to 25 s and then uploads its heart-rate backlog in one burst; a pedometer on a steady connection keeps sending. If the watch’s readings are counted in 5 s windows of processing time, what does the result show?',
    options: [
      {
        text: 'The same counts as event-time windows would, only reported later.',
        why: 'Processing-time windows group by arrival, and the backlog all arrives at once: the counts land in different windows.',
      },
      {
        text: 'No watch readings between 10 s and 25 s, then one window holding its whole backlog.',
        why: 'Right: by arrival time nothing came from the watch while it was offline (only the pedometer’s readings did), and everything it recorded arrived together after it reconnected.',
      },
      {
        text: 'The backlog is dropped, because it arrives out of order.',
        why: 'Processing-time windows never look at event time, so nothing is out of order for them; the readings are counted, just in the wrong window.',
      },
      {
        text: 'The processor keeps the 10–25 s windows open until the watch reconnects.',
        why: 'Processing-time windows close by the processor clock; they cannot know a device is offline.',
      },
    ],
    answer: 1,
    explanation:
      'Grouping by processing time describes when data arrived, not when things happened. To count the watch’s readings when they were taken, windows must use event time, and the processor needs a way (a watermark) to decide how long to wait for stragglers.',
    hint: 'In processing time, when did the readings taken during the outage arrive?',
    frame: { scenario: 'offline-backfill', timeMs: 26_000 },
  },
  {
    id: 'event-time-out-of-order-cause',
    topic: 'event-time',
    kind: 'choice',
    prompt:
      'Reading A happens before reading B on the same phone, but the processor receives B first. What is the most likely cause?',
    options: [
      {
        text: 'A was delayed on the network or resent after a failure, so B overtook it.',
        why: 'Right: variable network delays, retries and reconnections routinely reorder tuples between source and processor.',
      },
      {
        text: 'The processor sorts its input by processing time.',
        why: 'Sorting by processing time is just arrival order; it cannot put B before A unless B arrived first for another reason.',
      },
      {
        text: 'The processor gave the readings their event times when they arrived.',
        why: 'Then event time would equal arrival order and the readings could not be out of order by definition.',
      },
      {
        text: 'Nothing: streams are always delivered in event-time order, so this cannot happen.',
        why: 'No network or broker guarantees event-time order; out-of-order data is the normal case stream processors must handle.',
      },
    ],
    answer: 0,
    explanation:
      'Out-of-order arrival is normal: tuples take different paths, wait in buffers or are retried. Event-time processing exists so results do not depend on this arrival order.',
    hint: 'What can happen to a message between a phone and a server?',
    frame: { scenario: 'slide-example', timeMs: 7000 },
  },
  {
    id: 'event-time-backfill-journey',
    topic: 'event-time',
    kind: 'order',
    prompt: 'Put the journey of a reading recorded while the watch was offline in order.',
    items: [
      'The watch records the reading and stamps its event time',
      'The watch stores the reading locally while it has no connection',
      'The watch reconnects and uploads its backlog',
      'The broker appends the reading to its log',
      'The stream processor reads and processes the reading (its processing time)',
    ],
    explanation:
      'The event time is fixed at the first step; every later step only adds delay. For a backfilled reading that delay includes the whole outage, so it arrives with an old event time among much newer ones.',
    hint: 'The event time is stamped once, at the very start; the processing time comes last.',
    frame: { scenario: 'offline-backfill', timeMs: 26_000 },
  },
];
