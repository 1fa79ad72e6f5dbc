/**
 * Event time: ingestion time, the third clock (issue 18). Sources: Flink's pre-1.12 "Event Time" docs
 * (event time, ingestion time, processing time; TimeCharacteristic.IngestionTime), Kafka's `message.timestamp.type`
 * (CreateTime, the producer's stamp, or LogAppendTime, the broker's: an ingestion time).
 */
import type { StaticQuestion } from '../types';

export const eventTimeClockQuestions: readonly StaticQuestion[] = [
  {
    id: 'event-time-ingestion-time',
    topic: 'event-time',
    kind: 'choice',
    prompt:
      'A heart-rate reading is taken by a watch at 10:00:00, appended to a Kafka log by the broker at 10:00:03, and processed by a Spark job at 10:00:05. Which of these is its ingestion time?',
    options: [
      {
        text: '10:00:00',
        why: 'That is when the reading happened: its event time, stamped by the watch.',
      },
      {
        text: '10:00:05',
        why: 'That is its processing time, the clock of the machine that handles it.',
      },
      {
        text: '10:00:03',
        why: 'Right: ingestion time is when the reading entered the system, stamped once by the broker or the source operator. Kafka stamps it when a topic uses `message.timestamp.type=LogAppendTime`.',
      },
      {
        text: 'It has none: a reading has only event time and processing time.',
        why: 'There is a third clock between the two: when the data entered the system. Flink’s documentation called it ingestion time (`TimeCharacteristic.IngestionTime`, deprecated since Flink 1.12).',
      },
    ],
    answer: 2,
    // Flink's pre-1.12 "Event Time" docs (TimeCharacteristic.IngestionTime): ingestion time is the time an event enters Flink, assigned at
    // the source; Kafka topic config `message.timestamp.type` = LogAppendTime stamps the broker's time.
    explanation:
      'Three clocks describe one reading: event time (when it happened, at the device), ingestion time (when it entered the pipeline, at the broker or source) and processing time (when an operator handles it). Ingestion time is stamped once, so every later operator sees the same value.',
    hint: 'Which of the three moments is stamped by the system the reading enters?',
  },
  {
    id: 'event-time-ingestion-lag',
    topic: 'event-time',
    kind: 'numeric',
    prompt:
      'A reading happened at 12:00:04 (its event time). The broker appended it at 12:00:10 (its ingestion time) and the stream processor handled it at 12:00:11. How many seconds did it take to reach the broker?',
    answer: 6,
    unit: 's',
    explanation:
      'Ingestion time minus event time: 12:00:10 − 12:00:04 = 6 s spent between the device and the broker (a slow network, or a device that was offline). The processor then took 1 s more: processing time − ingestion time.',
    hint: 'Subtract the clock stamped at the device from the clock stamped at the broker.',
  },
  {
    id: 'event-time-ingestion-windows',
    topic: 'event-time',
    kind: 'choice',
    prompt:
      'A watch offline from 10 s to 25 s uploads its backlog when it reconnects. The readings are counted in 5 s windows of ingestion time instead of processing time. What changes?',
    options: [
      {
        text: 'The results no longer depend on how fast the processor runs or when a job is re-run, but the backlog still lands in the windows after 25 s.',
        why: 'Right: ingestion time is stamped once, when a reading enters the system, so re-running or a slow processor gives the same windows; but it records arrival at the broker, not when the reading was taken.',
      },
      {
        text: 'The backlog is counted in the 10–25 s windows, where the readings belong.',
        why: 'Only event time puts a reading in the window of when it was taken; the backlog entered the system after 25 s.',
      },
      {
        text: 'Nothing: ingestion time and processing time are the same clock.',
        why: 'Processing time is read by each operator when it handles a reading, so it changes with load and with every re-run; ingestion time is stamped once.',
      },
      {
        text: 'Readings that arrive out of order are dropped as late.',
        why: 'Ingestion time only grows as readings enter, so nothing is out of order by it, and nothing is late.',
      },
    ],
    answer: 0,
    // Flink's pre-1.12 "Event Time" docs (TimeCharacteristic.IngestionTime): ingestion time sits between event time and processing time;
    // its timestamps are assigned once at the source, so later operators agree on them.
    explanation:
      'Ingestion time sits between the other two clocks: stable like event time (every operator and every re-run sees the same stamp), but like processing time it describes arrival, so a delayed backlog still lands late. Only event time puts readings where they happened.',
    hint: 'When, and by whom, is the ingestion timestamp written?',
    frame: { scenario: 'offline-backfill', timeMs: 26_000 },
  },
];
